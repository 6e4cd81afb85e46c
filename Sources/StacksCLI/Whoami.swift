import ArgumentParser
import Deploy

extension StacksCommand {
    /// `stacks whoami`: who the credentials are, never the keys.
    struct Whoami: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show the account, ARN, credential source, region and endpoint in use.")

        @Option(help: "The profile to use (default: the default credential chain).")
        var profile: String?

        @Option(help: "The region (default: AWS_REGION, AWS_DEFAULT_REGION, or us-east-1).")
        var region: String?

        mutating func run() async throws {
            let session = try await IdentityResolver.current.whoami(profile: profile, region: region)
            for line in WhoAmI.lines(session) { print(line) }
        }
    }
}
