import Foundation

/// Keeps the most recent ``SigningKey``: a signer's credentials, region and service are fixed, so only the date
/// varies, and a key serves a whole UTC day.
final class SigningKeyCache: @unchecked Sendable {
    private let lock = NSLock()
    // Guarded by `lock`.
    private var dateStamp: Substring = ""
    private var key: SigningKey?

    func key(secret: String, dateStamp: Substring, region: String, service: String) -> SigningKey {
        lock.lock()
        if let key, self.dateStamp == dateStamp {
            lock.unlock()
            return key
        }
        lock.unlock()
        let derived = SigningKey(secret: secret, dateStamp: dateStamp, region: region, service: service)
        lock.lock()
        self.dateStamp = dateStamp
        self.key = derived
        lock.unlock()
        return derived
    }
}
