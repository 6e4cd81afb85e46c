import AWSTestSupport
import Foundation
import Testing

@testable import AWSClient

/// Faults moto cannot produce, from the scripted loopback server: each leads to the right number of attempts, or
/// to a clear error.
@Suite struct RetryFaultTests {
    @Test func throttlingIsRetriedWithBackoffAndEveryAttemptIsSignedAfresh() async throws {
        let scripted = try await ScriptedClient([
            .error(400, code: "Throttling", message: "Rate exceeded"),
            .error(400, code: "ThrottlingException", message: "Rate exceeded"),
            Answers.callerIdentity(),
        ])
        let identity = try await scripted.sts.getCallerIdentity()
        #expect(identity.account == "123456789012")
        let requests = try await scripted.server.requests()
        #expect(requests.count == 3)
        #expect(scripted.sleeps == [.milliseconds(500), .seconds(1)])
        let dates = requests.compactMap { $0.header("X-Amz-Date") }
        #expect(dates == ["20270115T080000Z", "20270115T080001Z", "20270115T080002Z"])
        #expect(Set(requests.compactMap { $0.header("Authorization") }).count == 3)
        #expect(requests.allSatisfy { $0.body == "Action=GetCallerIdentity&Version=2011-06-15" })
        #expect(scripted.client.availableRetryTokens == 500 - 5 - 5 + 5)
    }

    @Test func throttlingOnEveryAttemptEndsWithTheServiceError() async throws {
        let scripted = try await ScriptedClient(
            Array(repeating: .error(400, code: "Throttling", message: "Rate exceeded"), count: 3))
        let error = await #expect(throws: AWSClientError.self) { try await scripted.sts.getCallerIdentity() }
        #expect(error.map { "\($0)" } == "Throttling: Rate exceeded (request req-Throttling)")
        #expect(try await scripted.server.requests().count == 3)
        #expect(scripted.client.availableRetryTokens == 490)
    }

    @Test func maxAttemptsIsConfigurable() async throws {
        let scripted = try await ScriptedClient(
            Array(repeating: .error(503, code: "ServiceUnavailable", message: "down"), count: 5),
            retry: RetryConfiguration(maxAttempts: 5))
        await #expect(throws: AWSClientError.self) { try await scripted.sts.getCallerIdentity() }
        #expect(try await scripted.server.requests().count == 5)
        #expect(scripted.sleeps == [.milliseconds(500), .seconds(1), .seconds(2), .seconds(4)])
    }

    @Test(arguments: [500, 502, 503, 504])
    func serverErrorsAreRetried(status: Int) async throws {
        let scripted = try await ScriptedClient([
            .respond(status: status, body: "<html>oops</html>"), Answers.callerIdentity(),
        ])
        _ = try await scripted.sts.getCallerIdentity()
        #expect(try await scripted.server.requests().count == 2)
    }

    @Test(arguments: [
        (400, "ValidationError", "Stack with id app does not exist"),
        (403, "AccessDenied", "User is not authorized"),
        (404, "NotFound", "nothing"),
        (409, "AlreadyExistsException", "Stack app already exists"),
    ])
    func otherClientErrorsAreNotRetried(status: Int, code: String, message: String) async throws {
        let scripted = try await ScriptedClient([
            .error(status, code: code, message: message), Answers.callerIdentity(),
        ])
        let error = await #expect(throws: AWSClientError.self) { try await scripted.sts.getCallerIdentity() }
        #expect(error.map { "\($0)" } == "\(code): \(message) (request req-\(code))")
        #expect(try await scripted.server.requests().count == 1)
        #expect(scripted.sleeps.isEmpty)
    }

    @Test func aDroppedConnectionIsRetried() async throws {
        let scripted = try await ScriptedClient([.drop(), Answers.callerIdentity()])
        _ = try await scripted.sts.getCallerIdentity()
        #expect(try await scripted.server.requests().count == 2)
        #expect(scripted.sleeps == [.milliseconds(500)])
    }

    @Test func aSlowAnswerTimesOutAndIsRetried() async throws {
        let scripted = try await ScriptedClient(
            [.respond(status: 200, body: "late", delay: 30), Answers.callerIdentity()], timeout: .seconds(1))
        let clock = ContinuousClock()
        let started = clock.now
        _ = try await scripted.sts.getCallerIdentity()
        // Far below the late answer's 30 s: the first attempt timed out; loose, as the machine may be loaded.
        #expect(clock.now - started < .seconds(15))
        #expect(try await scripted.server.requests().count == 2)
        #expect(scripted.client.availableRetryTokens == 500)
    }

