import Foundation

/// Finds the repository, the built modules and the generator binary, and runs tools on them, for the tests that
/// invoke the compiler and the generator.
enum CompilerHarness {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    private static let buildDirectories = [".build/debug", ".build/x86_64-unknown-linux-gnu/debug",
                                           ".build/aarch64-unknown-linux-gnu/debug", ".build/arm64-apple-macosx/debug"]

    /// The directory holding `AWSResources.swiftmodule`, or `nil` when the package has not been built here.
    static let moduleDirectory: URL? = {
        for build in buildDirectories {
            for sub in ["Modules", ""] {
                let directory = repository.appendingPathComponent(build).appendingPathComponent(sub)
                if FileManager.default.fileExists(atPath: directory.appendingPathComponent("AWSResources.swiftmodule").path) {
                    return directory
                }
            }
        }
        return nil
    }()

    /// The built `stacks-codegen`, or `nil`.
    static let generator: URL? = buildDirectories.lazy
        .map { repository.appendingPathComponent($0).appendingPathComponent("stacks-codegen") }
        .first { FileManager.default.isExecutableFile(atPath: $0.path) }

    struct Result {
        var status: Int32
        var output: String
    }

    static func run(_ executable: String, _ arguments: [String]) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [executable] + arguments
        process.currentDirectoryURL = repository
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, output: String(decoding: data, as: UTF8.self))
    }

    /// Type-checks `source` against the built modules.
    static func typecheck(_ source: String) throws -> Result {
        guard let modules = moduleDirectory else { return Result(status: -1, output: "no built modules") }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("typecheck-\(UUID().uuidString).swift")
        try Data(source.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        return try run("swiftc", ["-typecheck", "-I", modules.path, "-I", repository.appendingPathComponent("Sources/CLibYAML").path, file.path])
    }
}
