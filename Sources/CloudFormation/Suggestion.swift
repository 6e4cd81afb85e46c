/// "Did you mean" suggestions by edit distance.
enum Suggestion {
    /// The candidate closest to `name`, when it is close enough to be a likely typo.
    static func closest(to name: String, in candidates: some Sequence<String>) -> String? {
        let lowered = Array(name.lowercased())
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(lowered, Array(candidate.lowercased()))
            if distance < (best?.distance ?? Int.max) || (distance == best?.distance && candidate < (best?.candidate ?? "")) {
                best = (candidate, distance)
            }
        }
        guard let best else { return nil }
        let threshold = max(2, name.count / 3)
        return best.distance <= threshold ? best.candidate : nil
    }

    /// " Did you mean 'X'?" or nothing.
    static func didYouMean(_ name: String, in candidates: some Sequence<String>) -> String {
        closest(to: name, in: candidates).map { " Did you mean '\($0)'?" } ?? ""
    }

    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = Array(repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}

/// Public access to suggestions for other targets (stack and environment names).
public enum NameSuggestion {
    /// " Did you mean 'X'?" when a candidate is close to `name`, or an empty string.
    public static func didYouMean(_ name: String, in candidates: some Sequence<String>) -> String {
        Suggestion.didYouMean(name, in: candidates)
    }
}
