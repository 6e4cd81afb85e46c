import SigV4

/// The two STS calls the credential providers need. The client's STS implements this; tests use a fake.
public protocol RoleAssuming: Sendable {
    /// `AssumeRole`, signed with `credentials`.
    func assumeRole(
        roleARN: String,
        sessionName: String,
        externalID: String?,
        durationSeconds: Int?,
        credentials: Credentials
    ) async throws -> Credentials

    /// `AssumeRoleWithWebIdentity`, sent unsigned: the token is the proof.
    func assumeRoleWithWebIdentity(roleARN: String, sessionName: String, webIdentityToken: String) async throws
        -> Credentials
}
