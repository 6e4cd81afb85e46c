import CLibYAML

/// Reads YAML (and so JSON) text into a `Node` with libyaml's parser.
///
/// - Quoted and block scalars become `.string`, plain scalars `.plain`; every node carries its 1-based `Mark`.
/// - Local tags (`!Ref`) are kept. The core-schema tags are folded into the kind: `!!str` makes an untagged
///   `.string`, `!!int`, `!!float`, `!!bool` and `!!null` an untagged `.plain`, `!!seq` and `!!map` no tag at all;
///   the non-specific `!` makes a `.string`. Any other tag is an error.
/// - Anchors and aliases are resolved: an alias becomes a copy of its anchored node. The whole tree, aliases
///   expanded, may hold at most `maximumNodeCount` nodes, and collections may nest `maximumDepth` deep.
/// - Comments are ignored. `<<` is an ordinary key (no merging).
/// - Mapping keys must be scalars without local tags; a key may appear once per mapping.
/// - The text must hold exactly one document: an empty text (or only comments) is an error, and so is a second
///   document.
public struct YAMLReader: Sendable {
    public var maximumNodeCount: Int
    public var maximumDepth: Int

    public init(maximumNodeCount: Int = 1_000_000, maximumDepth: Int = 512) {
        self.maximumNodeCount = maximumNodeCount
        self.maximumDepth = maximumDepth
    }

    public func read(_ text: String) throws(YAMLError) -> Node {
        let bytes = Array(text.utf8)
        guard !bytes.isEmpty else { throw YAMLError(.emptyDocument) }
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        defer { parser.deallocate() }
        guard yaml_parser_initialize(parser) == 1 else {
            throw YAMLError(.syntax(problem: "libyaml could not start (out of memory)", context: nil))
        }
        defer { yaml_parser_delete(parser) }
        let result: Result<Node, YAMLError> = bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return .failure(YAMLError(.emptyDocument)) }
            yaml_parser_set_input_string(parser, base, buffer.count)
            var builder = NodeBuilder(maximumNodeCount: maximumNodeCount, maximumDepth: maximumDepth)
            do throws(YAMLError) {
                try parse(parser, input: buffer, into: &builder)
                return .success(try builder.finish())
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    private func parse(
        _ parser: UnsafeMutablePointer<yaml_parser_t>, input: UnsafeBufferPointer<UInt8>,
        into builder: inout NodeBuilder
    ) throws(YAMLError) {
        var event = yaml_event_t()
        while true {
            guard yaml_parser_parse(parser, &event) == 1 else { throw syntaxError(parser, input: input) }
            defer { yaml_event_delete(&event) }
            let type = event.type
            try handle(&event, builder: &builder)
            if type == YAML_STREAM_END_EVENT { return }
        }
    }

    private func handle(_ event: inout yaml_event_t, builder: inout NodeBuilder) throws(YAMLError) {
        let mark = Mark(line: event.start_mark.line + 1, column: event.start_mark.column + 1)
        switch event.type {
        case YAML_DOCUMENT_START_EVENT:
            try builder.startDocument(at: mark)
        case YAML_SCALAR_EVENT:
            let data = event.data.scalar
            let text =
                data.value.map { String(decoding: UnsafeBufferPointer(start: $0, count: data.length), as: UTF8.self) }
                ?? ""
            let quoted = data.style != YAML_PLAIN_SCALAR_STYLE
            try builder.scalar(text, quoted: quoted, tag: string(data.tag), anchor: string(data.anchor), mark: mark)
        case YAML_ALIAS_EVENT:
            try builder.alias(string(event.data.alias.anchor) ?? "", mark: mark)
        case YAML_SEQUENCE_START_EVENT:
            let data = event.data.sequence_start
            try builder.startCollection(.sequence, tag: string(data.tag), anchor: string(data.anchor), mark: mark)
        case YAML_MAPPING_START_EVENT:
            let data = event.data.mapping_start
            try builder.startCollection(.mapping, tag: string(data.tag), anchor: string(data.anchor), mark: mark)
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            try builder.endCollection()
        default:
            break
        }
    }

    private func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: $0) }
    }

    private func syntaxError(_ parser: UnsafeMutablePointer<yaml_parser_t>, input: UnsafeBufferPointer<UInt8>)
        -> YAMLError
    {
        let state = parser.pointee
        var problem = state.problem.map { String(cString: $0) } ?? "libyaml stopped without saying why"
        var context: String?
        if let text = state.context.map({ String(cString: $0) }) {
            let at = Mark(line: state.context_mark.line + 1, column: state.context_mark.column + 1)
            context = "\(text) at \(at)"
        }
        var mark = Mark(line: state.problem_mark.line + 1, column: state.problem_mark.column + 1)
        if state.error == YAML_READER_ERROR {
            // Reader errors carry a byte offset, not a line and column.
            mark = Self.mark(atByteOffset: state.problem_offset, in: input)
            if state.problem_value >= 0 {
                let hex = String(state.problem_value, radix: 16, uppercase: true)
                problem += " (character U+\(String(repeating: "0", count: max(0, 4 - hex.count)))\(hex))"
            }
        }
        return YAMLError(.syntax(problem: problem, context: context), mark: mark)
    }

    /// The 1-based line and column (in characters) of a byte offset.
    static func mark(atByteOffset offset: Int, in input: UnsafeBufferPointer<UInt8>) -> Mark {
        var line = 1
        var column = 1
        for byte in input.prefix(max(0, offset)) {
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return Mark(line: line, column: column)
    }
}

/// Reads `text` into a `Node`; see `YAMLReader`.
public func readYAML(_ text: String) throws(YAMLError) -> Node {
    try YAMLReader().read(text)
}
