/// The placeholder syntax of `Fn::Sub` strings.
enum SubString {
    /// The names inside `${...}` in a `Fn::Sub` string, in order; `${!Literal}` is an escape, not a placeholder.
    static func placeholders(in text: String) -> [String] {
        var names: [String] = []
        var rest = text[...]
        while let open = rest.firstRange(of: "${") {
            let afterOpen = rest[open.upperBound...]
            guard let close = afterOpen.firstIndex(of: "}") else { break }
            let name = afterOpen[..<close]
            if !name.hasPrefix("!") {
                names.append(String(name).trimmingSpaces())
            }
            rest = afterOpen[afterOpen.index(after: close)...]
        }
        return names
    }

    /// `text` with every `${` escaped as `${!`, so `Fn::Sub` leaves it as written.
    static func escaped(_ text: String) -> String {
        text.replacing("${", with: "${!")
    }
}

extension String {
    func trimmingSpaces() -> String {
        var slice = self[...]
        while slice.first == " " { slice = slice.dropFirst() }
        while slice.last == " " { slice = slice.dropLast() }
        return String(slice)
    }
}
