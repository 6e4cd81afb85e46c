import Foundation

/// The AWS Query protocol on top of `AWSClient.send`: a form-encoded POST, answered by
/// `<ActionResponse><ActionResult>…</ActionResult><ResponseMetadata>…</ResponseMetadata></ActionResponse>`.
extension AWSClient {
    /// Sends a Query-protocol call and returns its `<ActionResult>` element (an empty element for calls that
    /// answer with none).
    public func query(
        _ parameters: QueryParameters,
        action: String,
        service: ServiceDescription,
        endpoint: ServiceEndpoint,
        signed: Bool = true
    ) async throws -> XMLTree {
        // The endpoint's own path, if any, is the target; otherwise the root.
        let endpointPath = endpoint.url.path(percentEncoded: true)
        let request = ServiceRequest(
            operation: action,
            method: "POST",
            path: endpointPath.isEmpty || endpointPath == "/" ? "/" : "",
            headers: [("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")],
            body: Array(parameters.encoded.utf8),
            signed: signed
        )
        let response = try await send(request, service: service, endpoint: endpoint)
        let root: XMLTree
        do {
            root = try XMLTree.parse(response.body)
        } catch {
            throw AWSClientError.invalidResponse(operation: action, reason: error.description)
        }
        guard root.name == "\(action)Response" else {
            throw AWSClientError.invalidResponse(
                operation: action, reason: "the document's root is <\(root.name)>, not <\(action)Response>")
        }
        return root.child("\(action)Result") ?? XMLTree(name: "\(action)Result")
    }
}

extension XMLTree {
    /// The text of a required child, or an `invalidResponse` error naming it.
    func required(_ name: String, in operation: String) throws -> String {
        guard let value = string(name) else {
            throw AWSClientError.invalidResponse(operation: operation, reason: "<\(self.name)> has no <\(name)>")
        }
        return value
    }

    /// A child holding an ISO 8601 timestamp (`2026-11-21T20:16:14.123Z`), or nil when absent or unreadable.
    func date(_ name: String) -> Date? {
        string(name).flatMap(ISO8601Timestamp.parse)
    }

    /// A child holding `true` or `false`.
    func bool(_ name: String) -> Bool? {
        switch string(name)?.lowercased() {
        case "true": true
        case "false": false
        default: nil
        }
    }

    func int(_ name: String) -> Int? {
        string(name).flatMap { Int($0) }
    }

    /// The texts of a list child's `<member>`s.
    func strings(_ name: String) -> [String] {
        members(name).map(\.text)
    }
}
