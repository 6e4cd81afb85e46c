import Dispatch
import Foundation

/// Runs a program to completion and collects its output, without blocking Swift's cooperative threads: the
/// blocking reads and the wait happen on private serial Dispatch queues, which get threads of their own (the
/// shared global queues add threads slowly when many calls block at once).
enum ChildProcess {
    struct Result: Sendable {
        var status: Int32
        var standardOutput: Data
        var standardError: Data
    }

    static func run(executable: String, arguments: [String], environment: [String: String]) async throws -> Result {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue(label: "stacks.credential-process").async {
                let process = Process()
                process.executableURL = URL(fileURLWithPath: executable)
                process.arguments = arguments
                process.environment = environment
                let output = Pipe()
                let errors = Pipe()
                process.standardOutput = output
                process.standardError = errors
                do {
                    try process.run()
                } catch {
                    continuation.resume(throwing: error)
                    return
                }
                let errorReader = ErrorReader()
                let group = DispatchGroup()
                group.enter()
                DispatchQueue(label: "stacks.credential-process.stderr").async {
                    errorReader.data = errors.fileHandleForReading.readDataToEndOfFile()
                    group.leave()
                }
                let standardOutput = output.fileHandleForReading.readDataToEndOfFile()
                group.wait()
                process.waitUntilExit()
                continuation.resume(returning: Result(
                    status: process.terminationStatus,
                    standardOutput: standardOutput,
                    standardError: errorReader.data
                ))
            }
        }
    }

    /// Holds standard error's bytes between the reading queue and the waiting one; the group orders the accesses.
    private final class ErrorReader: @unchecked Sendable {
        var data = Data()
    }
}
