import Foundation

/// Writes bytes into a buffer whose size was worked out in advance, as signing does for the canonical request, the
/// string to sign and the `Authorization` value: no growth, no intermediate arrays.
///
/// A write that would not fit is dropped and sets ``overflowed``: a wrong size estimate then yields a signature AWS
/// rejects, never a write outside the buffer.
struct ByteWriter {
    private static let lowerHexDigits: StaticString = "0123456789abcdef"

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

    /// `text` with ASCII letters lowercased (header names).
    mutating func appendLowercased(_ text: String) {
        ASCII.withUTF8(text) { bytes in
            guard let target = reserve(bytes.count) else { return }
            for (index, byte) in bytes.enumerated() {
                target[index] = ASCII.lowercased(byte)
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

    /// Lowercase hex of `bytes` (hashes and signatures).
    mutating func appendHex(_ bytes: some ContiguousBytes) {
        bytes.withUnsafeBytes { input in
            guard let target = reserve(input.count * 2) else { return }
            Self.lowerHexDigits.withUTF8Buffer { digits in
                for (index, byte) in input.enumerated() {
                    target[2 * index] = digits[Int(byte >> 4)]
                    target[2 * index + 1] = digits[Int(byte & 0x0F)]
                }
            }
        }
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
