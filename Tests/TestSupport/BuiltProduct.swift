import Foundation

/// Executables this package builds, found next to the running test bundle.
public enum BuiltProduct {
    /// The path of the executable product `name` (`stacks`), built with the tests.
    public static func path(_ name: String) -> String? {
        var folder = URL(fileURLWithPath: CommandLine.arguments.first ?? "").deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent(name).path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            folder.deleteLastPathComponent()
        }
        let fallback = RepositoryRoot.path(".build/debug/\(name)")
        return FileManager.default.isExecutableFile(atPath: fallback) ? fallback : nil
    }
}
