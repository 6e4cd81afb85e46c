import CloudFormation
import Crypto
import Foundation
import Testing

@testable import Deploy

struct AssetPackageTests {
    /// Two folders with the same files, written in another order, with other dates and other non-executable
    /// permissions, zip to the same bytes and so the same key.
    @Test func keyDependsOnlyOnPathsBytesAndExecutableBit() throws {
        let fixture = try AssetFixture()
        defer { fixture.remove() }
        try fixture.write("a/index.js", "exports.handler = 1;\n", permissions: 0o644, modified: Date(timeIntervalSince1970: 1_000_000_000))
        try fixture.write("a/lib/b.js", "module.exports = 2;\n", permissions: 0o600)
        try fixture.write("b/lib/b.js", "module.exports = 2;\n", permissions: 0o664, modified: Date(timeIntervalSince1970: 1_800_000_000))
        try fixture.write("b/index.js", "exports.handler = 1;\n", permissions: 0o444)
        try fixture.write("b/.DS_Store", "finder noise")
        let a = try AssetPackage(asset: Asset("a"), root: fixture.root)
        let b = try AssetPackage(asset: Asset("b"), root: fixture.root)
        #expect(a.zip == b.zip)
        #expect(a.hash == b.hash)
        #expect(a.fileCount == 2)
        #expect(a.key == "assets/\(a.hash).zip")
        // The hash is SHA-256 of the zip's bytes, as `sha256sum` would print it.
        #expect(a.hash == SHA256.hash(data: a.zip).map { String(format: "%02x", $0) }.joined())
        #expect(a.hash.count == 64)
        // A second run reads the folder again and gives the same bytes.
        #expect(try AssetPackage(asset: Asset("a"), root: fixture.root).zip == a.zip)

        // The executable bit is kept (0755), so making a file executable changes the key; so does any byte.
        try fixture.write("b/index.js", "exports.handler = 1;\n", permissions: 0o755)
        #expect(try AssetPackage(asset: Asset("b"), root: fixture.root).hash != a.hash)
        try fixture.write("b/index.js", "exports.handler = 2;\n", permissions: 0o644)
        #expect(try AssetPackage(asset: Asset("b"), root: fixture.root).hash != a.hash)
    }

    @Test func entriesAreSortedByPathBytes() throws {
        let fixture = try AssetFixture()
        defer { fixture.remove() }
        for path in ["f/b.js", "f/B.js", "f/a/z.js", "f/a.js", "f/a-b.js"] { try fixture.write(path, path) }
        let entries = try AssetFolder.entries(of: "f", root: fixture.root)
        #expect(entries.map(\.path) == ["B.js", "a-b.js", "a.js", "a/z.js", "b.js"])
        #expect(entries.map { String(decoding: $0.bytes, as: UTF8.self) } == ["f/B.js", "f/a-b.js", "f/a.js", "f/a/z.js", "f/b.js"])
    }

    @Test(arguments: [
        ("missing", "its folder 'missing' does not exist under <root>; create it or fix the path"),
        ("empty", "its folder 'empty' holds no files; put the function's code in it"),
        ("file.js", "'file.js' is a file, not a folder; give the folder that holds the function's files"),
        ("../outside", "the asset path '../outside' must be a folder relative to the package root, with '/' separators and no '..'"),
        ("/abs", "the asset path '/abs' must be a folder relative to the package root, with '/' separators and no '..'"),
        ("linked", "'linked/link.js' is a symbolic link or special file; asset folders hold regular files only, so copy the file in"),
    ])
    func badFoldersAreSentences(path: String, expected: String) throws {
        let fixture = try AssetFixture()
        defer { fixture.remove() }
        try fixture.makeFolder("empty/sub")
        try fixture.write("file.js", "x")
        try fixture.write("linked/real.js", "x")
        try FileManager.default.createSymbolicLink(atPath: fixture.root + "/linked/link.js", withDestinationPath: "real.js")
        #expect(throws: DeployError(expected.replacingOccurrences(of: "<root>", with: fixture.root))) {
            try AssetFolder.entries(of: path, root: fixture.root)
        }
    }
}
