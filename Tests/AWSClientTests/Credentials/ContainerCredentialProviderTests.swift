import Foundation
import Testing
@testable import AWSClient

/// ECS container credentials through a scripted in-memory transport.
@Suite struct ContainerCredentialProviderTests {
    static let answer = """
        {"RoleArn": "arn:aws:iam::111122223333:role/task", "AccessKeyId": "AKIDECS0000000000001",
         "SecretAccessKey": "\(CredsSecrets.secret)", "Token": "\(CredsSecrets.token)",
         "Expiration": "2027-01-15T09:00:00Z"}
        """

    @Test func relativeURIGoesToTheContainerEndpoint() async throws {
        let home = try CredsTestHome()
        let transport = CredsScriptedTransport([.respond(200, Self.answer)])
        let context = home.context(["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI": "/v2/credentials/uuid"],
                                   transport: transport)
        let resolved = try await CredentialChain(context: context).resolve()
        #expect(resolved.source == "ECS container")
        #expect(resolved.credentials.accessKeyID == "AKIDECS0000000000001")
        #expect(resolved.credentials.sessionToken == CredsSecrets.token)
        #expect(resolved.credentials.expiration == Date(timeIntervalSince1970: 1_800_003_600))
        #expect(transport.sent.map(\.url) == ["http://127.0.0.1:9901/v2/credentials/uuid"])
        #expect(transport.sent.first?.headers["authorization"] == nil)
        #expect(transport.sent.first?.timeout == .seconds(2))
        CredsSecrets.expectAbsent(from: CredsSecrets.printed(resolved, resolved.credentials))
    }

    @Test func fullURIWithAuthorizationToken() async throws {
        let home = try CredsTestHome()
        let transport = CredsScriptedTransport([.respond(200, Self.answer)])
        let context = home.context([
            "AWS_CONTAINER_CREDENTIALS_FULL_URI": "http://127.0.0.1:8080/creds",
            "AWS_CONTAINER_AUTHORIZATION_TOKEN": CredsSecrets.token + "-auth",
        ], transport: transport)
        _ = try await ContainerCredentialProvider(context: context).credentials()
        #expect(transport.sent.map(\.url) == ["http://127.0.0.1:8080/creds"])
        #expect(transport.sent.first?.headers["authorization"] == CredsSecrets.token + "-auth")
        #expect(transport.sent.first?.headers["accept"] == "application/json")
    }

    @Test func tokenFileWinsOverTokenAndIsReadEachTime() async throws {
        let home = try CredsTestHome()
        let tokenFile = try home.write("eks/token", "file-token-1\n")
        let transport = CredsScriptedTransport([.respond(200, Self.answer), .respond(200, Self.answer)])
        let provider = ContainerCredentialProvider(context: home.context([
            "AWS_CONTAINER_CREDENTIALS_FULL_URI": "http://localhost:8080/creds",
            "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE": tokenFile,
            "AWS_CONTAINER_AUTHORIZATION_TOKEN": "ignored",
        ], transport: transport))
        _ = try await provider.credentials()
        try home.write("eks/token", "file-token-2")
        _ = try await provider.credentials()
        #expect(transport.sent.map { $0.headers["authorization"] } == ["file-token-1", "file-token-2"])
    }

    @Test func anUnreadableTokenFileOrATokenWithALineBreakIsAnError() async throws {
        let home = try CredsTestHome()
        let transport = CredsScriptedTransport()
        let missingFile = ContainerCredentialProvider(context: home.context([
            "AWS_CONTAINER_CREDENTIALS_FULL_URI": "http://127.0.0.1:8080/creds",
            "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE": "/nonexistent/token",
        ], transport: transport))
        let error = await credentialError { _ = try await missingFile.credentials() }
        #expect(error?.description == "The ECS container credentials endpoint 'http://127.0.0.1:8080/creds' failed: "
            + "its authorization token file '/nonexistent/token' (AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE) cannot be "
            + "read; check the task's role and the AWS_CONTAINER_* variables.")
        let lineBreak = ContainerCredentialProvider(context: home.context([
            "AWS_CONTAINER_CREDENTIALS_FULL_URI": "http://127.0.0.1:8080/creds",
            "AWS_CONTAINER_AUTHORIZATION_TOKEN": CredsSecrets.token + "\r\nX-Injected: 1",
        ], transport: transport))
        let second = await credentialError { _ = try await lineBreak.credentials() }
        #expect(second == .containerRequestFailed(
            url: "http://127.0.0.1:8080/creds",
            reason: "its authorization token contains a line break, which cannot go in a header"
        ))
        CredsSecrets.expectAbsent(from: CredsSecrets.printed(second as Any))
        #expect(transport.sent.isEmpty)
    }

    @Test(arguments: ["http://example.com/creds", "http://10.0.0.1/creds", "http://169.254.169.254/creds"])
    func fullURIMustBeLoopbackAnAllowedHostOrHTTPS(uri: String) async throws {
        let home = try CredsTestHome()
        let transport = CredsScriptedTransport()
        let provider = ContainerCredentialProvider(context: home.context(
            ["AWS_CONTAINER_CREDENTIALS_FULL_URI": uri], transport: transport
        ))
        let error = await credentialError { _ = try await provider.credentials() }
        #expect(error == .containerEndpointNotAllowed(host: URL(string: uri)?.host ?? ""))
        #expect(transport.sent.isEmpty)
    }

    @Test(arguments: [
        ("127.0.0.1", true), ("127.1.2.3", true), ("::1", true), ("[::1]", true),
        ("128.0.0.1", false), ("127.0.0", false), ("127.0.0.256", false), ("localhost.example.com", false),
    ])
    func loopbackAddresses(host: String, isLoopback: Bool) {
        #expect(ContainerCredentialProvider.isLoopback(host) == isLoopback)
    }

    @Test func threeAttemptsThenAnErrorWithTheStatus() async throws {
        let home = try CredsTestHome()
        let transport = CredsScriptedTransport([
            .fail(.timedOut(host: "127.0.0.1", after: .seconds(2))), .respond(500, "oops"), .respond(503, ""),
        ])
        let provider = ContainerCredentialProvider(context: home.context(
            ["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI": "/v2/creds?token=abc"], transport: transport
        ))
        let error = await credentialError { _ = try await provider.credentials() }
        #expect(error?.description == "The ECS container credentials endpoint 'http://127.0.0.1:9901/v2/creds' "
            + "failed: it answered with HTTP status 503 after 3 attempts; check the task's role and the "
            + "AWS_CONTAINER_* variables.")
        #expect(transport.sent.count == 3)
    }

    @Test(arguments: [
        (#"{"AccessKeyId": "A", "Token": "t", "Expiration": "2030-01-01T00:00:00Z"}"#, "the answer has no 'SecretAccessKey'"),
        (#"not json"#, "the answer is not a JSON object"),
        (#"{"AccessKeyId": "A", "SecretAccessKey": "s", "Token": "t", "Expiration": "soon"}"#,
         "the answer's Expiration is not an ISO 8601 date"),
    ])
    func invalidAnswers(body: String, reason: String) async throws {
        let home = try CredsTestHome()
        let provider = ContainerCredentialProvider(context: home.context(
            ["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI": "/v2/creds"], transport: CredsScriptedTransport([.respond(200, body)])
        ))
        let error = await credentialError { _ = try await provider.credentials() }
        #expect(error == .invalidResponse(source: "ECS container", reason: reason))
    }
}
