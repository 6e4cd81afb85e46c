import Foundation

/// A Python helper script from `Tests/AWSTestSupport/Python/` running as a child process. The script prints one
/// JSON line when it is ready, and exits when its standard input closes (this object going away, or the test
/// process dying) or when its parent process is gone.
final class PythonHelper: @unchecked Sendable {
    // @unchecked: the fields are set once in `init` and only read afterwards (`Process` is not Sendable).
    let process: Process
    private let stdin: Pipe
    /// The first line the script printed, parsed as a JSON object.
    let greeting: [String: Any]

    /// Starts `python3 <script> <arguments…>` (found through PATH) and waits for its first line.
    init(script: String, arguments: [String] = [], timeout: Duration = .seconds(60)) async throws {
        let scriptURL = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Python").appendingPathComponent(script)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", scriptURL.path] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["PYTHONUNBUFFERED"] = "1"
        process.environment = environment
        let stdin = Pipe()
        let stdout = Pipe()
        let stderrFile = FileManager.default.temporaryDirectory
            .appendingPathComponent("stacks-\(script)-\(UUID().uuidString).log")
        _ = FileManager.default.createFile(atPath: stderrFile.path, contents: nil)
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = try FileHandle(forWritingTo: stderrFile)
        try process.run()
        self.process = process
        self.stdin = stdin

        let line = await Self.firstLine(of: stdout.fileHandleForReading, timeout: timeout)
        guard let line, let data = line.data(using: .utf8),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else {
            process.terminate()
            let log = (try? String(contentsOf: stderrFile, encoding: .utf8)) ?? ""
            throw PythonHelperError(
                script: script, log: String(log.suffix(2_000)), timedOut: line == nil && process.isRunning)
        }
        greeting = object
        try? FileManager.default.removeItem(at: stderrFile)
    }

    deinit {
        try? stdin.fileHandleForWriting.close()
        if process.isRunning { process.terminate() }
    }

    /// Stops the child now.
    func stop() {
        try? stdin.fileHandleForWriting.close()
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
    }

    private static func firstLine(of handle: FileHandle, timeout: Duration) async -> String? {
        await withCheckedContinuation { continuation in
            let once = Once()
            // A queue and a thread of our own: a blocking read on the global queue would hold one of its few
            // threads (as many as there are cores) for as long as the helper takes to start.
            DispatchQueue(label: "stacks.PythonHelper.timeout").asyncAfter(deadline: .now() + timeout.secondsValue) {
                if once.claim() { continuation.resume(returning: nil) }
            }
            Thread {
                var buffer = Data()
                while true {
                    let chunk = handle.availableData
                    if chunk.isEmpty { break }
                    buffer.append(chunk)
                    if buffer.contains(UInt8(ascii: "\n")) { break }
                }
                let line = String(decoding: buffer, as: UTF8.self).split(separator: "\n").first.map(String.init)
                if once.claim() { continuation.resume(returning: line) }
            }.start()
        }
    }
}

/// Lets exactly one of several racing callbacks through.
private final class Once: @unchecked Sendable {
    private let lock = NSLock()
    private var claimed = false

    func claim() -> Bool {
        lock.withLock {
            defer { claimed = true }
            return !claimed
        }
    }
}

/// A helper script did not start.
public struct PythonHelperError: Error, CustomStringConvertible {
    public var script: String
    public var log: String
    public var timedOut: Bool

    public var description: String {
        let what = timedOut ? "did not report ready in time" : "exited before reporting ready"
        return
            "The test helper '\(script)' \(what); check that python3 with moto and boto3 is on PATH. Its log:\n\(log)"
    }
}

extension Duration {
    var secondsValue: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
