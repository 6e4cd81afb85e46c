import YAML

/// Renders a template as YAML or JSON text, in canonical order.
///
/// Sections are written in CloudFormation's documented order (`sectionOrder`); parameters, conditions,
/// resources and outputs in the order they were declared; each resource's keys in `resourceKeyOrder`; properties
/// in the order the resource gives them (typed resources: alphabetical). YAML uses the short form of intrinsics
/// (`!Ref X`, `!GetAtt A.B`, `!Sub ...`), except for an intrinsic that is the whole argument of another
/// short-form one (`!Base64 !Sub ...` is not allowed), which stays long; JSON uses the long form throughout.
public enum TemplateWriter {
    public enum Format: String, Sendable, CaseIterable {
        case yaml
        case json

        public var fileExtension: String { rawValue }
    }

    /// The order of a template's sections.
    public static let sectionOrder = [
        "AWSTemplateFormatVersion", "Description", "Metadata", "Transform", "Parameters", "Rules", "Mappings",
        "Conditions", "Resources", "Outputs",
    ]

    /// The order of a resource's keys.
    public static let resourceKeyOrder = [
        "Type", "Condition", "DependsOn", "Properties", "Metadata", "CreationPolicy", "UpdatePolicy",
        "DeletionPolicy", "UpdateReplacePolicy",
    ]

    /// The template as text, ending in one newline.
    public static func render(_ template: Template, format: Format) throws -> String {
        let node = node(for: template, format: format)
        switch format {
        case .yaml: return try emitYAML(node)
        case .json: return try emitJSON(node)
        }
    }

    /// The template as a YAML node tree, ready for the YAML or JSON writer.
    public static func node(for template: Template, format: Format) -> Node {
        let writer = NodeWriter(shortForm: format == .yaml)
        var pairs: [Node.Mapping.Pair] = []
        func add(_ key: String, _ node: Node?) {
            if let node { pairs.append(Node.Mapping.Pair(key, node)) }
        }
        add("AWSTemplateFormatVersion", template.formatVersion.map { .string($0) })
        add("Description", template.description.map { .string($0) })
        add("Metadata", template.metadata.map { writer.node(.map($0)) })
        add("Transform", template.transform.map { writer.node($0) })
        add("Parameters", section(template.parameters.map { ($0.id.rawValue, writer.node(.map($0.properties))) }))
        add("Rules", section(template.rules.map { ($0.key, writer.node($0.value)) }))
        add("Mappings", section(template.mappings.map { ($0.key, writer.node($0.value)) }))
        add("Conditions", section(template.conditions.map { ($0.key, writer.node($0.value)) }))
        add("Resources", .mapping(Node.Mapping(template.resources.map { Node.Mapping.Pair($0.id.rawValue, writer.node(for: $0)) })))
        add("Outputs", section(template.outputs.map { ($0.id.rawValue, writer.node(.map($0.properties))) }))
        return .mapping(Node.Mapping(pairs))
    }

    private static func section(_ entries: [(String, Node)]) -> Node? {
        entries.isEmpty ? nil : .mapping(Node.Mapping(entries.map { Node.Mapping.Pair($0.0, $0.1) }))
    }
}

/// Turns template values into nodes, choosing between short and long forms of intrinsics.
struct NodeWriter {
    let shortForm: Bool

    func node(for resource: TemplateResource) -> Node {
        let attributes = resource.attributes
        var pairs: [Node.Mapping.Pair] = [Node.Mapping.Pair("Type", .string(resource.type.rawValue))]
        func add(_ key: String, _ node: Node?) {
            if let node { pairs.append(Node.Mapping.Pair(key, node)) }
        }
        add("Condition", attributes.condition.map { .string($0.rawValue) })
        switch attributes.dependsOn.count {
        case 0: break
        case 1: add("DependsOn", .string(attributes.dependsOn[0].rawValue))
        default: add("DependsOn", .sequence(Node.Sequence(attributes.dependsOn.map { .string($0.rawValue) })))
        }
        if !resource.properties.isEmpty { add("Properties", node(.map(resource.properties))) }
        add("Metadata", attributes.metadata.map { node(.map($0)) })
        add("CreationPolicy", attributes.creationPolicy.map { node($0) })
        add("UpdatePolicy", attributes.updatePolicy.map { node($0) })
        add("DeletionPolicy", attributes.deletionPolicy.map { .string($0.rawValue) })
        add("UpdateReplacePolicy", attributes.updateReplacePolicy.map { .string($0.rawValue) })
        return .mapping(Node.Mapping(pairs))
    }

    /// A value as a node. `shortAllowed` is false for the whole argument of a short-form intrinsic.
    func node(_ value: TemplateValue, shortAllowed: Bool = true) -> Node {
        switch value {
        case .string(let text):
            return .string(text)
        case .int(let number):
            return .number(number)
        case .double(let number):
            return .number(number)
        case .bool(let flag):
            return .bool(flag)
        case .null:
            return .null
        case .list(let items):
            return .sequence(Node.Sequence(items.map { node($0) }))
        case .map(let map):
            return .mapping(Node.Mapping(map.map { Node.Mapping.Pair($0.key, node($0.value)) }))
        case .intrinsic(let intrinsic):
            if shortForm && shortAllowed {
                return shortNode(intrinsic)
            }
            return .mapping(Node.Mapping([Node.Mapping.Pair(intrinsic.name, node(intrinsic.argument))]))
        }
    }

    private func shortNode(_ intrinsic: Intrinsic) -> Node {
        let tag = Tag(intrinsic.shortTag)
        switch intrinsic {
        case .ref(let name), .condition(let name):
            return .string(name, tag: tag)
        case .getAtt(let resource, .string(let attribute)):
            return .string("\(resource).\(attribute)", tag: tag)
        case .sub(let text, let variables) where variables.isEmpty:
            return .string(text, tag: tag)
        default:
            return tagged(node(intrinsic.argument, shortAllowed: false), with: tag)
        }
    }

    private func tagged(_ node: Node, with tag: Tag) -> Node {
        switch node {
        case .scalar(var scalar):
            scalar.tag = tag
            return .scalar(scalar)
        case .sequence(var sequence):
            sequence.tag = tag
            return .sequence(sequence)
        case .mapping(var mapping):
            mapping.tag = tag
            return .mapping(mapping)
        }
    }
}
