/// How the writer spells a scalar, and the rules that decide it.
///
/// A `.string` scalar goes out plain only when every YAML reader we care about reads the plain form back as that
/// same string: not something YAML 1.1 (PyYAML) or YAML 1.2 would take for a null, bool, number or timestamp, and
/// nothing the plain syntax cannot hold. Otherwise it is single-quoted; double-quoted when it holds characters only
/// escapes can carry (tabs, control characters, U+2028/U+2029, BOM, and what libyaml does not print raw); and a
/// literal block (`|`, `|-`) when it spans lines and a block can carry it exactly.
public enum ScalarStyle: Sendable, Hashable {
    case plain
    case singleQuoted
    case doubleQuoted
    case literal

    /// The style the writer uses for a `.string` scalar with this text.
    public static func forString(_ text: String) -> ScalarStyle {
        var text = text
        return text.withUTF8 { forString(bytes: $0) }
    }

    static func forString(bytes b: UnsafeBufferPointer<UInt8>) -> ScalarStyle {
        let content = scanContent(b)
        if content.needsEscapes { return .doubleQuoted }
        if content.hasLineBreak { return literalFits(b) ? .literal : .doubleQuoted }
        if isAmbiguous(b) || !isPlainSyntax(b) { return .singleQuoted }
        return .plain
    }

    /// Whether a plain form of the text could be read as something other than this string, by YAML 1.1 or 1.2.
    public static func isAmbiguous(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { isAmbiguous($0) }
    }

    /// True when the plain form would be read as something other than this string by YAML 1.1 (PyYAML's resolver:
    /// null, bool, int, float, timestamp, `<<`, `=`) or YAML 1.2 / JSON (`0o17`, `1e3`, `+.5`), or by a reader that
    /// ignores case or knows the 1.1 `y`/`n` booleans (`tRUE`, `Y`, `nULL`).
    static func isAmbiguous(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        if PlainScalarResolver.classify(b) != .string { return true }
        if b.count <= 5 {
            for word in caseInsensitiveKeywords where PlainScalarResolver.spells(b, word, anyCase: true) { return true }
        }
        return isCoreSchemaNumber(b)
    }

    private static let caseInsensitiveKeywords: [StaticString] = [
        "y", "n", "yes", "no", "true", "false", "on", "off", "null", "~",
    ]

    /// YAML 1.2 core schema numbers: `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`, `0o[0-7]+`,
    /// `0x[0-9a-fA-F]+`, `[-+]?\.inf` and `\.nan` in any case.
    static func isCoreSchemaNumber(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = b.first, isDigit(first) || first == ascii(".") || first == ascii("-") || first == ascii("+")
        else { return false }
        let sign = first == ascii("-") || first == ascii("+") ? 1 : 0
        if PlainScalarResolver.spells(b, from: sign, ".inf", anyCase: true) { return true }
        if PlainScalarResolver.spells(b, ".nan", anyCase: true) { return true }
        if b.count > 2, first == 0x30, b[1] | 0x20 == ascii("o") || b[1] | 0x20 == ascii("x") {
            let hex = b[1] | 0x20 == ascii("x")
            return b[2...].allSatisfy { hex ? PlainScalarResolver.isHexDigit($0) : ($0 >= 0x30 && $0 <= 0x37) }
        }
        var i = sign
        var digits = 0
        while i < b.count, isDigit(b[i]) {
            i += 1
            digits += 1
        }
        if i < b.count, b[i] == ascii(".") {
            i += 1
            while i < b.count, isDigit(b[i]) {
                i += 1
                digits += 1
            }
        }
        guard digits > 0 else { return false }
        if i < b.count, b[i] | 0x20 == ascii("e") {
            i += 1
            if i < b.count, b[i] == ascii("-") || b[i] == ascii("+") { i += 1 }
            let start = i
            while i < b.count, isDigit(b[i]) { i += 1 }
            guard i > start else { return false }
        }
        return i == b.count
    }

