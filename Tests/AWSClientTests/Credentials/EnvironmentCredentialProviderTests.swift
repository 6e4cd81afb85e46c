import Foundation
import Testing
@testable import AWSClient

@Suite struct EnvironmentCredentialProviderTests {
    @Test func readsKeysAndSessionToken() async throws {
        let home = try CredsTestHome()
        let provider = EnvironmentCredentialProvider(environment: home.environment([
            "AWS_ACCESS_KEY_ID": CredsSecrets.keyID,
            "AWS_SECRET_ACCESS_KEY": CredsSecrets.secret,
            "AWS_SESSION_TOKEN": CredsSecrets.token,
            "AWS_CREDENTIAL_EXPIRATION": "2027-01-02T03:04:05Z",
        ]))
        let credentials = try await provider.credentials()
        #expect(credentials == CredsSecrets.credentials(expiration: Date(timeIntervalSince1970: 1_798_859_045)))
        #expect(provider.name == "environment")
        CredsSecrets.expectAbsent(from: CredsSecrets.printed(credentials, provider))
    }

    @Test func acceptsTheOlderSecurityTokenVariable() async throws {
        let home = try CredsTestHome()
        let credentials = try await EnvironmentCredentialProvider(environment: home.environment([
            "AWS_ACCESS_KEY_ID": CredsSecrets.keyID,
            "AWS_SECRET_ACCESS_KEY": CredsSecrets.secret,
            "AWS_SECURITY_TOKEN": CredsSecrets.token,
        ])).credentials()
        #expect(credentials.sessionToken == CredsSecrets.token)
        #expect(credentials.expiration == nil)
    }

    /// The arguments name the variables to set (with an empty value for ""), never the values: Swift Testing
    /// prints arguments, and the values are secrets.
    @Test(arguments: [
        (["AWS_ACCESS_KEY_ID"], CredentialError.partialEnvironment(
            present: "AWS_ACCESS_KEY_ID", missing: "AWS_SECRET_ACCESS_KEY")),
        (["AWS_SECRET_ACCESS_KEY"], CredentialError.partialEnvironment(
            present: "AWS_SECRET_ACCESS_KEY", missing: "AWS_ACCESS_KEY_ID")),
        (["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY="], CredentialError.partialEnvironment(
            present: "AWS_ACCESS_KEY_ID", missing: "AWS_SECRET_ACCESS_KEY")),
    ])
    func oneKeyWithoutTheOtherIsAnError(names: [String], expected: CredentialError) async throws {
        let values = ["AWS_ACCESS_KEY_ID": CredsSecrets.keyID, "AWS_SECRET_ACCESS_KEY": CredsSecrets.secret]
        var variables: [String: String] = [:]
        for name in names {
            if name.hasSuffix("=") { variables[String(name.dropLast())] = "" } else { variables[name] = values[name] }
        }
        let home = try CredsTestHome()
        let context = home.context(variables)
        let error = await credentialError { _ = try await CredentialChain(context: context).credentials() }
        #expect(error == expected)
        CredsSecrets.expectAbsent(from: CredsSecrets.printed(error as Any))
    }

    @Test func onlyAKeyIDReadsAsASentence() {
        #expect(CredentialError.partialEnvironment(present: "AWS_ACCESS_KEY_ID", missing: "AWS_SECRET_ACCESS_KEY")
            .description == "AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not: set both, or unset "
            + "AWS_ACCESS_KEY_ID to use a profile instead.")
    }

    @Test func badExpirationIsAnError() async throws {
        let home = try CredsTestHome()
        let provider = EnvironmentCredentialProvider(environment: home.environment([
            "AWS_ACCESS_KEY_ID": CredsSecrets.keyID,
            "AWS_SECRET_ACCESS_KEY": CredsSecrets.secret,
            "AWS_CREDENTIAL_EXPIRATION": "tomorrow",
        ]))
        let error = await credentialError { _ = try await provider.credentials() }
        #expect(error?.description == "The credentials from environment are invalid: AWS_CREDENTIAL_EXPIRATION "
            + "'tomorrow' is not an ISO 8601 date such as 2026-01-02T03:04:05Z.")
    }

    @Test func expiredEnvironmentCredentialsSayWhatToDo() async throws {
        let home = try CredsTestHome()
        let context = home.context([
            "AWS_ACCESS_KEY_ID": CredsSecrets.keyID,
            "AWS_SECRET_ACCESS_KEY": CredsSecrets.secret,
            "AWS_SESSION_TOKEN": CredsSecrets.token,
            "AWS_CREDENTIAL_EXPIRATION": "2027-01-02T03:04:05Z",
        ], clock: CredsTestClock(Date(timeIntervalSince1970: 1_798_859_045 + 1)))
        let error = await credentialError { _ = try await CredentialChain(context: context).credentials() }
        #expect(error?.description == "The credentials from environment expired at 2027-01-02T03:04:05Z and could "
            + "not be refreshed: export fresh AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN (in CI, "
            + "re-run the step that exports them).")
        CredsSecrets.expectAbsent(from: CredsSecrets.printed(error as Any))
    }
}
