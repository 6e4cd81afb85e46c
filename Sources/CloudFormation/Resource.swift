/// A typed CloudFormation or SAM resource. Generated types (`DynamoDB.Table`, `Lambda.Function`, ...) and
/// hand-written constructs conform; `GenericResource` covers anything else.
public protocol Resource: Sendable {
    /// The CloudFormation type name, such as `AWS::DynamoDB::Table`.
    static var resourceType: ResourceType { get }
    /// The resource's logical ID in its template.
    var id: LogicalID { get }
    /// DependsOn, Condition, DeletionPolicy and the other resource attributes, and raw property overrides.
    var attributes: ResourceAttributes { get set }
    /// The properties as CloudFormation spells them, in a stable order.
    var properties: TemplateMap { get }
}

extension Resource {
    /// The resource type of this value (the same as `Self.resourceType` except for `GenericResource`).
    public var type: ResourceType {
        (self as? GenericResource)?.genericType ?? Self.resourceType
    }

    /// This resource as the template model holds it: properties with overrides applied, and attributes.
    public var templateResource: TemplateResource {
        TemplateResource(id: id, type: type, properties: attributes.applyingOverrides(to: properties), attributes: attributes)
    }

    /// `DependsOn`: the resources this one must wait for.
    public func dependsOn(_ resources: any Resource...) -> Self {
        var copy = self
        copy.attributes.dependsOn += resources.map(\.id)
        return copy
    }

    /// `Condition`: the resource exists only when the condition holds.
    public func condition(_ condition: Condition) -> Self {
        var copy = self
        copy.attributes.condition = condition.id
        return copy
    }

    /// `DeletionPolicy`.
    public func deletionPolicy(_ policy: DeletionPolicy) -> Self {
        var copy = self
        copy.attributes.deletionPolicy = policy
        return copy
    }

    /// `UpdateReplacePolicy`.
    public func updateReplacePolicy(_ policy: DeletionPolicy) -> Self {
        var copy = self
        copy.attributes.updateReplacePolicy = policy
        return copy
    }

    /// `DeletionPolicy` and `UpdateReplacePolicy` both set to `Retain`: the data survives the stack.
    public func retained() -> Self {
        deletionPolicy(.retain).updateReplacePolicy(.retain)
    }

    /// The escape hatch: sets a property the typed API cannot express, by its path under `Properties`
    /// (`["LoggingConfig", "LogFormat"]`). A `nil` value removes the property.
    public func overriding(_ path: [String], with value: TemplateValue?) -> Self {
        var copy = self
        copy.attributes.propertyOverrides.append(PropertyOverride(path: path, value: value))
        return copy
    }

    /// `!Ref` of this resource, untyped. Generated types offer a typed, better-named member.
    public var ref: Value<String> { .ref(id) }
}

/// What CloudFormation does with a resource's physical resource when the resource leaves the stack.
public enum DeletionPolicy: String, Sendable, Hashable, CaseIterable {
    case delete = "Delete"
    case retain = "Retain"
    case retainExceptOnCreate = "RetainExceptOnCreate"
    case snapshot = "Snapshot"
}

/// A raw change to a resource's properties, applied after the typed properties are rendered.
public struct PropertyOverride: Sendable, Hashable {
    public var path: [String]
    public var value: TemplateValue?

    public init(path: [String], value: TemplateValue?) {
        self.path = path
        self.value = value
    }
}
