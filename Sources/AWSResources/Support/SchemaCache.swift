import CloudFormation
import Synchronization

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Decoded constraint data and compiled patterns, kept for the life of the process: a synth validates the same
/// types once per environment, and decoding or compiling them again each time was most of its cost.
final class SchemaCache: Sendable {
    static let shared = SchemaCache()

    /// A compiled pattern. `Regex` is not `Sendable`, but a compiled one is never mutated, so sharing it is safe.
    private struct CompiledPattern: @unchecked Sendable {
        let regex: Regex<AnyRegexOutput>?
    }

    private let roots = Mutex<[String: SchemaNode?]>([:])
    private let patterns = Mutex<[String: CompiledPattern]>([:])

    /// The constraint data of a generated type, decoded once; `nil` for a type without generated code.
    func root(of type: ResourceType) -> SchemaNode? {
        if let cached = roots.withLock({ $0[type.rawValue] }) { return cached }
        let decoded = ResourceSchemas.schemaData(for: type.rawValue).flatMap {
            try? JSONDecoder().decode(SchemaNode.self, from: Data($0.utf8))
        }
        roots.withLock { $0[type.rawValue] = .some(decoded) }
        return decoded
    }

    /// The pattern compiled once; `nil` when Swift's `Regex` cannot compile it (the check is then skipped).
    func regex(_ pattern: String) -> Regex<AnyRegexOutput>? {
        if let cached = patterns.withLock({ $0[pattern] }) { return cached.regex }
        let compiled = CompiledPattern(regex: try? Regex(pattern))
        patterns.withLock { $0[pattern] = compiled }
        return compiled.regex
    }
}
