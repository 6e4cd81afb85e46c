/// One request to a service before signing: method, path and query exactly as they go on the wire, headers, body.
public struct ServiceRequest: Sendable {
    public var method: String
    /// Percent-encoded path, starting with `/`.
    public var path: String
    /// Percent-encoded query without the `?`, or nil.
    public var query: String?
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]
    /// False for the few calls that are sent without a signature (AssumeRoleWithWebIdentity).
    public var signed: Bool
    /// The operation's name, for error messages.
    public var operation: String

    public init(
        operation: String,
        method: String,
        path: String = "/",
        query: String? = nil,
        headers: [(name: String, value: String)] = [],
        body: [UInt8] = [],
        signed: Bool = true
    ) {
        self.operation = operation
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
        self.signed = signed
    }
}
