/// A template value whose type is known: a literal, or an intrinsic that yields a `T`.
///
/// `Value<String>` accepts a string literal, and string interpolation of other values builds `!Sub`:
/// `"arn:\(AWS.partition):s3:::\(bucket.name)/*"`. References come from typed resources and parameters
/// (`table.arn`, `bucketName.value`), never from hand-typed names.
public struct Value<T>: Sendable, Hashable, TemplateValueConvertible {
    public let templateValue: TemplateValue

    /// Wraps a template value without checking that it yields a `T`. Generated code and the reader use this;
    /// a stack should not need it.
    public init(unchecked templateValue: TemplateValue) {
        self.templateValue = templateValue
    }

    /// A literal value.
    public init(_ value: T) where T: TemplateValueConvertible {
        self.templateValue = value.templateValue
    }

    /// An intrinsic that yields a `T`.
    public init(_ intrinsic: Intrinsic) {
        self.templateValue = .intrinsic(intrinsic)
    }
}

// MARK: - Intrinsics any value can be

extension Value {
    /// `!Ref` of a logical ID. Typed resources and parameters offer their own, better-named members.
    public static func ref(_ id: LogicalID) -> Value { Value(.ref(id.rawValue)) }

    /// `!GetAtt id.attribute`. Generated resources offer one member per attribute.
    public static func getAtt(_ id: LogicalID, _ attribute: String) -> Value {
        Value(.getAtt(id.rawValue, .string(attribute)))
    }

    /// `!If [condition, whenTrue, whenFalse]`.
    public static func `if`(_ condition: Condition, _ whenTrue: Value, _ whenFalse: Value) -> Value {
        Value(.if(condition.id.rawValue, whenTrue.templateValue, whenFalse.templateValue))
    }

    /// `!FindInMap [map, topKey, secondKey]`.
    public static func findInMap(_ mapping: Mapping, _ topKey: Value<String>, _ secondKey: Value<String>) -> Value {
        Value(.findInMap(.string(mapping.id.rawValue), topKey.templateValue, secondKey.templateValue))
    }

    /// `!Select [index, list]`.
    public static func select(_ index: Int, _ list: Value<[T]>) -> Value {
        Value(.select(.int(index), list.templateValue))
    }

    /// `!ImportValue name`: another stack's export.
    public static func importValue(_ exportName: Value<String>) -> Value {
        Value(.importValue(exportName.templateValue))
    }

    /// `AWS::NoValue`: the property is removed, typically one branch of `!If`.
    public static var noValue: Value { Value(.ref(PseudoParameter.noValue.rawValue)) }
}

extension Value where T == String {
    /// `!Join [delimiter, values]`.
    public static func join(_ delimiter: String, _ values: [Value<String>]) -> Value {
        Value(.join(delimiter, .list(values.map(\.templateValue))))
    }

    /// `!Join [delimiter, list]` of a list value.
    public static func join(_ delimiter: String, _ list: Value<[String]>) -> Value {
        Value(.join(delimiter, list.templateValue))
    }

    /// `!Base64 value`.
    public static func base64(_ value: Value<String>) -> Value {
        Value(.base64(value.templateValue))
    }
}

extension Value where T == [String] {
    /// `!Split [delimiter, source]`.
    public static func split(_ delimiter: String, _ source: Value<String>) -> Value {
        Value(.split(delimiter, source.templateValue))
    }

    /// `!GetAZs region`; the region defaults to the stack's.
    public static func getAZs(_ region: Value<String> = "") -> Value {
        Value(.getAZs(region.templateValue))
    }

    /// `!Cidr [ipBlock, count, cidrBits]`.
    public static func cidr(_ ipBlock: Value<String>, count: Value<Int>, cidrBits: Value<Int>) -> Value {
        Value(.cidr(ipBlock.templateValue, count.templateValue, cidrBits.templateValue))
    }
}

// MARK: - Literals

extension Value: ExpressibleByUnicodeScalarLiteral, ExpressibleByExtendedGraphemeClusterLiteral,
    ExpressibleByStringLiteral where T == String
{
    public init(stringLiteral value: String) { self.init(unchecked: .string(value)) }
}

/// Types whose values an integer literal can spell: `Int` and `Double`.
public protocol IntegerLiteralTemplateValue {}
extension Int: IntegerLiteralTemplateValue {}
extension Double: IntegerLiteralTemplateValue {}

extension Value: ExpressibleByIntegerLiteral where T: IntegerLiteralTemplateValue {
    public init(integerLiteral value: Int) { self.init(unchecked: .int(value)) }
}

extension Value: ExpressibleByFloatLiteral where T == Double {
    public init(floatLiteral value: Double) { self.init(unchecked: .double(value)) }
}

extension Value: ExpressibleByBooleanLiteral where T == Bool {
    public init(booleanLiteral value: Bool) { self.init(unchecked: .bool(value)) }
}

/// Lists: `Value<[String]>` accepts `["a", bucket.arn]`.
public protocol TemplateList {
    associatedtype Element
}
extension Array: TemplateList {}

extension Value: ExpressibleByArrayLiteral where T: TemplateList {
    public init(arrayLiteral elements: Value<T.Element>...) {
        self.init(unchecked: .list(elements.map(\.templateValue)))
    }
}
