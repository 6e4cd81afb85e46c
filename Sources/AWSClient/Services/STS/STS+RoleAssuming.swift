import SigV4

/// The credential providers' view of STS: AssumeRole signed with the source credentials they hold, and
/// AssumeRoleWithWebIdentity unsigned.
extension STS: RoleAssuming {
    public func assumeRole(
        roleARN: String,
        sessionName: String,
        externalID: String?,
        durationSeconds: Int?,
        credentials: Credentials
    ) async throws -> Credentials {
        let source = StaticCredentialProvider(name: "source credentials for \(roleARN)", credentials: credentials)
        let sts = STS(client: client.with(credentialProvider: source), endpoint: endpoint)
        let input = AssumeRoleInput(
            roleARN: roleARN, roleSessionName: sessionName, durationSeconds: durationSeconds, externalID: externalID)
        return try await sts.assumeRole(input).credentials
    }

    public func assumeRoleWithWebIdentity(roleARN: String, sessionName: String, webIdentityToken: String)
        async throws -> Credentials
    {
        let input = AssumeRoleWithWebIdentityInput(
            roleARN: roleARN, roleSessionName: sessionName, webIdentityToken: webIdentityToken)
        return try await assumeRoleWithWebIdentity(input).credentials
    }
}
