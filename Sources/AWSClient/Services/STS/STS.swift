import Foundation

/// The AWS Security Token Service calls stacks needs: who am I, and becoming a role.
public struct STS: AWSServiceClient {
    public let client: AWSClient
    public let endpoint: ServiceEndpoint
    public static let service = ServiceDescription.sts

    public init(client: AWSClient, endpoint: ServiceEndpoint) {
        self.client = client
        self.endpoint = endpoint
    }

    private func call(_ action: String, signed: Bool = true, _ fill: (inout QueryParameters) -> Void = { _ in })
        async throws -> XMLTree
    {
        var parameters = QueryParameters(action: action, version: Self.service.apiVersion)
        fill(&parameters)
        return try await client.query(
            parameters, action: action, service: Self.service, endpoint: endpoint, signed: signed)
    }

    /// The account, user id and ARN of the caller.
    public func getCallerIdentity() async throws -> CallerIdentity {
        let result = try await call("GetCallerIdentity")
        return CallerIdentity(
            account: try result.required("Account", in: "GetCallerIdentity"),
            arn: try result.required("Arn", in: "GetCallerIdentity"),
            userID: result.string("UserId") ?? ""
        )
    }

    /// Temporary credentials for a role, signed with the client's credentials.
    public func assumeRole(_ input: AssumeRoleInput) async throws -> AssumedRole {
        let result = try await call("AssumeRole") { query in
            query.add("RoleArn", input.roleARN)
            query.add("RoleSessionName", input.roleSessionName)
            query.add("DurationSeconds", input.durationSeconds)
            query.add("ExternalId", input.externalID)
            query.add("Policy", input.policy)
            query.add("SerialNumber", input.serialNumber)
            query.add("TokenCode", input.tokenCode)
        }
        return try AssumedRole(result: result, operation: "AssumeRole")
    }

    /// Temporary credentials for a role, in exchange for an OIDC token. Sent unsigned: the token is the proof.
    public func assumeRoleWithWebIdentity(_ input: AssumeRoleWithWebIdentityInput) async throws -> AssumedRole {
        let result = try await call("AssumeRoleWithWebIdentity", signed: false) { query in
            query.add("RoleArn", input.roleARN)
            query.add("RoleSessionName", input.roleSessionName)
            query.add("WebIdentityToken", input.webIdentityToken)
            query.add("DurationSeconds", input.durationSeconds)
            query.add("Policy", input.policy)
            query.add("ProviderId", input.providerID)
        }
        return try AssumedRole(result: result, operation: "AssumeRoleWithWebIdentity")
    }
}
