extension Node.Scalar {
    /// What a scalar means once resolved.
    public enum Resolution: Sendable, Equatable {
        case null
        case bool(Bool)
        case int(Int)
        case double(Double)
        case string(String)
    }

    /// The scalar's meaning under YAML 1.1, as PyYAML (and so cfn-lint) reads it.
    ///
    /// A `.string` scalar is always `.string(text)`. A `.plain` scalar is resolved from its text, whatever its tag
    /// (a tag's meaning is the caller's business):
    /// - null: empty, `~`, `null`, `Null`, `NULL`;
    /// - bool: `true|True|TRUE|false|...|yes|...|no|...|on|...|off|Off|OFF` (not `y`/`n`, and not other casings,
    ///   as in PyYAML and SnakeYAML);
    /// - int: decimal with `_` separators, `0b` binary, `0x` hex, leading-`0` octal (`017`), sexagesimal `1:20`;
    ///   an integer too large for `Int` resolves to `.double`;
    /// - double: `1.5`, `1.`, `.5`, `1.0e+3`, sexagesimal `1:20.5`, `.inf`, `-.inf`, `.nan`, and, beyond PyYAML,
    ///   every JSON number (`1e3`, `1E-2`), so that JSON input resolves as JSON means it;
    /// - string: everything else, including timestamps (`2001-12-14`), `<<` and `=`.
    public var resolved: Resolution {
        switch kind {
        case .string: .string(text)
        case .plain: PlainScalarResolver.resolve(text)
        }
    }
}

/// YAML 1.1 resolution of plain scalars, on UTF-8 bytes.
enum PlainScalarResolver {
    /// What a plain text is taken for, before its value is built.
    enum Class: Equatable {
        case null, bool(Bool), int, float, timestamp, merge, value, string
    }

    static func resolve(_ text: String) -> Node.Scalar.Resolution {
        var contiguous = text
        return contiguous.withUTF8 { bytes in
            switch classify(bytes) {
            case .null: return .null
            case .bool(let value): return .bool(value)
            case .int: return integerValue(bytes) ?? .string(text)
            case .float: return .double(floatValue(bytes))
            case .timestamp, .merge, .value, .string: return .string(text)
            }
        }
    }

    static func classify(_ b: UnsafeBufferPointer<UInt8>) -> Class {
        if b.isEmpty { return .null }
        if let word = keyword(b) { return word }
        if isInteger(b) { return .int }
        if isFloat(b) || isJSONNumber(b) { return .float }
        if isTimestampLike(b) { return .timestamp }
        return .string
    }

    // MARK: - Keywords

    private static let keywords: [(bytes: [UInt8], class: Class)] = {
        var table: [(String, Class)] = [
            ("~", .null), ("null", .null), ("Null", .null), ("NULL", .null), ("<<", .merge), ("=", .value),
        ]
        for word in ["yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"] {
            table.append((word, .bool(true)))
        }
        for word in ["no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"] {
            table.append((word, .bool(false)))
        }
        return table.map { (Array($0.0.utf8), $0.1) }
    }()

    private static func keyword(_ b: UnsafeBufferPointer<UInt8>) -> Class? {
        guard b.count <= 5, let first = b.first, keywordFirstBytes.contains(first) else { return nil }
        for entry in keywords where entry.bytes.count == b.count && entry.bytes.elementsEqual(b) { return entry.class }
        return nil
    }

    private static let keywordFirstBytes: Set<UInt8> = Set("~nNyYtToOfF<=".utf8)

    /// Whether the bytes spell `word` (ASCII) exactly, or ignoring case when `anyCase`.
    static func spells(
        _ b: UnsafeBufferPointer<UInt8>, from start: Int = 0, _ word: StaticString, anyCase: Bool = false
    ) -> Bool {
        guard b.count - start == word.utf8CodeUnitCount else { return false }
        let w = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        for i in 0..<w.count {
            let byte = b[start + i]
            if byte == w[i] { continue }
            guard anyCase, isLetter(byte), byte | 0x20 == w[i] | 0x20 else { return false }
        }
        return true
    }

