import AWSTestSupport
import Foundation
import SigV4
import Testing

@testable import AWSClient

/// STS against moto with signature checking on.
@Suite struct STSMotoTests {
    @Test func getCallerIdentityReturnsTheTestUser() async throws {
        let moto = try await MotoServer.shared.connection()
        let (client, endpoint) = try await MotoServer.shared.client()
        let identity = try await STS(client: client, endpoint: endpoint).getCallerIdentity()
        #expect(identity.account == moto.account)
        #expect(identity.arn == moto.userARN)
        #expect(!identity.userID.isEmpty)
    }

    @Test func theEndpointComesFromTheEnvironmentAsUsersConfigureIt() async throws {
        let moto = try await MotoServer.shared.connection()
        let environment = ["AWS_REGION": "eu-central-1", "AWS_ENDPOINT_URL_STS": moto.endpoint.absoluteString]
        let resolver = EndpointResolver(environment: environment)
        let client = AWSClient(
            region: try resolver.region(), credentialProvider: FixedCredentials(moto.credentials))
        let sts = try STS(client: client, resolver: resolver)
        #expect(sts.endpoint.url == moto.endpoint)
        #expect(sts.endpoint.region == "eu-central-1")
        #expect(try await sts.getCallerIdentity().account == moto.account)
    }

    @Test func aWrongSecretIsRejected() async throws {
        let moto = try await MotoServer.shared.connection()
        let wrong = Credentials(accessKeyID: moto.credentials.accessKeyID, secretAccessKey: "not-the-secret")
        let (client, endpoint) = try await MotoServer.shared.client(credentials: wrong)
        let error = await #expect(throws: AWSClientError.self) {
            try await STS(client: client, endpoint: endpoint).getCallerIdentity()
        }
        #expect(error?.serviceCode == "SignatureDoesNotMatch")
        #expect(!"\(String(describing: error))".contains("not-the-secret"))
        #expect(!"\(String(describing: error))".contains(moto.credentials.secretAccessKey))
    }

    @Test func assumeRoleIntoAnotherAccountThenGetCallerIdentityReturnsThatAccount() async throws {
        let (client, endpoint) = try await MotoServer.shared.client()
        let role = try await STS(client: client, endpoint: endpoint).assumeRole(
            AssumeRoleInput(
                roleARN: "arn:aws:iam::111122223333:role/deployer", roleSessionName: "stacks-deploy",
                durationSeconds: 900, externalID: "ext id + % & = ~ é"))
        #expect(role.assumedRoleARN == "arn:aws:sts::111122223333:assumed-role/deployer/stacks-deploy")
        #expect(role.credentials.sessionToken?.isEmpty == false)
        #expect(role.credentials.expiration != nil)
        #expect(!role.description.contains(role.credentials.secretAccessKey))

        let (assumed, _) = try await MotoServer.shared.client(credentials: role.credentials)
        let identity = try await STS(client: assumed, endpoint: endpoint).getCallerIdentity()
        #expect(identity.account == "111122223333")
        #expect(identity.arn == "arn:aws:sts::111122223333:assumed-role/deployer/stacks-deploy")
    }

    @Test func assumeRoleWithWebIdentityIsSentUnsigned() async throws {
        let (client, endpoint) = try await MotoServer.shared.client()
        let role = try await STS(client: client, endpoint: endpoint).assumeRoleWithWebIdentity(
            AssumeRoleWithWebIdentityInput(
                roleARN: "arn:aws:iam::444455556666:role/ci", roleSessionName: "github-actions",
                webIdentityToken: "eyJhbGciOi.token+with/odd=chars~"))
        #expect(role.assumedRoleARN.hasPrefix("arn:aws:sts::444455556666:assumed-role/ci/"))
        let (assumed, _) = try await MotoServer.shared.client(credentials: role.credentials)
        #expect(try await STS(client: assumed, endpoint: endpoint).getCallerIdentity().account == "444455556666")
    }
}

/// The credential chain's view of STS (`RoleAssuming`), against moto.
@Suite struct STSRoleAssumingMotoTests {
    @Test func assumeRoleWithGivenSourceCredentials() async throws {
        let moto = try await MotoServer.shared.connection()
        // The client's own provider holds a wrong secret: the call must sign with the credentials passed in.
        let wrong = Credentials(accessKeyID: moto.credentials.accessKeyID, secretAccessKey: "wrong")
        let (client, endpoint) = try await MotoServer.shared.client(credentials: wrong)
        let assumer: any RoleAssuming = STS(client: client, endpoint: endpoint)
        let credentials = try await assumer.assumeRole(
            roleARN: "arn:aws:iam::777788889999:role/source-test", sessionName: "chain", externalID: "e x",
            durationSeconds: 900, credentials: moto.credentials)
        let (assumed, _) = try await MotoServer.shared.client(credentials: credentials)
        #expect(try await STS(client: assumed, endpoint: endpoint).getCallerIdentity().account == "777788889999")

        let web = try await assumer.assumeRoleWithWebIdentity(
            roleARN: "arn:aws:iam::777788889999:role/oidc", sessionName: "ci", webIdentityToken: "token-value")
        #expect(web.sessionToken?.isEmpty == false)
    }
}
