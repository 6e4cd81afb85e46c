import CloudFormation

/// The application's stacks, as the executable hands them to the CLI.
public struct Application: Sendable {
    public let stacks: [Stack]

    public init(stacks: [Stack]) {
        self.stacks = stacks
    }

    /// The stacks named, in the order given, or all of them; an unknown name is an error with a suggestion.
    public func stacks(named names: [String], all: Bool = false) throws -> [Stack] {
        if all || names.isEmpty { return stacks }
        var chosen: [Stack] = []
        for name in names {
            guard let stack = stacks.first(where: { $0.name == name }) else {
                let known = stacks.map(\.name)
                throw SynthesisError("Unknown stack '\(name)'; the stacks are \(known.map { "'\($0)'" }.joined(separator: ", ")).\(NameSuggestion.didYouMean(name, in: known))")
            }
            if !chosen.contains(where: { $0.name == name }) { chosen.append(stack) }
        }
        return chosen
    }
}

/// Why synthesis stopped. Holds every problem found, one sentence each.
public struct SynthesisError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
