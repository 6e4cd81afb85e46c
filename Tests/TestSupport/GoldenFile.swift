import Foundation

/// Compares text with a reviewed file. With `STACKS_UPDATE_GOLDEN=1` the file is rewritten, and the comparison
/// still fails, so a rewrite is always noticed and reviewed.
public enum GoldenFile {
    /// nil when `actual` matches the file at `path`; otherwise a message with a unified diff.
    public static func mismatch(_ actual: String, path: String) -> String? {
        let expected = (try? String(contentsOfFile: path, encoding: .utf8))
        if expected == actual { return nil }
        if ProcessInfo.processInfo.environment["STACKS_UPDATE_GOLDEN"] == "1" {
            let folder = (path as NSString).deletingLastPathComponent
            try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try? Data(actual.utf8).write(to: URL(fileURLWithPath: path))
            return "Rewrote \(path); review the change and run the tests again without STACKS_UPDATE_GOLDEN."
        }
        guard let expected else {
            return "\(path) does not exist; run the tests with STACKS_UPDATE_GOLDEN=1 to write it, then review it."
        }
        return "\(path) differs from the output (run with STACKS_UPDATE_GOLDEN=1 to rewrite it):\n"
            + UnifiedDiff.make(expected: expected, actual: actual, expectedName: path, actualName: "output")
    }
}
