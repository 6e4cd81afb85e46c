import Foundation

/// A few recently used ``Signer``s, so that a client signing many requests with the same credentials, region and
/// service reuses one signer and with it the signing key derived for the day.
///
/// Keyed by value: refreshed credentials are different credentials and get a signer of their own; the oldest
/// entry makes room when the cache is full.
public final class SignerCache: @unchecked Sendable {
    private struct Key: Hashable {
        let credentials: Credentials
        let region: String
        let service: String
        let uriEncoding: Signer.URIEncoding
        let addContentSHA256Header: Bool
        let sessionTokenPlacement: Signer.SessionTokenPlacement
    }

    /// The process-wide cache the AWS client uses.
    public static let shared = SignerCache(capacity: 8)

    private let capacity: Int
    private let lock = NSLock()
    // Guarded by `lock`; the most recently used entry last.
    private var entries: [(key: Key, signer: Signer)] = []

    public init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    /// A signer for these parameters: the cached one when there is one, otherwise a new one, then cached.
    public func signer(
        credentials: Credentials,
        region: String,
        service: String,
        uriEncoding: Signer.URIEncoding = .doubleEncodedNormalized,
        addContentSHA256Header: Bool = false,
        sessionTokenPlacement: Signer.SessionTokenPlacement = .signed
    ) -> Signer {
        let key = Key(
            credentials: credentials, region: region, service: service, uriEncoding: uriEncoding,
            addContentSHA256Header: addContentSHA256Header, sessionTokenPlacement: sessionTokenPlacement
        )
        lock.lock()
        defer { lock.unlock() }
        if let index = entries.lastIndex(where: { $0.key == key }) {
            let entry = entries[index]
            if index != entries.count - 1 {
                entries.remove(at: index)
                entries.append(entry)
            }
            return entry.signer
        }
        let signer = Signer(
            credentials: credentials, region: region, service: service, uriEncoding: uriEncoding,
            addContentSHA256Header: addContentSHA256Header, sessionTokenPlacement: sessionTokenPlacement
        )
        if entries.count >= capacity { entries.removeFirst() }
        entries.append((key, signer))
        return signer
    }

    /// How many signers are cached (for tests).
    public var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return entries.count
    }
}
