/// Splits a command line into words as a POSIX shell (and Python's `shlex.split`) would, without running a
/// shell: whitespace separates words, single quotes keep everything literally, double quotes keep everything but
/// `\"` and `\\`, and a backslash outside quotes escapes the next character.
enum ShellWords {
    struct SplitError: Error, Equatable {
        var reason: String
    }

    static func split(_ command: String) throws(SplitError) -> [String] {
        var words: [String] = []
        var current = ""
        var inWord = false
        var iterator = command.makeIterator()
        while let character = iterator.next() {
            switch character {
            case "'":
                inWord = true
                var closed = false
                while let next = iterator.next() {
                    if next == "'" { closed = true; break }
                    current.append(next)
                }
                guard closed else { throw SplitError(reason: "a single quote is not closed") }
            case "\"":
                inWord = true
                var closed = false
                while let next = iterator.next() {
                    if next == "\"" { closed = true; break }
                    if next == "\\" {
                        guard let escaped = iterator.next() else { break }
                        if escaped != "\"" && escaped != "\\" { current.append("\\") }
                        current.append(escaped)
                    } else {
                        current.append(next)
                    }
                }
                guard closed else { throw SplitError(reason: "a double quote is not closed") }
            case "\\":
                inWord = true
                guard let escaped = iterator.next() else {
                    throw SplitError(reason: "it ends with a lone backslash")
                }
                current.append(escaped)
            case _ where character.isWhitespace:
                if inWord { words.append(current) }
                current = ""
                inWord = false
            default:
                inWord = true
                current.append(character)
            }
        }
        if inWord { words.append(current) }
        return words
    }
}
