import Foundation
import Testing
@testable import AWSClient

/// `role_arn` with `source_profile` (recursively) or `credential_source`, and their errors.
@Suite struct AssumeRoleProfileTests {
    static let config = """
        [profile base]
        aws_access_key_id = AKIDBASE000000000001
        aws_secret_access_key = \(CredsSecrets.secret)
        [profile deploy]
        role_arn = arn:aws:iam::111122223333:role/deploy
        source_profile = base
        external_id = ext-123
        role_session_name = deploy-session
        duration_seconds = 1800
        [profile cross]
        role_arn = arn:aws:iam::444455556666:role/cross
        source_profile = deploy
        [profile self]
        role_arn = arn:aws:iam::111122223333:role/self
        source_profile = self
        aws_access_key_id = AKIDSELF000000000001
        aws_secret_access_key = \(CredsSecrets.secret)
        [profile loop-a]
        role_arn = arn:aws:iam::111122223333:role/a
        source_profile = loop-b
        [profile loop-b]
        role_arn = arn:aws:iam::111122223333:role/b
        source_profile = loop-c
        [profile loop-c]
        role_arn = arn:aws:iam::111122223333:role/c
        source_profile = loop-a
        [profile self-no-keys]
        role_arn = arn:aws:iam::111122223333:role/s
        source_profile = self-no-keys
        [profile from-env]
        role_arn = arn:aws:iam::111122223333:role/env
        credential_source = Environment
        [profile from-ecs]
        role_arn = arn:aws:iam::111122223333:role/ecs
        credential_source = EcsContainer
        [profile from-ec2]
        role_arn = arn:aws:iam::111122223333:role/ec2
        credential_source = Ec2InstanceMetadata
        [profile both]
        role_arn = arn:aws:iam::111122223333:role/x
        source_profile = base
        credential_source = Environment
        [profile neither]
        role_arn = arn:aws:iam::111122223333:role/x
        [profile bad-source]
        role_arn = arn:aws:iam::111122223333:role/x
        credential_source = Laptop
        [profile missing-source]
        role_arn = arn:aws:iam::111122223333:role/x
        source_profile = nowhere
        [profile bad-duration]
        role_arn = arn:aws:iam::111122223333:role/x
        source_profile = base
        duration_seconds = an hour
        [profile empty-source]
        role_arn = arn:aws:iam::111122223333:role/x
        source_profile = norole
        [profile norole]
        region = us-east-1
        [profile web]
        role_arn = arn:aws:iam::111122223333:role/web
        web_identity_token_file = ~/token
        """

