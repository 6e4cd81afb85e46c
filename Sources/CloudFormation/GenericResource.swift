/// The escape hatch for a resource type the typed API does not cover: a type name and raw properties.
public struct GenericResource: Resource {
    public static let resourceType: ResourceType = "AWS::CloudFormation::CustomResource"

    public let id: LogicalID
    public let genericType: ResourceType
    public var properties: TemplateMap
    public var attributes = ResourceAttributes()

    public init(_ id: LogicalID, type: ResourceType, properties: TemplateMap = [:]) {
        self.id = id
        self.genericType = type
        self.properties = properties
    }

    /// `!GetAtt id.attribute`, unchecked: the schema of this type is not known here.
    public func attribute(_ name: String) -> Value<String> { .getAtt(id, name) }
}
