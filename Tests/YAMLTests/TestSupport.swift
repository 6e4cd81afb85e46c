import Foundation
import Testing

@testable import YAML

/// A small deterministic generator (SplitMix64), so random tests are the same on every run.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Runs `python3 -c script` with `input` on standard input and returns standard output; nil when python3 or
/// PyYAML is missing.
func runPython(_ script: String, input: String) throws -> String? {
    let candidates = ["/usr/bin/python3", "/usr/local/bin/python3", "/bin/python3"]
    guard let python = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
        return nil
    }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: python)
    process.arguments = ["-c", script]
    let stdin = Pipe()
    let stdout = Pipe()
    let stderr = Pipe()
    process.standardInput = stdin
    process.standardOutput = stdout
    process.standardError = stderr
    try process.run()
    // Write and read on separate threads so a large input or output cannot deadlock on full pipes.
    let writer = Thread {
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try? stdin.fileHandleForWriting.close()
    }
    writer.start()
    let output = stdout.fileHandleForReading.readDataToEndOfFile()
    let errors = stderr.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    if process.terminationStatus == 3 { return nil }  // the script's code for "PyYAML missing"
    guard process.terminationStatus == 0 else {
        Issue.record("python3 failed: \(String(decoding: errors, as: UTF8.self))")
        return ""
    }
    return String(decoding: output, as: UTF8.self)
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
