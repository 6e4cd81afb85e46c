/// A CloudFormation template: every section CloudFormation defines, in the order they are written.
///
/// Parameters, conditions, resources and outputs keep the order they were declared or read in; nothing here
/// depends on hashing, the clock or the machine.
public struct Template: Sendable, Hashable {
    public static let formatVersion2010 = "2010-09-09"
    /// The SAM transform, added when a template holds `AWS::Serverless::*` resources.
    public static let serverlessTransform = "AWS::Serverless-2016-10-31"

    public var formatVersion: String?
    public var description: String?
    public var metadata: TemplateMap?
    /// One macro name, a list of names, or `AWS::Include`-style maps, as the template spells it.
    public var transform: TemplateValue?
    public var parameters: [ParameterDefinition] = []
    /// Rule name → rule, as read.
    public var rules: TemplateMap = [:]
    /// Mapping name → top-level key → second-level key → value.
    public var mappings: TemplateMap = [:]
    /// Condition name → condition expression.
    public var conditions: TemplateMap = [:]
    public var resources: [TemplateResource] = []
    public var outputs: [OutputDefinition] = []

    public init(formatVersion: String? = Template.formatVersion2010, description: String? = nil) {
        self.formatVersion = formatVersion
        self.description = description
    }

    /// A template made of the given parts, with the SAM transform added when a part needs it.
    public init(description: String? = nil, elements: [TemplateElement]) {
        self.init(description: description)
        for element in elements { add(element) }
        if transform == nil, resources.contains(where: \.type.isServerless) {
            transform = .string(Template.serverlessTransform)
        }
    }

    public mutating func add(_ element: TemplateElement) {
        switch element {
        case .resource(let resource): resources.append(resource)
        case .parameter(let parameter): parameters.append(parameter)
        case .condition(let id, let expression): conditions[id.rawValue] = expression
        case .mapping(let id, let values): mappings[id.rawValue] = values
        case .output(let output): outputs.append(output)
        }
    }

    public func resource(_ id: LogicalID) -> TemplateResource? {
        resources.first { $0.id == id }
    }
}

/// One part of a template, as a stack definition declares it.
public enum TemplateElement: Sendable, Hashable {
    case resource(TemplateResource)
    case parameter(ParameterDefinition)
    case condition(LogicalID, TemplateValue)
    case mapping(LogicalID, TemplateValue)
    case output(OutputDefinition)
}

/// Something a stack definition can list: a parameter, condition, mapping, output, or a construct that expands
/// to several resources. Resources themselves are accepted directly.
public protocol TemplateComponent: Sendable {
    var templateElements: [TemplateElement] { get }
}
