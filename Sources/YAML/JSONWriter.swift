/// Writes a `Node` as pretty JSON: 2-space indentation, `": "` between key and value, keys in the node's order,
/// strings escaped per RFC 8259 (`\"`, `\\`, `\b`, `\f`, `\n`, `\r`, `\t`, `\u00XX` for other control characters),
/// everything else, non-ASCII included, written as UTF-8, except the few characters a YAML reader would not take
/// raw inside a JSON string, which are escaped too: DEL and C1 controls (NEL included), U+2028, U+2029, U+FEFF,
/// U+FFFE and U+FFFF. Empty collections are `{}` and `[]`. The text ends with
/// one line break.
///
/// A `.plain` scalar becomes what it resolves to (`Node.Scalar.resolved`): `null`, `true`/`false`, or a number,
/// written as given when the text already is a JSON number (`1.50`, `-0`, digits beyond `Int`) and in canonical
/// form otherwise (`0x1F` → `31`, `1_000` → `1000`, `1.` → `1.0`); other plain scalars become strings. JSON has no
/// tags and no infinities, so a tagged node or a plain `.inf`/`.nan` is an error.
public struct JSONWriter: Sendable {
    public init() {}

    public func write(_ node: Node) throws(YAMLError) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(1 << 16)
        try write(node, indent: 0, into: &output)
        output.append(0x0A)
        return String(decoding: output, as: UTF8.self)
    }

    private func write(_ node: Node, indent: Int, into output: inout [UInt8]) throws(YAMLError) {
        if let tag = node.tag { throw YAMLError(.tagInJSON(tag), mark: node.mark) }
        switch node {
        case .scalar(let scalar):
            try writeScalar(scalar, into: &output)
        case .sequence(let sequence):
            guard !sequence.items.isEmpty else { return output.append(contentsOf: "[]".utf8) }
            output.append(UInt8(ascii: "["))
            for (index, item) in sequence.items.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                newline(indent + 1, into: &output)
                do throws(YAMLError) {
                    try write(item, indent: indent + 1, into: &output)
                } catch {
                    throw error.inside(.index(index))
                }
            }
            newline(indent, into: &output)
            output.append(UInt8(ascii: "]"))
        case .mapping(let mapping):
            guard !mapping.pairs.isEmpty else { return output.append(contentsOf: "{}".utf8) }
            output.append(UInt8(ascii: "{"))
            for (index, pair) in mapping.pairs.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                newline(indent + 1, into: &output)
                writeString(pair.key, into: &output)
                output.append(contentsOf: ": ".utf8)
                do throws(YAMLError) {
                    try write(pair.value, indent: indent + 1, into: &output)
                } catch {
                    throw error.inside(.key(pair.key))
                }
            }
            newline(indent, into: &output)
            output.append(UInt8(ascii: "}"))
        }
    }

    private func newline(_ indent: Int, into output: inout [UInt8]) {
        output.append(0x0A)
        for _ in 0..<(indent * 2) { output.append(0x20) }
    }

    private func writeScalar(_ scalar: Node.Scalar, into output: inout [UInt8]) throws(YAMLError) {
        switch scalar.resolved {
        case .string(let text):
            writeString(text, into: &output)
        case .null:
            output.append(contentsOf: "null".utf8)
        case .bool(let value):
            output.append(contentsOf: (value ? "true" : "false").utf8)
        case .int(let value):
            if isJSONNumber(scalar.text) {
                output.append(contentsOf: scalar.text.utf8)
            } else {
                output.append(contentsOf: String(value).utf8)
            }
        case .double(let value):
            guard value.isFinite else { throw YAMLError(.nonFiniteNumberInJSON(scalar.text), mark: scalar.mark) }
            if isJSONNumber(scalar.text) {
                output.append(contentsOf: scalar.text.utf8)
            } else {
                output.append(contentsOf: value.description.utf8)
            }
        }
    }

    private func isJSONNumber(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { PlainScalarResolver.isJSONNumber($0) }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    private func writeString(_ text: String, into output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            var i = 0
            while i < bytes.count {
                let byte = bytes[i]
                switch byte {
                case UInt8(ascii: "\""): output.append(contentsOf: #"\""#.utf8)
                case UInt8(ascii: "\\"): output.append(contentsOf: #"\\"#.utf8)
                case 0x08: output.append(contentsOf: #"\b"#.utf8)
                case 0x0C: output.append(contentsOf: #"\f"#.utf8)
                case 0x0A: output.append(contentsOf: #"\n"#.utf8)
                case 0x0D: output.append(contentsOf: #"\r"#.utf8)
                case 0x09: output.append(contentsOf: #"\t"#.utf8)
                case 0..<0x20, 0x7F: escape(UInt32(byte), into: &output)
                case 0xC2 where i + 1 < bytes.count && bytes[i + 1] < 0xA0:
                    escape(UInt32(bytes[i + 1]), into: &output)
                    i += 1
                case 0xE2
                where i + 2 < bytes.count && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9):
                    escape(0x2000 | UInt32(bytes[i + 2] - 0x80), into: &output)
                    i += 2
                case 0xEF
                where i + 2 < bytes.count
                    && ((bytes[i + 1] == 0xBB && bytes[i + 2] == 0xBF)
                        || (bytes[i + 1] == 0xBF && bytes[i + 2] >= 0xBE)):
                    escape(bytes[i + 1] == 0xBB ? 0xFEFF : 0xFFC0 | UInt32(bytes[i + 2] - 0x80), into: &output)
                    i += 2
                default: output.append(byte)
                }
                i += 1
            }
        }
        output.append(UInt8(ascii: "\""))
    }

    /// `\uXXXX` for a character in the Basic Multilingual Plane.
    private func escape(_ value: UInt32, into output: inout [UInt8]) {
        output.append(contentsOf: #"\u"#.utf8)
        for shift in [12, 8, 4, 0] { output.append(Self.hexDigits[Int((value >> UInt32(shift)) & 0xF)]) }
    }
}

/// Writes `node` as pretty JSON; see `JSONWriter`.
public func emitJSON(_ node: Node) throws(YAMLError) -> String {
    try JSONWriter().write(node)
}
