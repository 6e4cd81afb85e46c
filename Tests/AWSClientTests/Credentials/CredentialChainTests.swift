import Foundation
import Testing
@testable import AWSClient

/// Which source wins, in the SDKs' order, and the errors of the chain itself.
@Suite struct CredentialChainTests {
    static let environmentKeys = [
        "AWS_ACCESS_KEY_ID": "AKIDENVIRONMENT00001",
        "AWS_SECRET_ACCESS_KEY": CredsSecrets.secret + "-env",
        "AWS_EC2_METADATA_DISABLED": "true",
    ]

    static let files = (
        config: """
            [default]
            region = us-east-1
            [profile cfg]
            aws_access_key_id = AKIDCONFIGFILE000001
            aws_secret_access_key = \(CredsSecrets.secret)-cfg
            [profile both]
            aws_access_key_id = AKIDCONFIGFILE000002
            aws_secret_access_key = \(CredsSecrets.secret)-cfg2
            [profile proc]
            credential_process = /nonexistent/never-run
            aws_access_key_id = AKIDCONFIGFILE000003
            aws_secret_access_key = \(CredsSecrets.secret)-cfg3
            [profile norole]
            region = eu-west-1
            """,
        credentials: """
            [default]
            aws_access_key_id = AKIDDEFAULTPROFILE01
            aws_secret_access_key = \(CredsSecrets.secret)-default
            [acme-sbx]
            aws_access_key_id = AKIDACMESBX000000001
            aws_secret_access_key = \(CredsSecrets.secret)-acme
            aws_session_token = \(CredsSecrets.token)
            [both]
            aws_access_key_id = AKIDCREDENTIALSFILE1
            aws_secret_access_key = \(CredsSecrets.secret)-credfile
            """
    )

    static func home() throws -> CredsTestHome {
        try CredsTestHome(config: files.config, credentials: files.credentials)
    }

    static func resolve(
        _ home: CredsTestHome, profile: String? = nil, _ variables: [String: String]
    ) async throws -> ResolvedCredentials {
        let resolved = try await CredentialChain(profile: profile, context: home.context(variables)).resolve()
        CredsSecrets.expectAbsent(from: [resolved.source, resolved.description])
        return resolved
    }

    @Test func environmentWinsOverTheDefaultProfile() async throws {
        let resolved = try await Self.resolve(try Self.home(), Self.environmentKeys)
        #expect(resolved.source == "environment")
        #expect(resolved.credentials.accessKeyID == "AKIDENVIRONMENT00001")
    }

    @Test func environmentWinsOverAWSProfile() async throws {
        var variables = Self.environmentKeys
        variables["AWS_PROFILE"] = "acme-sbx"
        let resolved = try await Self.resolve(try Self.home(), variables)
        #expect(resolved.source == "environment")
    }

    @Test func explicitProfileWinsOverEnvironment() async throws {
        let resolved = try await Self.resolve(try Self.home(), profile: "acme-sbx", Self.environmentKeys)
        #expect(resolved.source == "profile acme-sbx (shared credentials file)")
        #expect(resolved.credentials.accessKeyID == "AKIDACMESBX000000001")
        #expect(resolved.credentials.sessionToken == CredsSecrets.token)
    }

    @Test func awsProfileSelectsTheProfile() async throws {
        let resolved = try await Self.resolve(
            try Self.home(), ["AWS_PROFILE": "acme-sbx", "AWS_EC2_METADATA_DISABLED": "true"]
        )
        #expect(resolved.source == "profile acme-sbx (shared credentials file)")
    }

    @Test func defaultProfileWithoutAnySetting() async throws {
        let resolved = try await Self.resolve(try Self.home(), ["AWS_EC2_METADATA_DISABLED": "true"])
        #expect(resolved.source == "profile default (shared credentials file)")
        #expect(resolved.credentials.accessKeyID == "AKIDDEFAULTPROFILE01")
    }

    @Test func credentialsFileKeysWinOverConfigFileKeys() async throws {
        let resolved = try await Self.resolve(try Self.home(), profile: "both", [:])
        #expect(resolved.source == "profile both (shared credentials file)")
        #expect(resolved.credentials.accessKeyID == "AKIDCREDENTIALSFILE1")
    }

