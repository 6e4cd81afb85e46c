/// The retry quota of the SDKs' standard mode: every retry takes tokens (5, or 10 after a timeout), a call that
/// succeeds gives back what its last retry took (or 1 when it needed no retry), and when the bucket runs dry the
/// client stops retrying, so a failing region is not hammered.
public struct RetryTokenBucket: Sendable, Hashable {
    public static let defaultCapacity = 500
    public static let retryCost = 5
    public static let timeoutRetryCost = 10
    public static let noRetryIncrement = 1

    public let capacity: Int
    public private(set) var available: Int

    public init(capacity: Int = defaultCapacity) {
        self.capacity = capacity
        self.available = capacity
    }

    /// Takes `cost` tokens and returns true, or returns false and takes none when fewer are left.
    public mutating func acquire(_ cost: Int) -> Bool {
        guard available >= cost else { return false }
        available -= cost
        return true
    }

    /// Records a successful call: gives back the tokens its last retry took, or the no-retry increment.
    public mutating func recordSuccess(lastRetryCost: Int?) {
        available = min(capacity, available + (lastRetryCost ?? Self.noRetryIncrement))
    }
}
