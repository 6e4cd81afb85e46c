import Foundation

/// Runs the python helpers beside the tests (Tests/SigV4Tests/botocore) with python3 from PATH.
enum Python {
    /// The folder holding sign.py and bench.py, found from this source file's path.
    static let helperDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("botocore", isDirectory: true)

    static func executable() throws -> URL {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent("python3")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        throw SuiteError("python3 is not on PATH; install Python 3 with botocore to run the differential test.")
    }

    /// Runs `script` with `input` on stdin and returns its stdout; throws with its stderr when it fails.
    static func run(script: String, input: Data) throws -> Data {
        let scratch = FileManager.default.temporaryDirectory
            .appendingPathComponent("sigv4-python-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let inputFile = scratch.appendingPathComponent("input.json")
        let outputFile = scratch.appendingPathComponent("output.json")
        let errorFile = scratch.appendingPathComponent("error.txt")
        try input.write(to: inputFile)
        _ = FileManager.default.createFile(atPath: outputFile.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)

        let process = Process()
        process.executableURL = try executable()
        process.arguments = [helperDirectory.appendingPathComponent(script).path]
        process.standardInput = try FileHandle(forReadingFrom: inputFile)
        process.standardOutput = try FileHandle(forWritingTo: outputFile)
        process.standardError = try FileHandle(forWritingTo: errorFile)
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let message = (try? String(contentsOf: errorFile, encoding: .utf8)) ?? ""
            throw SuiteError("\(script) exited with status \(process.terminationStatus): \(message)")
        }
        return try Data(contentsOf: outputFile)
    }
}
