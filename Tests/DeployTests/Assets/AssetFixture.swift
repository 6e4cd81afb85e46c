import Foundation

/// A throwaway package root with asset folders, removed when the test is done with it.
struct AssetFixture {
    let root: String

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("stacks-assets-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    }

    /// Writes `text` to `path` (relative to the root) with the given permissions and modification date.
    func write(_ path: String, _ text: String, permissions: Int = 0o644, modified: Date = Date(timeIntervalSince1970: 1_700_000_000)) throws {
        let full = (root as NSString).appendingPathComponent(path)
        try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: full))
        try FileManager.default.setAttributes([.posixPermissions: permissions, .modificationDate: modified], ofItemAtPath: full)
    }

    func makeFolder(_ path: String) throws {
        try FileManager.default.createDirectory(atPath: (root as NSString).appendingPathComponent(path), withIntermediateDirectories: true)
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: root)
    }
}
