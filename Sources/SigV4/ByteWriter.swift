import Foundation

/// Writes bytes into a buffer whose size was worked out in advance, as signing does for the canonical request, the
/// string to sign and the `Authorization` value: no growth, no intermediate arrays.
///
/// A write that would not fit is dropped and sets ``overflowed``: a wrong size estimate then yields a signature AWS
/// rejects, never a write outside the buffer.
struct ByteWriter {
    private let base: UnsafeMutablePointer<UInt8>?
    private let capacity: Int
    private(set) var count = 0
    private(set) var overflowed = false

    init(_ buffer: UnsafeMutableBufferPointer<UInt8>) {
        base = buffer.baseAddress
        capacity = buffer.count
    }

    /// The bytes written so far.
    var written: UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(start: base, count: count)
    }

    /// Reserves `length` bytes and returns where they start, or nil (and flags the overflow) when they do not fit.
    @inline(__always)
    private mutating func reserve(_ length: Int) -> UnsafeMutablePointer<UInt8>? {
        guard let base, length <= capacity - count else {
            overflowed = true
            return nil
        }
        let start = base + count
        count += length
        return start
    }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        reserve(1)?.pointee = byte
    }

    mutating func append(_ bytes: UnsafeRawBufferPointer) {
        guard let source = bytes.baseAddress, let target = reserve(bytes.count) else { return }
        UnsafeMutableRawPointer(target).copyMemory(from: source, byteCount: bytes.count)
    }

    mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { append(UnsafeRawBufferPointer($0)) }
    }

    mutating func append(_ text: String) {
        ASCII.withUTF8(text) { append(UnsafeRawBufferPointer($0)) }
    }

    /// `text` with ASCII letters lowercased (header names), eight bytes at a time.
    mutating func appendLowercased(_ text: String) {
        ASCII.withUTF8(text) { bytes in
            guard let source = bytes.baseAddress, let target = reserve(bytes.count) else { return }
            var index = 0
            while index + 8 <= bytes.count {
                let word = UnsafeRawPointer(source).loadUnaligned(fromByteOffset: index, as: UInt64.self)
                UnsafeMutableRawPointer(target).storeBytes(
                    of: ASCII.lowercased(word), toByteOffset: index, as: UInt64.self)
                index += 8
            }
            while index < bytes.count {
                target[index] = ASCII.lowercased(source[index])
                index += 1
            }
        }
    }

    /// `text` with ASCII letters uppercased (the method).
    mutating func appendUppercased(_ text: String) {
        ASCII.withUTF8(text) { bytes in
            guard let target = reserve(bytes.count) else { return }
            for (index, byte) in bytes.enumerated() {
                target[index] = byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") ? byte - 32 : byte
            }
        }
    }

    /// Lowercase hex of `bytes` (hashes and signatures), four bytes at a time.
    mutating func appendHex(_ bytes: some ContiguousBytes) {
        bytes.withUnsafeBytes { input in
            guard let source = input.baseAddress, let target = reserve(input.count * 2) else { return }
            let output = UnsafeMutableRawPointer(target)
            var index = 0
            while index + 4 <= input.count {
                let word = source.loadUnaligned(fromByteOffset: index, as: UInt32.self)
                output.storeBytes(of: Self.hexDigits(UInt32(littleEndian: word)).littleEndian,
                    toByteOffset: 2 * index, as: UInt64.self)
                index += 4
            }
            while index < input.count {
                let digits = Self.hexDigits(UInt32(input[index]))
                target[2 * index] = UInt8(truncatingIfNeeded: digits)
                target[2 * index + 1] = UInt8(truncatingIfNeeded: digits >> 8)
                index += 1
            }
        }
    }

    /// The eight lowercase hex digits of four bytes, the first byte's in the lowest two bytes (high nibble first).
    @inline(__always)
    static func hexDigits(_ bytes: UInt32) -> UInt64 {
        // Each byte to a 16-bit lane, then its high nibble to the lane's low byte and its low nibble above it.
        var lanes = UInt64(bytes)
        lanes = (lanes | lanes << 16) & 0x0000_FFFF_0000_FFFF
        lanes = (lanes | lanes << 8) & 0x00FF_00FF_00FF_00FF
        let nibbles = (lanes >> 4) & 0x000F_000F_000F_000F | (lanes & 0x000F_000F_000F_000F) << 8
        // "0"-"9" for 0-9, "a"-"f" for 10-15: 39 more where the nibble is at least 10.
        let ones: UInt64 = 0x0101_0101_0101_0101
        let letters = ((nibbles &+ 6 * ones) >> 4) & ones
        return nibbles &+ 0x30 * ones &+ letters &* 39
    }

    /// A header value as the canonical request holds it: whitespace (spaces, tabs, line breaks) trimmed at both
    /// ends and inner runs collapsed to one space, so that continuation lines are joined with a space. Never longer
    /// than the value.
    mutating func appendTrimmed(_ value: String) {
        ASCII.withUTF8(value) { bytes in
            // The usual value has no space or control character at all, or only single inner spaces: copy it whole.
            if !ASCII.containsByteBelow0x21(bytes) || Self.isAlreadyTrimmed(bytes) {
                append(UnsafeRawBufferPointer(bytes))
                return
            }
            var index = 0
            var first = true
            while index < bytes.count {
                while index < bytes.count && ASCII.isWhitespace(bytes[index]) { index += 1 }
                let start = index
                while index < bytes.count && !ASCII.isWhitespace(bytes[index]) { index += 1 }
                if start < index {
                    if !first { append(0x20) }
                    append(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[start..<index])))
                    first = false
                }
            }
        }
    }

    /// Whether `bytes` neither start nor end with whitespace and hold no whitespace but single spaces.
    private static func isAlreadyTrimmed(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first, let last = bytes.last, !ASCII.isWhitespace(first), !ASCII.isWhitespace(last)
        else { return false }
        var previousWasSpace = false
        for byte in bytes {
            if byte == 0x20 {
                if previousWasSpace { return false }
                previousWasSpace = true
            } else if ASCII.isWhitespace(byte) {
                return false
            } else {
                previousWasSpace = false
            }
        }
        return true
    }
}
