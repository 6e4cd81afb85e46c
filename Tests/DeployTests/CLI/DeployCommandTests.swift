import Foundation
import TestSupport
import Testing

/// The `stacks` binary: each refusal stops before any change, with a sentence and a non-zero exit.
@Suite struct DeployCommandTests {
    static func stacks(_ arguments: [String], environment: [String: String] = [:]) throws -> Command.Result {
        let binary = try #require(BuiltProduct.path("stacks"))
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("stacks-cli-home-\(UUID().uuidString)").path
        var variables = [
            "HOME": home, "AWS_ACCESS_KEY_ID": "", "AWS_SECRET_ACCESS_KEY": "", "AWS_SESSION_TOKEN": "",
            "AWS_PROFILE": "", "AWS_EC2_METADATA_DISABLED": "true", "AWS_ENDPOINT_URL": "http://127.0.0.1:9",
            "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI": "", "AWS_CONTAINER_CREDENTIALS_FULL_URI": "",
            "AWS_WEB_IDENTITY_TOKEN_FILE": "", "CI": "true", "NO_COLOR": "1",
        ]
        for (key, value) in environment { variables[key] = value }
        return try Command.run(binary, arguments, in: RepositoryRoot.path(""), environment: variables)
    }

    static func mappingFile(_ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("stacks-env-\(UUID().uuidString).yaml").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func malformedMappingStopsWithTheLine() throws {
        let file = try Self.mappingFile("defaults:\n  region: us-east-1\nenvironments:\n  sbx: { acount: \"111111111111\" }\n")
        let result = try Self.stacks(["deploy", "url-shortener", "--env", "sbx", "--environments", file])
        #expect(result.status != 0)
        #expect(result.stderr.contains("\(file):4: Unknown key 'acount' in 'sbx'"), "\(result.stderr)")
    }

    @Test func unknownEnvironmentStops() throws {
        let file = try Self.mappingFile("environments:\n  sbx: { account: \"111111111111\", region: us-east-1 }\n")
        let result = try Self.stacks(["deploy", "url-shortener", "--env", "prod", "--environments", file])
        #expect(result.status != 0)
        #expect(result.stdout == "")
        #expect(result.stderr.hasPrefix("Unknown environment 'prod'; \(file) defines 'sbx'."), "\(result.stderr)")
    }

    @Test func missingCredentialsStopWithTheChainsSentence() throws {
        let file = try Self.mappingFile("environments:\n  sbx: { account: \"111111111111\", region: us-east-1, artifactBucket: artifacts }\n")
        let result = try Self.stacks(["deploy", "url-shortener", "--env", "sbx", "--environments", file])
        #expect(result.status != 0)
        #expect(result.stdout == "")
        #expect(result.stderr.hasPrefix("No AWS credentials found (looked in environment variables, "), "\(result.stderr)")
    }

    @Test func destroyOnAProtectedEnvironmentNeedsForceProtected() throws {
        let file = try Self.mappingFile("environments:\n  prd: { account: \"111111111111\", region: us-east-1, protected: true }\n")
        let result = try Self.stacks(["destroy", "url-shortener", "--env", "prd", "--yes", "--environments", file])
        #expect(result.status != 0)
        #expect(result.stdout == "")
        #expect(result.stderr == "Environment 'prd' is protected; destroying 'url-shortener' there needs --force-protected.\n")
    }

    @Test func whoamiNamesTheSourceNeverTheKey() async throws {
        let moto = try await DeployMoto.shared.connection()
        let result = try Self.stacks(["whoami"], environment: [
            "AWS_ACCESS_KEY_ID": moto.accessKeyID, "AWS_SECRET_ACCESS_KEY": moto.secretAccessKey,
            "AWS_ENDPOINT_URL": moto.endpoint, "AWS_REGION": "eu-west-1",
        ])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout == """
            Account:     123456789012
            ARN:         arn:aws:iam::123456789012:user/stacks-ci
            Credentials: environment
            Region:      eu-west-1
            Endpoint:    \(moto.endpoint)

            """)
        #expect(!result.stdout.contains(moto.secretAccessKey))
        #expect(!result.stdout.contains(moto.accessKeyID))
    }

    @Test func whoamiWithoutCredentialsIsOneSentenceOnStandardError() throws {
        let result = try Self.stacks(["whoami"], environment: ["AWS_REGION": "us-east-1"])
        #expect(result.status != 0)
        #expect(result.stdout == "")
        #expect(result.stderr.hasPrefix("Error: No AWS credentials found (looked in environment variables, "), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1)
    }
}
