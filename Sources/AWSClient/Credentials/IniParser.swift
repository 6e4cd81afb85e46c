/// The contents of one AWS shared config or credentials file, in the INI dialect botocore reads
/// (Python's `RawConfigParser` with strict sections and options, plus one level of nested sub-sections).
struct IniFile: Sendable, Equatable {
    /// One `[name]` section and the settings under it.
    struct Section: Sendable, Equatable {
        /// The text between the brackets, trimmed.
        var name: String
        /// The 1-based line of the header.
        var line: Int
        /// `key = value` settings; keys are lower-cased, as botocore does.
        var values: [String: String] = [:]
        /// Nested blocks such as `s3 =` followed by indented `key = value` lines.
        var subsections: [String: [String: String]] = [:]
    }

    /// Sections in file order.
    var sections: [Section]
}

/// Why a file could not be parsed. Never contains the text of the offending line, which may hold a secret.
struct IniParseError: Error, Sendable, Equatable {
    var line: Int
    var reason: String
}

/// Parses the AWS INI dialect.
///
/// - Full-line comments start with `#` or `;` (after optional whitespace); there are no inline comments.
/// - `key = value` or `key: value`; the first `=` or `:` separates; key and value are trimmed; keys lower-cased.
/// - A line indented deeper than its key continues that key's value. A key with an empty value followed by
///   indented `k = v` lines is a nested sub-section (`s3 =` / `  addressing_style = path`).
/// - A repeated section or a repeated key within one section is an error, as in botocore.
enum IniParser {
    static func parse(_ text: String) throws(IniParseError) -> IniFile {
        var parser = State()
        var lineNumber = 0
        var body = Substring(text)
        if body.hasPrefix("\u{FEFF}") { body = body.dropFirst() }
        // "\r\n" is one Character in Swift, so both line ends are named.
        for rawLine in body.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            lineNumber += 1
            try parser.consume(line: rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine, number: lineNumber)
        }
        try parser.finishOption()
        return IniFile(sections: parser.sections)
    }

    private struct PendingOption {
        var key: String
        var line: Int
        var indent: Int
        var first: String
        var continuation: [(line: Int, text: String)] = []
    }

    private struct State {
        var sections: [IniFile.Section] = []
        var option: PendingOption?

        mutating func consume(line: Substring, number: Int) throws(IniParseError) {
            let stripped = line.iniTrimmed()
            if stripped.isEmpty || stripped.hasPrefix("#") || stripped.hasPrefix(";") { return }
            let indent = line.prefix { $0 == " " || $0 == "\t" }.count
            if var pending = option, indent > pending.indent {
                pending.continuation.append((number, String(stripped)))
                option = pending
                return
            }
            try finishOption()
            if stripped.hasPrefix("["), let close = stripped.lastIndex(of: "]") {
                let name = stripped[stripped.index(after: stripped.startIndex)..<close].iniTrimmed()
                guard !name.isEmpty else {
                    throw IniParseError(line: number, reason: "the section header has no name between '[' and ']'")
                }
                if let earlier = sections.first(where: { $0.name == name }) {
                    throw IniParseError(
                        line: number,
                        reason: "section '[\(name)]' already appeared at line \(earlier.line); merge the two sections"
                    )
                }
                sections.append(IniFile.Section(name: String(name), line: number))
                return
            }
            guard let delimiter = stripped.firstIndex(where: { $0 == "=" || $0 == ":" }) else {
                throw IniParseError(line: number, reason: "expected 'key = value' or a '[section]' header")
            }
            guard !sections.isEmpty else {
                throw IniParseError(line: number, reason: "a 'key = value' line comes before any '[section]' header")
            }
            let key = stripped[..<delimiter].iniTrimmed().lowercased()
            guard !key.isEmpty else {
                throw IniParseError(line: number, reason: "the line has a value but no key before '='")
            }
            let value = stripped[stripped.index(after: delimiter)...].iniTrimmed()
            option = PendingOption(key: key, line: number, indent: indent, first: String(value))
        }

        mutating func finishOption() throws(IniParseError) {
            guard let pending = option, !sections.isEmpty else { return }
            option = nil
            let index = sections.count - 1
            let section = sections[index]
            if section.values[pending.key] != nil || section.subsections[pending.key] != nil {
                throw IniParseError(
                    line: pending.line,
                    reason: "key '\(pending.key)' appears twice in section '[\(section.name)]'; keep one"
                )
            }
            if pending.first.isEmpty && !pending.continuation.isEmpty {
                var nested: [String: String] = [:]
                for (line, text) in pending.continuation {
                    guard let equals = text.firstIndex(of: "=") else {
                        throw IniParseError(
                            line: line,
                            reason: "expected 'key = value' inside the nested '\(pending.key)' block"
                        )
                    }
                    let key = text[..<equals].iniTrimmed()
                    nested[String(key)] = String(text[text.index(after: equals)...].iniTrimmed())
                }
                sections[index].subsections[pending.key] = nested
            } else {
                let lines = [pending.first] + pending.continuation.map(\.text)
                sections[index].values[pending.key] = lines.joined(separator: "\n")
            }
        }
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces, tabs and other whitespace.
    func iniTrimmed() -> Substring {
        let characters = Substring(self)
        guard let first = characters.firstIndex(where: { !$0.isWhitespace }),
              let last = characters.lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return characters[first...last]
    }
}
