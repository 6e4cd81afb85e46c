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
        // Written straight into the string's storage: one allocation, no intermediate array.
        dateTime = String(unsafeUninitializedCapacity: 16) { buffer in
            var position = 0
            func append(_ value: Int, digits: Int) {
                var remaining = value
                var index = position + digits - 1
                while index >= position {
                    buffer[index] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: remaining % 10)
                    remaining /= 10
                    index -= 1
                }
                position += digits
            }
            append(year, digits: 4)
            append(month, digits: 2)
            append(day, digits: 2)
            buffer[position] = UInt8(ascii: "T")
            position += 1
            append(secondOfDay / 3_600, digits: 2)
            append(secondOfDay / 60 % 60, digits: 2)
            append(secondOfDay % 60, digits: 2)
            buffer[position] = UInt8(ascii: "Z")
            return position + 1
        }
    }
}
