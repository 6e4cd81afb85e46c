import AWSClient
import SigV4

/// A credential provider that always returns the same credentials, for tests.
public struct FixedCredentials: CredentialProvider {
    public let name: String
    private let value: Credentials

    public init(_ credentials: Credentials, name: String = "fixed test credentials") {
        self.value = credentials
        self.name = name
    }

    public init(accessKeyID: String, secretAccessKey: String, sessionToken: String? = nil) {
        self.init(Credentials(accessKeyID: accessKeyID, secretAccessKey: secretAccessKey, sessionToken: sessionToken))
    }

    public func credentials() async throws -> Credentials { value }
}
