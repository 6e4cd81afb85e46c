/// CloudFormation's intrinsic functions and condition functions, as typed values.
///
/// The model keeps them in long form; `TemplateWriter` picks the short YAML form (`!Sub`, `!GetAtt A.B`) where it
/// is safe. Logical IDs are plain strings here because a template read from disk may name anything;
/// `TemplateValidator` checks every name against the template.
public indirect enum Intrinsic: Sendable, Hashable {
    /// `Ref`: a resource, a parameter or a pseudo parameter such as `AWS::Region`.
    case ref(String)
    /// `Fn::GetAtt`: a resource's attribute. The attribute is a string, or an intrinsic (long form only).
    case getAtt(String, TemplateValue)
    /// `Fn::Sub`: a string with `${Name}` placeholders, and values for the placeholders that are not references.
    case sub(String, TemplateMap)
    case join(String, TemplateValue)
    case select(TemplateValue, TemplateValue)
    case split(String, TemplateValue)
    case `if`(String, TemplateValue, TemplateValue)
    case equals(TemplateValue, TemplateValue)
    case and([TemplateValue])
    case or([TemplateValue])
    case not(TemplateValue)
    /// `Condition`: a condition's value, inside `Fn::And`, `Fn::Or`, `Fn::Not` and `Conditions`.
    case condition(String)
    case findInMap(TemplateValue, TemplateValue, TemplateValue)
    case importValue(TemplateValue)
    case getAZs(TemplateValue)
    case cidr(TemplateValue, TemplateValue, TemplateValue)
    case base64(TemplateValue)
    /// `Fn::Transform`: a macro with its parameters.
    case transform(String, TemplateMap)
    /// A function this model does not type (`Fn::Length`, `Fn::ToJsonString`, ...), kept as read.
    case other(String, TemplateValue)
}

extension Intrinsic {
    /// Every function name the reader recognises, in long form.
    public static let knownNames: [String] = [
        "Ref", "Fn::GetAtt", "Fn::Sub", "Fn::Join", "Fn::Select", "Fn::Split", "Fn::If", "Fn::Equals", "Fn::And",
        "Fn::Or", "Fn::Not", "Condition", "Fn::FindInMap", "Fn::ImportValue", "Fn::GetAZs", "Fn::Cidr", "Fn::Base64",
        "Fn::Transform",
    ]

    /// The long-form name: `Ref`, `Condition` or `Fn::...`.
    public var name: String {
        switch self {
        case .ref: "Ref"
        case .getAtt: "Fn::GetAtt"
        case .sub: "Fn::Sub"
        case .join: "Fn::Join"
        case .select: "Fn::Select"
        case .split: "Fn::Split"
        case .if: "Fn::If"
        case .equals: "Fn::Equals"
        case .and: "Fn::And"
        case .or: "Fn::Or"
        case .not: "Fn::Not"
        case .condition: "Condition"
        case .findInMap: "Fn::FindInMap"
        case .importValue: "Fn::ImportValue"
        case .getAZs: "Fn::GetAZs"
        case .cidr: "Fn::Cidr"
        case .base64: "Fn::Base64"
        case .transform: "Fn::Transform"
        case .other(let name, _): name
        }
    }

    /// The short-form YAML tag: `!Ref`, `!GetAtt`, `!Sub`, ...
    public var shortTag: String {
        let name = name
        return "!" + (name.hasPrefix("Fn::") ? String(name.dropFirst(4)) : name)
    }

    /// The function's argument as CloudFormation's long form spells it.
    public var argument: TemplateValue {
        switch self {
        case .ref(let name): .string(name)
        case .getAtt(let resource, let attribute): .list([.string(resource), attribute])
        case .sub(let text, let variables): variables.isEmpty ? .string(text) : .list([.string(text), .map(variables)])
        case .join(let delimiter, let values): .list([.string(delimiter), values])
        case .select(let index, let values): .list([index, values])
        case .split(let delimiter, let source): .list([.string(delimiter), source])
        case .if(let condition, let whenTrue, let whenFalse): .list([.string(condition), whenTrue, whenFalse])
        case .equals(let a, let b): .list([a, b])
        case .and(let conditions), .or(let conditions): .list(conditions)
        case .not(let condition): .list([condition])
        case .condition(let name): .string(name)
        case .findInMap(let map, let topKey, let secondKey): .list([map, topKey, secondKey])
        case .importValue(let value), .getAZs(let value), .base64(let value): value
        case .cidr(let block, let count, let bits): .list([block, count, bits])
        case .transform(let name, let parameters): .map(["Name": .string(name), "Parameters": .map(parameters)])
        case .other(_, let value): value
        }
    }

    /// The logical IDs and parameter names this function refers to directly (not through its arguments), and
    /// the kind of reference, for validation and dependency ordering.
    public var references: [Reference] {
        switch self {
        case .ref(let name):
            [Reference(name: name, kind: .ref)]
        case .getAtt(let resource, _):
            [Reference(name: resource, kind: .getAtt)]
        case .sub(let text, let variables):
            SubString.placeholders(in: text).compactMap { placeholder in
                guard variables[placeholder] == nil else { return nil }
                let parts = placeholder.split(separator: ".", maxSplits: 1)
                guard let first = parts.first else { return nil }
                return Reference(name: String(first), kind: parts.count == 2 ? .getAtt : .ref)
            }
        case .if(let condition, _, _), .condition(let condition):
            [Reference(name: condition, kind: .condition)]
        case .findInMap(.string(let map), _, _):
            [Reference(name: map, kind: .mapping)]
        default:
            []
        }
    }

    /// A name an intrinsic refers to, and how.
    public struct Reference: Sendable, Hashable {
        public enum Kind: Sendable, Hashable { case ref, getAtt, condition, mapping }
        public var name: String
        public var kind: Kind
    }
}
