/// An error from the SigV4 target: one sentence naming the thing and saying what to do.
public struct SigV4Error: Error, Sendable, Hashable, CustomStringConvertible {
    public let description: String

    init(_ description: String) {
        self.description = description
    }
}
