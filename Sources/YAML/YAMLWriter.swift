/// Writes a `Node` as YAML text through libyaml's emitter.
///
/// Block style, 2-space indentation, no line wrapping, Unicode written as is (except what libyaml only writes as
/// escapes), no `---`/`...` markers, empty collections as `{}` and `[]`. A `.string` scalar gets the style
/// `ScalarStyle.forString` chooses; a `.plain` scalar is written verbatim, or rejected when it cannot stand plain.
/// Tags are written with their `!` on scalars, sequences and mappings (`!Ref X`, `!If` followed by a block sequence).
/// A root that is an empty plain scalar (null) is written `---`, the only case with a marker. The text ends with
/// exactly one line break and is the same for the same tree on every run.
public struct YAMLWriter: Sendable {
    public init() {}

    public func write(_ node: Node) throws(YAMLError) -> String {
        let emitter = try LibYAMLEmitter()
        // An empty plain root (null) would leave no text at all; `---` keeps the document.
        var emptyRoot = false
        if case .scalar(let scalar) = node, scalar.kind == .plain, scalar.text.isEmpty { emptyRoot = true }
        try emitter.begin(explicitDocumentStart: emptyRoot)
        try emit(node, with: emitter)
        let bytes = try emitter.end()
        return String(decoding: bytes, as: UTF8.self)
    }

    private func emit(_ node: Node, with emitter: LibYAMLEmitter) throws(YAMLError) {
        switch node {
        case .scalar(let scalar):
            try emitScalar(scalar, with: emitter)
        case .sequence(let sequence):
            let tag = try checked(sequence.tag)
            try emitter.sequenceStart(tag: tag, flow: sequence.items.isEmpty)
            for (index, item) in sequence.items.enumerated() {
                do throws(YAMLError) {
                    try emit(item, with: emitter)
                } catch {
                    throw error.inside(.index(index))
                }
            }
            try emitter.sequenceEnd()
        case .mapping(let mapping):
            let tag = try checked(mapping.tag)
            try emitter.mappingStart(tag: tag, flow: mapping.pairs.isEmpty)
            for pair in mapping.pairs {
                do throws(YAMLError) {
                    try emitScalar(Node.Scalar(pair.key), with: emitter)
                    try emit(pair.value, with: emitter)
                } catch {
                    throw error.inside(.key(pair.key))
                }
            }
            try emitter.mappingEnd()
        }
    }

    private func emitScalar(_ scalar: Node.Scalar, with emitter: LibYAMLEmitter) throws(YAMLError) {
        let tag = try checked(scalar.tag)
        var text = scalar.text
        let result: Result<Void, YAMLError> = text.withUTF8 { bytes in
            do throws(YAMLError) {
                let style: ScalarStyle
                switch scalar.kind {
                case .string:
                    style = ScalarStyle.forString(bytes: bytes)
                case .plain:
                    // An empty plain scalar is null written as nothing; anything else must stand plain as it is.
                    let content = ScalarStyle.scanContent(bytes)
                    guard
                        bytes.isEmpty
                            || (!content.needsEscapes && !content.hasLineBreak && ScalarStyle.isPlainSyntax(bytes))
                    else {
                        throw YAMLError(.plainScalarNeedsQuotes(scalar.text), mark: scalar.mark)
                    }
                    style = .plain
                }
                try emitter.scalar(bytes, tag: tag, style: style)
                return .success(())
            } catch {
                return .failure(error)
            }
        }
        try result.get()
    }

    /// Rejects tags the emitter would mangle: a tag is `!` followed by letters, digits and `-_.:/~`.
    private func checked(_ tag: Tag?) throws(YAMLError) -> Tag? {
        guard let tag else { return nil }
        guard Self.isWritable(tag) else { throw YAMLError(.invalidTag(tag.name)) }
        return tag
    }

    static func isWritable(_ tag: Tag) -> Bool {
        let bytes = Array(tag.name.utf8)
        guard bytes.count >= 2, bytes[0] == UInt8(ascii: "!"), bytes[1] != UInt8(ascii: "!") else { return false }
        return bytes.dropFirst().allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || "-_.:/~".utf8.contains(byte)
        }
    }
}

/// Writes `node` as YAML text; see `YAMLWriter`.
public func emitYAML(_ node: Node) throws(YAMLError) -> String {
    try YAMLWriter().write(node)
}
