import Foundation
import Testing
import TestSupport

@testable import SigV4

/// The word-at-a-time helpers agree with byte-by-byte references, and a writer never writes past its buffer.
@Suite struct ByteWriterTests {
    static func written(capacity: Int, _ write: (inout ByteWriter) -> Void) -> (text: [UInt8], overflowed: Bool) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { buffer in
            var writer = ByteWriter(buffer)
            write(&writer)
            return (Array(writer.written), writer.overflowed)
        }
    }

    @Test func hexMatchesFormatForEveryLength() {
        var random = SeededGenerator(seed: 7)
        for length in 0...41 {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &random) }
            let expected = bytes.map { String(format: "%02x", $0) }.joined()
            let result = Self.written(capacity: 2 * length) { $0.appendHex(bytes) }
            #expect(String(decoding: result.text, as: UTF8.self) == expected)
            #expect(!result.overflowed)
        }
        let everyByte = (0...255).map { UInt8($0) }
        let result = Self.written(capacity: 512) { $0.appendHex(everyByte) }
        #expect(String(decoding: result.text, as: UTF8.self) == everyByte.map { String(format: "%02x", $0) }.joined())
    }

    /// Every byte value at every position of the word, among neighbours that are capitals, UTF-8 or punctuation.
    @Test func lowercasingEightBytesMatchesOneByOne() {
        for filler: UInt8 in [0x41, 0x5A, 0x61, 0xC3, 0x40, 0x5B, 0x00, 0xFF] {
            for position in 0..<8 {
                for value in 0...255 {
                    var bytes = [UInt8](repeating: filler, count: 8)
                    bytes[position] = UInt8(value)
                    let word = bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
                    let lowered = withUnsafeBytes(of: ASCII.lowercased(word)) { Array($0) }
                    #expect(lowered == bytes.map(ASCII.lowercased), "\(bytes)")
                }
            }
        }
    }

    @Test func lowercasedNamesOfEveryLength() {
        let name = "X-Amz-Security-Token-AND-MORE-ÉTÉ"
        for length in 0...name.utf8.count {
            let prefix = String(decoding: name.utf8.prefix(length), as: UTF8.self)
            let result = Self.written(capacity: prefix.utf8.count) { $0.appendLowercased(prefix) }
            #expect(result.text == prefix.utf8.map(ASCII.lowercased))
        }
    }

    @Test func writesThatDoNotFitAreDroppedAndFlagged() {
        let result = Self.written(capacity: 5) { writer in
            writer.append("abc")
            writer.append("defg")
            writer.append(UInt8(ascii: "h"))
        }
        #expect(String(decoding: result.text, as: UTF8.self) == "abch")
        #expect(result.overflowed)
    }
}
