import SigV4

// Stand-in until the `creds` branch (Sources/AWSClient/Credentials/) lands with the real declaration; delete this
// file when merging it. The shape is the one agreed for the credential chain.

/// Something that supplies credentials: a fixed pair, the environment, a profile, a role, …
public protocol CredentialProvider: Sendable {
    /// The name printed in place of the credentials (`environment`, `profile 'ci'`, …).
    var name: String { get }
    func credentials() async throws -> Credentials
}
