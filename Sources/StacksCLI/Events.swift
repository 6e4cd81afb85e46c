import ArgumentParser
import Deploy

extension StacksCommand {
    /// `stacks events <stack> --env <env>`.
    struct Events: ApplicationCommand {
        static let configuration = CommandConfiguration(abstract: "Show a deployed stack's events, oldest first, times in UTC.")

        @Argument(help: "The stack.")
        var stack: String

        @Option(help: "The environment.")
        var env: String

        @OptionGroup var environmentOptions: EnvironmentOptions

        mutating func run(application: Application) async throws {
            let inspection = StackInspection(application: application, environments: try environmentOptions.load(), context: .live())
            if !(await inspection.events(stackName: stack, environmentName: env)) { throw ExitCode.failure }
        }
    }
}
