import AWSClient
import Foundation

/// Our loopback server for what moto cannot do: it answers each request with the next `Answer` of a script
/// (errors, delays, dropped connections, a skewed `Date`, malformed bodies) and records the requests it got.
/// One server per test; it stops when the value goes away.
public final class ScriptedServer: Sendable {
    public enum Answer: Sendable {
        /// An HTTP answer, after `delay` seconds, with `date` (or the current time) in its `Date` header.
        case respond(
            status: Int, body: String = "", headers: [(String, String)] = [], delay: Double = 0,
            date: Date? = nil)
        /// Closes the connection without answering (after `delay` seconds).
        case drop(delay: Double = 0)

        /// A Query-protocol error document.
        public static func error(_ status: Int, code: String, message: String, date: Date? = nil) -> Answer {
            .respond(
                status: status,
                body: "<ErrorResponse><Error><Type>Sender</Type><Code>\(code)</Code><Message>\(message)</Message>"
                    + "</Error><RequestId>req-\(code)</RequestId></ErrorResponse>",
                headers: [("Content-Type", "text/xml")],
                date: date)
        }

        var json: [String: Any] {
            switch self {
            case .respond(let status, let body, let headers, let delay, let date):
                [
                    "status": status, "body": body, "headers": headers.map { [$0.0, $0.1] }, "delay": delay,
                    "date": date.map { $0.timeIntervalSince1970 as Any } ?? NSNull(),
                ]
            case .drop(let delay):
                ["drop": true, "delay": delay]
            }
        }
    }

    /// A request as the server received it.
    public struct Request: Sendable {
        public var method: String
        public var path: String
        public var headers: [(name: String, value: String)]
        public var body: String
        /// The client's port: requests with the same port came over the same connection.
        public var peerPort: Int

        public func header(_ name: String) -> String? {
            headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
        }
    }

    public let endpoint: URL
    private let helper: PythonHelper

    public init(_ script: [Answer]) async throws {
        let data = try JSONSerialization.data(withJSONObject: script.map(\.json))
        helper = try await PythonHelper(
            script: "scripted_server.py", arguments: [String(decoding: data, as: UTF8.self)], timeout: .seconds(20))
        guard let port = helper.greeting["port"] as? Int, let url = URL(string: "http://127.0.0.1:\(port)") else {
            throw PythonHelperError(script: "scripted_server.py", log: "unexpected greeting", timedOut: false)
        }
        endpoint = url
    }

    /// The endpoint as a service endpoint in `region`, marked custom (path-style S3).
    public func serviceEndpoint(region: String = "us-east-1") -> ServiceEndpoint {
        ServiceEndpoint(url: endpoint, region: region, isCustom: true)
    }

    /// Every request received so far, in order.
    public func requests() async throws -> [Request] {
        guard let url = URL(string: endpoint.absoluteString + "/__requests") else { return [] }
        let response = try await URLSessionTransport().send(HTTPRequest(method: "GET", url: url))
        guard let list = try JSONSerialization.jsonObject(with: Data(response.body)) as? [[String: Any]] else {
            return []
        }
        return list.map { item in
            let headers = (item["headers"] as? [[String]] ?? []).compactMap { pair in
                pair.count == 2 ? (name: pair[0], value: pair[1]) : nil
            }
            return Request(
                method: item["method"] as? String ?? "", path: item["path"] as? String ?? "", headers: headers,
                body: item["body"] as? String ?? "", peerPort: item["peerPort"] as? Int ?? 0)
        }
    }

    public func stop() {
        helper.stop()
    }
}
