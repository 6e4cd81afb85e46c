import ArgumentParser
import CloudFormation
import Deploy

/// `stacks`: the root command.
public struct StacksCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "stacks",
        abstract: "Infrastructure as Swift: synthesize, diff and deploy CloudFormation stacks.",
        subcommands: [
            List.self, Synth.self, Validate.self, Deploy.self, Status.self, Events.self, Outputs.self, Destroy.self,
            Whoami.self,
        ]
    )

    public init() {}

    /// Parses the command line and runs the command against the application's stacks.
    public static func main(stacks: [Stack], arguments: [String]? = nil) async {
        let application = Application(stacks: stacks)
        do {
            var command = try parseAsRoot(arguments)
            if var applicationCommand = command as? ApplicationCommand {
                try await applicationCommand.run(application: application)
            } else if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            exit(withError: error)
        }
    }
}

/// A subcommand that works on the application's stacks.
protocol ApplicationCommand: ParsableCommand {
    mutating func run(application: Application) async throws
}

extension ApplicationCommand {
    /// Application commands run through `StacksCommand.main(application:)`.
    func run() throws {
        throw ValidationError("'\(Self._commandName)' needs the application's stacks; run it through the stacks executable.")
    }
}
