import AWSTestSupport
import Foundation
import Testing

@testable import AWSClient

/// The URLSession transport against the scripted loopback server.
@Suite struct URLSessionTransportTests {
    @Test func consecutiveRequestsReuseOneConnection() async throws {
        let server = try await ScriptedServer(Array(repeating: .respond(status: 200, body: "ok"), count: 5))
        defer { server.stop() }
        let transport = URLSessionTransport()
        for index in 0..<5 {
            let response = try await transport.send(
                HTTPRequest(
                    method: "POST", url: server.endpoint, headers: [("X-Index", "\(index)")],
                    body: Array("n=\(index)".utf8)))
            #expect(response.status == 200)
            #expect(response.body == Array("ok".utf8))
        }
        let requests = try await server.requests()
        #expect(requests.map(\.body) == ["n=0", "n=1", "n=2", "n=3", "n=4"])
        #expect(requests.map { $0.header("X-Index") } == ["0", "1", "2", "3", "4"])
        #expect(Set(requests.map(\.peerPort)).count == 1)
    }

    @Test func statusHeadersAndBodyComeBackWhateverTheStatus() async throws {
        let server = try await ScriptedServer([
            .respond(status: 404, body: "missing ☕", headers: [("X-Amz-Request-Id", "r-1")])
        ])
        defer { server.stop() }
        let response = try await URLSessionTransport().send(HTTPRequest(method: "GET", url: server.endpoint))
        #expect(response.status == 404)
        #expect(response.header("x-amz-request-id") == "r-1")
        #expect(String(decoding: response.body, as: UTF8.self) == "missing ☕")
        #expect(response.header("Date") != nil)
    }

    @Test func theDeadlineHoldsToTheMillisecond() async throws {
        // The answer comes far later than any scheduling delay on a loaded machine, so only the deadline can end
        // the call in time; the bounds below are loose for the same reason.
        let server = try await ScriptedServer([.respond(status: 200, delay: 30)])
        defer { server.stop() }
        let clock = ContinuousClock()
        let start = clock.now
        await #expect(throws: TransportError.timedOut(host: "127.0.0.1", after: .milliseconds(300))) {
            _ = try await URLSessionTransport().send(
                HTTPRequest(
                    method: "GET", url: server.endpoint, timeout: .milliseconds(300)))
        }
        let elapsed = clock.now - start
        #expect(elapsed >= .milliseconds(290))
        #expect(elapsed < .seconds(15))
    }

    @Test func cancellingTheTaskCancelsTheRequest() async throws {
        let server = try await ScriptedServer([.respond(status: 200, delay: 30)])
        defer { server.stop() }
        let task = Task {
            try await URLSessionTransport().send(HTTPRequest(method: "GET", url: server.endpoint))
        }
        try await Task.sleep(for: .milliseconds(200))
        task.cancel()
        let clock = ContinuousClock()
        let start = clock.now
        let result = await task.result
        #expect(clock.now - start < .seconds(15))  // far below the 30 s answer; loose for a loaded machine
        guard case .failure(let error) = result else {
            Issue.record("a cancelled request returned a response")
            return
        }
        #expect(error is CancellationError)
    }
}
