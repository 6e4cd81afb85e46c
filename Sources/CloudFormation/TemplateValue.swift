/// Any value inside a template: JSON's data model plus CloudFormation's intrinsic functions.
///
/// This is also the type of free-form JSON properties (policy documents, mapping templates), so those can still
/// hold intrinsics.
public indirect enum TemplateValue: Sendable, Hashable {
    case string(String)
    case int(Int)
    case double(Double)
    case bool(Bool)
    case null
    case list([TemplateValue])
    case map(TemplateMap)
    case intrinsic(Intrinsic)
}

/// Anything that can stand in a template: literals, typed values, generated property types.
public protocol TemplateValueConvertible: Sendable {
    var templateValue: TemplateValue { get }
}

extension TemplateValue: TemplateValueConvertible {
    public var templateValue: TemplateValue { self }
}

extension String: TemplateValueConvertible {
    public var templateValue: TemplateValue { .string(self) }
}

extension Int: TemplateValueConvertible {
    public var templateValue: TemplateValue { .int(self) }
}

extension Double: TemplateValueConvertible {
    public var templateValue: TemplateValue { .double(self) }
}

extension Bool: TemplateValueConvertible {
    public var templateValue: TemplateValue { .bool(self) }
}

extension Array: TemplateValueConvertible where Element: TemplateValueConvertible {
    public var templateValue: TemplateValue { .list(map(\.templateValue)) }
}

extension TemplateMap: TemplateValueConvertible {
    public var templateValue: TemplateValue { .map(self) }
}

/// A dictionary renders with its keys sorted, so its output never depends on hashing.
extension Dictionary: TemplateValueConvertible where Key == String, Value: TemplateValueConvertible {
    public var templateValue: TemplateValue {
        .map(TemplateMap(keys.sorted().map { ($0, self[$0]?.templateValue ?? .null) }))
    }
}

extension TemplateValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(floatLiteral value: Double) { self = .double(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: TemplateValue...) { self = .list(elements) }
    public init(dictionaryLiteral elements: (String, TemplateValue)...) { self = .map(TemplateMap(elements)) }
    public init(nilLiteral: ()) { self = .null }
}

extension TemplateValue {
    /// Wraps a typed value, so `Value<String>` and friends can stand inside free-form JSON.
    public init(_ value: some TemplateValueConvertible) { self = value.templateValue }

    /// The intrinsic, when this value is one.
    public var intrinsic: Intrinsic? {
        if case .intrinsic(let intrinsic) = self { intrinsic } else { nil }
    }

    /// Every intrinsic in this value, depth first, outermost first.
    public func forEachIntrinsic(_ body: (Intrinsic) -> Void) {
        switch self {
        case .string, .int, .double, .bool, .null:
            break
        case .list(let items):
            for item in items { item.forEachIntrinsic(body) }
        case .map(let map):
            for (_, value) in map { value.forEachIntrinsic(body) }
        case .intrinsic(let intrinsic):
            body(intrinsic)
            intrinsic.argument.forEachIntrinsic(body)
        }
    }
}
