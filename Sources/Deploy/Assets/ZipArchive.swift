/// Writes a zip archive whose bytes depend only on its entries: stored (method 0, no compression), every entry
/// dated 1980-01-01 00:00, Unix permissions 0644, or 0755 for executables, no extra fields, no comment. The caller
/// gives the entries in the order they are written (`AssetFolder` sorts them by path).
///
/// Lambda and every unzip accept stored entries; stored keeps the writer small and the output independent of any
/// compressor's version.
public enum ZipArchive {
    public struct Entry: Sendable, Hashable {
        /// The path inside the archive, with `/` separators.
        public var path: String
        public var bytes: [UInt8]
        public var isExecutable: Bool

        public init(path: String, bytes: [UInt8], isExecutable: Bool = false) {
            self.path = path
            self.bytes = bytes
            self.isExecutable = isExecutable
        }
    }

    /// 1980-01-01 in MS-DOS date format: (year - 1980) << 9 | month << 5 | day. The time is 00:00:00, 0.
    static let dosDate: UInt16 = 0x0021
    /// Versions 2.0: "made by" Unix (3) so the permissions in the external attributes are honoured.
    static let versionMadeBy: UInt16 = 3 << 8 | 20
    static let versionNeeded: UInt16 = 20
    /// Bit 11: names are UTF-8.
    static let utf8Flag: UInt16 = 1 << 11

    /// The archive's bytes. Throws when it would need Zip64 (over 65,535 entries or 4 GiB).
    public static func archive(_ entries: [Entry]) throws -> [UInt8] {
        guard entries.count < 0xFFFF else {
            throw DeployError("A zip of \(entries.count) files is over the 65,535 entries a zip without Zip64 can hold; split the folder.")
        }
        var out: [UInt8] = []
        var central: [UInt8] = []
        for entry in entries {
            let name = Array(entry.path.utf8)
            let offset = out.count
            let crc = CRC32.checksum(entry.bytes)
            let flags: UInt16 = entry.path.utf8.allSatisfy { $0 < 0x80 } ? 0 : utf8Flag
            guard offset + entry.bytes.count + name.count + 30 < 0xFFFF_FFFF else {
                throw DeployError("A zip over 4 GiB needs Zip64, which stacks does not write; '\(entry.path)' does not fit.")
            }
            out.append32(0x0403_4B50)
            out.append16(versionNeeded)
            out.append16(flags)
            out.append16(0)  // method: stored
            out.append16(0)  // time 00:00:00
            out.append16(dosDate)
            out.append32(crc)
            out.append32(UInt32(entry.bytes.count))  // compressed size
            out.append32(UInt32(entry.bytes.count))  // uncompressed size
            out.append16(UInt16(name.count))
            out.append16(0)  // extra field length
            out += name
            out += entry.bytes

            let mode: UInt32 = 0o100000 | (entry.isExecutable ? 0o755 : 0o644)
            central.append32(0x0201_4B50)
            central.append16(versionMadeBy)
            central.append16(versionNeeded)
            central.append16(flags)
            central.append16(0)
            central.append16(0)
            central.append16(dosDate)
            central.append32(crc)
            central.append32(UInt32(entry.bytes.count))
            central.append32(UInt32(entry.bytes.count))
            central.append16(UInt16(name.count))
            central.append16(0)  // extra field length
            central.append16(0)  // comment length
            central.append16(0)  // disk number
            central.append16(0)  // internal attributes
            central.append32(mode << 16)  // external attributes: Unix mode in the high half
            central.append32(UInt32(offset))
            central += name
        }
        let centralOffset = out.count
        out += central
        out.append32(0x0605_4B50)
        out.append16(0)  // this disk
        out.append16(0)  // disk with the central directory
        out.append16(UInt16(entries.count))
        out.append16(UInt16(entries.count))
        out.append32(UInt32(central.count))
        out.append32(UInt32(centralOffset))
        out.append16(0)  // comment length
        return out
    }
}

/// CRC-32 as zip uses it (polynomial 0xEDB88320, reflected, initial and final XOR 0xFFFFFFFF).
enum CRC32 {
    static let table: [UInt32] = (0..<256).map { index in
        var value = UInt32(index)
        for _ in 0..<8 { value = value & 1 == 1 ? 0xEDB8_8320 ^ (value >> 1) : value >> 1 }
        return value
    }

    static func checksum(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes { crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
        return crc ^ 0xFFFF_FFFF
    }
}

extension [UInt8] {
    fileprivate mutating func append16(_ value: UInt16) {
        append(UInt8(value & 0xFF))
        append(UInt8(value >> 8))
    }

    fileprivate mutating func append32(_ value: UInt32) {
        for shift in stride(from: 0, to: 32, by: 8) { append(UInt8((value >> UInt32(shift)) & 0xFF)) }
    }
}
