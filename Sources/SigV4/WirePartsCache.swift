import Synchronization

/// The last URL a signer read and its ``WireParts``: a client sends request after request to the same URL (every
/// CloudFormation call is a POST to `/`), and reading it again would cost more than comparing its text.
final class WirePartsCache: Sendable {
    private let latest = Mutex<(url: String, parts: WireParts)?>(nil)

    func parts(for url: String) -> WireParts? {
        latest.withLock { latest in
            guard let latest, latest.url == url else { return nil }
            return latest.parts
        }
    }

    func remember(_ parts: WireParts, for url: String) {
        latest.withLock { $0 = (url, parts) }
    }
}
