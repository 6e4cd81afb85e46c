/// Decides, from the outcome of one attempt, whether the call is retried: on the throttling and transient error
/// codes the SDKs retry on, on 500, 502, 503 and 504, and when no answer arrived; never on any other 4xx. Clock
/// skew errors are told apart, since the client corrects its clock before it retries them.
public enum RetryPolicy {
    /// Error codes that mean "slow down" (botocore's standard mode list).
    public static let throttlingCodes: Set<String> = [
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException",
        "TooManyRequestsException", "ProvisionedThroughputExceededException", "TransactionInProgressException",
        "RequestLimitExceeded", "BandwidthLimitExceeded", "LimitExceededException", "RequestThrottled", "SlowDown",
        "PriorRequestNotComplete", "EC2ThrottledException",
    ]
    /// Error codes for failures that may pass on their own.
    public static let transientCodes: Set<String> = [
        "RequestTimeout", "RequestTimeoutException", "PriorRequestNotComplete",
    ]
    public static let transientStatuses: Set<Int> = [500, 502, 503, 504]
    /// Error codes that always mean the request's time was off.
    public static let clockSkewCodes: Set<String> = [
        "RequestTimeTooSkewed", "RequestExpired", "RequestInTheFuture",
    ]
    /// A `SignatureDoesNotMatch` counts as skew only when the server's clock is this far from ours.
    public static let skewTolerance: Double = 4 * 60

    /// What to do after an attempt that failed.
    public enum Decision: Sendable, Hashable {
        /// Retry after a backoff, taking this many tokens from the retry quota.
        case retry(cost: Int)
        /// Correct the clock by the server's `Date` and retry at once.
        case correctClock(offset: Double)
        /// Give up and report the failure.
        case fail
    }

    /// Decides what follows a service error. `serverDate` is the response's `Date` header and `localDate` the
    /// (already corrected) time the request was signed with, both in seconds since 1970.
    public static func decide(
        _ error: AWSServiceError,
        serverDate: Double?,
        localDate: Double
    ) -> Decision {
        if let serverDate, isClockSkewError(error, serverDate: serverDate, localDate: localDate) {
            return .correctClock(offset: serverDate - localDate)
        }
        if throttlingCodes.contains(error.code) || transientCodes.contains(error.code)
            || transientStatuses.contains(error.status)
        {
            return .retry(cost: RetryTokenBucket.retryCost)
        }
        return .fail
    }

    /// Decides what follows an attempt that got no answer: always a retry, dearer after a timeout.
    public static func decide(_ error: TransportError) -> Decision {
        switch error {
        case .timedOut: .retry(cost: RetryTokenBucket.timeoutRetryCost)
        case .connectionFailed: .retry(cost: RetryTokenBucket.retryCost)
        }
    }

    static func isClockSkewError(_ error: AWSServiceError, serverDate: Double, localDate: Double) -> Bool {
        if clockSkewCodes.contains(error.code) { return true }
        if error.code == "InvalidSignatureException", error.message.contains("Signature expired") { return true }
        if error.code == "SignatureDoesNotMatch" || error.code == "AuthFailure" {
            return abs(serverDate - localDate) > skewTolerance
        }
        return false
    }
}
