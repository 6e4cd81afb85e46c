import ArgumentParser
import Deploy

extension StacksCommand {
    /// `stacks status [<stack>] --env <env>`.
    struct Status: ApplicationCommand {
        static let configuration = CommandConfiguration(abstract: "Show the status, last update and outputs of deployed stacks.")

        @Argument(help: "The stack (default: every stack).")
        var stack: String?

        @Option(help: "The environment.")
        var env: String

        @OptionGroup var environmentOptions: EnvironmentOptions

        mutating func run(application: Application) async throws {
            let inspection = StackInspection(application: application, environments: try environmentOptions.load(), context: .live())
            if !(await inspection.status(stackName: stack, environmentName: env)) { throw ExitCode.failure }
        }
    }
}
