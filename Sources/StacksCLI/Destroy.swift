import ArgumentParser
import Deploy

extension StacksCommand {
    /// `stacks destroy <stack> --env <env>`.
    struct Destroy: ApplicationCommand {
        static let configuration = CommandConfiguration(
            abstract: "Delete a deployed stack and follow the deletion.",
            discussion: "Always asks, unless --yes; refused on protected environments unless --force-protected.")

        @Argument(help: "The stack.")
        var stack: String

        @Option(help: "The environment.")
        var env: String

        @Flag(help: "Do not ask.")
        var yes = false

        @Flag(help: "Allow destroying a stack in a protected environment.")
        var forceProtected = false

        @OptionGroup var environmentOptions: EnvironmentOptions

        mutating func run(application: Application) async throws {
            let inspection = StackInspection(application: application, environments: try environmentOptions.load(), context: .live())
            let succeeded = await inspection.destroy(stackName: stack, environmentName: env, yes: yes, forceProtected: forceProtected)
            if !succeeded { throw ExitCode.failure }
        }
    }
}
