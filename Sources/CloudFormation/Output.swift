/// A stack output, optionally exported for other stacks' `!ImportValue`.
public struct Output: Sendable, Hashable, TemplateComponent {
    public let definition: OutputDefinition

    public init(
        _ id: LogicalID,
        _ value: some TemplateValueConvertible,
        description: String? = nil,
        exportName: Value<String>? = nil,
        condition: Condition? = nil
    ) {
        var properties = TemplateMap()
        if let description { properties["Description"] = .string(description) }
        if let condition { properties["Condition"] = .string(condition.id.rawValue) }
        properties["Value"] = value.templateValue
        if let exportName { properties["Export"] = .map(["Name": exportName.templateValue]) }
        self.definition = OutputDefinition(id: id, properties: properties)
    }

    public var templateElements: [TemplateElement] { [.output(definition)] }
}

/// An output as a template holds it.
public struct OutputDefinition: Sendable, Hashable {
    /// The keys CloudFormation allows in an output, in the order they are written.
    public static let keyOrder = ["Description", "Condition", "Value", "Export"]

    public var id: LogicalID
    /// The output's keys, in `keyOrder`.
    public private(set) var properties: TemplateMap

    public init(id: LogicalID, properties: TemplateMap) {
        self.id = id
        self.properties = properties.ordered(by: Self.keyOrder)
    }
}
