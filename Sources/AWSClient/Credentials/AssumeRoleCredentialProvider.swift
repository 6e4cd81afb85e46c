import Foundation
import SigV4

/// Credentials from STS `AssumeRole`, signed with a source provider's credentials: a profile's `role_arn` with
/// `source_profile` or `credential_source`.
public struct AssumeRoleCredentialProvider: CredentialProvider {
    public let name: String
    public let roleARN: String
    public let sessionName: String?
    public let externalID: String?
    public let durationSeconds: Int?
    /// Where the credentials that call `AssumeRole` come from.
    public let source: any CredentialProvider
    private let roleAssumer: any RoleAssuming
    private let now: @Sendable () -> Date

    public init(
        name: String,
        roleARN: String,
        sessionName: String? = nil,
        externalID: String? = nil,
        durationSeconds: Int? = nil,
        source: any CredentialProvider,
        roleAssumer: any RoleAssuming,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.name = name
        self.roleARN = roleARN
        self.sessionName = sessionName
        self.externalID = externalID
        self.durationSeconds = durationSeconds
        self.source = source
        self.roleAssumer = roleAssumer
        self.now = now
    }

    public func credentials() async throws -> Credentials {
        let sourceCredentials = try await source.credentials()
        do {
            return try await roleAssumer.assumeRole(
                roleARN: roleARN,
                sessionName: sessionName ?? CredentialDates.sessionName(at: now()),
                externalID: externalID,
                durationSeconds: durationSeconds,
                credentials: sourceCredentials
            )
        } catch {
            throw CredentialError.roleAssumptionFailed(
                roleARN: roleARN,
                source: source.name,
                reason: String(describing: error)
            )
        }
    }
}
