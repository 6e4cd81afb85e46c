import Foundation

/// Turns one resource schema into Swift shapes: a struct per object definition, an enum per string enum.
///
/// Names are assigned in a fixed order (properties sorted by name, definitions on first use), so the output does
/// not depend on dictionary order.
final class TypeResolver {
    let schema: ResourceSchema
    /// Types of other resources' top-level properties, for SAM properties passed through to CloudFormation.
    let external: (_ type: String, _ property: String) -> SwiftType?
    private(set) var nested: [NestedType] = []
    private var taken: Set<String>
    private var definitionTypes: [String: SwiftType] = [:]
    private var inProgress: Set<String> = []
    private var enumsByName: [String: [String]] = [:]

    /// Static members of `Value` an enum case must not shadow.
    static let valueStatics: Set<String> = [
        "ref", "getAtt", "if", "findInMap", "select", "importValue", "noValue", "join", "base64", "split", "getAZs",
        "cidr", "init",
    ]
    /// Members every `Resource` has; a property with one of these names gets the type's name as a prefix.
    static let resourceMembers: Set<String> = [
        "id", "attributes", "properties", "type", "ref", "templateResource", "resourceType", "dependsOn", "condition",
        "deletionPolicy", "updateReplacePolicy", "retained", "overriding", "schemaData",
    ]

    init(schema: ResourceSchema, serviceNames: Set<String>, external: @escaping (String, String) -> SwiftType?) {
        self.schema = schema
        self.external = external
        self.taken = ResourceSchema.reservedTypeNames.union(serviceNames).union([schema.typeShortName])
    }

    func resolveResource() -> ResolvedResource {
        let readOnlyTop = Set(schema.readOnlyPaths.filter { $0.count == 1 }.map { $0[0] })
        let properties = schema.root["properties"] as? JSONObject ?? [:]
        let required = Set(schema.root["required"] as? [String] ?? [])
        var members: Set<String> = TypeResolver.resourceMembers
        var fields: [Field] = []
        for name in properties.keys.sorted() where !readOnlyTop.contains(name) {
            guard let node = properties[name] as? JSONObject else { continue }
            var swiftName = Naming.member(name)
            if TypeResolver.resourceMembers.contains(swiftName) { swiftName = Naming.member(schema.typeShortName + name) }
            swiftName = Naming.unique(swiftName, in: members)
            members.insert(swiftName)
            let type = resolve(node, hint: name)
            var description = document(node)
            if schema.createOnlyPaths.contains([name]) {
                description += (description.isEmpty ? "" : "\n\n") + "Create-only: changing it replaces the resource."
            }
            fields.append(Field(cfnName: name, swiftName: swiftName, type: type, isRequired: required.contains(name),
                                description: description))
        }

        var attributes: [Attribute] = []
        var skipped = 0
        var attributePaths = schema.readOnlyPaths
        attributePaths += schema.extraAttributes.map { [$0] }
        for path in attributePaths {
            let node = self.node(at: path)
            guard node == nil || isScalar(node ?? [:]) else { skipped += 1; continue }
            let type = node.map { resolve($0, hint: path.joined()) } ?? .string
            var name = Naming.member(path.joined(separator: "."))
            if TypeResolver.resourceMembers.contains(name) { name = Naming.member(schema.typeShortName + path.joined()) }
            name = Naming.unique(name, in: members)
            members.insert(name)
            attributes.append(Attribute(name: name, getAttName: path.joined(separator: "."), type: type,
                                        description: node.map(Self.describe) ?? ""))
        }

        var refMember: (String, String)?
        if let fixed = schema.refMember {
            if !members.contains(fixed) { refMember = (fixed, "the \(schema.typeShortName)'s `!Ref` value") }
        } else if schema.primaryIdentifier.count == 1, let path = schema.primaryIdentifier.first, path.count == 1 {
            let identifier = path[0]
            if !attributes.contains(where: { $0.getAttName == identifier }) {
                var name = Naming.member(identifier)
                if members.contains(name), identifier.hasPrefix(schema.typeShortName), identifier.count > schema.typeShortName.count {
                    name = Naming.member(String(identifier.dropFirst(schema.typeShortName.count)))
                }
                if members.contains(name) { name = Naming.member(identifier) + "Ref" }
                if !members.contains(name) { refMember = (name, "`\(identifier)`, the primary identifier") }
            }
        }
        return ResolvedResource(schema: schema, fields: fields, attributes: attributes, refMember: refMember,
                                nested: nested, skippedAttributes: skipped)
    }

