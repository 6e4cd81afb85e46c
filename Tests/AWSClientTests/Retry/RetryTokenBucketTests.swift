import Testing

@testable import AWSClient

@Suite struct RetryTokenBucketTests {
    @Test func startsFullAndRefusesWhenEmpty() {
        var bucket = RetryTokenBucket()
        #expect(bucket.available == 500)
        var retries = 0
        while bucket.acquire(RetryTokenBucket.retryCost) { retries += 1 }
        #expect(retries == 100)
        #expect(bucket.available == 0)
        let acquiredFromEmpty = bucket.acquire(1)
        #expect(!acquiredFromEmpty)
    }

    @Test func timeoutsCostTenAndPartialAcquireTakesNothing() {
        var bucket = RetryTokenBucket(capacity: 12)
        let first = bucket.acquire(RetryTokenBucket.timeoutRetryCost)
        #expect(first)
        #expect(bucket.available == 2)
        let second = bucket.acquire(RetryTokenBucket.retryCost)
        #expect(!second)
        #expect(bucket.available == 2)
    }

    @Test func successRefundsTheLastRetryOrOneToken() {
        var bucket = RetryTokenBucket(capacity: 500)
        _ = bucket.acquire(10)
        _ = bucket.acquire(5)
        bucket.recordSuccess(lastRetryCost: 5)
        #expect(bucket.available == 490)
        bucket.recordSuccess(lastRetryCost: nil)
        #expect(bucket.available == 491)
    }

    @Test func neverExceedsCapacity() {
        var bucket = RetryTokenBucket(capacity: 500)
        bucket.recordSuccess(lastRetryCost: nil)
        bucket.recordSuccess(lastRetryCost: 10)
        #expect(bucket.available == 500)
    }
}
