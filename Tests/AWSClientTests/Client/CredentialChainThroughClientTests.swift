import AWSTestSupport
import Foundation
import Testing

@testable import AWSClient

/// The credential chain behind the client: its errors come through unchanged, and its keys sign requests.
@Suite struct CredentialChainThroughClientTests {
    private func chain(_ variables: [String: String], transport: RecordingTransport) throws -> CredentialChain {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("stacks-no-home-\(UUID().uuidString)")
        let context = CredentialContext(
            environment: CredentialEnvironment(
                variables: variables.merging(["AWS_EC2_METADATA_DISABLED": "true"]) { a, _ in a },
                homeDirectory: home.path),
            transport: transport,
            roleAssumer: try STS.roleAssumer(
                region: "us-east-1", transport: transport, resolver: EndpointResolver(environment: [:])))
        return CredentialChain(context: context)
    }

    @Test func noCredentialsIsTheChainsOwnSentenceAndNothingIsSent() async throws {
        let transport = RecordingTransport([])
        let client = AWSClient(
            region: "us-east-1", credentialProvider: try chain([:], transport: transport), transport: transport)
        let sts = try STS(client: client, resolver: EndpointResolver(environment: [:]))
        let error = await #expect(throws: AWSClientError.self) { try await sts.getCallerIdentity() }
        guard case .credentials(_, let underlying) = error else {
            Issue.record("expected a credentials error, got \(String(describing: error))")
            return
        }
        #expect(underlying is CredentialError)
        #expect(error.map { "\($0)" } == "\(underlying)")
        #expect(transport.requests.isEmpty)
    }

    @Test func environmentKeysSignTheRequest() async throws {
        let transport = RecordingTransport([
            .xml(
                """
                <GetCallerIdentityResponse><GetCallerIdentityResult><Account>123456789012</Account>
                <Arn>arn:aws:iam::123456789012:user/env</Arn><UserId>U</UserId></GetCallerIdentityResult>
                </GetCallerIdentityResponse>
                """)
        ])
        let variables = ["AWS_ACCESS_KEY_ID": "AKIDFROMENV", "AWS_SECRET_ACCESS_KEY": "SECRETfromENVnotPRINTED"]
        let client = AWSClient(
            region: "us-east-1", credentialProvider: try chain(variables, transport: transport), transport: transport)
        let identity = try await STS(client: client, resolver: EndpointResolver(environment: [:])).getCallerIdentity()
        #expect(identity.arn == "arn:aws:iam::123456789012:user/env")
        let authorization = transport.requests.first?.headers.first { $0.name == "Authorization" }?.value ?? ""
        #expect(authorization.hasPrefix("AWS4-HMAC-SHA256 Credential=AKIDFROMENV/"))
        #expect(!authorization.contains("SECRETfromENV"))
    }
}
