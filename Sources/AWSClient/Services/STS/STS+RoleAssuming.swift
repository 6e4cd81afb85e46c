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

extension STS {
    /// An STS for the credential chain's `CredentialContext.roleAssumer`: it signs AssumeRole with the source
    /// credentials each call is given and sends AssumeRoleWithWebIdentity unsigned, so it needs no credentials of
    /// its own (it has none: a call that would need them fails with a clear error).
    public static func roleAssumer(
        region: String,
        transport: any HTTPTransport,
        resolver: EndpointResolver = EndpointResolver(),
        profileEndpointURL: String? = nil
    ) throws -> STS {
        let client = AWSClient(region: region, credentialProvider: NoCredentials(), transport: transport)
        return try STS(client: client, resolver: resolver, profileEndpointURL: profileEndpointURL)
    }
}

private struct NoCredentialsError: Error, CustomStringConvertible {
    var description: String {
        "This STS client only assumes roles with the credentials it is given; build an AWSClient with a credential provider for other calls."
    }
}

/// The credentials of an STS that only assumes roles for others: none.
private struct NoCredentials: CredentialProvider {
    let name = "no credentials (role assumer)"

    func credentials() async throws -> Credentials {
        throw NoCredentialsError()
    }
}
