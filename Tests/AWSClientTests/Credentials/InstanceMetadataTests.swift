import Foundation
import Testing
@testable import AWSClient

/// EC2 IMDSv2 through a scripted in-memory transport: nothing leaves the process.
@Suite struct InstanceMetadataTests {
    static let imdsToken = "AQAEAIMDSSESSIONTOKEN=="
    static let credentialsJSON = """
        {"Code": "Success", "LastUpdated": "2026-11-21T20:00:00Z", "Type": "AWS-HMAC",
         "AccessKeyId": "AKIDIMDS000000000001", "SecretAccessKey": "\(CredsSecrets.secret)",
         "Token": "\(CredsSecrets.token)", "Expiration": "2027-01-15T09:00:00Z"}
        """
    static let happyPath: [CredsScriptedTransport.Step] = [
        .respond(200, imdsToken),
        .respond(200, "stacks-instance-role\n"),
        .respond(200, credentialsJSON),
    ]

    static func context(
        _ home: CredsTestHome, _ transport: CredsScriptedTransport, _ variables: [String: String] = [:]
    ) -> CredentialContext {
        home.context(variables, transport: transport)
    }

    @Test func fetchesTheTokenFirstThenTheRoleAndItsCredentialsWithTheToken() async throws {
        let home = try CredsTestHome()
        let transport = CredsScriptedTransport(Self.happyPath)
        let resolved = try await CredentialChain(context: Self.context(home, transport)).resolve()
        #expect(resolved.source == "EC2 instance metadata")
        #expect(resolved.credentials.accessKeyID == "AKIDIMDS000000000001")
        #expect(resolved.credentials.sessionToken == CredsSecrets.token)
        #expect(resolved.credentials.expiration == Date(timeIntervalSince1970: 1_800_003_600))
        let sent = transport.sent
        #expect(sent.map { "\($0.method) \($0.url)" } == [
            "PUT http://127.0.0.1:9902/latest/api/token",
            "GET http://127.0.0.1:9902/latest/meta-data/iam/security-credentials/",
            "GET http://127.0.0.1:9902/latest/meta-data/iam/security-credentials/stacks-instance-role",
        ])
        #expect(sent[0].headers["x-aws-ec2-metadata-token-ttl-seconds"] == "21600")
        #expect(sent[0].headers["x-aws-ec2-metadata-token"] == nil)
        #expect(sent.dropFirst().allSatisfy { $0.headers["x-aws-ec2-metadata-token"] == Self.imdsToken })
        #expect(sent.allSatisfy { $0.timeout == .seconds(1) })
        CredsSecrets.expectAbsent(from: CredsSecrets.printed(resolved, resolved.credentials))
    }

    @Test func credentialsExpirationIsParsed() async throws {
        let home = try CredsTestHome()
        let credentials = try await InstanceMetadataCredentialProvider(
            context: Self.context(home, CredsScriptedTransport(Self.happyPath))
        ).credentials()
        #expect(credentials.expiration?.formatted(.iso8601) == "2027-01-15T09:00:00Z")
    }

    @Test func oneRetryAfterATimeoutThenSuccess() async throws {
        let home = try CredsTestHome()
        let transport = CredsScriptedTransport([.fail(.timedOut(host: "127.0.0.1", after: .seconds(1)))]
            + Self.happyPath)
        _ = try await InstanceMetadataCredentialProvider(context: Self.context(home, transport)).credentials()
        #expect(transport.sent.map(\.method) == ["PUT", "PUT", "GET", "GET"])
    }

    @Test func timeoutsMeanNoInstanceMetadataAndTheChainMovesOn() async throws {
        let home = try CredsTestHome()
        let transport = CredsScriptedTransport([
            .fail(.timedOut(host: "127.0.0.1", after: .seconds(1))),
            .fail(.connectionFailed(host: "127.0.0.1", reason: "connection refused")),
        ])
        let error = await credentialError {
            _ = try await CredentialChain(context: Self.context(home, transport)).credentials()
        }
        guard case .noCredentials(let places) = error else {
            Issue.record("expected noCredentials, got \(String(describing: error))")
            return
        }
        #expect(places.last == "EC2 instance metadata (could not connect to '127.0.0.1' (connection refused) "
            + "after 2 attempts)")
        #expect(transport.sent.count == 2)
    }

    @Test func disabledMeansNoRequestAtAll() async throws {
        let home = try CredsTestHome()
        let transport = CredsScriptedTransport(Self.happyPath)
        let error = await credentialError {
            _ = try await CredentialChain(context: Self.context(home, transport, ["AWS_EC2_METADATA_DISABLED": "TRUE"]))
                .credentials()
        }
        guard case .noCredentials(let places) = error else {
            Issue.record("expected noCredentials, got \(String(describing: error))")
            return
        }
        #expect(places.last == "EC2 instance metadata (AWS_EC2_METADATA_DISABLED is true)")
        #expect(transport.sent.isEmpty)
    }

    @Test func endpointVariableOverridesTheAddress() async throws {
        let home = try CredsTestHome()
        let transport = CredsScriptedTransport(Self.happyPath)
        _ = try await InstanceMetadataCredentialProvider(context: Self.context(
            home, transport, ["AWS_EC2_METADATA_SERVICE_ENDPOINT": "http://localhost:8111/"]
        )).credentials()
        #expect(transport.sent.allSatisfy { $0.url.hasPrefix("http://localhost:8111/latest/") })
    }

    @Test func refusedTokenFallsBackToIMDSv1WithoutTheHeader() async throws {
        let home = try CredsTestHome()
        let transport = CredsScriptedTransport([.respond(403, "")] + Self.happyPath.dropFirst())
        _ = try await InstanceMetadataCredentialProvider(context: Self.context(home, transport)).credentials()
        #expect(transport.sent.map(\.method) == ["PUT", "GET", "GET"])
        #expect(transport.sent.allSatisfy { $0.headers["x-aws-ec2-metadata-token"] == nil })
    }

    @Test func refusedTokenWithIMDSv1DisabledIsUnavailable() async throws {
        let home = try CredsTestHome()
        let transport = CredsScriptedTransport([.respond(403, "")] + Self.happyPath.dropFirst())
        let error = await credentialError {
            _ = try await InstanceMetadataCredentialProvider(context: Self.context(
                home, transport, ["AWS_EC2_METADATA_V1_DISABLED": "true"]
            )).credentials()
        }
        #expect(error == .instanceMetadataUnavailable(
            reason: "the token request was refused (HTTP 403) and IMDSv1 is disabled"
        ))
        #expect(transport.sent.count == 1)
    }

    @Test func noRoleAttached() async throws {
        let home = try CredsTestHome()
        let transport = CredsScriptedTransport([.respond(200, Self.imdsToken), .respond(404, "")])
        let error = await credentialError {
            _ = try await InstanceMetadataCredentialProvider(context: Self.context(home, transport)).credentials()
        }
        #expect(error?.description == "EC2 instance metadata gave no credentials: no IAM role is attached to the "
            + "instance (HTTP 404); attach an instance profile with a role, or set AWS_EC2_METADATA_DISABLED=true "
            + "and use another source.")
    }

    @Test func anErrorCodeInTheCredentialsIsReported() async throws {
        let home = try CredsTestHome()
        let transport = CredsScriptedTransport([
            .respond(200, Self.imdsToken), .respond(200, "r"),
            .respond(200, #"{"Code": "AssumeRoleUnauthorizedAccess", "Message": "denied"}"#),
        ])
        let error = await credentialError {
            _ = try await InstanceMetadataCredentialProvider(context: Self.context(home, transport)).credentials()
        }
        #expect(error == .instanceMetadataResponseInvalid(
            reason: "the answer's Code is 'AssumeRoleUnauthorizedAccess', not 'Success'"
        ))
    }

    @Test func refreshFetchesANewTokenAndCredentials() async throws {
        let home = try CredsTestHome()
        let clock = CredsTestClock(Date(timeIntervalSince1970: 1_800_000_000))
        let transport = CredsScriptedTransport(Self.happyPath + Self.happyPath)
        let chain = CredentialChain(context: home.context(transport: transport, clock: clock))
        _ = try await chain.credentials()
        _ = try await chain.credentials()
        #expect(transport.sent.count == 3)
        // The test clock starts at 2027-01-15T08:00:00Z; step into the five-minute window before 09:00.
        clock.advance(by: 3600 - 299)
        _ = try await chain.credentials()
        #expect(transport.sent.map(\.method) == ["PUT", "GET", "GET", "PUT", "GET", "GET"])
    }
}