    /// The schema's description, then the constraints the schema puts on the value, as one line.
    func document(_ node: JSONObject) -> String {
        let description = Self.describe(node)
        let target = followed(node)
        var parts: [String] = []
        func number(_ key: String) -> String? {
            if let value = target[key] as? Int { return String(value) }
            if let value = target[key] as? Double { return String(value) }
            return nil
        }
        func range(_ low: String?, _ high: String?, _ unit: String) -> String? {
            switch (low, high) {
            case (let low?, let high?): "\(low) to \(high)\(unit)"
            case (let low?, nil): "at least \(low)\(unit)"
            case (nil, let high?): "at most \(high)\(unit)"
            case (nil, nil): nil
            }
        }
        if let length = range(number("minLength"), number("maxLength"), " characters") { parts.append(length) }
        if let pattern = target["pattern"] as? String, !pattern.contains("`") { parts.append("pattern `\(pattern)`") }
        if let values = range(number("minimum"), number("maximum"), "") { parts.append("value " + values) }
        if let items = range(number("minItems"), number("maxItems"), " items") { parts.append(items) }
        if let values = target["enum"] as? [Any], !(values is [String]) {
            parts.append("one of " + values.map { "\($0)" }.joined(separator: ", "))
        }
        guard !parts.isEmpty else { return description }
        let constraints = "Constraints: " + parts.joined(separator: "; ") + "."
        return description.isEmpty ? constraints : description + "\n\n" + constraints
    }

    static func describe(_ node: JSONObject) -> String {
        (node["description"] as? String) ?? (node["markdownDescription"] as? String) ?? ""
    }

    // MARK: - Nodes

    private func definitionName(_ reference: String) -> String? {
        let prefix = "#/definitions/"
        guard reference.hasPrefix(prefix) else { return nil }
        return String(reference.dropFirst(prefix.count))
    }

    private func followed(_ node: JSONObject) -> JSONObject {
        var node = node
        var hops = 0
        while let reference = node["$ref"] as? String, let name = definitionName(reference),
              let target = schema.definitions[name] as? JSONObject, hops < 20 {
            node = target
            hops += 1
        }
        return node
    }

    private func node(at path: [String]) -> JSONObject? {
        var current: JSONObject? = schema.root
        for part in path {
            guard let node = current.map(followed), let properties = node["properties"] as? JSONObject else { return nil }
            current = properties[part] as? JSONObject
        }
        return current
    }

    private func isScalar(_ node: JSONObject) -> Bool {
        let node = followed(node)
        if node["properties"] != nil { return false }
        switch node["type"] as? String {
        case "string", "integer", "number", "boolean": return true
        case "array": return (node["items"] as? JSONObject).map(isScalar) ?? false
        default: return false
        }
    }

    private static func shortDefinitionName(_ name: String) -> String {
        guard let range = name.range(of: "__", options: .backwards) else { return name }
        return String(name[range.upperBound...])
    }

    // MARK: - Resolution

    func resolve(_ node: JSONObject, hint: String) -> SwiftType {
        if let passThrough = node["__samPassThrough"] as? JSONObject {
            let path = passThrough["schemaPath"] as? [String] ?? []
            if path.count == 6, path[0] == "definitions", path[2] == "properties", path[4] == "properties" {
                return external(path[1], path[5]) ?? .json
            }
            return .json
        }
        if schema.isSAM, let target = Self.passedThrough(node), let type = external(target.type, target.property) { return type }
        if let reference = node["$ref"] as? String {
            guard let name = definitionName(reference) else { return .json }
            return resolveDefinition(name)
        }
        if let properties = node["properties"] as? JSONObject, !properties.isEmpty {
            return makeStruct(node, hint: hint)
        }
        var types: [String] = []
        if let type = node["type"] as? String { types = [type] }
        if let list = node["type"] as? [String] { types = list.filter { $0 != "null" } }
        if types.count > 1 { return .json }
        if let type = types.first {
            switch type {
            case "string":
                if let values = node["enum"] as? [String], !values.isEmpty { return makeEnum(values, node: node, hint: hint) }
                return .string
            case "integer": return .int
            case "number": return .double
            case "boolean": return .bool
            case "array":
                guard let items = node["items"] as? JSONObject else { return .list(.json) }
                return .list(resolve(items, hint: hint))
            case "object":
                if let patterns = node["patternProperties"] as? JSONObject, let key = patterns.keys.sorted().first,
                   let value = patterns[key] as? JSONObject {
                    return .map(resolve(value, hint: hint))
                }
                if let value = node["additionalProperties"] as? JSONObject { return .map(resolve(value, hint: hint)) }
                return .json
            default: return .json
            }
        }
        if let values = node["enum"] as? [String], !values.isEmpty { return makeEnum(values, node: node, hint: hint) }
        for key in ["oneOf", "anyOf", "allOf"] {
            guard let branches = node[key] as? [JSONObject] else { continue }
            let typed = branches.filter { !isFreeForm($0) }
            guard let first = typed.first, key == "allOf" ? typed.count == 1 : true else { return .json }
            let signature = self.signature(first)
            guard signature != nil, typed.allSatisfy({ self.signature($0) == signature }) else { return .json }
            return resolve(first, hint: hint)
        }
        return .json
    }