    @inline(__always) static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }

    // MARK: - Integers: [-+]?(0b[01_]+ | 0[0-7_]+ | 0 | [1-9][0-9_]* | 0x[0-9a-fA-F_]+ | [1-9][0-9_]*(:[0-5]?[0-9])+)

    static func isInteger(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = signLength(b)
        guard i < b.count else { return false }
        if b[i] == ascii("0") {
            i += 1
            if i == b.count { return true }
            if b[i] == ascii("b") {
                return allMatch(b, from: i + 1) { $0 == ascii("0") || $0 == ascii("1") || $0 == ascii("_") }
            }
            if b[i] == ascii("x") { return allMatch(b, from: i + 1) { isHexDigit($0) || $0 == ascii("_") } }
            return allMatch(b, from: i) { ($0 >= ascii("0") && $0 <= ascii("7")) || $0 == ascii("_") }
        }
        guard isDigit(b[i]) else { return false }
        i = skip(b, from: i) { isDigit($0) || $0 == ascii("_") }
        if i == b.count { return true }
        guard let end = sexagesimalEnd(b, from: i) else { return false }
        return end == b.count
    }

    /// After the first part of a sexagesimal number: the end of `(:[0-5]?[0-9])+`, or nil.
    private static func sexagesimalEnd(_ b: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var i = start
        var groups = 0
        while i < b.count, b[i] == ascii(":") {
            i += 1
            guard i < b.count, isDigit(b[i]) else { return nil }
            if i + 1 < b.count, isDigit(b[i + 1]) {
                guard b[i] <= ascii("5") else { return nil }
                i += 2
            } else {
                i += 1
            }
            groups += 1
        }
        return groups > 0 ? i : nil
    }

    static func integerValue(_ b: UnsafeBufferPointer<UInt8>) -> Node.Scalar.Resolution? {
        var digits = b.filter { $0 != ascii("_") }
        var negative = false
        if let first = digits.first, first == ascii("-") || first == ascii("+") {
            negative = first == ascii("-")
            digits.removeFirst()
        }
        var radix = 10
        if digits.count >= 2, digits[0] == ascii("0"), digits[1] == ascii("b") {
            radix = 2
            digits.removeFirst(2)
        } else if digits.count >= 2, digits[0] == ascii("0"), digits[1] == ascii("x") {
            radix = 16
            digits.removeFirst(2)
        } else if digits.count >= 2, digits[0] == ascii("0") {
            radix = 8
            digits.removeFirst()
        }
        guard !digits.isEmpty else { return nil }
        let text = String(decoding: digits, as: UTF8.self)
        if text.contains(":") {
            var total = 0.0
            for part in text.split(separator: ":") { total = total * 60 + (Double(part) ?? 0) }
            if let exact = Int(exactly: total) { return .int(negative ? -exact : exact) }
            return .double(negative ? -total : total)
        }
        if let value = Int(negative ? "-" + text : text, radix: radix) { return .int(value) }
        // Too large for Int: approximate as a double.
        if radix == 10, let value = Double(text) { return .double(negative ? -value : value) }
        var total = 0.0
        for digit in digits { total = total * Double(radix) + Double(hexValue(digit)) }
        return .double(negative ? -total : total)
    }

    // MARK: - Floats

    /// PyYAML's float: `[-+]?[0-9][0-9_]*\.[0-9_]*([eE][-+][0-9]+)?`, `\.[0-9][0-9_]*([eE][-+][0-9]+)?`,
    /// `[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+\.[0-9_]*`, `[-+]?\.(inf|Inf|INF)`, `\.(nan|NaN|NAN)`.
    static func isFloat(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        let sign = signLength(b)
        guard sign < b.count else { return false }
        if b[sign] == ascii("."), b.count - sign == 4 {
            if spells(b, from: sign, ".inf") || spells(b, from: sign, ".Inf") || spells(b, from: sign, ".INF") {
                return true
            }
            if sign == 0, spells(b, ".nan") || spells(b, ".NaN") || spells(b, ".NAN") { return true }
        }
        var i = sign
        if b[i] == ascii(".") {
            guard sign == 0, i + 1 < b.count, isDigit(b[i + 1]) else { return false }
            i = skip(b, from: i + 1) { isDigit($0) || $0 == ascii("_") }
            return exponentEnd(b, from: i) == b.count
        }
        guard isDigit(b[i]) else { return false }
        i = skip(b, from: i) { isDigit($0) || $0 == ascii("_") }
        guard i < b.count else { return false }
        if b[i] == ascii(":") {
            guard let end = sexagesimalEnd(b, from: i), end < b.count, b[end] == ascii(".") else { return false }
            return allMatch(b, from: end + 1, allowEmpty: true) { isDigit($0) || $0 == ascii("_") }
        }
        guard b[i] == ascii(".") else { return false }
        i = skip(b, from: i + 1) { isDigit($0) || $0 == ascii("_") }
        return exponentEnd(b, from: i) == b.count
    }

    /// The end of an optional `[eE][-+][0-9]+` starting at `start`, or nil when it is malformed.
    private static func exponentEnd(_ b: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard start < b.count else { return start }
        guard b[start] == ascii("e") || b[start] == ascii("E") else { return nil }
        guard start + 1 < b.count, b[start + 1] == ascii("-") || b[start + 1] == ascii("+") else { return nil }
        let end = skip(b, from: start + 2, while: isDigit)
        return end > start + 2 ? end : nil
    }

    /// RFC 8259's number: `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?`.
    static func isJSONNumber(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        if i < b.count, b[i] == ascii("-") { i += 1 }
        guard i < b.count, isDigit(b[i]) else { return false }
        if b[i] == ascii("0") { i += 1 } else { i = skip(b, from: i, while: isDigit) }
        if i < b.count, b[i] == ascii(".") {
            let start = i + 1
            i = skip(b, from: start, while: isDigit)
            guard i > start else { return false }
        }
        if i < b.count, b[i] == ascii("e") || b[i] == ascii("E") {
            i += 1
            if i < b.count, b[i] == ascii("-") || b[i] == ascii("+") { i += 1 }
            let start = i
            i = skip(b, from: start, while: isDigit)
            guard i > start else { return false }
        }
        return i == b.count
    }

    static func floatValue(_ b: UnsafeBufferPointer<UInt8>) -> Double {
        var text = String(decoding: b.filter { $0 != ascii("_") }, as: UTF8.self).lowercased()
        var sign = 1.0
        if text.hasPrefix("-") || text.hasPrefix("+") {
            if text.hasPrefix("-") { sign = -1 }
            text.removeFirst()
        }
        if text == ".inf" { return sign * .infinity }
        if text == ".nan" { return .nan }
        if text.contains(":") {
            var total = 0.0
            for part in text.split(separator: ":") { total = total * 60 + (Double(part) ?? 0) }
            return sign * total
        }
        return sign * (Double(text) ?? 0)
    }

    // MARK: - Timestamps (only recognised, never built): a text starting `[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}`

    static func isTimestampLike(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard b.count >= 8, b[0..<4].allSatisfy(isDigit), b[4] == ascii("-"), isDigit(b[5]) else { return false }
        var i = 6
        if isDigit(b[i]) { i += 1 }
        guard i + 1 < b.count, b[i] == ascii("-"), isDigit(b[i + 1]) else { return false }
        return true
    }

    // MARK: - Byte helpers

    @inline(__always) static func ascii(_ scalar: Unicode.Scalar) -> UInt8 { UInt8(truncatingIfNeeded: scalar.value) }
    @inline(__always) static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    @inline(__always) static func isHexDigit(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte >= 0x41 && byte <= 0x46) || (byte >= 0x61 && byte <= 0x66)
    }

    private static func hexValue(_ byte: UInt8) -> Int {
        if isDigit(byte) { return Int(byte - 0x30) }
        return Int((byte | 0x20) - 0x61 + 10)
    }

    private static func signLength(_ b: UnsafeBufferPointer<UInt8>) -> Int {
        guard let first = b.first else { return 0 }
        return first == ascii("-") || first == ascii("+") ? 1 : 0
    }

    private static func skip(_ b: UnsafeBufferPointer<UInt8>, from start: Int, while predicate: (UInt8) -> Bool) -> Int
    {
        var i = start
        while i < b.count, predicate(b[i]) { i += 1 }
        return i
    }

    private static func allMatch(
        _ b: UnsafeBufferPointer<UInt8>, from start: Int, allowEmpty: Bool = false, _ predicate: (UInt8) -> Bool
    ) -> Bool {
        guard allowEmpty || start < b.count else { return false }
        return skip(b, from: start, while: predicate) == b.count
    }
}
