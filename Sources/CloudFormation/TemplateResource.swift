/// A resource as a template holds it: a type, properties and attributes, untyped.
///
/// Typed resources turn into this (`Resource.templateResource`); the reader produces it from any template.
public struct TemplateResource: Sendable, Hashable {
    public var id: LogicalID
    public var type: ResourceType
    public var properties: TemplateMap
    public var attributes: ResourceAttributes

    public init(id: LogicalID, type: ResourceType, properties: TemplateMap = [:], attributes: ResourceAttributes = ResourceAttributes()) {
        self.id = id
        self.type = type
        self.properties = properties
        var attributes = attributes
        attributes.propertyOverrides = []
        self.attributes = attributes
    }
}
