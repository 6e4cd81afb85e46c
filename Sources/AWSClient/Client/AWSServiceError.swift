/// An error answer from an AWS service: its code, message and request id, and the HTTP status it came with.
public struct AWSServiceError: Error, Sendable, Hashable, CustomStringConvertible {
    public var code: String
    public var message: String
    public var requestID: String?
    public var status: Int

    public init(code: String, message: String, requestID: String? = nil, status: Int) {
        self.code = code
        self.message = message
        self.requestID = requestID
        self.status = status
    }

    /// `Throttling: Rate exceeded (request 5f1c…)`.
    public var description: String {
        var text = message.isEmpty ? code : "\(code): \(message)"
        if let requestID, !requestID.isEmpty { text += " (request \(requestID))" }
        return text
    }

    /// Reads the error from a response: the Query protocol's `<ErrorResponse><Error>…`, S3's `<Error>…`, or,
    /// when the body holds no error document (HEAD requests, proxies), a code made from the status.
    public static func decode(_ response: HTTPResponse) -> AWSServiceError {
        let status = response.status
        let headerRequestID = response.header("x-amzn-RequestId") ?? response.header("x-amz-request-id")
        if !response.body.isEmpty, let root = try? XMLTree.parse(response.body),
            let error = root.descendant("Error"), let code = error.string("Code"), !code.isEmpty
        {
            let requestID = root.string("RequestId") ?? error.string("RequestId") ?? headerRequestID
            return AWSServiceError(
                code: code, message: error.string("Message") ?? "", requestID: requestID, status: status)
        }
        return AWSServiceError(
            code: statusCode(status), message: "HTTP status \(status)", requestID: headerRequestID, status: status)
    }

    private static func statusCode(_ status: Int) -> String {
        switch status {
        case 301: "PermanentRedirect"
        case 400: "BadRequest"
        case 403: "Forbidden"
        case 404: "NotFound"
        case 500: "InternalError"
        case 502: "BadGateway"
        case 503: "ServiceUnavailable"
        case 504: "GatewayTimeout"
        default: "HTTP\(status)"
        }
    }
}
