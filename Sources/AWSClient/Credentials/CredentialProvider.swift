import SigV4

/// A source of AWS credentials: the environment, a profile, a role, a container or instance endpoint.
public protocol CredentialProvider: Sendable {
    /// Where the credentials come from, for `stacks whoami` and error messages ("environment",
    /// "profile dev (shared credentials file)"). Never contains a key.
    var name: String { get }

    /// Fetches credentials, or throws a `CredentialError` (or the transport's or STS's error) saying why not.
    func credentials() async throws -> Credentials
}
