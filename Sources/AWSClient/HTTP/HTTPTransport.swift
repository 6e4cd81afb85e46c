import Foundation

/// One HTTP request, as the transport sends it: already signed, body in memory.
public struct HTTPRequest: Sendable {
    public var method: String
    public var url: URL
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]
    /// The longest the whole exchange may take before it fails with a timeout.
    public var timeout: Duration

    public init(
        method: String,
        url: URL,
        headers: [(name: String, value: String)] = [],
        body: [UInt8] = [],
        timeout: Duration = .seconds(30)
    ) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.timeout = timeout
    }
}

/// One HTTP response, body in memory.
public struct HTTPResponse: Sendable {
    public var status: Int
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]

    public init(status: Int, headers: [(name: String, value: String)] = [], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The first header with this name, compared case-insensitively.
    public func header(_ name: String) -> String? {
        headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }
}

/// Sends HTTP requests. The client, the credential providers that speak HTTP (ECS, IMDS, STS) and the tests all
/// go through this protocol, so a test can put a scripted transport in place of the network.
public protocol HTTPTransport: Sendable {
    /// Sends the request and returns the response, whatever its status. Throws `TransportError` when no response
    /// arrived (connection refused or dropped, timeout).
    func send(_ request: HTTPRequest) async throws -> HTTPResponse
}

/// Why no HTTP response arrived.
public enum TransportError: Error, Sendable, Equatable, CustomStringConvertible {
    case connectionFailed(host: String, reason: String)
    case timedOut(host: String, after: Duration)

    public var description: String {
        switch self {
        case .connectionFailed(let host, let reason):
            "Could not connect to '\(host)': \(reason). Check the endpoint and your network."
        case .timedOut(let host, let after):
            "The request to '\(host)' timed out after \(after). Try again, or raise the timeout."
        }
    }
}
