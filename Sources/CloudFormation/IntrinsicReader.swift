import YAML

/// Reads intrinsic functions in short (`!Join [...]`) and long (`{"Fn::Join": [...]}`) form, checking their
/// arguments' shape.
enum IntrinsicReader {
    static func short(tag: String, node: Node) throws -> Intrinsic {
        guard tag.hasPrefix("!"), tag.count > 1 else {
            throw CloudFormationError.malformedTemplate("Unknown tag '\(tag)'; intrinsic functions are written '!Ref', '!Sub', ...", at: node.mark)
        }
        let short = String(tag.dropFirst())
        let name = short == "Ref" || short == "Condition" ? short : "Fn::" + short
        return try long(name: name, node: untagged(node), mark: node.mark)
    }

    static func long(name: String, node: Node, mark: Mark?) throws -> Intrinsic {
        let conditionArguments = ["Fn::And", "Fn::Or", "Fn::Not"].contains(name)
        let argument = try TemplateReader.value(node, inCondition: conditionArguments)
        func fail(_ expected: String) -> CloudFormationError {
            .malformedTemplate("\(name) takes \(expected)", at: mark ?? node.mark)
        }
        func list(_ count: Int, _ expected: String) throws -> [TemplateValue] {
            guard case .list(let items) = argument, items.count == count else { throw fail(expected) }
            return items
        }
        func text(_ value: TemplateValue, _ expected: String) throws -> String {
            guard case .string(let text) = value else { throw fail(expected) }
            return text
        }
        switch name {
        case "Ref":
            return .ref(try text(argument, "a logical ID or parameter name"))
        case "Condition":
            return .condition(try text(argument, "a condition name"))
        case "Fn::GetAtt":
            if case .string(let dotted) = argument {
                let parts = dotted.split(separator: ".", maxSplits: 1)
                guard parts.count == 2 else { throw fail("'LogicalID.Attribute' or a list of a logical ID and an attribute") }
                return .getAtt(String(parts[0]), .string(String(parts[1])))
            }
            let items = try list(2, "a list of a logical ID and an attribute name")
            return .getAtt(try text(items[0], "a logical ID as its first argument"), items[1])
        case "Fn::Sub":
            if case .string(let template) = argument { return .sub(template, [:]) }
            let items = try list(2, "a string, or a list of a string and a mapping of variables")
            guard case .map(let variables) = items[1] else { throw fail("a mapping of variables as its second argument") }
            return .sub(try text(items[0], "a string as its first argument"), variables)
        case "Fn::Join":
            let items = try list(2, "a list of a delimiter and a list of values")
            return .join(try text(items[0], "a string delimiter"), items[1])
        case "Fn::Select":
            let items = try list(2, "a list of an index and a list of values")
            return .select(items[0], items[1])
        case "Fn::Split":
            let items = try list(2, "a list of a delimiter and a string")
            return .split(try text(items[0], "a string delimiter"), items[1])
        case "Fn::If":
            let items = try list(3, "a list of a condition name, a value if true and a value if false")
            return .if(try text(items[0], "a condition name as its first argument"), items[1], items[2])
        case "Fn::Equals":
            let items = try list(2, "a list of two values")
            return .equals(items[0], items[1])
        case "Fn::And", "Fn::Or":
            guard case .list(let items) = argument, (2...10).contains(items.count) else { throw fail("a list of 2 to 10 conditions") }
            return name == "Fn::And" ? .and(items) : .or(items)
        case "Fn::Not":
            return .not(try list(1, "a list of one condition")[0])
        case "Fn::FindInMap":
            guard case .list(let items) = argument, items.count == 3 else {
                return .other(name, argument)  // the four-argument form of AWS::LanguageExtensions
            }
            return .findInMap(items[0], items[1], items[2])
        case "Fn::ImportValue":
            return .importValue(argument)
        case "Fn::GetAZs":
            return .getAZs(argument)
        case "Fn::Base64":
            return .base64(argument)
        case "Fn::Cidr":
            let items = try list(3, "a list of an IP block, a count and a number of CIDR bits")
            return .cidr(items[0], items[1], items[2])
        case "Fn::Transform":
            guard case .map(let map) = argument, case .string(let macro)? = map["Name"] else {
                throw fail("a mapping with a 'Name' and optional 'Parameters'")
            }
            var parameters = TemplateMap()
            if case .map(let given)? = map["Parameters"] { parameters = given }
            return .transform(macro, parameters)
        default:
            return .other(name, argument)
        }
    }

    private static func untagged(_ node: Node) -> Node {
        switch node {
        case .scalar(var scalar):
            scalar.tag = nil
            // A tagged plain scalar is a string argument (`!Ref 123abc`), never a number or a boolean.
            scalar.kind = .string
            return .scalar(scalar)
        case .sequence(var sequence):
            sequence.tag = nil
            return .sequence(sequence)
        case .mapping(var mapping):
            mapping.tag = nil
            return .mapping(mapping)
        }
    }
}
