import Foundation

/// The repository's root folder, found from this file's location.
public enum RepositoryRoot {
    public static let path: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// A path inside the repository.
    public static func path(_ relative: String) -> String {
        (path as NSString).appendingPathComponent(relative)
    }
}
