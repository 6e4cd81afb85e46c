import Crypto
import Foundation

/// Derives the SigV4 signing key, HMAC("AWS4" + secret, date) → region → service → "aws4_request", and keeps the
/// most recent one: a signer's credentials, region and service are fixed, so only the date varies.
final class SigningKeyCache: @unchecked Sendable {
    private let lock = NSLock()
    // Guarded by `lock`.
    private var dateStamp: Substring = ""
    private var key: SymmetricKey?

    func key(secret: String, dateStamp: Substring, region: String, service: String) -> SymmetricKey {
        lock.lock()
        if let key, self.dateStamp == dateStamp {
            lock.unlock()
            return key
        }
        lock.unlock()
        let derived = Self.derive(secret: secret, dateStamp: dateStamp, region: region, service: service)
        lock.lock()
        self.dateStamp = dateStamp
        self.key = derived
        lock.unlock()
        return derived
    }

    static func derive(secret: String, dateStamp: Substring, region: String, service: String) -> SymmetricKey {
        var key = SymmetricKey(data: Array(("AWS4" + secret).utf8))
        for part in [String(dateStamp), region, service, "aws4_request"] {
            let code = HMAC<SHA256>.authenticationCode(for: Array(part.utf8), using: key)
            key = SymmetricKey(data: Array(code))
        }
        return key
    }
}
