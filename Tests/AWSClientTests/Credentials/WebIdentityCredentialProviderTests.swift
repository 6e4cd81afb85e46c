import Foundation
import Testing
@testable import AWSClient

@Suite struct WebIdentityCredentialProviderTests {
    @Test func environmentSettingsAndDefaultSessionName() async throws {
        let home = try CredsTestHome()
        let tokenFile = try home.write("oidc/token", CredsSecrets.webToken)
        let sts = CredsFakeSTS()
        let context = home.context([
            "AWS_WEB_IDENTITY_TOKEN_FILE": "~/oidc/token",
            "AWS_ROLE_ARN": "arn:aws:iam::111122223333:role/ci",
        ], sts: sts)
        let provider = try #require(try WebIdentityCredentialProvider.make(
            profile: nil, useEnvironment: true, context: context
        ))
        #expect(provider.tokenFilePath == tokenFile)
        let credentials = try await provider.credentials()
        #expect(sts.calls == [.init(kind: "AssumeRoleWithWebIdentity", roleARN: "arn:aws:iam::111122223333:role/ci",
                                    sessionName: "stacks-session-1800000000", proof: CredsSecrets.webToken)])
        CredsSecrets.expectAbsent(from: CredsSecrets.printed(provider, credentials))
    }

    @Test func theTokenIsReadAgainOnEachCall() async throws {
        let home = try CredsTestHome()
        let tokenFile = try home.write("token", "first-token")
        let sts = CredsFakeSTS()
        let provider = WebIdentityCredentialProvider(
            tokenFilePath: tokenFile, roleARN: "arn:aws:iam::111122223333:role/ci", sessionName: "s", roleAssumer: sts
        )
        _ = try await provider.credentials()
        try home.write("token", "second-token\n")
        _ = try await provider.credentials()
        #expect(sts.calls.map(\.proof) == ["first-token", "second-token"])
    }

    @Test func environmentValuesWinOverTheProfilesPerSetting() async throws {
        let home = try CredsTestHome(config: """
            [default]
            web_identity_token_file = /profile/token
            role_arn = arn:aws:iam::111122223333:role/from-profile
            role_session_name = profile-session
            """)
        let context = home.context(["AWS_WEB_IDENTITY_TOKEN_FILE": "/env/token"])
        let files = try SharedConfigFiles.load(environment: context.environment)
        let provider = try #require(try WebIdentityCredentialProvider.make(
            profile: files.profile(named: "default"), useEnvironment: true, context: context
        ))
        #expect(provider.tokenFilePath == "/env/token")
        #expect(provider.roleARN == "arn:aws:iam::111122223333:role/from-profile")
        #expect(provider.sessionName == "profile-session")
        #expect(provider.name == "web identity")
    }

    @Test func aTokenFileWithoutARoleIsAnError() async throws {
        let home = try CredsTestHome()
        let context = home.context(["AWS_WEB_IDENTITY_TOKEN_FILE": try home.write("token", CredsSecrets.webToken)])
        let error = await credentialError { _ = try await CredentialChain(context: context).credentials() }
        #expect(error?.description == "AWS_WEB_IDENTITY_TOKEN_FILE names a web identity token file but no role ARN: "
            + "set AWS_ROLE_ARN or the profile's role_arn.")
    }

    @Test func aMissingTokenFileIsAnErrorNamingIt() async throws {
        let home = try CredsTestHome()
        let context = home.context([
            "AWS_WEB_IDENTITY_TOKEN_FILE": "/nonexistent/token",
            "AWS_ROLE_ARN": "arn:aws:iam::111122223333:role/ci",
        ])
        let error = await credentialError { _ = try await CredentialChain(context: context).credentials() }
        #expect(error == .webIdentityTokenUnreadable(path: "/nonexistent/token"))
    }

    @Test func stsRejectionNamesTheTokenFileNotTheToken() async throws {
        let home = try CredsTestHome()
        let tokenFile = try home.write("token", CredsSecrets.webToken)
        let sts = CredsFakeSTS(failure: "InvalidIdentityToken: Incorrect token audience")
        let context = home.context([
            "AWS_WEB_IDENTITY_TOKEN_FILE": tokenFile, "AWS_ROLE_ARN": "arn:aws:iam::111122223333:role/ci",
        ], sts: sts)
        let error = await credentialError { _ = try await CredentialChain(context: context).credentials() }
        #expect(error?.description == "Assuming role 'arn:aws:iam::111122223333:role/ci' with credentials from web "
            + "identity token file '\(tokenFile)' failed: InvalidIdentityToken: Incorrect token audience.")
        CredsSecrets.expectAbsent(from: CredsSecrets.printed(error as Any))
    }
}
