import Foundation

/// Lowercase hexadecimal, as SigV4 writes hashes and signatures.
enum Hex {
    private static let digits: StaticString = "0123456789abcdef"

    static func append(_ bytes: some ContiguousBytes, to output: inout [UInt8]) {
        bytes.withUnsafeBytes { input in
            let start = output.count
            output.append(contentsOf: repeatElement(0, count: input.count * 2))
            output.withUnsafeMutableBufferPointer { buffer in
                digits.withUTF8Buffer { digits in
                    for (index, byte) in input.enumerated() {
                        buffer[start + 2 * index] = digits[Int(byte >> 4)]
                        buffer[start + 2 * index + 1] = digits[Int(byte & 0x0F)]
                    }
                }
            }
        }
    }

    /// Writes the hex of `bytes` at the start of `output`, which must hold twice as many bytes.
    static func write(_ bytes: some ContiguousBytes, into output: UnsafeMutableBufferPointer<UInt8>) {
        bytes.withUnsafeBytes { input in
            digits.withUTF8Buffer { digits in
                var position = 0
                for byte in input {
                    output[position] = digits[Int(byte >> 4)]
                    output[position + 1] = digits[Int(byte & 0x0F)]
                    position += 2
                }
            }
        }
    }

    /// Hex of a digest or other contiguous bytes, written in one allocation.
    static func encode(_ bytes: some ContiguousBytes) -> String {
        bytes.withUnsafeBytes { input in
            String(unsafeUninitializedCapacity: input.count * 2) { buffer in
            digits.withUTF8Buffer { digits in
                    for (index, byte) in input.enumerated() {
                        buffer[2 * index] = digits[Int(byte >> 4)]
                        buffer[2 * index + 1] = digits[Int(byte & 0x0F)]
                    }
                }
                return input.count * 2
            }
        }
    }
}
