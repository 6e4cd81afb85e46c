/// The Swift shape a schema node becomes.
indirect enum SwiftType: Equatable {
    case string, int, double, bool
    /// A generated string enum, by qualified name.
    case enumeration(String)
    /// A generated property struct, by qualified name.
    case structure(String)
    case list(SwiftType)
    case map(SwiftType)
    /// Free-form JSON, multi-typed values and cycles.
    case json

    /// Whether `Value<...>` can hold it: scalars, enums and lists of those.
    var isValueType: Bool {
        switch self {
        case .string, .int, .double, .bool, .enumeration: true
        case .list(let element): element.isValueType
        case .structure, .map, .json: false
        }
    }

    /// The `T` of `Value<T>`.
    var bareName: String {
        switch self {
        case .string: "String"
        case .int: "Int"
        case .double: "Double"
        case .bool: "Bool"
        case .enumeration(let name), .structure(let name): name
        case .list(let element): "[\(element.bareName)]"
        case .map(let value): "[String: \(value.bareName)]"
        case .json: "TemplateValue"
        }
    }

    /// The type of a stored property.
    var declaration: String {
        if isValueType { return "Value<\(bareName)>" }
        switch self {
        case .structure(let name): return name
        case .list(let element):
            if case .structure(let name) = element { return "[\(name)]" }
            return "[TemplateValue]"
        case .map(let value):
            if value.isValueType { return "[String: Value<\(value.bareName)>]" }
            if case .structure(let name) = value { return "[String: \(name)]" }
            return "[String: TemplateValue]"
        default: return "TemplateValue"
        }
    }
}

/// A generated nested type: a property struct or a string enum.
enum NestedType {
    case structure(NestedStruct)
    case enumeration(NestedEnum)
}

struct Field: Equatable {
    var cfnName: String
    var swiftName: String
    var type: SwiftType
    var isRequired: Bool
    var description: String
}

struct NestedStruct {
    var name: String
    var qualifiedName: String
    var description: String
    var fields: [Field]
}

struct NestedEnum {
    var name: String
    var qualifiedName: String
    var description: String
    /// Raw values and case names, in schema order.
    var cases: [(value: String, name: String)]
}

struct Attribute {
    var name: String
    var getAttName: String
    var type: SwiftType
    var description: String
}

/// Everything the emitter needs for one resource type.
struct ResolvedResource {
    var schema: ResourceSchema
    var fields: [Field]
    var attributes: [Attribute]
    /// The member `!Ref` gives, and what it is.
    var refMember: (name: String, what: String)?
    var nested: [NestedType]
    var skippedAttributes: Int
}
