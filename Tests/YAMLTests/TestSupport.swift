import Foundation
import Testing
import TestSupport

@testable import YAML

/// Runs `python3 -c script` with `input` on standard input and returns standard output; nil when python3 or
/// PyYAML is missing.
func runPython(_ script: String, input: String) throws -> String? {
    guard Command.find("python3") != nil else { return nil }
    let result = try Command.run("python3", ["-c", script], input: Data(input.utf8))
    if result.status == 3 { return nil }  // the script's code for "PyYAML missing"
    guard result.status == 0 else {
        Issue.record("python3 failed: \(result.stderr)")
        return ""
    }
    return result.stdout
}

/// The document `k: <scalar>` for one string.
func singleEntry(_ text: String) -> Node {
    .mapping(Node.Mapping([Node.Mapping.Pair("k", .string(text))]))
}

/// The value of key `k` in a read document.
func valueOfK(_ node: Node) -> Node? {
    guard case .mapping(let mapping) = node else { return nil }
    return mapping["k"]
}