    @Test func configFileKeysWhenTheCredentialsFileHasNone() async throws {
        let resolved = try await Self.resolve(try Self.home(), profile: "cfg", [:])
        #expect(resolved.source == "profile cfg (config file)")
        #expect(resolved.credentials.accessKeyID == "AKIDCONFIGFILE000001")
    }

    @Test func credentialProcessWinsOverConfigFileKeys() async throws {
        let chain = CredentialChain(profile: "proc", context: try Self.home().context())
        #expect(try await chain.provider().name == "profile proc (credential_process)")
    }

    @Test func webIdentityWinsOverSharedFileKeys() async throws {
        let home = try Self.home()
        let tokenFile = try home.write("token", CredsSecrets.webToken + "\n")
        let sts = CredsFakeSTS()
        let context = home.context([
            "AWS_WEB_IDENTITY_TOKEN_FILE": tokenFile,
            "AWS_ROLE_ARN": "arn:aws:iam::111122223333:role/ci",
            "AWS_ROLE_SESSION_NAME": "github-run-42",
        ], sts: sts)
        let resolved = try await CredentialChain(context: context).resolve()
        #expect(resolved.source == "web identity")
        #expect(sts.calls == [.init(kind: "AssumeRoleWithWebIdentity", roleARN: "arn:aws:iam::111122223333:role/ci",
                                    sessionName: "github-run-42", proof: CredsSecrets.webToken)])
        CredsSecrets.expectAbsent(from: CredsSecrets.printed(resolved))
    }

    @Test func environmentWinsOverWebIdentity() async throws {
        let home = try Self.home()
        var variables = Self.environmentKeys
        variables["AWS_WEB_IDENTITY_TOKEN_FILE"] = try home.write("token", CredsSecrets.webToken)
        variables["AWS_ROLE_ARN"] = "arn:aws:iam::111122223333:role/ci"
        #expect(try await Self.resolve(home, variables).source == "environment")
    }

    @Test func profileRoleWinsOverEnvironmentWebIdentityAsInBotocore() async throws {
        let home = try CredsTestHome(config: """
            [profile deploy]
            role_arn = arn:aws:iam::111122223333:role/deploy
            source_profile = base
            [profile base]
            aws_access_key_id = AKIDBASE000000000001
            aws_secret_access_key = \(CredsSecrets.secret)
            """)
        let sts = CredsFakeSTS()
        let context = home.context([
            "AWS_PROFILE": "deploy",
            "AWS_WEB_IDENTITY_TOKEN_FILE": try home.write("token", CredsSecrets.webToken),
            "AWS_ROLE_ARN": "arn:aws:iam::111122223333:role/ci",
        ], sts: sts)
        let resolved = try await CredentialChain(context: context).resolve()
        #expect(resolved.source == "profile deploy → assume role arn:aws:iam::111122223333:role/deploy from "
            + "profile base (config file)")
        #expect(sts.calls.map(\.kind) == ["AssumeRole"])
    }

    @Test func sharedFileKeysWinOverContainerCredentials() async throws {
        let transport = CredsScriptedTransport()
        let context = try Self.home().context(["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI": "/v2/creds"],
                                              transport: transport)
        #expect(try await CredentialChain(context: context).resolve().source
            == "profile default (shared credentials file)")
        #expect(transport.sent.isEmpty)
    }

    @Test func explicitProfileNeverFallsThroughToOtherSources() async throws {
        var variables = Self.environmentKeys
        variables["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"] = "/v2/creds"
        let error = await credentialError {
            _ = try await CredentialChain(profile: "norole", context: try Self.home().context(variables)).credentials()
        }
        #expect(error == .profileHasNoCredentials(profile: "norole"))
        #expect(error?.description == "Profile 'norole' has no credentials: give it aws_access_key_id and "
            + "aws_secret_access_key, role_arn with source_profile or credential_source, web_identity_token_file, "
            + "or credential_process.")
    }

    @Test func explicitProfileWithNoFilesIsAnError() async throws {
        let home = try CredsTestHome()
        let error = await credentialError {
            _ = try await CredentialChain(profile: "prod", context: home.context(Self.environmentKeys)).credentials()
        }
        #expect(error?.description == "Profile 'prod' was asked for, but neither '\(home.path)/.aws/config' nor "
            + "'\(home.path)/.aws/credentials' exists: run 'aws configure --profile prod', or set AWS_CONFIG_FILE / "
            + "AWS_SHARED_CREDENTIALS_FILE.")
    }

    @Test func unknownProfileSuggestsTheClosestKnownOne() async throws {
        let home = try Self.home()
        let error = await credentialError {
            _ = try await CredentialChain(profile: "acme-sb", context: home.context()).credentials()
        }
        #expect(error?.description == "Profile 'acme-sb' is not in '\(home.path)/.aws/config' or "
            + "'\(home.path)/.aws/credentials'. Did you mean 'acme-sbx'? Known profiles: acme-sbx, both, cfg, "
            + "default, norole, proc.")
    }

    @Test func unknownAWSProfileIsAnErrorToo() async throws {
        let home = try Self.home()
        let error = await credentialError {
            _ = try await CredentialChain(context: home.context(["AWS_PROFILE": "nrole"])).credentials()
        }
        guard case .profileNotFound(let name, _, let suggestion, _) = error else {
            Issue.record("expected profileNotFound, got \(String(describing: error))")
            return
        }
        #expect(name == "nrole" && suggestion == "norole")
    }

    @Test func noCredentialsAnywhereListsWhereItLooked() async throws {
        let home = try CredsTestHome()
        let transport = CredsScriptedTransport([
            .fail(.timedOut(host: "127.0.0.1", after: .seconds(1))),
            .fail(.timedOut(host: "127.0.0.1", after: .seconds(1))),
        ])
        let error = await credentialError {
            _ = try await CredentialChain(context: home.context(transport: transport)).credentials()
        }
        #expect(error?.description == "No AWS credentials found (looked in environment variables, web identity "
            + "(AWS_WEB_IDENTITY_TOKEN_FILE), profile 'default' in '\(home.path)/.aws/credentials' and "
            + "'\(home.path)/.aws/config', ECS container (AWS_CONTAINER_CREDENTIALS_RELATIVE_URI / _FULL_URI unset), "
            + "EC2 instance metadata ('127.0.0.1' did not answer within 1.0 seconds after 2 attempts)): set "
            + "AWS_PROFILE or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, pass --profile, or run in an environment "
            + "with a role (web identity, ECS, EC2).")
        #expect(transport.sent.map(\.method) == ["PUT", "PUT"])
    }

    @Test func malformedConfigFileStopsTheChain() async throws {
        let home = try CredsTestHome(config: "[default]\nregion us-east-1\n")
        let error = await credentialError {
            _ = try await CredentialChain(context: home.context(["AWS_EC2_METADATA_DISABLED": "true"])).credentials()
        }
        #expect(error == .malformedFile(path: home.path + "/.aws/config", line: 2,
                                        reason: "expected 'key = value' or a '[section]' header"))
    }

    @Test func ssoProfileSaysHowToUseIt() async throws {
        let home = try CredsTestHome(config: "[profile sso]\nsso_session = corp\nsso_account_id = 111122223333\n")
        let error = await credentialError {
            _ = try await CredentialChain(profile: "sso", context: home.context()).credentials()
        }
        #expect(error == .ssoNotSupported(profile: "sso"))
    }

    @Test func theChainKeepsItsChoiceAndCachesCredentials() async throws {
        let home = try Self.home()
        let chain = CredentialChain(context: home.context(["AWS_EC2_METADATA_DISABLED": "true"]))
        let first = try await chain.provider()
        try home.write(".aws/credentials", "[default]\naws_access_key_id = CHANGED\naws_secret_access_key = x\n")
        #expect(try await chain.provider().name == first.name)
        #expect(try await chain.credentials().accessKeyID == "AKIDDEFAULTPROFILE01")
        CredsSecrets.expectAbsent(from: CredsSecrets.printed(chain, first))
    }
}
