/// A template condition: a named boolean expression that resources, outputs and `!If` can depend on.
///
/// A stack definition receives its environment, so most per-environment choices are plain Swift `if`s; a
/// condition is for what is only known at deploy time (a parameter's value).
public struct Condition: Sendable, Hashable, TemplateComponent {
    public let id: LogicalID
    public let expression: Value<Bool>

    public init(_ id: LogicalID, _ expression: Value<Bool>) {
        self.id = id
        self.expression = expression
    }

    /// `!Condition id`, for use inside `and`, `or` and `not`.
    public var value: Value<Bool> { Value(.condition(id.rawValue)) }

    public var templateElements: [TemplateElement] { [.condition(id, expression.templateValue)] }
}

extension Value where T == Bool {
    /// `!Equals [a, b]`.
    public static func equals<U>(_ a: Value<U>, _ b: Value<U>) -> Value { Value(.equals(a.templateValue, b.templateValue)) }
    /// `!And [...]`: two to ten conditions.
    public static func and(_ conditions: Value<Bool>...) -> Value { Value(.and(conditions.map(\.templateValue))) }
    /// `!Or [...]`: two to ten conditions.
    public static func or(_ conditions: Value<Bool>...) -> Value { Value(.or(conditions.map(\.templateValue))) }
    /// `!Not [condition]`.
    public static func not(_ condition: Value<Bool>) -> Value { Value(.not(condition.templateValue)) }
}
