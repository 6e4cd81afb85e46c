/// A unified diff of two texts, line by line, for test failure messages.
public enum UnifiedDiff {
    public static func make(expected: String, actual: String, expectedName: String = "expected", actualName: String = "actual", context: Int = 3) -> String {
        let a = expected.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let b = actual.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // Longest common subsequence table, from the end.
        var lcs = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
            }
        }
        enum Line { case same(String), removed(String), added(String) }
        var lines: [Line] = []
        var i = 0
        var j = 0
        while i < a.count || j < b.count {
            if i < a.count, j < b.count, a[i] == b[j] {
                lines.append(.same(a[i])); i += 1; j += 1
            } else if j < b.count, i == a.count || lcs[i][j + 1] >= lcs[i + 1][j] {
                lines.append(.added(b[j])); j += 1
            } else {
                lines.append(.removed(a[i])); i += 1
            }
        }
        let changed = lines.indices.filter { if case .same = lines[$0] { false } else { true } }
        guard !changed.isEmpty else { return "" }
        var output = "--- \(expectedName)\n+++ \(actualName)\n"
        var shown = Set<Int>()
        for index in changed {
            for k in max(0, index - context)...min(lines.count - 1, index + context) { shown.insert(k) }
        }
        var previous = -2
        for index in shown.sorted() {
            if index != previous + 1 { output += "@@\n" }
            switch lines[index] {
            case .same(let text): output += " \(text)\n"
            case .removed(let text): output += "-\(text)\n"
            case .added(let text): output += "+\(text)\n"
            }
            previous = index
        }
        return output
    }
}
