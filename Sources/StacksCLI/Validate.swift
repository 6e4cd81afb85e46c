import ArgumentParser
import Deploy

extension StacksCommand {
    /// `stacks validate`: builds and checks every template, writing nothing.
    struct Validate: ApplicationCommand {
        static let configuration = CommandConfiguration(abstract: "Check the stacks' templates for every environment; write nothing.")

        @Argument(help: "The stacks to validate (default: all).")
        var stacks: [String] = []

        @OptionGroup var environmentOptions: EnvironmentOptions

        mutating func run(application: Application) async throws {
            let report = try SynthesisRun(application: application, environments: environmentOptions.load())
                .validate(stackNames: stacks)
            print(report.text, terminator: "")
        }
    }
}
