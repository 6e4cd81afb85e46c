import Foundation

/// What `stacks deploy` was asked to do.
public struct DeployRequest: Sendable {
    public var stackNames: [String]
    public var all: Bool
    public var environmentName: String
    /// Execute a protected environment's change set without asking.
    public var approve: Bool
    /// Create and show the change set, then stop.
    public var prepare: Bool
    /// Execute the change set prepared earlier under this name.
    public var execute: String?
    public var replaceFailed: Bool
    /// How many independent stacks deploy at once with `--all`.
    public var concurrency: Int
    /// The `--environments` file, when not the default (for the commands printed).
    public var environmentsFile: String?

    public init(
        stackNames: [String], all: Bool = false, environmentName: String, approve: Bool = false, prepare: Bool = false,
        execute: String? = nil, replaceFailed: Bool = false, concurrency: Int = 4, environmentsFile: String? = nil
    ) {
        self.stackNames = stackNames
        self.all = all
        self.environmentName = environmentName
        self.approve = approve
        self.prepare = prepare
        self.execute = execute
        self.replaceFailed = replaceFailed
        self.concurrency = concurrency
        self.environmentsFile = environmentsFile
    }
}

/// What the engine needs from the machine it runs on, so tests can replace each part.
public struct DeployContext: Sendable {
    /// The process environment (`GITHUB_SHA`, `${NAME}` values of the mapping).
    public var variables: [String: String]
    /// The identity and clients for an environment, checked against its account.
    public var session: @Sendable (Environment) async throws -> DeploySession
    public var output: DeployOutput
    public var now: @Sendable () -> Date
    public var sleep: @Sendable (Duration) async -> Void
    public var pollInterval: Duration
    /// Asks a yes/no question on the terminal; nil when there is no terminal to ask on.
    public var confirm: (@Sendable (String) async -> Bool)?
    public var interruption: Interruption?
    /// The git commit being deployed, when known.
    public var gitCommit: String?
    /// The folder asset paths are relative to: the package root.
    public var packageRoot: String

    public init(
        variables: [String: String],
        session: @escaping @Sendable (Environment) async throws -> DeploySession,
        output: DeployOutput,
        now: @escaping @Sendable () -> Date = { Date() },
        sleep: @escaping @Sendable (Duration) async -> Void = { try? await Task.sleep(for: $0) },
        pollInterval: Duration = .seconds(2),
        confirm: (@Sendable (String) async -> Bool)? = nil,
        interruption: Interruption? = nil,
        gitCommit: String? = nil,
        packageRoot: String = FileManager.default.currentDirectoryPath
    ) {
        self.packageRoot = packageRoot
        self.variables = variables
        self.session = session
        self.output = output
        self.now = now
        self.sleep = sleep
        self.pollInterval = pollInterval
        self.confirm = confirm
        self.interruption = interruption
        self.gitCommit = gitCommit
    }

    /// The real machine: the process environment, standard output, the terminal when there is one.
    public static func live(pollInterval: Duration = .seconds(2)) -> DeployContext {
        let resolver = IdentityResolver.current
        let output = DeployOutput.standard(environment: resolver.variables)
        let interactive = isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1
        let ask: @Sendable (String) async -> Bool = { question in
            output.line(question + " [y/N]")
            guard let answer = readLine() else { return false }
            return ["y", "yes"].contains(answer.trimmingCharacters(in: .whitespaces).lowercased())
        }
        let confirm = interactive ? ask : nil
        return DeployContext(
            variables: resolver.variables, session: { try await resolver.session(for: $0) }, output: output,
            pollInterval: pollInterval, confirm: confirm, interruption: Interruption(),
            gitCommit: GitCommit.current(variables: resolver.variables))
    }
}

/// The commit being deployed: `GITHUB_SHA` in GitHub Actions, else `git rev-parse HEAD`, else unknown.
public enum GitCommit {
    public static func current(variables: [String: String]) -> String? {
        if let sha = variables["GITHUB_SHA"], !sha.isEmpty { return sha }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "rev-parse", "HEAD"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return nil
        }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.count == 40 ? text : nil
    }
}
