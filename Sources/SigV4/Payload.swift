/// The body of a request to sign, or how its hash is to be written in the canonical request.
public enum Payload: Sendable {
    /// No body: the hash of the empty string.
    case empty
    /// The body's bytes, hashed with SHA-256.
    case bytes([UInt8])
    /// The literal `UNSIGNED-PAYLOAD` in place of the hash.
    case unsigned
    /// A hash (or marker such as `STREAMING-UNSIGNED-PAYLOAD-TRAILER`) computed by the caller, used as given.
    case precomputedHash(String)
}
