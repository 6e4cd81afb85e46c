import SigV4

/// Fixed credentials under a name; for callers that already hold keys, and for tests.
public struct StaticCredentialProvider: CredentialProvider, CustomStringConvertible, CustomReflectable {
    public let name: String
    private let value: Credentials

    public init(name: String, credentials: Credentials) {
        self.name = name
        self.value = credentials
    }

    public func credentials() async throws -> Credentials { value }

    public var description: String { "StaticCredentialProvider(\(name))" }

    public var customMirror: Mirror { Mirror(self, children: ["name": name]) }
}