    /// Whether the text can stand as a plain scalar in block context at all, whatever it resolves to: not empty,
    /// no leading or trailing space, no indicator first (`- `, `?`, `:`, `,`, `[`, `]`, `{`, `}`, `#`, `&`, `*`,
    /// `!`, `|`, `>`, `'`, `"`, `%`, `@`, backtick), not starting `---` or `...`, no `: ` or ` #` inside, not
    /// ending in `:`, and on one line without characters that need escapes.
    public static func isPlainSyntax(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { b in
            let content = scanContent(b)
            return !content.needsEscapes && !content.hasLineBreak && isPlainSyntax(b)
        }
    }

    /// The plain-syntax checks on a single-line text without characters that need escapes.
    static func isPlainSyntax(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = b.first, let last = b.last else { return false }
        if first == ascii(" ") || last == ascii(" ") || last == ascii(":") { return false }
        if leadingIndicators.contains(first) { return false }
        if first == ascii("-"), b.count == 1 || b[1] == ascii(" ") { return false }
        if b.count >= 3, first == ascii("-") || first == ascii("."), b[1] == first, b[2] == first { return false }
        for i in 0..<(b.count - 1) {
            if b[i] == ascii(":"), b[i + 1] == ascii(" ") { return false }
            if b[i] == ascii(" "), b[i + 1] == ascii("#") { return false }
        }
        return true
    }

    private static let leadingIndicators: Set<UInt8> = Set("?:,[]{}#&*!|>'\"%@`".utf8)

    /// A literal block carries the text exactly unless a line ends in spaces, the text ends in a space, or the text
    /// ends in more than one line break (that would need `|+` and a document end marker).
    static func literalFits(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let last = b.last, last != ascii(" ") else { return false }
        if b.count == 1 { return last != ascii("\n") }
        if last == ascii("\n"), b[b.count - 2] == ascii("\n") { return false }
        for i in 0..<(b.count - 1) where b[i] == ascii(" ") && b[i + 1] == ascii("\n") { return false }
        return true
    }

    struct Content {
        var needsEscapes = false
        var hasLineBreak = false
    }

    /// Looks for line feeds and for characters only double quotes can carry: tab, CR and other C0 controls, DEL,
    /// C1 controls (NEL included), U+2028, U+2029, U+FEFF, U+FFFE, U+FFFF and everything beyond U+FFFF (libyaml
    /// does not print those raw).
    static func scanContent(_ b: UnsafeBufferPointer<UInt8>) -> Content {
        var content = Content()
        var i = 0
        while i < b.count {
            let byte = b[i]
            if byte < 0x80 {
                if byte == 0x0A {
                    content.hasLineBreak = true
                } else if byte < 0x20 || byte == 0x7F {
                    content.needsEscapes = true
                    return content
                }
                i += 1
                continue
            }
            if byte == 0xC2, i + 1 < b.count, b[i + 1] < 0xA0 {
                content.needsEscapes = true
                return content
            }
            if byte == 0xE2, i + 2 < b.count, b[i + 1] == 0x80, b[i + 2] == 0xA8 || b[i + 2] == 0xA9 {
                content.needsEscapes = true
                return content
            }
            if byte == 0xEF, i + 2 < b.count,
                (b[i + 1] == 0xBB && b[i + 2] == 0xBF) || (b[i + 1] == 0xBF && b[i + 2] >= 0xBE)
            {
                content.needsEscapes = true
                return content
            }
            if byte >= 0xF0 {
                content.needsEscapes = true
                return content
            }
            i += 1
        }
        return content
    }

    @inline(__always) private static func ascii(_ scalar: Unicode.Scalar) -> UInt8 { PlainScalarResolver.ascii(scalar) }
    @inline(__always) private static func isDigit(_ byte: UInt8) -> Bool { PlainScalarResolver.isDigit(byte) }
}
