import Foundation
import SigV4

/// Credentials from the ECS (or EKS Pod Identity) container endpoint: `AWS_CONTAINER_CREDENTIALS_RELATIVE_URI`
/// against 169.254.170.2, or `AWS_CONTAINER_CREDENTIALS_FULL_URI` with the `Authorization` header from
/// `AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE` (read on each call) or `AWS_CONTAINER_AUTHORIZATION_TOKEN`.
/// Two-second timeouts, three attempts, as botocore.
public struct ContainerCredentialProvider: CredentialProvider {
    public let name = "ECS container"
    static let allowedHosts: Set<String> = [
        "169.254.170.2", "169.254.170.23", "fd00:ec2::23", "[fd00:ec2::23]", "localhost",
    ]
    private let context: CredentialContext
    private let attempts = 3
    private let timeout: Duration = .seconds(2)

    public init(context: CredentialContext) {
        self.context = context
    }

    public static func isConfigured(in environment: CredentialEnvironment) -> Bool {
        environment["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"] != nil
            || environment["AWS_CONTAINER_CREDENTIALS_FULL_URI"] != nil
    }

    public func credentials() async throws -> Credentials {
        let request = try makeRequest()
        let host = request.url.host ?? ""
        var lastFailure = ""
        for attempt in 1...attempts {
            if attempt > 1, context.metadataRetryDelay > .zero { try await Task.sleep(for: context.metadataRetryDelay) }
            do {
                let response = try await context.transport.send(request)
                if response.status == 200 {
                    return try MetadataCredentialsJSON.decode(response.body, source: name, tokenKey: "Token")
                }
                lastFailure = "it answered with HTTP status \(response.status)"
            } catch let error as TransportError {
                lastFailure = Self.reason(error, host: host)
            }
        }
        throw CredentialError.containerRequestFailed(
            url: Self.redacted(request.url), reason: "\(lastFailure) after \(attempts) attempts"
        )
    }

    private func makeRequest() throws -> HTTPRequest {
        let environment = context.environment
        let address: String
        if let relative = environment["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"] {
            let base = context.containerEndpoint.hasSuffix("/")
                ? String(context.containerEndpoint.dropLast()) : context.containerEndpoint
            address = base + (relative.hasPrefix("/") ? relative : "/" + relative)
        } else if let full = environment["AWS_CONTAINER_CREDENTIALS_FULL_URI"] {
            address = full
        } else {
            throw CredentialError.noCredentials(lookedIn: [
                "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI and AWS_CONTAINER_CREDENTIALS_FULL_URI (both unset)",
            ])
        }
        guard let url = URL(string: address), let host = url.host, let scheme = url.scheme?.lowercased() else {
            throw CredentialError.containerRequestFailed(url: address, reason: "it is not a valid URL")
        }
        if environment["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"] == nil, scheme != "https",
           !Self.allowedHosts.contains(host), !Self.isLoopback(host) {
            throw CredentialError.containerEndpointNotAllowed(host: host)
        }
        var headers = [(name: "Accept", value: "application/json")]
        if let token = try authorizationToken(for: Self.redacted(url)) {
            headers.append((name: "Authorization", value: token))
        }
        return HTTPRequest(method: "GET", url: url, headers: headers, timeout: timeout)
    }

    private func authorizationToken(for url: String) throws -> String? {
        let environment = context.environment
        var token: String?
        if let path = environment["AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE"] {
            guard let data = FileManager.default.contents(atPath: environment.expandPath(path)) else {
                throw CredentialError.containerRequestFailed(
                    url: url, reason: "its authorization token file '\(path)' (AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE) "
                        + "cannot be read"
                )
            }
            token = String(decoding: data, as: UTF8.self).iniTrimmed().description
        } else {
            token = environment["AWS_CONTAINER_AUTHORIZATION_TOKEN"]
        }
        if let token, token.contains(where: { $0 == "\r" || $0 == "\n" || $0 == "\r\n" }) {
            throw CredentialError.containerRequestFailed(
                url: url, reason: "its authorization token contains a line break, which cannot go in a header"
            )
        }
        return token
    }

    static func isLoopback(_ host: String) -> Bool {
        if host == "::1" || host == "[::1]" { return true }
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts[0] == "127" && parts.allSatisfy { UInt8($0) != nil }
    }

    /// The URL without its query, which may carry a token.
    static func redacted(_ url: URL) -> String {
        var components = URLComponents(url: url, resolvingAgainstBaseURL: false)
        components?.query = nil
        components?.user = nil
        components?.password = nil
        return components?.string ?? "the container endpoint"
    }

    static func reason(_ error: TransportError, host: String) -> String {
        switch error {
        case .connectionFailed(_, let reason): "could not connect to '\(host)' (\(reason))"
        case .timedOut(_, let after): "'\(host)' did not answer within \(after)"
        }
    }
}
