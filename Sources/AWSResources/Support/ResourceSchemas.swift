import CloudFormation

/// Synth-time checks and per-type data generated from the CloudFormation registry schemas.
///
/// Constraint data exists for every type in `generatedTypes`; other types pass validation unchecked.
public enum ResourceSchemas {
    /// Checks a rendered resource's properties against its type's schema: enum values, patterns, string lengths,
    /// numeric bounds, array sizes, required and unknown properties. Intrinsic values are skipped (their values
    /// are not known at synth).
    public static func validate(_ resource: TemplateResource) -> [SchemaIssue] {
        guard let root = SchemaNode.root(of: resource.type) else { return [] }
        var validator = SchemaValidator(resource: resource, root: root)
        validator.checkResource()
        return validator.issues
    }

    /// The properties (dotted paths under `Properties`) whose change replaces the resource, in schema order;
    /// empty for a type without generated code.
    public static func createOnlyProperties(of type: ResourceType) -> [String] {
        SchemaNode.root(of: type)?.createOnly ?? []
    }

    /// Whether the type holds data that a replacement or deletion loses (from cfn-lint's StatefulResources.json).
    public static func isStateful(_ type: ResourceType) -> Bool {
        statefulTypes.contains(type.rawValue)
    }
}
