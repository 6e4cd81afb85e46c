import ArgumentParser
import CloudFormation
import Deploy

extension StacksCommand {
    /// `stacks synth`: writes `out/<stack>/<env>.yaml`, or checks that the committed files are current.
    struct Synth: ApplicationCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write each stack's template for each environment under out/.",
            discussion: "With --check nothing is written: the command exits non-zero listing every file under the output folder that is missing, stale or no longer produced."
        )

        @Argument(help: "The stacks to synthesize (default: all).")
        var stacks: [String] = []

        @Flag(help: "Synthesize every stack.")
        var all = false

        @Option(help: "Only this environment.")
        var env: String?

        @Option(help: ArgumentHelp("The output folder.", valueName: "dir"))
        var out = "out"

        @Option(help: "The template format.")
        var format: TemplateWriter.Format = .yaml

        @Flag(help: "Write nothing; fail when the files under the output folder differ from what the code produces.")
        var check = false

        @OptionGroup var environmentOptions: EnvironmentOptions

        func validate() throws {
            if all && !stacks.isEmpty {
                throw ValidationError("Name stacks or pass --all, not both.")
            }
        }

        mutating func run(application: Application) async throws {
            let request = SynthesisRequest(
                stackNames: stacks, environmentName: env, outputDirectory: out, format: format, checkOnly: check)
            let report = try SynthesisRun(application: application, environments: environmentOptions.load()).perform(request)
            print(report.text, terminator: "")
            if !report.succeeded { throw ExitCode.failure }
        }
    }
}

extension TemplateWriter.Format: ExpressibleByArgument {}
