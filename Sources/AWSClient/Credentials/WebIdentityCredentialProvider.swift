import Foundation
import SigV4

/// Credentials from STS `AssumeRoleWithWebIdentity` (unsigned), with the token read from a file on each call
/// because CI systems rotate it. Configured by `AWS_WEB_IDENTITY_TOKEN_FILE`, `AWS_ROLE_ARN` and
/// `AWS_ROLE_SESSION_NAME`, or a profile's `web_identity_token_file`, `role_arn` and `role_session_name`.
public struct WebIdentityCredentialProvider: CredentialProvider {
    public let name: String
    public let tokenFilePath: String
    public let roleARN: String
    public let sessionName: String?
    private let roleAssumer: any RoleAssuming
    private let now: @Sendable () -> Date

    public init(
        name: String = "web identity",
        tokenFilePath: String,
        roleARN: String,
        sessionName: String?,
        roleAssumer: any RoleAssuming,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.name = name
        self.tokenFilePath = tokenFilePath
        self.roleARN = roleARN
        self.sessionName = sessionName
        self.roleAssumer = roleAssumer
        self.now = now
    }

    /// The web identity settings, each from the environment first (unless `useEnvironment` is false, as for an
    /// explicit profile) and then from the profile. Nil when no token file is configured.
    static func make(
        profile: Profile?,
        useEnvironment: Bool,
        context: CredentialContext
    ) throws(CredentialError) -> WebIdentityCredentialProvider? {
        let environment = context.environment
        func setting(_ key: String, _ variable: String) -> String? {
            (useEnvironment ? environment[variable] : nil) ?? profile?[key]
        }
        guard let tokenFile = setting("web_identity_token_file", "AWS_WEB_IDENTITY_TOKEN_FILE") else { return nil }
        let fromEnvironment = useEnvironment && environment["AWS_WEB_IDENTITY_TOKEN_FILE"] != nil
        let name = fromEnvironment || profile == nil ? "web identity" : "profile \(profile?.name ?? "") (web identity)"
        guard let role = setting("role_arn", "AWS_ROLE_ARN") else {
            throw .webIdentityWithoutRole(
                source: fromEnvironment ? "AWS_WEB_IDENTITY_TOKEN_FILE" : "Profile '\(profile?.name ?? "")'"
            )
        }
        return WebIdentityCredentialProvider(
            name: name,
            tokenFilePath: environment.expandPath(tokenFile),
            roleARN: role,
            sessionName: setting("role_session_name", "AWS_ROLE_SESSION_NAME"),
            roleAssumer: context.roleAssumer,
            now: environment.now
        )
    }

    public func credentials() async throws -> Credentials {
        guard let data = FileManager.default.contents(atPath: tokenFilePath),
              let text = String(data: data, encoding: .utf8),
              !text.iniTrimmed().isEmpty
        else {
            throw CredentialError.webIdentityTokenUnreadable(path: tokenFilePath)
        }
        do {
            return try await roleAssumer.assumeRoleWithWebIdentity(
                roleARN: roleARN,
                sessionName: sessionName ?? CredentialDates.sessionName(at: now()),
                webIdentityToken: String(text.iniTrimmed())
            )
        } catch {
            throw CredentialError.roleAssumptionFailed(
                roleARN: roleARN,
                source: "web identity token file '\(tokenFilePath)'",
                reason: String(describing: error)
            )
        }
    }
}
