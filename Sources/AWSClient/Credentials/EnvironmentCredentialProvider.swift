import Foundation
import SigV4

/// Credentials from `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY` and `AWS_SESSION_TOKEN` (or the older
/// `AWS_SECURITY_TOKEN`), expiring at `AWS_CREDENTIAL_EXPIRATION` when that is set. Read again on each call, so a
/// refresh sees values a parent process updated.
public struct EnvironmentCredentialProvider: CredentialProvider {
    public let name = "environment"
    private let environment: CredentialEnvironment

    public init(environment: CredentialEnvironment) {
        self.environment = environment
    }

    /// Whether either key variable is set (non-empty); if so, the environment is the source, or an error.
    public static func isConfigured(in environment: CredentialEnvironment) -> Bool {
        environment["AWS_ACCESS_KEY_ID"] != nil || environment["AWS_SECRET_ACCESS_KEY"] != nil
    }

    public func credentials() async throws -> Credentials {
        try read()
    }

    func read() throws(CredentialError) -> Credentials {
        guard let keyID = environment["AWS_ACCESS_KEY_ID"] else {
            if environment["AWS_SECRET_ACCESS_KEY"] != nil {
                throw .partialEnvironment(present: "AWS_SECRET_ACCESS_KEY", missing: "AWS_ACCESS_KEY_ID")
            }
            throw .noCredentials(lookedIn: ["environment variables AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY"])
        }
        guard let secret = environment["AWS_SECRET_ACCESS_KEY"] else {
            throw .partialEnvironment(present: "AWS_ACCESS_KEY_ID", missing: "AWS_SECRET_ACCESS_KEY")
        }
        var expiration: Date?
        if let text = environment["AWS_CREDENTIAL_EXPIRATION"] {
            guard let date = CredentialDates.parse(text) else {
                throw .invalidResponse(
                    source: name,
                    reason: "AWS_CREDENTIAL_EXPIRATION '\(text)' is not an ISO 8601 date such as 2026-01-02T03:04:05Z"
                )
            }
            expiration = date
        }
        return Credentials(
            accessKeyID: keyID,
            secretAccessKey: secret,
            sessionToken: environment["AWS_SESSION_TOKEN"] ?? environment["AWS_SECURITY_TOKEN"],
            expiration: expiration
        )
    }
}
