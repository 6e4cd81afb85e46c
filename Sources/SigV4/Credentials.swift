import Foundation

/// AWS credentials: an access key ID, its secret, and for temporary credentials a session token.
///
/// `description`, `debugDescription` and the mirror never reveal the secret or the token, and show at most the first four and
/// last four characters of the access key ID, e.g. `Credentials(AKIA…MPLE, session)`.
public struct Credentials: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var accessKeyID: String
    public var secretAccessKey: String
    public var sessionToken: String?
    public var expiration: Date?

    public init(accessKeyID: String, secretAccessKey: String, sessionToken: String? = nil, expiration: Date? = nil) {
        self.accessKeyID = accessKeyID
        self.secretAccessKey = secretAccessKey
        self.sessionToken = sessionToken
        self.expiration = expiration
    }

    public var description: String {
        let characters = Array(accessKeyID)
        let shownID: String
        if characters.count > 8 {
            shownID = String(characters.prefix(4)) + "…" + String(characters.suffix(4))
        } else {
            shownID = "…"
        }
        let hasToken = !(sessionToken ?? "").isEmpty
        return hasToken ? "Credentials(\(shownID), session)" : "Credentials(\(shownID))"
    }

    public var debugDescription: String { description }

    /// `dump()` and other mirror-based printing show the redacted description, never the fields.
    public var customMirror: Mirror { Mirror(self, children: ["redacted": description]) }
}
