import Foundation

/// The state one client shares across its calls: the retry quota and the clock correction. Guarded by a lock, as
/// calls run concurrently.
final class ClientState: @unchecked Sendable {
    private let lock = NSLock()
    private var bucket: RetryTokenBucket
    private var offset: Double = 0

    init(quotaCapacity: Int) {
        bucket = RetryTokenBucket(capacity: quotaCapacity)
    }

    var availableRetryTokens: Int { lock.withLock { bucket.available } }

    /// Seconds to add to the local clock so it matches the services' clock.
    var clockOffset: Double { lock.withLock { offset } }

    func acquireRetryTokens(_ cost: Int) -> Bool {
        lock.withLock { bucket.acquire(cost) }
    }

    func recordSuccess(lastRetryCost: Int?) {
        lock.withLock { bucket.recordSuccess(lastRetryCost: lastRetryCost) }
    }

    func adjustClockOffset(by delta: Double) {
        lock.withLock { offset += delta }
    }
}
