/// Why a deploy, destroy or look-up stopped: one sentence naming the stack, environment or account, saying what to
/// do. Never holds a secret.
public struct DeployError: Error, Sendable, Hashable, CustomStringConvertible {
    public let message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
