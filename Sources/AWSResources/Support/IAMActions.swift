/// The IAM actions of every AWS service, from cfn-lint's Policies.json, to tell a misspelled action from a real one.
public enum IAMActions {
    /// Whether `action` (`dynamodb:GetItem`, case-insensitive, `*` and `?` wildcards allowed) names at least one
    /// real action; `nil` when the service prefix is unknown or the text has no prefix.
    public static func isKnown(_ action: String) -> Bool? {
        if action == "*" { return true }
        let parts = action.lowercased().split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, let actions = IAMActionData.actions(service: String(parts[0])) else { return nil }
        let name = parts[1]
        if !name.contains("*"), !name.contains("?") { return actions.contains(" \(name) ") }
        return actions.split(separator: " ").contains { globMatches(Array(name), Array($0)) }
    }

    /// Whether `pattern` (with `*` for any run and `?` for any one character) matches all of `text`.
    static func globMatches(_ pattern: [Character], _ text: [Character]) -> Bool {
        var p = 0, t = 0, star = -1, mark = 0
        while t < text.count {
            if p < pattern.count, pattern[p] == "?" || pattern[p] == text[t] {
                p += 1; t += 1
            } else if p < pattern.count, pattern[p] == "*" {
                star = p; mark = t; p += 1
            } else if star >= 0 {
                p = star + 1; mark += 1; t = mark
            } else {
                return false
            }
        }
        while p < pattern.count, pattern[p] == "*" { p += 1 }
        return p == pattern.count
    }
}
