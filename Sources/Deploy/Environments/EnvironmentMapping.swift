import CloudFormation
import YAML

/// The environments stacks are deployed to, read from `Stacks/environments.yaml`:
///
/// ```yaml
/// defaults:
///   region: us-east-1
///   deployRole: arn:aws:iam::${account}:role/stacks-deploy-${env}
/// environments:
///   sbx: { account: "111111111111", profile: acme-sbx }
///   prd: { account: "${PRD_AWS_ACCOUNT_ID}", region: us-west-2, protected: true }
/// ```
///
/// `${NAME}` in upper case is read from the process environment when the environment is used, so CI can keep
/// account numbers out of the file; `${account}`, `${env}` and `${region}` are the environment's own values.
/// Synthesis reads only the name, region and protection, so it never needs those variables.
public struct EnvironmentMapping: Sendable {
    /// The default location, relative to the package root.
    public static let defaultPath = "Stacks/environments.yaml"

    /// The keys an environment (or `defaults`) may set.
    public static let keys = [
        "account", "region", "profile", "deployRole", "externalId", "sessionName", "artifactBucket", "tags",
        "notificationTopics", "protected",
    ]

    /// Where the mapping was read from, for messages.
    public let file: String
    /// The environments' names, in the file's order.
    public let names: [String]
    private let entries: [String: EnvironmentEntry]

    /// Reads and checks the mapping at `path`.
    public static func load(path: String) throws -> EnvironmentMapping {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw EnvironmentError("Cannot read the environment mapping '\(path)'; create it (see the README) or pass --environments <file>.")
        }
        return try EnvironmentMapping(text: text, file: path)
    }

    public init(text: String, file: String) throws {
        self.file = file
        let root: Node
        do {
            root = try readYAML(text)
        } catch {
            throw EnvironmentError("\(error)", file: file, line: nil)
        }
        let reader = EnvironmentFileReader(file: file)
        let (names, entries) = try reader.read(root)
        self.names = names
        self.entries = entries
    }

    /// The environment called `name`, with every value resolved from `variables` (the process environment).
    public func environment(_ name: String, variables: [String: String]) throws -> Environment {
        try entry(name).resolved(variables: variables, file: file)
    }

    /// What a stack definition sees of the environment called `name`.
    public func stackEnvironment(_ name: String) throws -> StackEnvironment {
        try entry(name).stackEnvironment(file: file)
    }

    /// An environment as the file writes it, variables unresolved: for listing.
    public func summary(_ name: String) throws -> (account: String, region: String, profile: String?, isProtected: Bool) {
        let entry = try entry(name)
        let region = try entry.stackEnvironment(file: file).region
        return (entry.values["account"]?.text ?? "(none)", region, entry.values["profile"]?.text, entry.isProtected)
    }

    private func entry(_ name: String) throws -> EnvironmentEntry {
        guard let entry = entries[name] else {
            throw EnvironmentError(
                "Unknown environment '\(name)'; \(file) defines \(names.map { "'\($0)'" }.joined(separator: ", ")).\(NameSuggestion.didYouMean(name, in: names))")
        }
        return entry
    }
}
