import CloudFormation
import Crypto
import Foundation

/// An asset folder zipped: the bytes deploy uploads and the content-hashed key the template names.
///
/// The key is the SHA-256 of the zip itself. The zip is a function of the sorted relative paths, the files' bytes
/// and their executable bit only (no timestamps, owners or other permission bits), so the key changes exactly when
/// the code does, and the object under a key can be checked with `sha256sum`.
public struct AssetPackage: Sendable, Hashable {
    public let asset: Asset
    public let zip: [UInt8]
    /// SHA-256 of `zip`, lowercase hex.
    public let hash: String
    public let fileCount: Int

    /// `assets/<hash>.zip`.
    public var key: String { Asset.key(forHash: hash) }

    public init(asset: Asset, entries: [ZipArchive.Entry]) throws {
        self.asset = asset
        self.zip = try ZipArchive.archive(entries)
        self.hash = SHA256Hex.of(zip)
        self.fileCount = entries.count
    }

    /// Reads `asset`'s folder under `root` (the package root) and zips it. Errors are sentences about the folder;
    /// the caller adds the stack and resource.
    public init(asset: Asset, root: String) throws {
        try self.init(asset: asset, entries: try AssetFolder.entries(of: asset.path, root: root))
    }
}

/// SHA-256 as lowercase hex.
enum SHA256Hex {
    static func of(_ bytes: [UInt8]) -> String {
        SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
    }
}

/// The files of an asset folder, as zip entries sorted by path.
enum AssetFolder {
    /// File names never packaged: written by desktop file managers, not part of any function's code.
    static let ignoredNames: Set<String> = [".DS_Store"]

    static func entries(of path: String, root: String) throws -> [ZipArchive.Entry] {
        let components = path.split(separator: "/", omittingEmptySubsequences: false)
        guard !path.isEmpty, !path.hasPrefix("/"), !components.contains(".."), !path.contains("\\") else {
            throw DeployError("the asset path '\(path)' must be a folder relative to the package root, with '/' separators and no '..'")
        }
        let fileManager = FileManager.default
        let folder = (root as NSString).appendingPathComponent(path)
        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: folder, isDirectory: &isDirectory) else {
            throw DeployError("its folder '\(path)' does not exist under \(root); create it or fix the path")
        }
        guard isDirectory.boolValue else {
            throw DeployError("'\(path)' is a file, not a folder; give the folder that holds the function's files")
        }
        guard let enumerator = fileManager.enumerator(atPath: folder) else {
            throw DeployError("its folder '\(path)' cannot be read; check its permissions")
        }
        var entries: [ZipArchive.Entry] = []
        while let relative = enumerator.nextObject() as? String {
            let full = (folder as NSString).appendingPathComponent(relative)
            let attributes = try fileManager.attributesOfItem(atPath: full)
            let type = attributes[.type] as? FileAttributeType
            if type == .typeDirectory { continue }
            if ignoredNames.contains((relative as NSString).lastPathComponent) { continue }
            guard type == .typeRegular else {
                throw DeployError("'\(path)/\(relative)' is a symbolic link or special file; asset folders hold regular files only, so copy the file in")
            }
            guard let data = fileManager.contents(atPath: full) else {
                throw DeployError("'\(path)/\(relative)' cannot be read; check its permissions")
            }
            let permissions = (attributes[.posixPermissions] as? NSNumber)?.intValue ?? 0
            entries.append(ZipArchive.Entry(path: relative, bytes: Array(data), isExecutable: permissions & 0o111 != 0))
        }
        guard !entries.isEmpty else {
            throw DeployError("its folder '\(path)' holds no files; put the function's code in it")
        }
        return entries.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
    }
}
