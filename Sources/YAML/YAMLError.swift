/// Everything that can go wrong reading or writing YAML and JSON in this target.
///
/// `description` is one sentence that names the problem, says where it is (a line and column for text that was
/// read, a path such as `Resources.Bucket.Properties[2]` for a tree being written) and what to do about it.
public struct YAMLError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Reason: Sendable, Equatable {
        /// libyaml rejected the text; `problem` is libyaml's wording, `context` what it was reading.
        case syntax(problem: String, context: String?)
        /// The text holds no document at all (empty, blank or only comments).
        case emptyDocument
        /// The text holds a second document (`---`); only one is supported.
        case multipleDocuments
        /// A mapping key is a sequence or mapping.
        case nonScalarKey
        /// A mapping key carries a local tag, which the node model cannot hold.
        case taggedKey(Tag)
        /// The same key appears twice in one mapping; `firstLine` is the line of its first appearance.
        case duplicateKey(key: String, firstLine: Int)
        /// An alias (`*name`) refers to an anchor that was not defined before it.
        case undefinedAlias(String)
        /// Expanding aliases would make the tree larger than the reader's node limit.
        case tooManyNodes(limit: Int)
        /// Collections are nested deeper than the reader's depth limit.
        case nestingTooDeep(limit: Int)
        /// A tag other than a local tag (`!Ref`) or a core-schema tag (`!!str`, `!!int`, ...).
        case unsupportedTag(String)
        /// The writer was given a tag it cannot write (not `!` followed by name characters).
        case invalidTag(String)
        /// The writer was given a `.plain` scalar that cannot be written without quotes.
        case plainScalarNeedsQuotes(String)
        /// The JSON writer was given a tagged node.
        case tagInJSON(Tag)
        /// The JSON writer was given `.inf` or `.nan`.
        case nonFiniteNumberInJSON(String)
        /// libyaml's emitter failed.
        case emitter(String)
    }

    public var reason: Reason
    /// Where in the read text, when the error comes from reading.
    public var mark: Mark?
    /// Where in the tree being written, outermost first: mapping keys and sequence indices.
    public var path: [PathComponent]

    /// One step down a tree: a mapping key or a sequence index.
    public enum PathComponent: Sendable, Hashable, CustomStringConvertible {
        case key(String)
        case index(Int)

        public var description: String {
            switch self {
            case .key(let key): key
            case .index(let index): "[\(index)]"
            }
        }
    }

    public init(_ reason: Reason, mark: Mark? = nil, path: [PathComponent] = []) {
        self.reason = reason
        self.mark = mark
        self.path = path
    }

    /// The same error one level further out in the tree.
    func inside(_ component: PathComponent) -> YAMLError {
        var copy = self
        copy.path.insert(component, at: 0)
        return copy
    }

    /// The path as text, `Resources.Bucket.Properties[2]`, or `the root` when empty.
    public var pathDescription: String {
        guard !path.isEmpty else { return "the root" }
        var text = ""
        for component in path {
            switch component {
            case .key(let key):
                if !text.isEmpty { text += "." }
                text += key
            case .index:
                text += component.description
            }
        }
        return text
    }

    private var place: String {
        if let mark { return "on \(mark)" }
        return "at \(pathDescription)"
    }

    public var description: String {
        switch reason {
        case .syntax(let problem, let context):
            let during = context.map { " (\($0))" } ?? ""
            return "The YAML text is not valid \(place): \(problem)\(during); fix the text there."
        case .emptyDocument:
            return "The YAML text is empty: it holds no document; give it at least one node."
        case .multipleDocuments:
            return "The YAML text holds a second document starting \(place); keep one document per text."
        case .nonScalarKey:
            return "A mapping key \(place) is a collection; use a string as the key."
        case .taggedKey(let tag):
            return "A mapping key \(place) carries the tag '\(tag)'; remove the tag, keys must be plain strings."
        case .duplicateKey(let key, let firstLine):
            let line = mark.map { "line \($0.line)" } ?? "a later line"
            return
                "The key '\(key)' appears twice in one mapping, on line \(firstLine) and \(line); remove one of them."
        case .undefinedAlias(let name):
            return "The alias '*\(name)' \(place) refers to no anchor defined before it; define '&\(name)' first."
        case .tooManyNodes(let limit):
            return "Expanding aliases \(place) makes the document larger than \(limit) nodes; "
                + "use fewer aliases (this guards against alias bombs)."
        case .nestingTooDeep(let limit):
            return "Collections \(place) are nested more than \(limit) levels deep; flatten the document."
        case .unsupportedTag(let tag):
            return "The tag '\(tag)' \(place) is not supported; use a local tag such as '!Ref' "
                + "or one of !!str, !!int, !!float, !!bool, !!null, !!seq, !!map."
        case .invalidTag(let tag):
            return "The tag '\(tag)' \(place) cannot be written; a tag is '!' followed by letters, digits "
                + "and any of - _ . : / ~."
        case .plainScalarNeedsQuotes(let text):
            return "The plain scalar '\(text)' \(place) cannot be written without quotes; make it a string scalar."
        case .tagInJSON(let tag):
            return "The node \(place) carries the tag '\(tag)', which JSON cannot represent; "
                + "convert it to its long form first."
        case .nonFiniteNumberInJSON(let text):
            return "The number '\(text)' \(place) is not finite, which JSON cannot represent; use a finite number."
        case .emitter(let problem):
            return "libyaml could not write the node \(place): \(problem)."
        }
    }
}
