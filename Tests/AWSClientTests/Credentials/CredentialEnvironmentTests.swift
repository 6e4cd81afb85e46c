import Foundation
import Testing
@testable import AWSClient

@Suite struct CredentialEnvironmentTests {
    static let environment = CredentialEnvironment(
        variables: ["DIR": "/data", "EMPTY": "", "AWS_PROFILE": "dev"], homeDirectory: "/home/me"
    )

    @Test(arguments: [
        ("~/.aws/config", "/home/me/.aws/config"),
        ("~", "/home/me"),
        ("~other/x", "~other/x"),
        ("$DIR/config", "/data/config"),
        ("${DIR}/config", "/data/config"),
        ("$UNDEFINED/config", "$UNDEFINED/config"),
        ("${DIR/config", "${DIR/config"),
        ("cost$", "cost$"),
        ("a$EMPTY-b", "a-b"),
        ("/plain/path", "/plain/path"),
    ])
    func expandsPathsAsBotocore(path: String, expected: String) {
        #expect(Self.environment.expandPath(path) == expected)
    }

    @Test func emptyVariablesCountAsUnset() {
        #expect(Self.environment["EMPTY"] == nil)
        #expect(Self.environment["AWS_PROFILE"] == "dev")
    }

    @Test func descriptionNamesVariablesButNotValues() {
        let environment = CredentialEnvironment(
            variables: ["AWS_SECRET_ACCESS_KEY": CredsSecrets.secret, "AWS_SESSION_TOKEN": CredsSecrets.token],
            homeDirectory: "/home/me"
        )
        #expect(environment.description
            == "CredentialEnvironment(home: /home/me, variables: AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN)")
        CredsSecrets.expectAbsent(from: CredsSecrets.printed(environment))
    }

    @Test func profileSettingPointsInstanceMetadataElsewhere() async throws {
        let home = try CredsTestHome(config: "[default]\nec2_metadata_service_endpoint = http://localhost:7777\n")
        let transport = CredsScriptedTransport(InstanceMetadataTests.happyPath)
        let resolved = try await CredentialChain(context: home.context(transport: transport)).resolve()
        #expect(resolved.source == "EC2 instance metadata")
        #expect(transport.sent.allSatisfy { $0.url.hasPrefix("http://localhost:7777/latest/") })
    }
}
