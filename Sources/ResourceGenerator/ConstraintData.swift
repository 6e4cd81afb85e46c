import Foundation

/// The per-type constraint data `ResourceSchemas.validate` reads: a compact JSON form of the schema.
///
/// Keys: `t` type, `e` enum, `en` numeric enum, `p` pattern, `lmin`/`lmax` string length, `min`/`max` numeric bounds,
/// `imin`/`imax` array size, `r` required, `one`/`any` sets of properties of which exactly one/at least one must be present, `pr` properties, `c` closed (no other properties), `it` items,
/// `ap` values of a map, `ref` a definition in `defs`; at the top `co` create-only property paths and `st` stateful.
struct ConstraintData {
    let schema: ResourceSchema
    /// Patterns Swift's `Regex` cannot compile; they are left out and counted.
    private(set) var droppedPatterns = 0
    private var usedDefinitions: Set<String> = []

    init(schema: ResourceSchema) { self.schema = schema }

    mutating func render(stateful: Bool) -> String {
        var top = compact(schema.root)
        let readOnly = Set(schema.readOnlyPaths.filter { $0.count == 1 }.map { $0[0] })
        if var properties = top["pr"] as? JSONObject {
            for name in readOnly { properties.removeValue(forKey: name) }
            top["pr"] = properties
        }
        var definitions: JSONObject = [:]
        var pending = usedDefinitions
        while let name = pending.sorted().first {
            pending.remove(name)
            guard definitions[name] == nil, let node = schema.definitions[name] as? JSONObject else { continue }
            let before = usedDefinitions
            definitions[name] = compact(node)
            pending.formUnion(usedDefinitions.subtracting(before))
        }
        if !definitions.isEmpty { top["defs"] = definitions }
        let createOnly = schema.createOnlyPaths.map { $0.joined(separator: ".") }
        if !createOnly.isEmpty { top["co"] = createOnly }
        if stateful { top["st"] = 1 }
        return JSONWriter.write(top)
    }

    private mutating func compact(_ node: JSONObject) -> JSONObject {
        var out: JSONObject = [:]
        if let reference = node["$ref"] as? String {
            let prefix = "#/definitions/"
            if reference.hasPrefix(prefix) {
                let name = String(reference.dropFirst(prefix.count))
                usedDefinitions.insert(name)
                out["ref"] = name
            }
            return out
        }
        if node["__samPassThrough"] != nil { return out }
        var type = node["type"] as? String
        if let types = node["type"] as? [String] {
            let real = types.filter { $0 != "null" }
            if real.count == 1 { type = real[0] }
        }
        if let type { out["t"] = type }
        if type == "string" || type == nil, let values = node["enum"] as? [String] { out["e"] = values }
        if type == "integer" || type == "number", let values = node["enum"] as? [Any] {
            let numbers = values.compactMap { ($0 as? Int).map(Double.init) ?? ($0 as? Double) }
            if numbers.count == values.count, !numbers.isEmpty { out["en"] = numbers }
        }
        if let pattern = node["pattern"] as? String {
            if (try? Regex(pattern)) != nil { out["p"] = pattern } else { droppedPatterns += 1 }
        }
        for (key, short) in [("minLength", "lmin"), ("maxLength", "lmax"), ("minimum", "min"), ("maximum", "max"),
                             ("minItems", "imin"), ("maxItems", "imax")] {
            if let number = node[key] as? Int { out[short] = Double(number) } else if let number = node[key] as? Double { out[short] = number }
        }
        if let properties = node["properties"] as? JSONObject, !properties.isEmpty {
            var compacted: JSONObject = [:]
            for key in properties.keys.sorted() {
                if let child = properties[key] as? JSONObject { compacted[key] = compact(child) }
            }
            out["pr"] = compacted
            if let required = node["required"] as? [String], !required.isEmpty { out["r"] = required.sorted() }
            if node["additionalProperties"] as? Bool == false, node["patternProperties"] == nil { out["c"] = 1 }
            for (key, short) in [("oneOf", "one"), ("anyOf", "any")] {
                guard let branches = node[key] as? [JSONObject], !branches.isEmpty,
                      branches.allSatisfy({ $0.count == 1 && $0["required"] is [String] }) else { continue }
                out[short] = branches.map { ($0["required"] as? [String] ?? []).sorted() }
            }
        }
        if let items = node["items"] as? JSONObject { out["it"] = compact(items) }
        if let patterns = node["patternProperties"] as? JSONObject, let key = patterns.keys.sorted().first,
           let value = patterns[key] as? JSONObject {
            out["ap"] = compact(value)
        } else if let value = node["additionalProperties"] as? JSONObject {
            out["ap"] = compact(value)
        }
        if out.isEmpty || (out.count == 1 && out["t"] == nil && out["p"] == nil) {
            // A node made only of alternatives: keep it only when every branch is the same definition.
            for key in ["oneOf", "anyOf"] {
                guard let branches = node[key] as? [JSONObject], let first = branches.first?["$ref"] as? String else { continue }
                if branches.allSatisfy({ $0["$ref"] as? String == first }) { return compact(["$ref": first]) }
            }
            if let all = node["allOf"] as? [JSONObject], all.count == 1, let only = all.first { return compact(only) }
        }
        return out
    }
}

/// A JSON writer with sorted keys and integral numbers written without a fraction: the same bytes every run.
enum JSONWriter {
    static func write(_ value: Any) -> String {
        var out = ""
        write(value, into: &out)
        return out
    }

    private static func write(_ value: Any, into out: inout String) {
        switch value {
        case let object as JSONObject:
            out += "{"
            for (index, key) in object.keys.sorted().enumerated() {
                if index > 0 { out += "," }
                string(key, into: &out)
                out += ":"
                write(object[key] ?? NSNull(), into: &out)
            }
            out += "}"
        case let list as [Any]:
            out += "["
            for (index, item) in list.enumerated() {
                if index > 0 { out += "," }
                write(item, into: &out)
            }
            out += "]"
        case let text as String:
            string(text, into: &out)
        case let number as Double:
            if number == number.rounded(), abs(number) < 1e15 { out += String(Int(number)) } else { out += "\(number)" }
        case let number as Int:
            out += String(number)
        default:
            out += "null"
        }
    }

    private static func string(_ text: String, into out: inout String) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value > 0x7E {
                    for unit in String(scalar).utf16 {
                        let hex = String(unit, radix: 16)
                        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                    }
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}
