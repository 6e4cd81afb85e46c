import ArgumentParser
import Deploy

extension StacksCommand {
    /// `stacks outputs <stack> --env <env>`.
    struct Outputs: ApplicationCommand {
        static let configuration = CommandConfiguration(abstract: "Print a deployed stack's outputs, one 'key  value' a line.")

        @Argument(help: "The stack.")
        var stack: String

        @Option(help: "The environment.")
        var env: String

        @OptionGroup var environmentOptions: EnvironmentOptions

        mutating func run(application: Application) async throws {
            let inspection = StackInspection(application: application, environments: try environmentOptions.load(), context: .live())
            if !(await inspection.outputs(stackName: stack, environmentName: env)) { throw ExitCode.failure }
        }
    }
}
