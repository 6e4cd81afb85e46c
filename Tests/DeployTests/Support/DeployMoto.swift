import Foundation

/// moto with signature checking on, holding a CI user and, in each environment's account, a deployment role
/// (`stacks-deploy-<env>`) and an artifact bucket (`stacks-artifacts-<account>`). Started once per test process.
actor DeployMoto {
    static let shared = DeployMoto()
    static let accounts = ["sbx": "111111111111", "tst": "222222222222", "prd": "333333333333"]

    struct Connection: Sendable {
        var endpoint: String
        var accessKeyID: String
        var secretAccessKey: String
    }

    private var starting: Task<Connection, Error>?
    private var process: Process?
    private var stdin: Pipe?

    func connection() async throws -> Connection {
        if let starting { return try await starting.value }
        let task = Task { try await self.start() }
        starting = task
        return try await task.value
    }

    private func start() async throws -> Connection {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("AWSTestSupport/Python/moto_deploy_server.py")
        var roles: [String: String] = [:]
        for (env, account) in Self.accounts { roles[account] = "stacks-deploy-\(env)" }
        let settings = try JSONSerialization.data(withJSONObject: ["accounts": roles], options: .sortedKeys)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path, String(decoding: settings, as: UTF8.self)]
        let stdin = Pipe()
        let stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        try process.run()
        self.process = process
        self.stdin = stdin
        let handle = stdout.fileHandleForReading
        let line: String = await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                var bytes: [UInt8] = []
                while true {
                    let data = handle.readData(ofLength: 1)
                    guard let byte = data.first, byte != UInt8(ascii: "\n") else { break }
                    bytes.append(byte)
                }
                continuation.resume(returning: String(decoding: bytes, as: UTF8.self))
            }
        }
        guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
            let port = object["port"] as? Int, let key = object["accessKeyID"] as? String,
            let secret = object["secretAccessKey"] as? String
        else {
            throw DeployTestError("moto_deploy_server.py did not start: '\(line)'")
        }
        return Connection(endpoint: "http://127.0.0.1:\(port)", accessKeyID: key, secretAccessKey: secret)
    }
}

struct DeployTestError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
