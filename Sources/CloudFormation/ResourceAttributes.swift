/// The resource attributes CloudFormation defines next to `Properties`, and the escape-hatch overrides.
public struct ResourceAttributes: Sendable, Hashable {
    public var dependsOn: [LogicalID] = []
    public var condition: LogicalID?
    public var deletionPolicy: DeletionPolicy?
    public var updateReplacePolicy: DeletionPolicy?
    public var creationPolicy: TemplateValue?
    public var updatePolicy: TemplateValue?
    public var metadata: TemplateMap?
    public var propertyOverrides: [PropertyOverride] = []

    public init() {}

    /// `properties` with every override applied in order.
    func applyingOverrides(to properties: TemplateMap) -> TemplateMap {
        var result = properties
        for override in propertyOverrides {
            result = Self.setting(override.path[...], to: override.value, in: result)
        }
        return result
    }

    private static func setting(_ path: ArraySlice<String>, to value: TemplateValue?, in map: TemplateMap) -> TemplateMap {
        guard let key = path.first else { return map }
        var map = map
        if path.count == 1 {
            map[key] = value
        } else {
            var inner = TemplateMap()
            if case .map(let existing)? = map[key] { inner = existing }
            map[key] = .map(setting(path.dropFirst(), to: value, in: inner))
        }
        return map
    }
}
