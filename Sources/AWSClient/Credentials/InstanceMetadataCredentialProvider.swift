import Foundation
import SigV4

/// Credentials of the role attached to an EC2 instance, through IMDSv2: `PUT /latest/api/token` with a TTL
/// header first, then the role name and its credentials with the token header. One-second timeouts and one retry
/// by default (`AWS_METADATA_SERVICE_TIMEOUT`, `AWS_METADATA_SERVICE_NUM_ATTEMPTS`); skipped when
/// `AWS_EC2_METADATA_DISABLED=true`; `AWS_EC2_METADATA_SERVICE_ENDPOINT` overrides the address. When the token
/// call is refused (403, 404, 405) it falls back to IMDSv1 like botocore, unless `AWS_EC2_METADATA_V1_DISABLED`.
public struct InstanceMetadataCredentialProvider: CredentialProvider {
    public let name = "EC2 instance metadata"
    static let tokenTTLHeader = "x-aws-ec2-metadata-token-ttl-seconds"
    static let tokenHeader = "x-aws-ec2-metadata-token"
    static let credentialsPath = "/latest/meta-data/iam/security-credentials/"
    private let context: CredentialContext
    private let profileEndpoint: String?

    /// - Parameter profileEndpoint: the profile's `ec2_metadata_service_endpoint`, used when the environment
    ///   does not set one.
    public init(context: CredentialContext, profileEndpoint: String? = nil) {
        self.context = context
        self.profileEndpoint = profileEndpoint
    }

    public static func isDisabled(in environment: CredentialEnvironment) -> Bool {
        environment["AWS_EC2_METADATA_DISABLED"]?.lowercased() == "true"
    }

    public func credentials() async throws -> Credentials {
        switch try await fetch() {
        case .success(let credentials): return credentials
        case .failure(let error): throw error
        }
    }

    /// The credentials, or `.failure(.instanceMetadataUnavailable)` when there is no usable endpoint or role (the
    /// chain then reports that no source applied). An endpoint that answers with bad credentials throws.
    func fetch() async throws -> Result<Credentials, CredentialError> {
        let environment = context.environment
        if Self.isDisabled(in: environment) {
            return .failure(.instanceMetadataUnavailable(reason: "AWS_EC2_METADATA_DISABLED is true"))
        }
        let base = environment["AWS_EC2_METADATA_SERVICE_ENDPOINT"]
            ?? profileEndpoint
            ?? (environment["AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE"]?.lowercased() == "ipv6"
                ? "http://[fd00:ec2::254]" : context.instanceMetadataEndpoint)
        let trimmedBase = base.hasSuffix("/") ? String(base.dropLast()) : base
        let timeout = Double(environment["AWS_METADATA_SERVICE_TIMEOUT"] ?? "").flatMap { $0 > 0 ? $0 : nil }
            .map { Duration.seconds($0) } ?? .seconds(1)
        let attempts = max(1, Int(environment["AWS_METADATA_SERVICE_NUM_ATTEMPTS"] ?? "") ?? 2)
        let session = Session(base: trimmedBase, timeout: timeout, attempts: attempts, context: context)

        let token: String?
        switch try await session.send("PUT", "/latest/api/token", headers: [(Self.tokenTTLHeader, "21600")]) {
        case .answered(let response) where response.status == 200:
            token = String(decoding: response.body, as: UTF8.self)
        case .answered(let response) where [403, 404, 405].contains(response.status):
            if environment["AWS_EC2_METADATA_V1_DISABLED"]?.lowercased() == "true" {
                return .failure(.instanceMetadataUnavailable(
                    reason: "the token request was refused (HTTP \(response.status)) and IMDSv1 is disabled"
                ))
            }
            token = nil
        case .answered(let response):
            return .failure(.instanceMetadataUnavailable(
                reason: "the token request answered HTTP \(response.status)"
            ))
        case .failed(let reason):
            return .failure(.instanceMetadataUnavailable(reason: reason))
        }
        let tokenHeaders = token.map { [(Self.tokenHeader, $0)] } ?? []

        let roleResponse: HTTPResponse
        switch try await session.send("GET", Self.credentialsPath, headers: tokenHeaders, retryEmpty: true) {
        case .answered(let response) where response.status == 200 && !response.body.isEmpty:
            roleResponse = response
        case .answered(let response):
            return .failure(.instanceMetadataUnavailable(
                reason: "no IAM role is attached to the instance (HTTP \(response.status))"
            ))
        case .failed(let reason):
            return .failure(.instanceMetadataUnavailable(reason: reason))
        }
        let roleName = String(decoding: roleResponse.body, as: UTF8.self)
            .split(whereSeparator: \.isNewline).first.map { String($0.iniTrimmed()) } ?? ""
        guard !roleName.isEmpty, !roleName.contains("/"), !roleName.contains("?") else {
            throw CredentialError.instanceMetadataResponseInvalid(reason: "the role name is empty or not a name")
        }

        switch try await session.send("GET", Self.credentialsPath + roleName, headers: tokenHeaders, retryEmpty: true) {
        case .answered(let response) where response.status == 200:
            do {
                return .success(try MetadataCredentialsJSON.decode(response.body, source: name, tokenKey: "Token"))
            } catch {
                throw CredentialError.instanceMetadataResponseInvalid(reason: "\(error.reasonText ?? "bad JSON")")
            }
        case .answered(let response):
            return .failure(.instanceMetadataUnavailable(
                reason: "the credentials of role '\(roleName)' answered HTTP \(response.status)"
            ))
        case .failed(let reason):
            return .failure(.instanceMetadataUnavailable(reason: reason))
        }
    }

    private enum Outcome {
        case answered(HTTPResponse)
        case failed(String)
    }

    private struct Session {
        var base: String
        var timeout: Duration
        var attempts: Int
        var context: CredentialContext

        /// Sends with retries (no pause, as botocore) on transport failures, 5xx answers and empty GET answers.
        func send(
            _ method: String, _ path: String, headers: [(String, String)], retryEmpty: Bool = false
        ) async throws -> Outcome {
            guard let url = URL(string: base + path), let host = url.host else {
                return .failed("the endpoint '\(base)' is not a valid URL")
            }
            let request = HTTPRequest(
                method: method, url: url, headers: headers.map { (name: $0.0, value: $0.1) }, timeout: timeout
            )
            var outcome = Outcome.failed("no attempt was made")
            for attempt in 1...attempts {
                do {
                    let response = try await context.transport.send(request)
                    outcome = .answered(response)
                    let empty = retryEmpty && response.status == 200 && response.body.isEmpty
                    let retryable = response.status >= 500 || empty
                    if !retryable { return outcome }
                } catch let error as TransportError {
                    let count = attempt == 1 ? "1 attempt" : "\(attempt) attempts"
                    outcome = .failed(ContainerCredentialProvider.reason(error, host: host) + " after \(count)")
                }
            }
            return outcome
        }
    }
}

extension CredentialError {
    /// The reason part of an invalid-response error, for re-wrapping.
    var reasonText: String? {
        if case .invalidResponse(_, let reason) = self { return reason }
        return nil
    }
}
