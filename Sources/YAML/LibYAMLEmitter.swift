import CLibYAML

/// The libyaml emitter, its output buffer and the events the writer sends it.
final class LibYAMLEmitter {
    private let emitter: UnsafeMutablePointer<yaml_emitter_t>
    private let output = OutputBuffer()

    final class OutputBuffer {
        var bytes: [UInt8] = []
    }

    init() throws(YAMLError) {
        emitter = .allocate(capacity: 1)
        guard yaml_emitter_initialize(emitter) == 1 else {
            emitter.deallocate()
            throw YAMLError(.emitter("it could not be initialised (out of memory)"))
        }
        output.bytes.reserveCapacity(1 << 16)
        yaml_emitter_set_output(
            emitter,
            { context, buffer, size in
                guard let context, let buffer else { return 0 }
                let output = Unmanaged<OutputBuffer>.fromOpaque(context).takeUnretainedValue()
                output.bytes.append(contentsOf: UnsafeBufferPointer(start: buffer, count: size))
                return 1
            }, Unmanaged.passUnretained(output).toOpaque())
        yaml_emitter_set_unicode(emitter, 1)
        yaml_emitter_set_width(emitter, -1)
        yaml_emitter_set_indent(emitter, 2)
        yaml_emitter_set_break(emitter, YAML_LN_BREAK)
        yaml_emitter_set_canonical(emitter, 0)
    }

    deinit {
        yaml_emitter_delete(emitter)
        emitter.deallocate()
    }

    func begin(explicitDocumentStart: Bool) throws(YAMLError) {
        var event = yaml_event_t()
        guard yaml_stream_start_event_initialize(&event, YAML_UTF8_ENCODING) == 1 else { throw outOfMemory() }
        try emit(&event)
        guard yaml_document_start_event_initialize(&event, nil, nil, nil, explicitDocumentStart ? 0 : 1) == 1 else {
            throw outOfMemory()
        }
        try emit(&event)
    }

    /// Ends the document and the stream and returns everything written.
    func end() throws(YAMLError) -> [UInt8] {
        var event = yaml_event_t()
        guard yaml_document_end_event_initialize(&event, 1) == 1 else { throw outOfMemory() }
        try emit(&event)
        guard yaml_stream_end_event_initialize(&event) == 1 else { throw outOfMemory() }
        try emit(&event)
        guard yaml_emitter_flush(emitter) == 1 else { throw failure() }
        return output.bytes
    }

    func scalar(_ bytes: UnsafeBufferPointer<UInt8>, tag: Tag?, style: ScalarStyle) throws(YAMLError) {
        let yamlStyle: yaml_scalar_style_t =
            switch style {
            case .plain: YAML_PLAIN_SCALAR_STYLE
            case .singleQuoted: YAML_SINGLE_QUOTED_SCALAR_STYLE
            case .doubleQuoted: YAML_DOUBLE_QUOTED_SCALAR_STYLE
            case .literal: YAML_LITERAL_SCALAR_STYLE
            }
        guard bytes.count <= Int(Int32.max) else { throw YAMLError(.emitter("a scalar is longer than 2 GiB")) }
        var event = yaml_event_t()
        let implicit: Int32 = tag == nil ? 1 : 0
        let initialised = withTag(tag) { tagPointer in
            withNonNullBase(bytes) { value in
                yaml_scalar_event_initialize(
                    &event, nil, tagPointer, value, Int32(bytes.count), implicit, implicit, yamlStyle)
            }
        }
        guard initialised == 1 else { throw outOfMemory() }
        try emit(&event)
    }

    func sequenceStart(tag: Tag?, flow: Bool) throws(YAMLError) {
        var event = yaml_event_t()
        let style = flow ? YAML_FLOW_SEQUENCE_STYLE : YAML_BLOCK_SEQUENCE_STYLE
        let initialised = withTag(tag) {
            yaml_sequence_start_event_initialize(&event, nil, $0, tag == nil ? 1 : 0, style)
        }
        guard initialised == 1 else { throw outOfMemory() }
        try emit(&event)
    }

    func sequenceEnd() throws(YAMLError) {
        var event = yaml_event_t()
        guard yaml_sequence_end_event_initialize(&event) == 1 else { throw outOfMemory() }
        try emit(&event)
    }

    func mappingStart(tag: Tag?, flow: Bool) throws(YAMLError) {
        var event = yaml_event_t()
        let style = flow ? YAML_FLOW_MAPPING_STYLE : YAML_BLOCK_MAPPING_STYLE
        let initialised = withTag(tag) {
            yaml_mapping_start_event_initialize(&event, nil, $0, tag == nil ? 1 : 0, style)
        }
        guard initialised == 1 else { throw outOfMemory() }
        try emit(&event)
    }

    func mappingEnd() throws(YAMLError) {
        var event = yaml_event_t()
        guard yaml_mapping_end_event_initialize(&event) == 1 else { throw outOfMemory() }
        try emit(&event)
    }

    /// Hands the event to libyaml, which owns (and frees) it from then on, whether or not emitting succeeds.
    private func emit(_ event: inout yaml_event_t) throws(YAMLError) {
        guard yaml_emitter_emit(emitter, &event) == 1 else { throw failure() }
    }

    private func withTag(_ tag: Tag?, _ body: (UnsafePointer<yaml_char_t>?) -> Int32) -> Int32 {
        guard let tag else { return body(nil) }
        return tag.name.withCString { pointer in
            body(UnsafeRawPointer(pointer).assumingMemoryBound(to: yaml_char_t.self))
        }
    }

    private static let emptyValue: [yaml_char_t] = [0]

    private func withNonNullBase(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (UnsafePointer<yaml_char_t>) -> Int32)
        -> Int32
    {
        if let base = bytes.baseAddress, !bytes.isEmpty { return body(base) }
        return Self.emptyValue.withUnsafeBufferPointer { empty in
            guard let base = empty.baseAddress else { return 0 }
            return body(base)
        }
    }

    private func failure() -> YAMLError {
        let problem = emitter.pointee.problem.map { String(cString: $0) } ?? "unknown emitter error"
        return YAMLError(.emitter(problem))
    }

    private func outOfMemory() -> YAMLError {
        YAMLError(.emitter("an event could not be created (out of memory or invalid UTF-8)"))
    }
}
