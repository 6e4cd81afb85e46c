import Synchronization

/// Keeps the most recent ``SigningKey``: a signer's credentials, region and service are fixed, so only the date
/// varies, and a key serves a whole UTC day.
final class SigningKeyCache: Sendable {
    private let latest = Mutex<(day: Int, key: SigningKey)?>(nil)

    func key(secret: String, date: AMZDate, region: String, service: String) -> SigningKey {
        if let latest = latest.withLock({ $0 }), latest.day == date.day {
            return latest.key
        }
        let derived = SigningKey(secret: secret, dateStamp: date.dateStamp, region: region, service: service)
        latest.withLock { $0 = (date.day, derived) }
        return derived
    }
}
