import Foundation

/// How CloudFormation names become Swift names.
///
/// Members: the CloudFormation name with its leading run of capitals lowercased, where an acronym followed by a
/// word keeps the word's capital: `VPCId` → `vpcId`, `ARN` → `arn`, `SSESpecification` → `sseSpecification`,
/// `DBInstanceClass` → `dbInstanceClass`, `VpcId` → `vpcId`. Characters that cannot appear in an identifier split
/// words (`Endpoint.Address` → `endpointAddress`). Types keep the CloudFormation spelling with the same splitting.
/// Swift keywords are escaped with backticks; names that would shadow what generated code relies on get a suffix.
enum Naming {
    static let keywords: Set<String> = [
        "associatedtype", "class", "deinit", "enum", "extension", "fileprivate", "func", "import", "init", "inout",
        "internal", "let", "open", "operator", "private", "precedencegroup", "protocol", "public", "rethrows",
        "static", "struct", "subscript", "typealias", "var", "break", "case", "catch", "continue", "default", "defer",
        "do", "else", "fallthrough", "for", "guard", "if", "in", "repeat", "return", "throw", "switch", "where",
        "while", "Any", "as", "await", "false", "is", "nil", "super", "throws", "true", "try", "some", "any",
        "async", "consume", "copy", "borrowing", "consuming", "discard", "each", "macro", "package", "isolated",
    ]
    /// Names that cannot be escaped usefully; they get a trailing underscore.
    static let unescapable: Set<String> = ["self", "Self", "init", "Type", "Protocol", "super", "_"]

    /// Words of a name, split at characters that cannot appear in an identifier.
    static func tokens(_ name: String) -> [String] {
        var result: [String] = []
        var current = ""
        for scalar in name.unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                current.unicodeScalars.append(scalar)
            } else if !current.isEmpty {
                result.append(current)
                current = ""
            }
        }
        if !current.isEmpty { result.append(current) }
        return result
    }

    /// `VPCId` → `vpcId`: lowercases the leading run of capitals, keeping the capital that starts the next word.
    static func lowerFirstWord(_ token: String) -> String {
        let chars = Array(token)
        var upperRun = 0
        while upperRun < chars.count, chars[upperRun].isUppercase || (upperRun > 0 && chars[upperRun].isNumber) {
            upperRun += 1
        }
        if upperRun == 0 { return token }
        if upperRun == chars.count { return token.lowercased() }
        let cut = upperRun == 1 ? 1 : (chars[upperRun].isLowercase ? upperRun - 1 : upperRun)
        return String(chars[..<cut]).lowercased() + String(chars[cut...])
    }

    static func upperFirst(_ token: String) -> String {
        guard let first = token.first else { return token }
        return first.uppercased() + token.dropFirst()
    }

    /// A member name (not escaped).
    static func member(_ name: String) -> String {
        let parts = tokens(name)
        guard let first = parts.first else { return "value" }
        var result = lowerFirstWord(first)
        for part in parts.dropFirst() { result += upperFirst(part) }
        if result.first?.isNumber == true { result = "_" + result }
        return result
    }

    /// An enum case name from a value such as `PAY_PER_REQUEST` (`payPerRequest`) or `t3.micro` (`t3Micro`).
    static func enumCase(_ value: String) -> String {
        let parts = tokens(value)
        guard !parts.isEmpty else { return "empty" }
        let words = parts.map { part in part == part.uppercased() ? part.lowercased() : part }
        var result = lowerFirstWord(words[0])
        for word in words.dropFirst() { result += upperFirst(word) }
        if result.first?.isNumber == true { result = "_" + result }
        return result
    }

    /// A type name: `key_schema` → `KeySchema`, `Endpoint.Address` → `EndpointAddress`.
    static func type(_ name: String) -> String {
        let parts = tokens(name)
        guard !parts.isEmpty else { return "Value" }
        var result = parts.map(upperFirst).joined()
        if result.first?.isNumber == true { result = "_" + result }
        return result
    }

    /// The identifier as it must be written in a declaration or after a dot.
    static func escaped(_ name: String) -> String {
        if unescapable.contains(name) { return name + "_" }
        return keywords.contains(name) ? "`\(name)`" : name
    }

    /// A name, made different from every name in `taken` by a numeric suffix.
    static func unique(_ name: String, in taken: Set<String>) -> String {
        if !taken.contains(name) { return name }
        var index = 2
        while taken.contains("\(name)\(index)") { index += 1 }
        return "\(name)\(index)"
    }

    /// Writes `text` as `///` doc comment lines at `indent`, wrapped near 116 columns.
    static func docComment(_ text: String, indent: String) -> String {
        var out = ""
        let paragraphs = text.replacingOccurrences(of: "\r", with: "").split(separator: "\n", omittingEmptySubsequences: false)
        var emittedAny = false
        var pendingBlank = false
        for paragraph in paragraphs {
            let words = paragraph.split(whereSeparator: { $0 == " " || $0 == "\t" })
            if words.isEmpty {
                if emittedAny { pendingBlank = true }
                continue
            }
            if pendingBlank { out += indent + "///\n"; pendingBlank = false }
            var line = ""
            for word in words {
                if !line.isEmpty, line.count + word.count + 1 > 112 - indent.count {
                    out += indent + "/// " + line + "\n"
                    line = ""
                }
                line += line.isEmpty ? String(word) : " " + word
            }
            if !line.isEmpty { out += indent + "/// " + line + "\n" }
            emittedAny = true
        }
        return out
    }

    /// A Swift string literal for `text`.
    static func literal(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 { out += "\\u{\(String(scalar.value, radix: 16))}" } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }
}
