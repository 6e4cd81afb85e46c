import CloudFormation

/// A property value CloudFormation would reject, found at synth from the resource type's schema.
public struct SchemaIssue: Sendable, Hashable, CustomStringConvertible {
    public var resource: LogicalID
    public var type: ResourceType
    /// The property path under `Properties`, such as `KeySchema[0].KeyType`; empty for the resource itself.
    public var path: String
    /// One sentence naming the resource, the property path and what CloudFormation accepts.
    public var message: String

    public var description: String { message }
}
