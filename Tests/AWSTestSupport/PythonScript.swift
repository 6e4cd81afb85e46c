import Foundation

/// Runs a one-shot Python script from `Tests/AWSTestSupport/Python/` (python3 found through PATH): writes `input`
/// to its standard input and returns its standard output.
public enum PythonScript {
    public static func run(_ name: String, input: Data) async throws -> Data {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Python").appendingPathComponent(name)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path]
        let stdin = Pipe()
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        // Read on threads of our own so a large answer cannot fill the pipe while we are still writing.
        async let output = readAll(stdout.fileHandleForReading)
        async let errors = readAll(stderr.fileHandleForReading)
        try stdin.fileHandleForWriting.write(contentsOf: input)
        try stdin.fileHandleForWriting.close()
        let (data, log) = await (output, errors)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw PythonScriptError(
                script: name, status: process.terminationStatus, log: String(decoding: log.suffix(2_000), as: UTF8.self))
        }
        return data
    }

    private static func readAll(_ handle: FileHandle) async -> Data {
        await withCheckedContinuation { continuation in
            Thread { continuation.resume(returning: handle.readDataToEndOfFile()) }.start()
        }
    }
}

/// A one-shot Python script failed.
public struct PythonScriptError: Error, CustomStringConvertible {
    public var script: String
    public var status: Int32
    public var log: String

    public var description: String {
        "The test script '\(script)' exited with status \(status); check that python3 with boto3 is on PATH. Its log:\n\(log)"
    }
}
