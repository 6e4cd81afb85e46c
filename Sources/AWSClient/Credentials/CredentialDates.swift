import Foundation

/// Parses the ISO 8601 timestamps that credential sources return ("2026-01-02T03:04:05Z", with or without
/// fractional seconds, `Z` or a numeric offset).
enum CredentialDates {
    static func parse(_ text: String) -> Date? {
        let trimmed = text.iniTrimmed()
        let plain = Date.ISO8601FormatStyle()
        let fractional = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
        return (try? plain.parse(String(trimmed))) ?? (try? fractional.parse(String(trimmed)))
    }

    /// A default session name, as botocore's `botocore-session-<epoch seconds>`.
    static func sessionName(at date: Date) -> String {
        "stacks-session-\(Int(date.timeIntervalSince1970))"
    }
}