    /// A SAM property whose documentation says it is passed directly to a CloudFormation property.
    static func passedThrough(_ node: JSONObject) -> (type: String, property: String)? {
        guard let text = node["markdownDescription"] as? String,
              let match = text.firstMatch(of: /passed directly to the \[`(\w+)`\][^\n]*? property of an? `(AWS::\w+::\w+)` resource/)
        else { return nil }
        return (String(match.output.2), String(match.output.1))
    }

    private func isFreeForm(_ node: JSONObject) -> Bool {
        if node["format"] as? String == "json" { return true }
        if let types = node["type"] as? [String], types.filter({ $0 != "null" }).count > 1 { return true }
        if node["type"] as? String == "object", node["properties"] == nil, node["patternProperties"] == nil,
           !(node["additionalProperties"] is JSONObject) { return true }
        return false
    }

    /// What makes two branches resolve to the same type.
    private func signature(_ node: JSONObject) -> String? {
        if let reference = node["$ref"] as? String { return "ref " + reference }
        if node["properties"] != nil { return nil }
        if let type = node["type"] as? String {
            if type == "array", let items = node["items"] as? JSONObject { return signature(items).map { "[" + $0 + "]" } }
            if type == "string", node["enum"] != nil { return nil }
            return "type " + type
        }
        return nil
    }

    private func resolveDefinition(_ name: String) -> SwiftType {
        if let known = definitionTypes[name] { return known }
        if inProgress.contains(name) { return .json }
        guard let node = schema.definitions[name] as? JSONObject else { return .json }
        inProgress.insert(name)
        let type = resolve(node, hint: Self.shortDefinitionName(name))
        inProgress.remove(name)
        definitionTypes[name] = type
        return type
    }

    /// Enums with more values than this are generated as strings.
    static let largestEnum = 200

    /// The type name for a hint, before numbering: reserved names get a suffix (`Type` → `Kind`).
    static func typeBase(_ hint: String) -> String {
        let base = Naming.type(hint)
        guard ResourceSchema.reservedTypeNames.contains(base) else { return base }
        return base == "Type" ? "Kind" : base + "Type"
    }

    private func claim(_ hint: String) -> String {
        let name = Naming.unique(Self.typeBase(hint), in: taken)
        taken.insert(name)
        return name
    }

    private func makeStruct(_ node: JSONObject, hint: String) -> SwiftType {
        let name = claim(hint)
        let qualified = "\(schema.qualifiedName).\(name)"
        let index = nested.count
        nested.append(.structure(NestedStruct(name: name, qualifiedName: qualified, description: "", fields: [])))
        let properties = node["properties"] as? JSONObject ?? [:]
        let required = Set(node["required"] as? [String] ?? [])
        var members: Set<String> = ["templateValue"]
        var fields: [Field] = []
        for key in properties.keys.sorted() {
            guard let child = properties[key] as? JSONObject else { continue }
            let swiftName = Naming.unique(Naming.member(key), in: members)
            members.insert(swiftName)
            fields.append(Field(cfnName: key, swiftName: swiftName, type: resolve(child, hint: key),
                                isRequired: required.contains(key), description: document(child)))
        }
        // An inline object identical to one already generated under the same name reuses it.
        let base = Self.typeBase(hint)
        for case .structure(let existing) in nested where existing.name != name && existing.fields == fields
            && (existing.name == base || Int(existing.name.dropFirst(base.count)) != nil) && existing.name.hasPrefix(base) {
            nested.remove(at: index)
            taken.remove(name)
            return .structure(existing.qualifiedName)
        }
        nested[index] = .structure(NestedStruct(name: name, qualifiedName: qualified, description: Self.describe(node), fields: fields))
        return .structure(qualified)
    }

    private func makeEnum(_ rawValues: [String], node: JSONObject, hint: String) -> SwiftType {
        var values: [String] = []
        for value in rawValues where !values.contains(value) { values.append(value) }
        // A huge enum (EC2 instance types: 1,212 values, repeated in four types) costs more compile time than it
        // is worth; it stays a string, and the synth-time check still rejects unknown values.
        if values.count > Self.largestEnum { return .string }
        let base = Self.typeBase(hint)
        for (name, existing) in enumsByName where existing == values && (name == base || name.hasPrefix(base)) {
            if name == base || Int(name.dropFirst(base.count)) != nil { return .enumeration("\(schema.qualifiedName).\(name)") }
        }
        let name = claim(hint)
        enumsByName[name] = values
        var caseNames: Set<String> = []
        var cases: [(String, String)] = []
        for value in values {
            var caseName = Naming.enumCase(value)
            if TypeResolver.valueStatics.contains(caseName) { caseName += "Value" }
            caseName = Naming.unique(caseName, in: caseNames)
            caseNames.insert(caseName)
            cases.append((value, caseName))
        }
        let qualified = "\(schema.qualifiedName).\(name)"
        nested.append(.enumeration(NestedEnum(name: name, qualifiedName: qualified, description: Self.describe(node), cases: cases)))
        return .enumeration(qualified)
    }
}
