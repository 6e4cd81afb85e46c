/// A template parameter with a typed value: `Parameter<String>`, `Parameter<Int>`, `Parameter<[String]>`.
public struct Parameter<T>: Sendable, TemplateComponent {
    public let definition: ParameterDefinition

    public var id: LogicalID { definition.id }

    /// `!Ref` of the parameter: its value at deploy time.
    public var value: Value<T> { .ref(definition.id) }

    public var templateElements: [TemplateElement] { [.parameter(definition)] }

    init(_ id: LogicalID, type: String, description: String?, default defaultValue: TemplateValue?, constraints: TemplateMap) {
        var properties: TemplateMap = ["Type": .string(type)]
        if let description { properties["Description"] = .string(description) }
        if let defaultValue { properties["Default"] = defaultValue }
        for (key, value) in constraints { properties[key] = value }
        self.definition = ParameterDefinition(id: id, properties: properties)
    }
}

extension Parameter where T == String {
    /// A `String` parameter, or one of the AWS-specific string types (`AWS::EC2::VPC::Id`, ...).
    public init(
        _ id: LogicalID,
        type: String = "String",
        description: String? = nil,
        default defaultValue: String? = nil,
        allowedValues: [String] = [],
        allowedPattern: String? = nil,
        noEcho: Bool = false
    ) {
        var constraints = TemplateMap()
        if !allowedValues.isEmpty { constraints["AllowedValues"] = allowedValues.templateValue }
        if let allowedPattern { constraints["AllowedPattern"] = .string(allowedPattern) }
        if noEcho { constraints["NoEcho"] = .bool(true) }
        self.init(id, type: type, description: description, default: defaultValue.map(TemplateValue.string), constraints: constraints)
    }
}

extension Parameter where T == Int {
    /// A `Number` parameter holding an integer.
    public init(_ id: LogicalID, description: String? = nil, default defaultValue: Int? = nil, minValue: Int? = nil, maxValue: Int? = nil) {
        var constraints = TemplateMap()
        if let minValue { constraints["MinValue"] = .int(minValue) }
        if let maxValue { constraints["MaxValue"] = .int(maxValue) }
        self.init(id, type: "Number", description: description, default: defaultValue.map(TemplateValue.int), constraints: constraints)
    }
}

extension Parameter where T == [String] {
    /// A `CommaDelimitedList` parameter, or a list type such as `List<AWS::EC2::Subnet::Id>`.
    public init(_ id: LogicalID, type: String = "CommaDelimitedList", description: String? = nil, default defaultValue: String? = nil) {
        self.init(id, type: type, description: description, default: defaultValue.map(TemplateValue.string), constraints: [:])
    }
}

/// A parameter as a template holds it.
public struct ParameterDefinition: Sendable, Hashable {
    /// The keys CloudFormation allows in a parameter, in the order they are written.
    public static let keyOrder = [
        "Type", "Description", "Default", "AllowedValues", "AllowedPattern", "ConstraintDescription", "MinLength",
        "MaxLength", "MinValue", "MaxValue", "NoEcho",
    ]

    public var id: LogicalID
    /// The parameter's keys, in `keyOrder`.
    public private(set) var properties: TemplateMap

    public init(id: LogicalID, properties: TemplateMap) {
        self.id = id
        self.properties = properties.ordered(by: Self.keyOrder)
    }

    public var type: String? {
        if case .string(let type)? = properties["Type"] { type } else { nil }
    }
}

extension TemplateMap {
    /// The same pairs, the keys named in `order` first in that order, then any others in ascending order.
    func ordered(by order: [String]) -> TemplateMap {
        var result = TemplateMap()
        for key in order { if let value = self[key] { result[key] = value } }
        for key in orderedKeys.filter({ !order.contains($0) }).sorted() { result[key] = self[key] }
        return result
    }
}
