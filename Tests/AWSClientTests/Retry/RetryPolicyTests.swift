import Testing

@testable import AWSClient

@Suite struct RetryPolicyTests {
    private func error(_ code: String, status: Int = 400, message: String = "") -> AWSServiceError {
        AWSServiceError(code: code, message: message, status: status)
    }

    @Test(arguments: [
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException",
        "TooManyRequestsException", "ProvisionedThroughputExceededException", "TransactionInProgressException",
        "RequestLimitExceeded", "BandwidthLimitExceeded", "LimitExceededException", "RequestThrottled", "SlowDown",
        "PriorRequestNotComplete", "EC2ThrottledException", "RequestTimeout", "RequestTimeoutException",
    ])
    func retriesThrottlingAndTransientCodes(code: String) {
        #expect(RetryPolicy.decide(error(code), serverDate: nil, localDate: 0) == .retry(cost: 5))
    }

    @Test(arguments: [500, 502, 503, 504])
    func retriesServerErrors(status: Int) {
        #expect(
            RetryPolicy.decide(error("InternalFailure", status: status), serverDate: nil, localDate: 0)
                == .retry(cost: 5))
    }

    @Test(arguments: [
        ("ValidationError", 400), ("AccessDenied", 403), ("NotFound", 404), ("AlreadyExistsException", 400),
        ("InvalidClientTokenId", 403), ("HTTP501", 501), ("HTTP409", 409),
    ])
    func neverRetriesOtherErrors(code: String, status: Int) {
        #expect(RetryPolicy.decide(error(code, status: status), serverDate: nil, localDate: 0) == .fail)
    }

    @Test func retriesTransportErrorsTimeoutsCostMore() {
        #expect(RetryPolicy.decide(.connectionFailed(host: "h", reason: "r")) == .retry(cost: 5))
        #expect(RetryPolicy.decide(.timedOut(host: "h", after: .seconds(1))) == .retry(cost: 10))
    }

    @Test(arguments: [
        ("RequestTimeTooSkewed", "", 600.0, RetryPolicy.Decision.correctClock(offset: 600)),
        ("RequestExpired", "", -900, .correctClock(offset: -900)),
        ("RequestInTheFuture", "", -30, .correctClock(offset: -30)),
        (
            "InvalidSignatureException", "Signature expired: 20260101T000000Z is now earlier than …", 400,
            .correctClock(offset: 400)
        ),
        ("InvalidSignatureException", "The request signature we calculated does not match", 400, .fail),
        ("SignatureDoesNotMatch", "", 3600, .correctClock(offset: 3600)),
        ("SignatureDoesNotMatch", "", 20, .fail),
    ])
    func correctsTheClockOnSkewErrors(code: String, message: String, skew: Double, expected: RetryPolicy.Decision) {
        let local = 1_800_000_000.0
        #expect(
            RetryPolicy.decide(error(code, message: message), serverDate: local + skew, localDate: local)
                == expected)
    }

    @Test func skewErrorWithoutDateHeaderIsNotRetried() {
        #expect(RetryPolicy.decide(error("RequestTimeTooSkewed"), serverDate: nil, localDate: 0) == .fail)
    }

    @Test(arguments: [
        (1, 0.5, Duration.milliseconds(500)), (2, 0.5, .seconds(1)), (3, 0.5, .seconds(2)),
        (5, 1.0, .seconds(16)), (6, 1.0, .seconds(20)), (40, 1.0, .seconds(20)), (3, 0.0, .zero),
    ])
    func backoffIsFullJitterOfACappedExponential(retry: Int, random: Double, expected: Duration) {
        #expect(RetryConfiguration.standard.backoff(retry: retry, random: random) == expected)
    }

    @Test func backoffStaysWithinBoundsForAnyRandomNumber() {
        let configuration = RetryConfiguration.standard
        for retry in 1...12 {
            for step in 0..<100 {
                let delay = configuration.backoff(retry: retry, random: Double(step) / 100)
                #expect(delay >= .zero)
                #expect(delay <= .seconds(20))
                #expect(delay <= .seconds(1) * (1 << (retry - 1)))
            }
        }
    }

    @Test(arguments: [
        ("Sun, 06 Nov 1994 08:49:37 GMT", 784_111_777.0),
        ("Thu, 01 Jan 1970 00:00:00 GMT", 0),
        ("Sat, 29 Feb 2020 23:59:59 GMT", 1_583_020_799),
    ])
    func readsHTTPDates(text: String, expected: Double) {
        #expect(HTTPDate.parse(text) == expected)
    }

    @Test(arguments: [
        "", "Sunday, 06-Nov-94 08:49:37 GMT", "Sun, 06 Nov 1994 08:49:37 PST", "Sun, 32 Nov 1994 08:49:37 GMT",
    ])
    func rejectsOtherDateFormats(text: String) {
        #expect(HTTPDate.parse(text) == nil)
    }
}
