import YAML

/// What the engine reads from a synthesized template: the capabilities it needs and the exports it makes and
/// imports (for the order of `--all`).
public struct TemplateFacts: Sendable, Hashable {
    /// `CAPABILITY_IAM`, `CAPABILITY_NAMED_IAM`, `CAPABILITY_AUTO_EXPAND`, sorted.
    public var capabilities: [String]
    /// Export names, with `${AWS::StackName}` and `${AWS::Region}` filled in.
    public var exports: Set<String>
    /// Names passed to `Fn::ImportValue`, filled in the same way; ones that cannot be known are left out.
    public var imports: Set<String>
    /// Logical IDs and types of the resources, for calling out stateful replacements.
    public var resourceTypes: [String: String]

    /// The IAM types whose name properties make a change need CAPABILITY_NAMED_IAM.
    static let namedIAM: [String: String] = [
        "AWS::IAM::Role": "RoleName", "AWS::IAM::User": "UserName", "AWS::IAM::Group": "GroupName",
        "AWS::IAM::ManagedPolicy": "ManagedPolicyName", "AWS::IAM::InstanceProfile": "InstanceProfileName",
    ]

    public init(templateText: String, stackName: String, region: String) throws {
        let root: Node
        do {
            root = try readYAML(templateText)
        } catch {
            throw DeployError("The template of '\(stackName)' cannot be read back (\(error)); run `stacks validate` and report the failure.")
        }
        var capabilities = Set<String>()
        var exports = Set<String>()
        var imports = Set<String>()
        var types: [String: String] = [:]
        guard case .mapping(let top) = root else {
            self.init(capabilities: [], exports: [], imports: [], resourceTypes: [:])
            return
        }
        if top["Transform"] != nil { capabilities.insert("CAPABILITY_AUTO_EXPAND") }
        let fill = { (text: String) -> String in
            text.replacingOccurrences(of: "${AWS::StackName}", with: stackName)
                .replacingOccurrences(of: "${AWS::Region}", with: region)
        }
        if case .mapping(let resources)? = top["Resources"] {
            for pair in resources.pairs {
                guard case .mapping(let resource) = pair.value, case .scalar(let type)? = resource["Type"] else { continue }
                types[pair.key] = type.text
                if type.text.hasPrefix("AWS::IAM::") { capabilities.insert("CAPABILITY_IAM") }
                if type.text.hasPrefix("AWS::Serverless::") || type.text == "AWS::CloudFormation::Macro" {
                    capabilities.insert("CAPABILITY_AUTO_EXPAND")
                }
                if let nameProperty = Self.namedIAM[type.text], case .mapping(let properties)? = resource["Properties"],
                    properties[nameProperty] != nil
                {
                    capabilities.insert("CAPABILITY_NAMED_IAM")
                }
                Self.collectImports(pair.value, into: &imports, fill: fill)
            }
        }
        if case .mapping(let outputs)? = top["Outputs"] {
            for pair in outputs.pairs {
                guard case .mapping(let output) = pair.value, case .mapping(let export)? = output["Export"],
                    let name = export["Name"], let text = Self.literal(name, fill: fill)
                else { continue }
                exports.insert(text)
                Self.collectImports(pair.value, into: &imports, fill: fill)
            }
        }
        if capabilities.contains("CAPABILITY_NAMED_IAM") { capabilities.remove("CAPABILITY_IAM") }
        self.init(capabilities: capabilities.sorted(), exports: exports, imports: imports, resourceTypes: types)
    }

    public init(capabilities: [String], exports: Set<String>, imports: Set<String>, resourceTypes: [String: String]) {
        self.capabilities = capabilities
        self.exports = exports
        self.imports = imports
        self.resourceTypes = resourceTypes
    }

    /// A string value, or a `!Sub` of one whose only variables are the stack name and region.
    static func literal(_ node: Node, fill: (String) -> String) -> String? {
        switch node {
        case .scalar(let scalar) where scalar.tag == nil: return scalar.text
        case .scalar(let scalar) where scalar.tag?.name == "!Sub":
            let text = fill(scalar.text)
            return text.contains("${") ? nil : text
        case .mapping(let mapping) where mapping.pairs.count == 1:
            if let sub = mapping["Fn::Sub"], case .scalar(let scalar) = sub {
                let text = fill(scalar.text)
                return text.contains("${") ? nil : text
            }
            return nil
        default: return nil
        }
    }

    static func collectImports(_ node: Node, into imports: inout Set<String>, fill: (String) -> String) {
        switch node {
        case .scalar(let scalar):
            if scalar.tag?.name == "!ImportValue" { imports.insert(scalar.text) }
        case .sequence(let sequence):
            if sequence.tag?.name == "!ImportValue" { return }
            for item in sequence.items { collectImports(item, into: &imports, fill: fill) }
        case .mapping(let mapping):
            if mapping.tag?.name == "!ImportValue" {
                if let text = literal(.mapping(Node.Mapping(mapping.pairs)), fill: fill) { imports.insert(text) }
                return
            }
            if mapping.pairs.count == 1, let value = mapping["Fn::ImportValue"] {
                if let text = literal(value, fill: fill) { imports.insert(text) }
                return
            }
            for pair in mapping.pairs { collectImports(pair.value, into: &imports, fill: fill) }
        }
    }
}
