/// One problem found in a template, as a sentence.
public struct ValidationIssue: Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable {
        /// CloudFormation would reject the template, or the deploy would fail.
        case error
        /// Worth knowing, but not wrong.
        case note
    }

    public var severity: Severity
    public var message: String

    public init(_ severity: Severity, _ message: String) {
        self.severity = severity
        self.message = message
    }

    public static func error(_ message: String) -> ValidationIssue { ValidationIssue(.error, message) }
    public static func note(_ message: String) -> ValidationIssue { ValidationIssue(.note, message) }

    public var description: String { "\(severity.rawValue): \(message)" }
}
