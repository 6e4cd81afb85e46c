import Foundation

/// The signing time in the two forms SigV4 uses: `20150830T123600Z` and `20150830`.
struct AMZDate: Sendable, Hashable {
    /// `YYYYMMDDTHHMMSSZ`, in UTC.
    let dateTime: String
    /// `YYYYMMDD`, in UTC.
    var dateStamp: Substring { dateTime.prefix(8) }
    /// Days since 1970-01-01 (UTC): the signing key changes when this does.
    let day: Int

    /// Formats `date` in UTC without a `DateFormatter` (whole seconds, rounded down).
    init(_ date: Date) {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        var days = seconds / 86_400
        var secondOfDay = seconds % 86_400
        if secondOfDay < 0 {
            secondOfDay += 86_400
            days -= 1
        }
        // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)

        self.day = days
        // Sixteen digits and letters, then one string made of them (no intermediate array, no captured state).
        var text: (UInt64, UInt64) = (0, 0)
        dateTime = withUnsafeMutableBytes(of: &text) { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            Self.writeTwoDigits(year / 100, into: bytes, at: 0)
            Self.writeTwoDigits(year % 100, into: bytes, at: 2)
            Self.writeTwoDigits(month, into: bytes, at: 4)
            Self.writeTwoDigits(day, into: bytes, at: 6)
            bytes[8] = UInt8(ascii: "T")
            Self.writeTwoDigits(secondOfDay / 3_600, into: bytes, at: 9)
            Self.writeTwoDigits(secondOfDay / 60 % 60, into: bytes, at: 11)
            Self.writeTwoDigits(secondOfDay % 60, into: bytes, at: 13)
            bytes[15] = UInt8(ascii: "Z")
            return String(decoding: bytes, as: UTF8.self)
        }
    }

    /// Writes `value` (0 to 99) as two decimal digits at `position`.
    @inline(__always)
    private static func writeTwoDigits(_ value: Int, into bytes: UnsafeMutableBufferPointer<UInt8>, at position: Int) {
        bytes[position] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: value / 10 % 10)
        bytes[position + 1] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: value % 10)
    }
}
