import AWSClient
import Foundation

/// An in-memory `HTTPTransport` for tests: answers each request with the next canned response (or error) and
/// records what it was sent. Nothing touches the network.
public final class RecordingTransport: HTTPTransport, @unchecked Sendable {
    public enum Reply: Sendable {
        case response(HTTPResponse)
        case failure(TransportError)

        /// A 200 answer with an XML body.
        public static func xml(_ body: String, status: Int = 200) -> Reply {
            .response(HTTPResponse(status: status, headers: [("Content-Type", "text/xml")], body: Array(body.utf8)))
        }
    }

    private let lock = NSLock()
    private var replies: [Reply]
    private var sent: [HTTPRequest] = []

    public init(_ replies: [Reply]) {
        self.replies = replies
    }

    /// The requests sent so far, in order.
    public var requests: [HTTPRequest] { lock.withLock { sent } }

    /// The bodies of the requests sent so far, as text.
    public var bodies: [String] { requests.map { String(decoding: $0.body, as: UTF8.self) } }

    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let reply: Reply? = lock.withLock {
            sent.append(request)
            return replies.isEmpty ? nil : replies.removeFirst()
        }
        switch reply {
        case .response(let response): return response
        case .failure(let error): throw error
        case nil:
            return HTTPResponse(
                status: 418,
                body: Array(
                    "<ErrorResponse><Error><Code>NoReplyLeft</Code><Message>the test gave no more replies</Message></Error></ErrorResponse>"
                        .utf8))
        }
    }
}
