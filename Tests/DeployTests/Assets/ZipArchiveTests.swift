import AWSTestSupport
import Foundation
import Testing

@testable import Deploy

struct ZipArchiveTests {
    @Test(arguments: [
        ("", UInt32(0)),
        ("123456789", UInt32(0xCBF4_3926)),  // the CRC-32 check value
        ("The quick brown fox jumps over the lazy dog", UInt32(0x414F_A339)),
    ])
    func crc32(text: String, expected: UInt32) {
        #expect(CRC32.checksum(Array(text.utf8)) == expected)
    }

    static let entries = [
        ZipArchive.Entry(path: "bootstrap", bytes: Array("#!/bin/sh\necho hi\n".utf8), isExecutable: true),
        ZipArchive.Entry(path: "empty.txt", bytes: []),
        ZipArchive.Entry(path: "index.js", bytes: Array("exports.handler = async () => 42;\n".utf8)),
        ZipArchive.Entry(path: "lib/util.js", bytes: Array((0..<600).map { UInt8($0 % 251) })),
        ZipArchive.Entry(path: "naïve/é.txt", bytes: Array("unicode name\n".utf8)),
    ]

    struct PythonView: Decodable {
        struct Entry: Decodable {
            var path: String
            var hex: String
            var mode: Int
            var date_time: [Int]
            var compress_type: Int
        }
        var testzip: String?
        var entries: [Entry]
        var python_zip_equal: Bool
        var cli_exit: Int
    }

    @Test func pythonReadsItBackAndWritesTheSameBytes() async throws {
        let bytes = try ZipArchive.archive(Self.entries)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("stacks-zip-\(UUID().uuidString).zip").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let request: [String: Any] = [
            "zip": path,
            "entries": Self.entries.map { ["path": $0.path, "hex": Self.hex($0.bytes), "executable": $0.isExecutable] },
        ]
        let answer = try await PythonScript.run("zip_check.py", input: try JSONSerialization.data(withJSONObject: request))
        let view = try JSONDecoder().decode(PythonView.self, from: answer)
        #expect(view.testzip == nil)
        #expect(view.cli_exit == 0)
        #expect(view.entries.map(\.path) == Self.entries.map(\.path))
        #expect(view.entries.map(\.hex) == Self.entries.map { Self.hex($0.bytes) })
        #expect(view.entries.map(\.mode) == [0o100755, 0o100644, 0o100644, 0o100644, 0o100644])
        #expect(view.entries.allSatisfy { $0.date_time == [1980, 1, 1, 0, 0, 0] && $0.compress_type == 0 })
        // Python's own zipfile, given the same entries and settings, writes exactly our bytes.
        #expect(view.python_zip_equal)
    }

    @Test func sameEntriesGiveSameBytes() throws {
        #expect(try ZipArchive.archive(Self.entries) == ZipArchive.archive(Self.entries))
        #expect(try ZipArchive.archive([]) == [0x50, 0x4B, 0x05, 0x06] + Array(repeating: 0, count: 18))
    }

    static func hex(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02x", $0) }.joined() }
}
