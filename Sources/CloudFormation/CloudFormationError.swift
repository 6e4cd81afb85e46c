import YAML

/// Why a template could not be read, built or validated. Each description is a sentence, or one per problem.
public enum CloudFormationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The text is YAML or JSON, but not a CloudFormation template.
    case malformedTemplate(String, at: Mark?)
    /// The template breaks CloudFormation's rules; every problem found, at once.
    case invalidTemplate(name: String, issues: [ValidationIssue])

    public var description: String {
        switch self {
        case .malformedTemplate(let message, let mark?):
            "\(message) (\(mark))."
        case .malformedTemplate(let message, nil):
            "\(message)."
        case .invalidTemplate(let name, let issues):
            (["Template '\(name)' is not valid:"] + issues.filter { $0.severity == .error }.map { "  - \($0.message)" })
                .joined(separator: "\n")
        }
    }
}
