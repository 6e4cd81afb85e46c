import Foundation
import SigV4

/// Caches another provider's credentials and fetches new ones once they expire within the refresh window.
/// Concurrent callers share one fetch. If a refresh fails while the cached credentials are still valid, those
/// are used; once they have expired, the failure is `CredentialError.expired` with advice for the source.
public actor RefreshingCredentialProvider: CredentialProvider, CustomReflectable {
    public nonisolated let name: String
    private let base: any CredentialProvider
    private let window: Duration
    private let now: @Sendable () -> Date
    private let advice: String
    private var cached: Credentials?
    private var inFlight: Task<Credentials, any Error>?

    /// - Parameters:
    ///   - seed: credentials already fetched from `base` (the chain's probe of EC2 metadata), used until they
    ///     need refreshing.
    ///   - advice: what the user should do when credentials expired and cannot be refreshed.
    public init(
        wrapping base: any CredentialProvider,
        refreshWindow: Duration = .seconds(300),
        now: @escaping @Sendable () -> Date = { Date() },
        advice: String? = nil,
        seed: Credentials? = nil
    ) {
        self.name = base.name
        self.base = base
        self.window = refreshWindow
        self.now = now
        self.advice = advice ?? Self.advice(for: base)
        self.cached = seed
    }

    /// Shows the name only: the cache holds secrets.
    public nonisolated var customMirror: Mirror { Mirror(self, children: ["name": name]) }

    public func credentials() async throws -> Credentials {
        if let cached, !needsRefresh(cached) { return cached }
        if let inFlight { return try await inFlight.value }
        let task = Task { try await self.refresh() }
        inFlight = task
        return try await task.value
    }

    private func refresh() async throws -> Credentials {
        defer { inFlight = nil }
        let previous = cached
        do {
            let fresh = try await base.credentials()
            if let expiration = fresh.expiration, expiration <= now() {
                throw CredentialError.expired(source: name, expiredAt: expiration, advice: advice)
            }
            cached = fresh
            return fresh
        } catch {
            if let previous, let expiration = previous.expiration, expiration > now() { return previous }
            if let previous, let expiration = previous.expiration {
                throw CredentialError.expired(source: name, expiredAt: expiration, advice: advice)
            }
            throw error
        }
    }

    private func needsRefresh(_ credentials: Credentials) -> Bool {
        guard let expiration = credentials.expiration else { return false }
        let seconds = Double(window.components.seconds) + Double(window.components.attoseconds) / 1e18
        return now() >= expiration.addingTimeInterval(-seconds)
    }

    private static func advice(for base: any CredentialProvider) -> String {
        switch base {
        case is EnvironmentCredentialProvider:
            "export fresh AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN (in CI, re-run the step "
                + "that exports them)"
        case is ProcessCredentialProvider:
            "make the credential_process print fresh credentials (for an SSO-backed command, run 'aws sso login')"
        case is WebIdentityCredentialProvider:
            "renew the web identity token file (in CI, re-run the step that requests the OIDC token)"
        default:
            "check that the source can still issue credentials and try again"
        }
    }
}
