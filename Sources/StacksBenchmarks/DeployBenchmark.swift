import AWSClient
import CloudFormation
import Deploy
import Foundation
import StackDefinitions

/// Deploying url-shortener to moto (create through a change set, followed to the end): wall time, API calls, and
/// the time from the stack's final status to the deploy returning; then `aws cloudformation deploy` of the same
/// template against the same server. Run from the repository root (it starts
/// Tests/AWSTestSupport/Python/moto_deploy_server.py).
enum DeployBenchmark {
    static let pollInterval = Duration.seconds(2)

    static func run() async throws -> [String] {
        let server = try MotoProcess.start()
        defer { server.stop() }
        let variables = [
            "AWS_ACCESS_KEY_ID": server.accessKeyID, "AWS_SECRET_ACCESS_KEY": server.secretAccessKey,
            "AWS_ENDPOINT_URL": server.endpoint, "AWS_EC2_METADATA_DISABLED": "true",
        ]
        let counter = CountingTransport(URLSessionTransport())
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("stacks-bench-home").path
        let resolver = IdentityResolver(variables: variables, homeDirectory: home, transport: counter)
        let mapping = try EnvironmentMapping(
            text: "defaults: { artifactBucket: \(benchBucket) }\nenvironments:\n  warm: { account: \"\(benchAccount)\", region: us-east-1 }\n  bench: { account: \"\(benchAccount)\", region: us-east-1 }\n",
            file: "bench.yaml")
        let finalReached = Timestamp()
        let context = DeployContext(
            variables: variables,
            session: { environment in
                var session = try await resolver.session(for: environment)
                session.api = TimingAPI(base: session.api, executed: finalReached)
                return session
            },
            output: DeployOutput { _ in }, pollInterval: pollInterval, confirm: nil, gitCommit: nil)
        let run = DeployRun(application: Application(stacks: [urlShortener]), environments: mapping, context: context)
        // moto loads its backends on first use: warm it up with the same template under another name, untimed.
        _ = await run.deploy(DeployRequest(stackNames: ["url-shortener"], environmentName: "warm"))
        counter.reset()
        let clock = ContinuousClock()
        let start = clock.now
        let succeeded = await run.deploy(DeployRequest(stackNames: ["url-shortener"], environmentName: "bench"))
        let end = clock.now
        guard succeeded else { return ["stacks deploy failed against moto"] }
        var lines = [
            "stacks deploy url-shortener (create, change set, followed): \(format(end - start)) wall, \(counter.count) API calls (STS included)",
        ]
        if let reached = finalReached.value {
            lines.append("final status to return: \(format(end - reached)) (poll interval \(format(pollInterval)); moto finishes during ExecuteChangeSet)")
        }
        lines.append(try stacksProcess(server: server))
        lines.append(try awsCLI(server: server, mapping: mapping))
        return lines
    }

    /// The `stacks` binary next to this one, as a process (start-up included), deploying the same stack.
    static func stacksProcess(server: MotoProcess) throws -> String {
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("stacks")
        guard FileManager.default.isExecutableFile(atPath: binary.path) else { return "stacks process: skipped, no stacks binary next to stacks-bench" }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("stacks-bench-environments.yaml")
        try Data("environments:\n  proc: { account: \"\(benchAccount)\", region: us-east-1, artifactBucket: \(benchBucket) }\n".utf8).write(to: file)
        let process = Process()
        process.executableURL = binary
        process.arguments = ["deploy", "url-shortener", "--env", "proc", "--environments", file.path]
        var environment = ProcessInfo.processInfo.environment
        environment["AWS_ACCESS_KEY_ID"] = server.accessKeyID
        environment["AWS_SECRET_ACCESS_KEY"] = server.secretAccessKey
        environment["AWS_ENDPOINT_URL"] = server.endpoint
        environment["AWS_EC2_METADATA_DISABLED"] = "true"
        environment["CI"] = nil
        environment["GITHUB_ACTIONS"] = nil
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let clock = ContinuousClock()
        let start = clock.now
        try process.run()
        process.waitUntilExit()
        let elapsed = clock.now - start
        guard process.terminationStatus == 0 else { return "stacks deploy (process) failed (exit \(process.terminationStatus))" }
        return "stacks deploy url-shortener as a process (start-up included): \(format(elapsed)) wall"
    }

    /// `aws cloudformation deploy` of the same template, timed, its API calls counted from `--debug`.
    static func awsCLI(server: MotoProcess, mapping: EnvironmentMapping) throws -> String {
        // The same template as `stacks deploy` sent (moto's warm-up above covers both tools).
        let template = try Synthesizer(application: Application(stacks: [urlShortener]), environments: mapping)
            .synthesize(stacks: [urlShortener], environmentNames: ["bench"])
        guard let text = template.first?.text else { return "aws cli: no template" }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("stacks-bench-url-shortener.yaml")
        try Data(text.utf8).write(to: file)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "aws", "cloudformation", "deploy", "--endpoint-url", server.endpoint, "--region", "us-east-1",
            "--template-file", file.path, "--stack-name", "url-shortener-awscli", "--capabilities", "CAPABILITY_IAM",
            // The function code is already in the bucket: stacks deploy uploaded it above, under the same keys.
            "--parameter-overrides", "AssetsBucket=\(benchBucket)",
            "--debug",
        ]
        var environment = ProcessInfo.processInfo.environment
        environment["AWS_ACCESS_KEY_ID"] = server.accessKeyID
        environment["AWS_SECRET_ACCESS_KEY"] = server.secretAccessKey
        environment["AWS_EC2_METADATA_DISABLED"] = "true"
        process.environment = environment
        let errors = FileManager.default.temporaryDirectory.appendingPathComponent("stacks-bench-awscli.log")
        _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
        process.standardError = try FileHandle(forWritingTo: errors)
        process.standardOutput = FileHandle.nullDevice
        let clock = ContinuousClock()
        let start = clock.now
        try process.run()
        process.waitUntilExit()
        let elapsed = clock.now - start
        let log = (try? String(contentsOf: errors, encoding: .utf8)) ?? ""
        let calls = log.components(separatedBy: "Making request for OperationModel").count - 1
        guard process.terminationStatus == 0 else { return "aws cloudformation deploy failed (exit \(process.terminationStatus))" }
        return "aws cloudformation deploy (same template, same server): \(format(elapsed)) wall, \(calls) API calls"
    }

    static func format(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        return String(format: "%.0f ms", Double(seconds) * 1000 + Double(attoseconds) / 1e15)
    }
}