    @Test func sourceProfileWithKeysAssumesTheRoleWithItsSettings() async throws {
        let home = try CredsTestHome(config: Self.config)
        let sts = CredsFakeSTS()
        let resolved = try await CredentialChain(profile: "deploy", context: home.context(sts: sts)).resolve()
        #expect(resolved.source == "profile deploy → assume role arn:aws:iam::111122223333:role/deploy from "
            + "profile base (config file)")
        #expect(sts.calls == [.init(kind: "AssumeRole", roleARN: "arn:aws:iam::111122223333:role/deploy",
                                    sessionName: "deploy-session", externalID: "ext-123", durationSeconds: 1800,
                                    proof: "AKIDBASE000000000001")])
        #expect(resolved.credentials.accessKeyID == CredsSecrets.keyID + "-sts1")
        CredsSecrets.expectAbsent(from: CredsSecrets.printed(resolved, resolved.credentials))
    }

    @Test func rolesChainThroughSourceProfilesInOrder() async throws {
        let home = try CredsTestHome(config: Self.config)
        let clock = CredsTestClock()
        let sts = CredsFakeSTS(clock: clock)
        let resolved = try await CredentialChain(profile: "cross", context: home.context(sts: sts, clock: clock))
            .resolve()
        #expect(resolved.source == "profile cross → assume role arn:aws:iam::444455556666:role/cross from profile "
            + "deploy → assume role arn:aws:iam::111122223333:role/deploy from profile base (config file)")
        #expect(sts.calls.map(\.roleARN) == ["arn:aws:iam::111122223333:role/deploy",
                                            "arn:aws:iam::444455556666:role/cross"])
        // The inner role's credentials sign the outer call; the default session name comes from the clock.
        #expect(sts.calls[1].proof == CredsSecrets.keyID + "-sts1")
        #expect(sts.calls[1].sessionName == "stacks-session-1800000000")
    }

    @Test func aProfileMaySourceItselfWhenItHasKeys() async throws {
        let home = try CredsTestHome(config: Self.config)
        let sts = CredsFakeSTS()
        _ = try await CredentialChain(profile: "self", context: home.context(sts: sts)).credentials()
        #expect(sts.calls.map(\.proof) == ["AKIDSELF000000000001"])
    }

    @Test(arguments: [
        ("loop-a", ["loop-a", "loop-b", "loop-c", "loop-a"]),
        ("self-no-keys", ["self-no-keys", "self-no-keys"]),
    ])
    func aSourceProfileLoopIsAnErrorListingTheLoop(profile: String, loop: [String]) async throws {
        let home = try CredsTestHome(config: Self.config)
        let error = await credentialError {
            _ = try await CredentialChain(profile: profile, context: home.context()).credentials()
        }
        #expect(error == .sourceProfileLoop(profiles: loop))
        #expect(error?.description == "The source_profile settings form a loop (\(loop.joined(separator: " → "))): "
            + "point one of them at a profile with keys or a credential_source.")
    }

    @Test func credentialSourceEnvironment() async throws {
        let home = try CredsTestHome(config: Self.config)
        let sts = CredsFakeSTS()
        let context = home.context(["AWS_ACCESS_KEY_ID": "AKIDENVIRONMENT00001",
                                    "AWS_SECRET_ACCESS_KEY": CredsSecrets.secret], sts: sts)
        let resolved = try await CredentialChain(profile: "from-env", context: context).resolve()
        #expect(resolved.source == "profile from-env → assume role arn:aws:iam::111122223333:role/env from environment")
        #expect(sts.calls.map(\.proof) == ["AKIDENVIRONMENT00001"])
    }

    @Test func credentialSourceEcsContainer() async throws {
        let home = try CredsTestHome(config: Self.config)
        let sts = CredsFakeSTS()
        let transport = CredsScriptedTransport([.respond(200, """
            {"AccessKeyId": "AKIDECS0000000000001", "SecretAccessKey": "\(CredsSecrets.secret)",
             "Token": "\(CredsSecrets.token)", "Expiration": "2030-01-01T00:00:00Z"}
            """)])
        let context = home.context(["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI": "/v2/credentials/abc"],
                                   transport: transport, sts: sts)
        let resolved = try await CredentialChain(profile: "from-ecs", context: context).resolve()
        #expect(resolved.source.hasSuffix("from ECS container"))
        #expect(transport.sent.map(\.url) == ["http://127.0.0.1:9901/v2/credentials/abc"])
        #expect(sts.calls.map(\.proof) == ["AKIDECS0000000000001"])
    }

    @Test func credentialSourceEc2InstanceMetadata() async throws {
        let home = try CredsTestHome(config: Self.config)
        let sts = CredsFakeSTS()
        let transport = CredsScriptedTransport(InstanceMetadataTests.happyPath)
        let resolved = try await CredentialChain(profile: "from-ec2", context: home.context(transport: transport, sts: sts))
            .resolve()
        #expect(resolved.source.hasSuffix("from EC2 instance metadata"))
        #expect(sts.calls.map(\.proof) == ["AKIDIMDS000000000001"])
    }

    @Test func webIdentityTokenFileInAProfile() async throws {
        let home = try CredsTestHome(config: Self.config)
        try home.write("token", CredsSecrets.webToken)
        let sts = CredsFakeSTS()
        let resolved = try await CredentialChain(profile: "web", context: home.context(sts: sts)).resolve()
        #expect(resolved.source == "profile web (web identity)")
        #expect(sts.calls.map(\.kind) == ["AssumeRoleWithWebIdentity"])
        #expect(sts.calls.map(\.proof) == [CredsSecrets.webToken])
    }

    @Test(arguments: [
        ("both", CredentialError.sourceAndCredentialSource(profile: "both")),
        ("neither", .roleWithoutSource(profile: "neither")),
        ("bad-source", .unknownCredentialSource(profile: "bad-source", value: "Laptop")),
        ("missing-source", .sourceProfileNotFound(profile: "missing-source", sourceProfile: "nowhere")),
        ("bad-duration", .invalidSetting(profile: "bad-duration", key: "duration_seconds", value: "an hour",
                                         expected: "a whole number of seconds")),
        ("empty-source", .profileHasNoCredentials(profile: "norole")),
        ("from-env", .credentialSourceUnavailable(
            profile: "from-env", value: "Environment", variables: "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are")),
        ("from-ecs", .credentialSourceUnavailable(
            profile: "from-ecs", value: "EcsContainer",
            variables: "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI and AWS_CONTAINER_CREDENTIALS_FULL_URI are")),
    ])
    func misconfiguredRoleProfiles(profile: String, expected: CredentialError) async throws {
        let home = try CredsTestHome(config: Self.config)
        let sts = CredsFakeSTS()
        let error = await credentialError {
            _ = try await CredentialChain(profile: profile, context: home.context(sts: sts)).credentials()
        }
        #expect(error == expected)
        #expect(sts.calls.isEmpty)
    }

    @Test func stsFailureNamesTheRoleAndTheSource() async throws {
        let home = try CredsTestHome(config: Self.config)
        let sts = CredsFakeSTS(failure: "AccessDenied: User is not authorized to perform sts:AssumeRole")
        let error = await credentialError {
            _ = try await CredentialChain(profile: "deploy", context: home.context(sts: sts)).credentials()
        }
        #expect(error?.description == "Assuming role 'arn:aws:iam::111122223333:role/deploy' with credentials from "
            + "profile base (config file) failed: AccessDenied: User is not authorized to perform sts:AssumeRole.")
        CredsSecrets.expectAbsent(from: CredsSecrets.printed(error as Any))
    }

    @Test func assumedCredentialsAreCachedUntilTheRefreshWindow() async throws {
        let home = try CredsTestHome(config: Self.config)
        let clock = CredsTestClock()
        let sts = CredsFakeSTS(expiresIn: 3600, clock: clock)
        let chain = CredentialChain(profile: "deploy", context: home.context(sts: sts, clock: clock))
        _ = try await chain.credentials()
        clock.advance(by: 3600 - 301)
        _ = try await chain.credentials()
        #expect(sts.calls.count == 1)
        clock.advance(by: 2)
        #expect(try await chain.credentials().accessKeyID == CredsSecrets.keyID + "-sts2")
        #expect(sts.calls.count == 2)
    }
}
