import AWSTestSupport
import Foundation
import Testing

@testable import AWSClient

/// The client's clock stands still at `ScriptedClient.start`; the scripted server's `Date` header is that time plus
/// an offset, so the skew the client must learn is exactly the offset.
@Suite struct ClockSkewTests {
    private static func amzDate(_ text: String?) -> Date? {
        guard let text, text.count == 16 else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let digits = Array(text)
        func number(_ range: Range<Int>) -> Int? { Int(String(digits[range])) }
        var components = DateComponents()
        components.year = number(0..<4)
        components.month = number(4..<6)
        components.day = number(6..<8)
        components.hour = number(9..<11)
        components.minute = number(11..<13)
        components.second = number(13..<15)
        return calendar.date(from: components)
    }

    @Test(arguments: [
        ("RequestTimeTooSkewed", "The difference between the request time and the current time is too large.", 3600.0),
        ("RequestExpired", "Request has expired.", -1800),
        ("InvalidSignatureException", "Signature expired: 20260101T000000Z is now earlier than 20260101T010000Z", 7200),
        ("SignatureDoesNotMatch", "Signature not yet current", 900),
    ])
    func aSkewErrorCorrectsTheClockAndRetriesOnce(code: String, message: String, offset: Double) async throws {
        let scripted = try await ScriptedClient(
            [
                .error(403, code: code, message: message, date: ScriptedClient.start.addingTimeInterval(offset)),
                Answers.callerIdentity(), Answers.callerIdentity(),
            ],
            advancingClock: false)
        _ = try await scripted.sts.getCallerIdentity()
        let requests = try await scripted.server.requests()
        #expect(requests.count == 2)
        #expect(scripted.sleeps.isEmpty)
        let first = try #require(Self.amzDate(requests.first?.header("X-Amz-Date")))
        let second = try #require(Self.amzDate(requests.last?.header("X-Amz-Date")))
        #expect(first == ScriptedClient.start)
        #expect(second.timeIntervalSince(first) == offset)
        #expect(scripted.client.clockOffset == offset)
        #expect(requests.first?.header("Authorization") != requests.last?.header("Authorization"))

        // The correction stays: the next call is signed with the corrected time straight away.
        _ = try await scripted.sts.getCallerIdentity()
        let third = try await scripted.server.requests().last
        #expect(Self.amzDate(third?.header("X-Amz-Date")) == ScriptedClient.start.addingTimeInterval(offset))
    }

    @Test func aSkewErrorIsRetriedOnlyOnce() async throws {
        let scripted = try await ScriptedClient(
            Array(
                repeating: .error(
                    403, code: "RequestTimeTooSkewed", message: "too skewed",
                    date: ScriptedClient.start.addingTimeInterval(3600)),
                count: 3),
            advancingClock: false)
        let error = await #expect(throws: AWSClientError.self) { try await scripted.sts.getCallerIdentity() }
        #expect(error?.serviceCode == "RequestTimeTooSkewed")
        #expect(try await scripted.server.requests().count == 2)
    }

    @Test func aSignatureMismatchWithoutSkewIsNotRetried() async throws {
        let scripted = try await ScriptedClient(
            [
                .error(
                    403, code: "SignatureDoesNotMatch", message: "The request signature we calculated does not match",
                    date: ScriptedClient.start.addingTimeInterval(20)),
                Answers.callerIdentity(),
            ],
            advancingClock: false)
        let error = await #expect(throws: AWSClientError.self) { try await scripted.sts.getCallerIdentity() }
        #expect(error?.serviceCode == "SignatureDoesNotMatch")
        #expect(try await scripted.server.requests().count == 1)
        #expect(scripted.client.clockOffset == 0)
    }
}