/// Counts HTTP requests.
final class CountingTransport: HTTPTransport, @unchecked Sendable {
    // @unchecked: `requests` is guarded by `lock`.
    private let base: any HTTPTransport
    private let lock = NSLock()
    private var requests = 0

    init(_ base: any HTTPTransport) { self.base = base }

    var count: Int { lock.withLock { requests } }

    func reset() { lock.withLock { requests = 0 } }

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        lock.withLock { requests += 1 }
        return try await base.send(request)
    }
}

/// When ExecuteChangeSet returned.
final class Timestamp: @unchecked Sendable {
    // @unchecked: guarded by `lock`.
    private let lock = NSLock()
    private var instant: ContinuousClock.Instant?
    func mark() { lock.withLock { instant = ContinuousClock().now } }
    var value: ContinuousClock.Instant? { lock.withLock { instant } }
}

/// The live API, noting when ExecuteChangeSet returns.
struct TimingAPI: CloudFormationAPI {
    let base: any CloudFormationAPI
    let executed: Timestamp

    func describeStack(_ name: String) async throws -> StackSnapshot? { try await base.describeStack(name) }
    func listStacks() async throws -> [StackSnapshot] { try await base.listStacks() }
    func createChangeSet(_ request: ChangeSetRequest) async throws { try await base.createChangeSet(request) }
    func describeChangeSet(_ name: String, stackName: String) async throws -> ChangeSetSnapshot {
        try await base.describeChangeSet(name, stackName: stackName)
    }
    func executeChangeSet(_ name: String, stackName: String) async throws {
        try await base.executeChangeSet(name, stackName: stackName)
        executed.mark()
    }
    func deleteChangeSet(_ name: String, stackName: String) async throws { try await base.deleteChangeSet(name, stackName: stackName) }
    func deleteStack(_ name: String) async throws { try await base.deleteStack(name) }
    func stackEvents(_ stackName: String, after eventID: String?) async throws -> [DeployEvent] {
        try await base.stackEvents(stackName, after: eventID)
    }
    func enableTerminationProtection(_ stackName: String) async throws { try await base.enableTerminationProtection(stackName) }
    func disableTerminationProtection(_ stackName: String) async throws { try await base.disableTerminationProtection(stackName) }
    func upload(bucket: String, key: String, body: [UInt8]) async throws { try await base.upload(bucket: bucket, key: key, body: body) }
}

/// The account the benchmark deploys to, and its artifact bucket (made by moto_deploy_server.py).
let benchAccount = "123456789012"
let benchBucket = "stacks-artifacts-\(benchAccount)"

/// moto_deploy_server.py as a child process.
final class MotoProcess: @unchecked Sendable {
    // @unchecked: set once in `start`, then only read.
    let endpoint: String
    let accessKeyID: String
    let secretAccessKey: String
    private let process: Process
    private let stdin: Pipe

    private init(endpoint: String, accessKeyID: String, secretAccessKey: String, process: Process, stdin: Pipe) {
        self.endpoint = endpoint
        self.accessKeyID = accessKeyID
        self.secretAccessKey = secretAccessKey
        self.process = process
        self.stdin = stdin
    }

    static func start() throws -> MotoProcess {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        // One account with the artifact bucket url-shortener's function code goes to.
        process.arguments = ["python3", "Tests/AWSTestSupport/Python/moto_deploy_server.py", "{\"accounts\": {\"\(benchAccount)\": \"stacks-bench\"}}"]
        let stdin = Pipe()
        let stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        try process.run()
        var bytes: [UInt8] = []
        while true {
            let data = stdout.fileHandleForReading.readData(ofLength: 1)
            guard let byte = data.first, byte != UInt8(ascii: "\n") else { break }
            bytes.append(byte)
        }
        guard let object = try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any],
            let port = object["port"] as? Int, let key = object["accessKeyID"] as? String,
            let secret = object["secretAccessKey"] as? String
        else {
            process.terminate()
            throw DeployError("moto_deploy_server.py did not start; run the benchmark from the repository root with moto installed.")
        }
        return MotoProcess(endpoint: "http://127.0.0.1:\(port)", accessKeyID: key, secretAccessKey: secret, process: process, stdin: stdin)
    }

    func stop() {
        try? stdin.fileHandleForWriting.close()
        if process.isRunning { process.terminate() }
    }
}