    @Test func timeoutsOnEveryAttemptEndWithATimeoutError() async throws {
        let scripted = try await ScriptedClient(
            Array(repeating: .respond(status: 200, delay: 30), count: 3), timeout: .milliseconds(300))
        let error = await #expect(throws: AWSClientError.self) { try await scripted.sts.getCallerIdentity() }
        guard case .transport(.timedOut, let attempts) = error else {
            Issue.record("expected a timeout, got \(String(describing: error))")
            return
        }
        #expect(attempts == 3)
        #expect("\(error.map { "\($0)" } ?? "")".hasPrefix("The request to '127.0.0.1' timed out after 0.3 seconds."))
        #expect(scripted.client.availableRetryTokens == 480)
    }

    @Test func theRetryQuotaStopsRetriesWhenEmpty() async throws {
        let scripted = try await ScriptedClient(
            [
                .error(503, code: "ServiceUnavailable", message: "down"),
                .error(503, code: "ServiceUnavailable", message: "down"),
                Answers.callerIdentity(),
            ],
            retry: RetryConfiguration(quotaCapacity: 5))
        await #expect(throws: AWSClientError.self) { try await scripted.sts.getCallerIdentity() }
        #expect(try await scripted.server.requests().count == 2)
        #expect(scripted.client.availableRetryTokens == 0)
    }

    @Test func aRefusedConnectionIsRetriedThenReported() async throws {
        let dead = try await ScriptedServer([])
        let endpoint = dead.serviceEndpoint()
        dead.stop()
        let scripted = try await ScriptedClient([])
        let sts = STS(client: scripted.client, endpoint: endpoint)
        let error = await #expect(throws: AWSClientError.self) { try await sts.getCallerIdentity() }
        guard case .transport(.connectionFailed, let attempts) = error else {
            Issue.record("expected a connection failure, got \(String(describing: error))")
            return
        }
        #expect(attempts == 3)
    }

    @Test(arguments: ["<GetCallerIdentityResponse><broken", "plain text", "<OtherResponse/>"])
    func malformedXMLIsAClearErrorNotRetried(body: String) async throws {
        let scripted = try await ScriptedClient([.respond(status: 200, body: body), Answers.callerIdentity()])
        let error = await #expect(throws: AWSClientError.self) { try await scripted.sts.getCallerIdentity() }
        #expect(error.map { "\($0)" }?.hasPrefix("The answer to GetCallerIdentity could not be read: ") == true)
        #expect(try await scripted.server.requests().count == 1)
    }

    @Test func noOutputContainsTheSecretKey() async throws {
        let scripted = try await ScriptedClient(
            Array(repeating: .error(403, code: "SignatureDoesNotMatch", message: "bad"), count: 3))
        let error = await #expect(throws: AWSClientError.self) { try await scripted.sts.getCallerIdentity() }
        let texts = [
            "\(String(describing: error))", String(reflecting: error as Any),
            "\(scripted.client.credentialProvider.name)",
        ]
        #expect(texts.allSatisfy { !$0.contains(ScriptedClient.secret) })
        let requests = try await scripted.server.requests()
        #expect(
            requests.allSatisfy { request in request.headers.allSatisfy { !$0.value.contains(ScriptedClient.secret) } })
    }
}

@Suite struct CancellationTests {
    @Test func aCancelledCallStopsWithoutRetrying() async throws {
        let scripted = try await ScriptedClient([.respond(status: 200, delay: 30), Answers.callerIdentity()])
        let sts = scripted.sts
        let task = Task { try await sts.getCallerIdentity() }
        try await Task.sleep(for: .milliseconds(300))
        task.cancel()
        let result = await task.result
        guard case .failure(let error) = result else {
            Issue.record("a cancelled call returned a result")
            return
        }
        #expect(error is CancellationError)
        // At most the one attempt that was under way (under load it may not have reached the server yet).
        #expect(try await scripted.server.requests().count <= 1)
        #expect(scripted.sleeps.isEmpty)
    }
}
