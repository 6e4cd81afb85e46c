/// Everything that can go wrong in a call through `AWSClient`, as one sentence that says what to do.
public enum AWSClientError: Error, Sendable, CustomStringConvertible {
    /// The service answered with an error (after any retries).
    case service(AWSServiceError)
    /// No answer arrived (after any retries).
    case transport(TransportError, attempts: Int)
    /// An answer arrived but could not be read as the operation's result.
    case invalidResponse(operation: String, reason: String)
    /// No region was given, and none is configured.
    case missingRegion
    /// The region is not a region name (letters, digits and dashes).
    case invalidRegion(String)
    /// A configured endpoint is not an http or https URL.
    case invalidEndpoint(source: String, value: String)
    /// The credential provider failed; `error` is its error (a `CredentialError` from the chain), which already
    /// says what to do.
    case credentials(provider: String, error: any Error)

    /// The service's error code, when the service answered with one.
    public var serviceCode: String? {
        if case .service(let error) = self { return error.code }
        return nil
    }

    public var description: String {
        switch self {
        case .service(let error):
            error.description
        case .transport(let error, let attempts):
            attempts > 1 ? "\(error) (after \(attempts) attempts)" : error.description
        case .invalidResponse(let operation, let reason):
            "The answer to \(operation) could not be read: \(reason). Check that the endpoint is an AWS service."
        case .missingRegion:
            "No AWS region is set. Pass --region, set AWS_REGION, or add 'region' to your profile."
        case .invalidRegion(let region):
            "The region '\(region)' is not a region name like 'eu-west-1'. Fix --region, AWS_REGION or the profile."
        case .invalidEndpoint(let source, let value):
            "The endpoint '\(value)' from \(source) is not an http or https URL with a host. Fix or unset it."
        case .credentials(_, let error):
            "\(error)"
        }
    }
}
