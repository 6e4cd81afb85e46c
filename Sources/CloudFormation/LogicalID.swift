/// The name of a resource, parameter, condition, mapping or output inside a template.
///
/// CloudFormation accepts only ASCII letters and digits, at most 255 characters; `TemplateValidator` reports
/// anything else, so a `LogicalID` can be written freely and checked once, with every other problem.
public struct LogicalID: Sendable, Hashable, Comparable, CustomStringConvertible, ExpressibleByStringInterpolation {
    public let rawValue: String

    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }

    public var description: String { rawValue }

    public static func < (a: LogicalID, b: LogicalID) -> Bool { a.rawValue < b.rawValue }

    /// Whether CloudFormation accepts this as a logical ID: 1 to 255 ASCII letters and digits.
    public var isValid: Bool {
        !rawValue.isEmpty && rawValue.utf8.count <= 255
            && rawValue.utf8.allSatisfy { ($0 >= 48 && $0 <= 57) || ($0 >= 65 && $0 <= 90) || ($0 >= 97 && $0 <= 122) }
    }
}

/// A CloudFormation resource type name, such as `AWS::DynamoDB::Table`.
public struct ResourceType: Sendable, Hashable, Comparable, CustomStringConvertible, ExpressibleByStringLiteral {
    public let rawValue: String

    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }

    public var description: String { rawValue }

    public static func < (a: ResourceType, b: ResourceType) -> Bool { a.rawValue < b.rawValue }

    /// Whether this type comes from the SAM transform (`AWS::Serverless::*`).
    public var isServerless: Bool { rawValue.hasPrefix("AWS::Serverless::") }
}
