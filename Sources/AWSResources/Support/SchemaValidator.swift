import CloudFormation

/// Walks a rendered resource's properties next to its schema and collects what CloudFormation would reject.
struct SchemaValidator {
    let resource: TemplateResource
    let root: SchemaNode
    private(set) var issues: [SchemaIssue] = []

    init(resource: TemplateResource, root: SchemaNode) {
        self.resource = resource
        self.root = root
    }

    mutating func checkResource() {
        checkObject(resource.properties, node: root, path: "")
    }

    /// A node with its definition reference followed.
    private func resolved(_ node: SchemaNode) -> SchemaNode {
        var node = node
        var hops = 0
        while let reference = node.reference, let target = root.definitions?[reference], hops < 16 {
            node = target
            hops += 1
        }
        return node
    }

    private var subject: String { "Resource '\(resource.id)' (\(resource.type))" }

    private func subject(_ path: String) -> String { "\(subject) property '\(path)'" }

    private mutating func report(_ path: String, _ message: String) {
        issues.append(SchemaIssue(resource: resource.id, type: resource.type, path: path, message: message))
    }

    private mutating func check(_ value: TemplateValue, node: SchemaNode, path: String) {
        let node = resolved(node)
        switch value {
        case .intrinsic, .null, .bool:
            return
        case .string(let text):
            checkString(text, node: node, path: path)
        case .int(let number):
            checkNumber(Double(number), node: node, path: path)
        case .double(let number):
            checkNumber(number, node: node, path: path)
        case .list(let items):
            checkCount(items.count, node: node, path: path)
            if let itemNode = node.items {
                for (index, item) in items.enumerated() { check(item, node: itemNode, path: "\(path)[\(index)]") }
            }
        case .map(let map):
            checkObject(map, node: node, path: path)
        }
    }

    private mutating func checkObject(_ map: TemplateMap, node: SchemaNode, path: String) {
        let prefix = path.isEmpty ? "" : path + "."
        if let properties = node.properties {
            for name in node.required ?? [] where map[name] == nil {
                if path.isEmpty {
                    report(name, "\(subject) is missing required property '\(name)'.")
                } else {
                    report(prefix + name, "\(subject(path)) is missing required property '\(name)'.")
                }
            }
            checkAlternatives(map, node: node, path: path)
            for (key, value) in map {
                if let child = properties[key] {
                    check(value, node: child, path: prefix + key)
                } else if node.isClosed {
                    let known = properties.keys.sorted()
                    let hint = Suggestion.closest(to: key, in: known).map { "; did you mean '\($0)'?" } ?? "."
                    let owner = path.isEmpty ? subject : subject(path)
                    report(prefix + key, "\(owner) has property '\(key)', which CloudFormation does not define there\(hint)")
                }
            }
        } else if let values = node.mapValues {
            for (key, value) in map { check(value, node: values, path: prefix + key) }
        }
    }

    /// `oneOf`/`anyOf` lists of required properties: which properties are present is known at synth even when
    /// their values are intrinsics.
    private mutating func checkAlternatives(_ map: TemplateMap, node: SchemaNode, path: String) {
        let owner = path.isEmpty ? subject : subject(path)
        func satisfied(_ sets: [[String]]) -> Int { sets.filter { $0.allSatisfy { map[$0] != nil } }.count }
        if let sets = node.exactlyOneOf {
            let count = satisfied(sets)
            if count != 1 {
                let has = count == 0 ? "none" : "\(count)"
                report(path, "\(owner) needs exactly one of \(Self.alternatives(sets)), but has \(has).")
            }
        }
        if let sets = node.atLeastOneOf, satisfied(sets) == 0 {
            report(path, "\(owner) needs at least one of \(Self.alternatives(sets)), but has none.")
        }
    }

    /// `'A' or 'B'`, or `('A' and 'B') or ('A' and 'C')` for sets of several properties.
    static func alternatives(_ sets: [[String]]) -> String {
        sets.map { set in
            let names = set.map { "'\($0)'" }.joined(separator: " and ")
            return set.count > 1 ? "(\(names))" : names
        }.joined(separator: " or ")
    }

