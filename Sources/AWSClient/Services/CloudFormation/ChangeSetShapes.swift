import Foundation

/// A change set as DescribeChangeSet describes it, with the changes of every page.
public struct ChangeSet: Sendable, Hashable {
    public var id: String
    public var name: String
    public var stackID: String
    public var stackName: String
    public var description: String?
    /// `CREATE_PENDING`, `CREATE_IN_PROGRESS`, `CREATE_COMPLETE`, `DELETE_…`, `FAILED`.
    public var status: String
    public var statusReason: String?
    /// `UNAVAILABLE`, `AVAILABLE`, `EXECUTE_IN_PROGRESS`, `EXECUTE_COMPLETE`, `EXECUTE_FAILED`, `OBSOLETE`.
    public var executionStatus: String
    public var creationTime: Date?
    public var parameters: [Parameter]
    public var capabilities: [String]
    public var tags: [Tag]
    public var changes: [ResourceChange]

    init(xml: XMLTree) {
        id = xml.string("ChangeSetId") ?? ""
        name = xml.string("ChangeSetName") ?? ""
        stackID = xml.string("StackId") ?? ""
        stackName = xml.string("StackName") ?? ""
        description = xml.string("Description")
        status = xml.string("Status") ?? ""
        statusReason = xml.string("StatusReason")
        executionStatus = xml.string("ExecutionStatus") ?? ""
        creationTime = xml.date("CreationTime")
        parameters = xml.members("Parameters").map(Parameter.init(xml:))
        capabilities = xml.strings("Capabilities")
        tags = xml.members("Tags").map(Tag.init(xml:))
        changes = xml.members("Changes").compactMap { $0.child("ResourceChange").map(ResourceChange.init(xml:)) }
    }
}

/// What a change set does to one resource.
public struct ResourceChange: Sendable, Hashable {
    /// `Add`, `Modify`, `Remove`, `Import`, `Dynamic`.
    public var action: String
    public var logicalResourceID: String
    public var physicalResourceID: String?
    public var resourceType: String
    /// Whether the resource is replaced; only for `Modify`.
    public var replacement: Replacement?
    /// `Properties`, `Metadata`, `CreationPolicy`, `UpdatePolicy`, `DeletionPolicy`, `UpdateReplacePolicy`, `Tags`.
    public var scope: [String]
    public var details: [ResourceChangeDetail]

    init(xml: XMLTree) {
        action = xml.string("Action") ?? ""
        logicalResourceID = xml.string("LogicalResourceId") ?? ""
        physicalResourceID = xml.string("PhysicalResourceId")
        resourceType = xml.string("ResourceType") ?? ""
        replacement = xml.string("Replacement").map(Replacement.init(rawValue:))
        scope = xml.strings("Scope")
        details = xml.members("Details").map(ResourceChangeDetail.init(xml:))
    }
}

/// Whether a modification replaces the resource.
public enum Replacement: Sendable, Hashable {
    case yes, no, conditional
    case unknown(String)

    public init(rawValue: String) {
        switch rawValue {
        case "True": self = .yes
        case "False": self = .no
        case "Conditional": self = .conditional
        default: self = .unknown(rawValue)
        }
    }
}

/// One property (or attribute) change behind a resource change, and what caused it.
public struct ResourceChangeDetail: Sendable, Hashable {
    /// `Properties`, `Metadata`, `Tags`, ….
    public var attribute: String
    /// The property's name, for property changes.
    public var name: String?
    /// `Never`, `Conditionally`, `Always`.
    public var requiresRecreation: String?
    /// The property path (with IncludePropertyValues).
    public var path: String?
    public var beforeValue: String?
    public var afterValue: String?
    /// `Add`, `Remove`, `Modify`, `SyncWithActual`.
    public var attributeChangeType: String?
    /// `Static` or `Dynamic`.
    public var evaluation: String?
    /// `ResourceReference`, `ParameterReference`, `ResourceAttribute`, `DirectModification`, `Automatic`.
    public var changeSource: String?
    public var causingEntity: String?

    init(xml: XMLTree) {
        let target = xml.child("Target")
        attribute = target?.string("Attribute") ?? ""
        name = target?.string("Name")
        requiresRecreation = target?.string("RequiresRecreation")
        path = target?.string("Path")
        beforeValue = target?.string("BeforeValue")
        afterValue = target?.string("AfterValue")
        attributeChangeType = target?.string("AttributeChangeType")
        evaluation = xml.string("Evaluation")
        changeSource = xml.string("ChangeSource")
        causingEntity = xml.string("CausingEntity")
    }
}

/// A parameter the template declares, as GetTemplateSummary and ValidateTemplate report it.
public struct TemplateParameter: Sendable, Hashable {
    public var key: String
    public var type: String?
    public var defaultValue: String?
    public var noEcho: Bool
    public var description: String?

    init(xml: XMLTree) {
        key = xml.string("ParameterKey") ?? ""
        type = xml.string("ParameterType")
        defaultValue = xml.string("DefaultValue")
        noEcho = xml.bool("NoEcho") ?? false
        description = xml.string("Description")
    }
}

/// What GetTemplateSummary and ValidateTemplate say about a template.
public struct TemplateSummary: Sendable, Hashable {
    public var description: String?
    public var parameters: [TemplateParameter]
    /// The capabilities the template needs (`CAPABILITY_IAM`, …) and why.
    public var capabilities: [String]
    public var capabilitiesReason: String?
    /// GetTemplateSummary only.
    public var resourceTypes: [String]
    public var version: String?
    public var declaredTransforms: [String]

    init(xml: XMLTree) {
        description = xml.string("Description")
        parameters = xml.members("Parameters").map(TemplateParameter.init(xml:))
        capabilities = xml.strings("Capabilities")
        capabilitiesReason = xml.string("CapabilitiesReason")
        resourceTypes = xml.strings("ResourceTypes")
        version = xml.string("Version")
        declaredTransforms = xml.strings("DeclaredTransforms")
    }
}

/// A stack's template as GetTemplate returns it.
public struct StackTemplate: Sendable, Hashable {
    public var body: String
    /// `Original`, and `Processed` when the template uses transforms.
    public var stagesAvailable: [String]
}
