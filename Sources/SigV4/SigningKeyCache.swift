import Foundation

/// Keeps the most recent ``SigningKey``: a signer's credentials, region and service are fixed, so only the date
/// varies, and a key serves a whole UTC day.
final class SigningKeyCache: @unchecked Sendable {
    private let lock = NSLock()
    // Guarded by `lock`.
    private var day = Int.min
    private var key: SigningKey?

    func key(secret: String, date: AMZDate, region: String, service: String) -> SigningKey {
        lock.lock()
        if let key, day == date.day {
            lock.unlock()
            return key
        }
        lock.unlock()
        let derived = SigningKey(secret: secret, dateStamp: date.dateStamp, region: region, service: service)
        lock.lock()
        day = date.day
        key = derived
        lock.unlock()
        return derived
    }
}
