/// A template mapping: a two-level table read with `!FindInMap`.
public struct Mapping: Sendable, Hashable, TemplateComponent {
    public let id: LogicalID
    public let values: TemplateMap

    /// `values` maps each top-level key to a map of second-level keys and values; it keeps its literal order.
    public init(_ id: LogicalID, _ values: TemplateMap) {
        self.id = id
        self.values = values
    }

    public var templateElements: [TemplateElement] { [.mapping(id, .map(values))] }
}