    private mutating func checkString(_ text: String, node: SchemaNode, path: String) {
        let shown = Self.isSensitive(path) ? "a hidden value" : "'\(text)'"
        if let allowed = node.enumValues, !allowed.isEmpty, !allowed.contains(text) {
            report(path, "\(subject(path)) is \(shown), but CloudFormation accepts only \(Self.list(allowed)).")
            return
        }
        let length = text.count
        if let maximum = node.maxLength, Double(length) > maximum {
            report(path, "\(subject(path)) is \(length) characters long, but CloudFormation accepts at most \(Self.number(maximum)).")
        } else if let minimum = node.minLength, Double(length) < minimum {
            report(path, "\(subject(path)) is \(length) characters long, but CloudFormation accepts at least \(Self.number(minimum)).")
        } else if let pattern = node.pattern, let regex = SchemaCache.shared.regex(pattern), text.firstMatch(of: regex) == nil {
            report(path, "\(subject(path)) is \(shown), which does not match the pattern '\(pattern)' CloudFormation requires.")
        }
        if node.type == "integer" || node.type == "number", let number = Double(text) {
            checkNumber(number, node: node, path: path)
        }
    }

    private mutating func checkNumber(_ value: Double, node: SchemaNode, path: String) {
        if let allowed = node.numericEnumValues, !allowed.isEmpty, !allowed.contains(value) {
            let list = Self.list(allowed.map(Self.number), quoted: false)
            report(path, "\(subject(path)) is \(Self.number(value)), but CloudFormation accepts only \(list).")
            return
        }
        let below = node.minimum.map { value < $0 } ?? false
        let above = node.maximum.map { value > $0 } ?? false
        guard below || above else { return }
        let accepted = switch (node.minimum, node.maximum) {
        case (let minimum?, let maximum?): "only values from \(Self.number(minimum)) to \(Self.number(maximum))"
        case (let minimum?, nil): "only values of at least \(Self.number(minimum))"
        case (nil, let maximum?): "only values of at most \(Self.number(maximum))"
        case (nil, nil): "other values"
        }
        report(path, "\(subject(path)) is \(Self.number(value)), but CloudFormation accepts \(accepted).")
    }

    private mutating func checkCount(_ count: Int, node: SchemaNode, path: String) {
        let noun = count == 1 ? "item" : "items"
        if let maximum = node.maxItems, Double(count) > maximum {
            report(path, "\(subject(path)) has \(count) \(noun), but CloudFormation accepts at most \(Self.number(maximum)).")
        } else if let minimum = node.minItems, Double(count) < minimum {
            report(path, "\(subject(path)) has \(count) \(noun), but CloudFormation accepts at least \(Self.number(minimum)).")
        }
    }

    /// Values of properties named like secrets are never quoted in a message.
    static func isSensitive(_ path: String) -> Bool {
        let lower = path.lowercased()
        return ["password", "secret", "token", "privatekey"].contains { lower.contains($0) }
    }

    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return String(value)
    }

    /// `'A'`, `'A' or 'B'`, `'A', 'B' or 'C'`; long lists are cut after ten values.
    static func list(_ values: [String], quoted: Bool = true) -> String {
        let items = values.prefix(10).map { quoted ? "'\($0)'" : $0 }
        if values.count > 10 { return "one of \(values.count) values such as \(items.joined(separator: ", "))" }
        guard let last = items.last else { return "no value" }
        if items.count == 1 { return last }
        return items.dropLast().joined(separator: ", ") + " or " + last
    }
}

/// The closest name to a misspelled one, by edit distance.
enum Suggestion {
    static func closest(to name: String, in candidates: [String]) -> String? {
        let target = Array(name.lowercased())
        var best: (String, Int)?
        for candidate in candidates {
            let distance = editDistance(target, Array(candidate.lowercased()))
            if distance <= max(2, target.count / 4), distance < (best?.1 ?? Int.max) { best = (candidate, distance) }
        }
        return best?.0
    }

    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        var previous = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var current = [i + 1]
            for (j, y) in b.enumerated() {
                current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1)))
            }
            previous = current
        }
        return previous[b.count]
    }
}
