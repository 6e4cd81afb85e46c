/// How persistently the client retries, as in the AWS SDKs' standard retry mode.
public struct RetryConfiguration: Sendable, Hashable {
    /// Attempts per call, the first included. 1 turns retries off.
    public var maxAttempts: Int
    /// The backoff before retry N is `random(0, 1) × min(baseDelay × 2^(N−1), maxBackoff)`.
    public var baseDelay: Duration
    public var maxBackoff: Duration
    /// The size of the retry quota shared by every call of one client.
    public var quotaCapacity: Int

    public init(
        maxAttempts: Int = 3,
        baseDelay: Duration = .seconds(1),
        maxBackoff: Duration = .seconds(20),
        quotaCapacity: Int = RetryTokenBucket.defaultCapacity
    ) {
        self.maxAttempts = max(1, maxAttempts)
        self.baseDelay = baseDelay
        self.maxBackoff = maxBackoff
        self.quotaCapacity = quotaCapacity
    }

    public static let standard = RetryConfiguration()

    /// The delay before retry number `retry` (1 for the first retry), given a random number in [0, 1).
    public func backoff(retry: Int, random: Double) -> Duration {
        let exponent = min(max(retry - 1, 0), 30)
        let ceiling = min(baseDelay * (1 << exponent), maxBackoff)
        let fraction = min(max(random, 0), 1)
        return ceiling * fraction
    }
}
