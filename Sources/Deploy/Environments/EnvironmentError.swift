/// A problem with the environment mapping or with choosing an environment. Each is one sentence naming the file
/// and line where it applies.
public struct EnvironmentError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String

    public init(_ message: String) { self.message = message }

    /// `file:line: message`, or the message alone.
    init(_ message: String, file: String, line: Int?) {
        if let line {
            self.message = "\(file):\(line): \(message)"
        } else {
            self.message = "\(file): \(message)"
        }
    }

    public var description: String { message }
}
