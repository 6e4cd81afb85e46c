import ArgumentParser
import Deploy

extension StacksCommand {
    /// `stacks list`: the stacks and the environments.
    struct List: ApplicationCommand {
        static let configuration = CommandConfiguration(abstract: "List the stacks and the environments.")

        @OptionGroup var environmentOptions: EnvironmentOptions

        mutating func run(application: Application) async throws {
            let mapping = try environmentOptions.load()
            print(try Listing(application: application, environments: mapping).text, terminator: "")
        }
    }
}
