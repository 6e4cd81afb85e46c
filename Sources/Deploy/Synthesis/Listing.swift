import CloudFormation

/// The text of `stacks list`: the stacks, and the environments with their accounts and regions.
public struct Listing: Sendable {
    public let text: String

    public init(application: Application, environments: EnvironmentMapping) throws {
        var text = "Stacks:\n"
        let nameWidth = application.stacks.map(\.name.count).max() ?? 0
        for stack in application.stacks {
            text += "  " + stack.name.padding(nameWidth) + (stack.description.map { "  \($0)" } ?? "") + "\n"
        }
        text += "Environments (\(environments.file)):\n"
        let envWidth = environments.names.map(\.count).max() ?? 0
        for name in environments.names {
            let summary = try environments.summary(name)
            var columns = ["account \(summary.account)", summary.region]
            if let profile = summary.profile { columns.append("profile \(profile)") }
            if summary.isProtected { columns.append("protected") }
            text += "  " + name.padding(envWidth) + "  " + columns.joined(separator: "  ") + "\n"
        }
        self.text = text
    }
}
