import YAML

/// Reads any CloudFormation template, YAML (short and long intrinsic forms, anchors, comments) or JSON, into
/// the model.
public enum TemplateReader {
    /// The template in `text`. Throws `YAMLError` for a syntax error and `CloudFormationError.malformedTemplate`
    /// for YAML that is not a template, both with the line and column.
    public static func read(_ text: String) throws -> Template {
        try template(from: readYAML(text))
    }

    public static func template(from root: Node) throws -> Template {
        guard case .mapping(let top) = root else {
            throw CloudFormationError.malformedTemplate("A template must be a mapping of sections", at: root.mark)
        }
        var template = Template(formatVersion: nil)
        for pair in top.pairs {
            let node = pair.value
            switch pair.key {
            case "AWSTemplateFormatVersion": template.formatVersion = try string(node, "AWSTemplateFormatVersion")
            case "Description": template.description = try string(node, "Description")
            case "Metadata": template.metadata = try map(node, "Metadata")
            case "Transform": template.transform = try value(node)
            case "Parameters":
                template.parameters = try entries(node, "Parameters").map { id, node in
                    ParameterDefinition(id: id, properties: try map(node, "Parameter '\(id)'"))
                }
            case "Rules": template.rules = try sectionMap(node, "Rules")
            case "Mappings": template.mappings = try sectionMap(node, "Mappings")
            case "Conditions": template.conditions = try sectionMap(node, "Conditions", inCondition: true)
            case "Resources": template.resources = try entries(node, "Resources").map(resource)
            case "Outputs":
                template.outputs = try entries(node, "Outputs").map { id, node in
                    OutputDefinition(id: id, properties: try map(node, "Output '\(id)'"))
                }
            default:
                throw CloudFormationError.malformedTemplate(
                    "Unknown template section '\(pair.key)'; CloudFormation accepts \(TemplateWriter.sectionOrder.quotedList())",
                    at: pair.keyMark)
            }
        }
        return template
    }

    // MARK: - Sections

    private static func entries(_ node: Node, _ section: String) throws -> [(LogicalID, Node)] {
        guard case .mapping(let mapping) = node else {
            throw CloudFormationError.malformedTemplate("Section '\(section)' must be a mapping", at: node.mark)
        }
        return mapping.pairs.map { (LogicalID($0.key), $0.value) }
    }

    private static func sectionMap(_ node: Node, _ section: String, inCondition: Bool = false) throws -> TemplateMap {
        var result = TemplateMap()
        for (id, node) in try entries(node, section) {
            result[id.rawValue] = try value(node, inCondition: inCondition)
        }
        return result
    }

    private static func resource(_ id: LogicalID, _ node: Node) throws -> TemplateResource {
        let what = "Resource '\(id)'"
        guard case .mapping(let mapping) = node else {
            throw CloudFormationError.malformedTemplate("\(what) must be a mapping with a 'Type'", at: node.mark)
        }
        guard let typeNode = mapping["Type"] else {
            throw CloudFormationError.malformedTemplate("\(what) has no 'Type'", at: node.mark)
        }
        var resource = TemplateResource(id: id, type: ResourceType(try string(typeNode, "\(what) Type")))
        for pair in mapping.pairs {
            let node = pair.value
            switch pair.key {
            case "Type": break
            case "Properties": resource.properties = try map(node, "\(what) Properties")
            case "Condition": resource.attributes.condition = LogicalID(try string(node, "\(what) Condition"))
            case "DependsOn":
                switch node {
                case .sequence(let sequence):
                    resource.attributes.dependsOn = try sequence.items.map { LogicalID(try string($0, "\(what) DependsOn")) }
                default:
                    resource.attributes.dependsOn = [LogicalID(try string(node, "\(what) DependsOn"))]
                }
            case "Metadata": resource.attributes.metadata = try map(node, "\(what) Metadata")
            case "CreationPolicy": resource.attributes.creationPolicy = try value(node)
            case "UpdatePolicy": resource.attributes.updatePolicy = try value(node)
            case "DeletionPolicy": resource.attributes.deletionPolicy = try policy(node, "\(what) DeletionPolicy")
            case "UpdateReplacePolicy": resource.attributes.updateReplacePolicy = try policy(node, "\(what) UpdateReplacePolicy")
            default:
                throw CloudFormationError.malformedTemplate(
                    "\(what) has unknown key '\(pair.key)'; a resource accepts \(TemplateWriter.resourceKeyOrder.quotedList())",
                    at: pair.keyMark)
            }
        }
        return resource
    }

    private static func policy(_ node: Node, _ what: String) throws -> DeletionPolicy {
        let text = try string(node, what)
        guard let policy = DeletionPolicy(rawValue: text) else {
            throw CloudFormationError.malformedTemplate(
                "\(what) is '\(text)', but must be one of \(DeletionPolicy.allCases.map(\.rawValue).quotedList())", at: node.mark)
        }
        return policy
    }

    private static func string(_ node: Node, _ what: String) throws -> String {
        guard case .scalar(let scalar) = node, scalar.tag == nil else {
            throw CloudFormationError.malformedTemplate("\(what) must be a plain string", at: node.mark)
        }
        return scalar.text
    }

    private static func map(_ node: Node, _ what: String) throws -> TemplateMap {
        guard case .map(let map) = try value(node) else {
            throw CloudFormationError.malformedTemplate("\(what) must be a mapping", at: node.mark)
        }
        return map
    }

    // MARK: - Values

    /// A value, with intrinsics in short (`!Ref X`) or long (`{Ref: X}`) form. `{Condition: X}` is an intrinsic
    /// only inside condition functions, where CloudFormation reads it so.
    static func value(_ node: Node, inCondition: Bool = false) throws -> TemplateValue {
        if let tag = node.tag {
            return .intrinsic(try IntrinsicReader.short(tag: tag.name, node: node))
        }
        switch node {
        case .scalar(let scalar):
            guard scalar.kind == .plain else { return .string(scalar.text) }
            switch scalar.resolved {
            case .null: return .null
            case .bool(let flag): return .bool(flag)
            case .int(let number): return .int(number)
            case .double(let number): return .double(number)
            case .string(let text): return .string(text)
            }
        case .sequence(let sequence):
            return .list(try sequence.items.map { try value($0, inCondition: inCondition) })
        case .mapping(let mapping):
            if mapping.pairs.count == 1, let pair = mapping.pairs.first,
                pair.key.hasPrefix("Fn::") || pair.key == "Ref" || (inCondition && pair.key == "Condition")
            {
                return .intrinsic(try IntrinsicReader.long(name: pair.key, node: pair.value, mark: pair.keyMark))
            }
            var map = TemplateMap()
            for pair in mapping.pairs {
                map[pair.key] = try value(pair.value, inCondition: inCondition)
            }
            return .map(map)
        }
    }
}

extension Sequence<String> {
    /// `'a', 'b' or 'c'`.
    func quotedList(conjunction: String = "or") -> String {
        let quoted = map { "'\($0)'" }
        guard quoted.count > 1, let last = quoted.last else { return quoted.first ?? "" }
        return quoted.dropLast().joined(separator: ", ") + " \(conjunction) " + last
    }
}
