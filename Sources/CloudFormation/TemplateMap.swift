/// An ordered mapping from strings to template values.
///
/// Keys keep the order they were added in (a dictionary literal keeps its source order), so output never depends
/// on hashing. Setting an existing key replaces its value in place.
public struct TemplateMap: Sendable, Hashable, ExpressibleByDictionaryLiteral, Sequence {
    public typealias Element = (key: String, value: TemplateValue)

    private var keys: [String] = []
    private var values: [String: TemplateValue] = [:]

    public init() {}

    public init(dictionaryLiteral elements: (String, TemplateValue)...) {
        for (key, value) in elements { self[key] = value }
    }

    public init(_ pairs: some Swift.Sequence<(String, TemplateValue)>) {
        for (key, value) in pairs { self[key] = value }
    }

    public var count: Int { keys.count }
    public var isEmpty: Bool { keys.isEmpty }
    public var orderedKeys: [String] { keys }

    public subscript(key: String) -> TemplateValue? {
        get { values[key] }
        set {
            if let newValue {
                if values.updateValue(newValue, forKey: key) == nil { keys.append(key) }
            } else if values.removeValue(forKey: key) != nil {
                keys.removeAll { $0 == key }
            }
        }
    }

    /// Sets `key` when `value` is present; leaves the map alone otherwise. Generated resources use this.
    public mutating func set(_ key: String, _ value: (some TemplateValueConvertible)?) {
        if let value { self[key] = value.templateValue }
    }

    public func makeIterator() -> some IteratorProtocol<Element> {
        var index = 0
        let keys = keys
        let values = values
        return AnyIterator {
            guard index < keys.count else { return nil }
            defer { index += 1 }
            let key = keys[index]
            return (key, values[key] ?? .null)
        }
    }

    /// The same pairs with keys in ascending order.
    public func sortedByKey() -> TemplateMap {
        var sorted = TemplateMap()
        for key in keys.sorted() { sorted[key] = values[key] }
        return sorted
    }

    public static func == (a: TemplateMap, b: TemplateMap) -> Bool {
        a.keys == b.keys && a.values == b.values
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(keys)
        for key in keys { hasher.combine(values[key]) }
    }
}
