import SigV4

/// Credentials together with the name of the source they came from, for `stacks whoami`.
public struct ResolvedCredentials: Sendable, CustomStringConvertible, CustomReflectable {
    public let credentials: Credentials
    /// The providing source's `name`.
    public let source: String

    public init(credentials: Credentials, source: String) {
        self.credentials = credentials
        self.source = source
    }

    public var description: String { "credentials from \(source)" }

    public var customMirror: Mirror { Mirror(self, children: ["source": source]) }
}
