import Crypto

/// A derived SigV4 signing key, with the HMAC-SHA256 inner and outer hash states already keyed so that each
/// signature costs only the hashing of the string to sign.
///
/// A class, so that handing it around costs one reference count rather than one per field.
// The hash states are only ever copied (they are copy-on-write values), never mutated in place.
final class SigningKey: @unchecked Sendable {
    let symmetricKey: SymmetricKey
    /// `date/region/service/aws4_request`.
    let scope: String
    private let inner: SHA256
    private let outer: SHA256

    /// HMAC("AWS4" + secret, date) → region → service → "aws4_request".
    init(secret: String, dateStamp: Substring, region: String, service: String) {
        var key = SymmetricKey(data: Array(("AWS4" + secret).utf8))
        for part in [String(dateStamp), region, service, "aws4_request"] {
            let code = HMAC<SHA256>.authenticationCode(for: Array(part.utf8), using: key)
            key = SymmetricKey(data: Array(code))
        }
        symmetricKey = key
        scope = "\(dateStamp)/\(region)/\(service)/aws4_request"

        // RFC 2104 with a 32-byte key: the key padded to SHA-256's 64-byte block, XORed with 0x36 and 0x5c.
        var innerPad = [UInt8](repeating: 0x36, count: 64)
        var outerPad = [UInt8](repeating: 0x5C, count: 64)
        key.withUnsafeBytes { bytes in
            for (index, byte) in bytes.enumerated() {
                innerPad[index] ^= byte
                outerPad[index] ^= byte
            }
        }
        var inner = SHA256()
        inner.update(data: innerPad)
        var outer = SHA256()
        outer.update(data: outerPad)
        self.inner = inner
        self.outer = outer
    }

    /// HMAC-SHA256 of `message` under this key (hashed through a buffer pointer, not the generic `DataProtocol`
    /// path).
    func authenticationCode(for message: UnsafeRawBufferPointer) -> SHA256.Digest {
        var innerHash = inner
        innerHash.update(bufferPointer: message)
        var outerHash = outer
        innerHash.finalize().withUnsafeBytes { outerHash.update(bufferPointer: $0) }
        return outerHash.finalize()
    }
}
