import AWSTestSupport
import Foundation
import SigV4
import Testing
@testable import AWSClient

/// The chain end to end against moto on loopback (signature checking on): a role profile and web identity through
/// the client's STS as `RoleAssuming`.
@Suite struct CredentialChainMotoTests {
    @Test func roleProfileAssumesTheRoleAndCallsAsIt() async throws {
        let moto = try await MotoServer.shared.connection()
        let home = try CredsTestHome(config: """
            [profile deploy]
            role_arn = arn:aws:iam::111122223333:role/deployer
            source_profile = base
            role_session_name = stacks-e2e
            external_id = ext + % & = ~ é
            """, credentials: """
            [base]
            aws_access_key_id = \(moto.credentials.accessKeyID)
            aws_secret_access_key = \(moto.credentials.secretAccessKey)
            """)
        let endpoint = ServiceEndpoint(url: moto.endpoint, region: "us-east-1", isCustom: true)
        let transport = URLSessionTransport()
        var context = home.context(clock: CredsTestClock(Date()))
        // The STS client's own credentials are never used: AssumeRole signs with the source credentials it is
        // given, AssumeRoleWithWebIdentity is unsigned.
        context.roleAssumer = STS(
            client: AWSClient(region: "us-east-1", credentialProvider: StaticCredentialProvider(
                name: "unused", credentials: Credentials(accessKeyID: "unused", secretAccessKey: "unused")
            ), transport: transport),
            endpoint: endpoint
        )
        let chain = CredentialChain(profile: "deploy", context: context)
        let client = AWSClient(region: "us-east-1", credentialProvider: chain, transport: transport)
        let identity = try await STS(client: client, endpoint: endpoint).getCallerIdentity()
        #expect(identity.arn == "arn:aws:sts::111122223333:assumed-role/deployer/stacks-e2e")
        #expect(try await chain.resolve().source
            == "profile deploy → assume role arn:aws:iam::111122223333:role/deployer from profile base "
            + "(shared credentials file)")
    }

    @Test func webIdentityFromTheEnvironment() async throws {
        let moto = try await MotoServer.shared.connection()
        let home = try CredsTestHome()
        let tokenFile = try home.write("token", "eyJhbGciOi.token+with/odd=chars~")
        let endpoint = ServiceEndpoint(url: moto.endpoint, region: "us-east-1", isCustom: true)
        let transport = URLSessionTransport()
        var context = home.context([
            "AWS_WEB_IDENTITY_TOKEN_FILE": tokenFile,
            "AWS_ROLE_ARN": "arn:aws:iam::444455556666:role/ci",
            "AWS_ROLE_SESSION_NAME": "gha",
        ], clock: CredsTestClock(Date()))
        // The STS client's own credentials are never used: AssumeRole signs with the source credentials it is
        // given, AssumeRoleWithWebIdentity is unsigned.
        context.roleAssumer = STS(
            client: AWSClient(region: "us-east-1", credentialProvider: StaticCredentialProvider(
                name: "unused", credentials: Credentials(accessKeyID: "unused", secretAccessKey: "unused")
            ), transport: transport),
            endpoint: endpoint
        )
        let chain = CredentialChain(context: context)
        let client = AWSClient(region: "us-east-1", credentialProvider: chain, transport: transport)
        let identity = try await STS(client: client, endpoint: endpoint).getCallerIdentity()
        #expect(identity.account == "444455556666")
    }
}
