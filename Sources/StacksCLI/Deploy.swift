import ArgumentParser
import Deploy

extension StacksCommand {
    /// `stacks deploy <stack>... --env <env>`: change sets, shown, approved, executed and followed.
    struct Deploy: ApplicationCommand {
        static let configuration = CommandConfiguration(
            abstract: "Deploy stacks to an environment through change sets.",
            discussion: "Each stack is deployed as <stack>-<env>. The change set is shown before it runs; protected environments need --approve or a yes on the terminal. Exits non-zero when anything failed or was not approved."
        )

        @Argument(help: "The stacks to deploy.")
        var stacks: [String] = []

        @Flag(help: "Deploy every stack, in dependency order.")
        var all = false

        @Option(help: "The environment to deploy to.")
        var env: String

        @Flag(help: "Execute a protected environment's change set without asking.")
        var approve = false

        @Flag(help: "Create and show the change set, then stop; execute it later with --execute.")
        var prepare = false

        @Option(help: ArgumentHelp("Execute the change set prepared earlier under this name.", valueName: "change-set"))
        var execute: String?

        @Flag(help: "Delete a stack left in ROLLBACK_COMPLETE and create it anew.")
        var replaceFailed = false

        @Option(help: "How many independent stacks deploy at once with --all.")
        var concurrency = 4

        @Option(help: ArgumentHelp("Seconds between polls of the stack's events.", valueName: "seconds"))
        var pollInterval: Double = 2

        @OptionGroup var environmentOptions: EnvironmentOptions

        func validate() throws {
            if all == !stacks.isEmpty { throw ValidationError("Name the stacks to deploy or pass --all, not both.") }
            if prepare && execute != nil { throw ValidationError("Pass --prepare or --execute, not both.") }
            if concurrency < 1 { throw ValidationError("--concurrency must be at least 1.") }
            if !(pollInterval > 0) { throw ValidationError("--poll-interval must be more than 0 seconds.") }
        }

        mutating func run(application: Application) async throws {
            let request = DeployRequest(
                stackNames: stacks, all: all, environmentName: env, approve: approve, prepare: prepare,
                execute: execute, replaceFailed: replaceFailed, concurrency: concurrency,
                environmentsFile: environmentOptions.environments == EnvironmentMapping.defaultPath ? nil : environmentOptions.environments)
            let context = DeployContext.live(pollInterval: .milliseconds(Int(pollInterval * 1000)))
            let succeeded = try await DeployRun(application: application, environments: environmentOptions.load(), context: context)
                .deploy(request)
            if !succeeded { throw ExitCode.failure }
        }
    }
}
