/// Byte-level helpers for ASCII text inside UTF-8.
enum ASCII {
    /// Calls `body` with the UTF-8 of `text`: borrowed in place (native strings are stored as UTF-8), copied only
    /// for a string stored otherwise.
    @inline(__always)
    static func withUTF8<Result>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = text
        return copy.withUTF8(body)
    }

    @inline(__always)
    static func lowercased(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
    }

    /// Eight bytes with their ASCII capitals lowercased and every other byte (UTF-8 included) unchanged.
    @inline(__always)
    static func lowercased(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let low = word & (0x7F * ones)
        // High bit of each byte: set when its low seven bits are at least "A", and when above "Z".
        let atLeastA = low &+ (0x80 - 0x41) * ones
        let aboveZ = low &+ (0x80 - 0x5B) * ones
        let capital = atLeastA & ~aboveZ & ~word & (0x80 * ones)
        return word | (capital >> 2)
    }

    @inline(__always)
    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0B || byte == 0x0C
    }

    /// Whether any byte is a space or a control character (below 0x21), checked eight bytes at a time.
    @inline(__always)
    static func containsByteBelow0x21(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        let raw = UnsafeRawPointer(base)
        var index = 0
        while index + 8 <= bytes.count {
            let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            // "Has a byte less than n" (n = 0x21): exact as a yes/no test.
            if (word &- 0x2121_2121_2121_2121) & ~word & 0x8080_8080_8080_8080 != 0 { return true }
            index += 8
        }
        while index < bytes.count {
            if bytes[index] < 0x21 { return true }
            index += 1
        }
        return false
    }

    /// Whether `name` equals `lowercase` (already lowercase) ignoring ASCII case.
    @inline(__always)
    static func equalsIgnoringCase(_ name: String, _ lowercase: StaticString) -> Bool {
        withUTF8(name) { bytes in
            lowercase.withUTF8Buffer { expected in
                guard bytes.count == expected.count else { return false }
                for index in 0..<bytes.count where lowercased(bytes[index]) != expected[index] { return false }
                return true
            }
        }
    }

    /// Byte-wise order of the two names with ASCII letters lowercased, as SigV4 sorts header names; 0 when equal.
    @inline(__always)
    static func compareIgnoringCase(_ lhs: String, _ rhs: String) -> Int {
        withUTF8(lhs) { left in
            withUTF8(rhs) { right in
                let common = min(left.count, right.count)
                var index = 0
                while index < common {
                    let a = lowercased(left[index])
                    let b = lowercased(right[index])
                    if a != b { return a < b ? -1 : 1 }
                    index += 1
                }
                return left.count == right.count ? 0 : (left.count < right.count ? -1 : 1)
            }
        }
    }
}
