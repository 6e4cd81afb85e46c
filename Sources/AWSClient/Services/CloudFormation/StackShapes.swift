import Foundation

/// A template parameter value given to CreateStack, UpdateStack or CreateChangeSet.
public struct Parameter: Sendable, Hashable {
    public var key: String
    public var value: String?
    /// Keep the stack's current value (updates only).
    public var usePreviousValue: Bool?
    /// For SSM parameter types: the value CloudFormation resolved (DescribeStacks only).
    public var resolvedValue: String?

    public init(key: String, value: String? = nil, usePreviousValue: Bool? = nil, resolvedValue: String? = nil) {
        self.key = key
        self.value = value
        self.usePreviousValue = usePreviousValue
        self.resolvedValue = resolvedValue
    }

    init(xml: XMLTree) {
        self.init(
            key: xml.string("ParameterKey") ?? "", value: xml.string("ParameterValue"),
            usePreviousValue: xml.bool("UsePreviousValue"), resolvedValue: xml.string("ResolvedValue"))
    }
}

public struct Tag: Sendable, Hashable {
    public var key: String
    public var value: String

    public init(key: String, value: String) {
        self.key = key
        self.value = value
    }

    init(xml: XMLTree) {
        self.init(key: xml.string("Key") ?? "", value: xml.string("Value") ?? "")
    }
}

public struct Output: Sendable, Hashable {
    public var key: String
    public var value: String
    public var description: String?
    public var exportName: String?

    init(xml: XMLTree) {
        key = xml.string("OutputKey") ?? ""
        value = xml.string("OutputValue") ?? ""
        description = xml.string("Description")
        exportName = xml.string("ExportName")
    }
}

/// A stack as DescribeStacks describes it.
public struct Stack: Sendable, Hashable {
    public var stackID: String
    public var name: String
    public var status: StackStatus
    public var statusReason: String?
    public var description: String?
    public var creationTime: Date?
    public var lastUpdatedTime: Date?
    public var parameters: [Parameter]
    public var outputs: [Output]
    public var tags: [Tag]
    public var capabilities: [String]
    public var roleARN: String?
    public var changeSetID: String?
    public var terminationProtection: Bool
    public var disableRollback: Bool
    /// What CloudFormation last found on drift detection, when it reports it.
    public var drift: StackDrift?

    init(xml: XMLTree) {
        stackID = xml.string("StackId") ?? ""
        name = xml.string("StackName") ?? ""
        status = StackStatus(rawValue: xml.string("StackStatus") ?? "")
        statusReason = xml.string("StackStatusReason")
        description = xml.string("Description")
        creationTime = xml.date("CreationTime")
        lastUpdatedTime = xml.date("LastUpdatedTime")
        parameters = xml.members("Parameters").map(Parameter.init(xml:))
        outputs = xml.members("Outputs").map(Output.init(xml:))
        tags = xml.members("Tags").map(Tag.init(xml:))
        capabilities = xml.strings("Capabilities")
        roleARN = xml.string("RoleARN")
        changeSetID = xml.string("ChangeSetId")
        terminationProtection = xml.bool("EnableTerminationProtection") ?? false
        disableRollback = xml.bool("DisableRollback") ?? false
        drift = xml.child("DriftInformation").map(StackDrift.init(xml:))
    }
}

/// A stack's drift as DescribeStacks reports it: `DRIFTED`, `IN_SYNC`, `NOT_CHECKED` or `UNKNOWN`, and when drift
/// detection last ran.
public struct StackDrift: Sendable, Hashable {
    public var status: String
    public var lastChecked: Date?

    public init(status: String, lastChecked: Date? = nil) {
        self.status = status
        self.lastChecked = lastChecked
    }

    init(xml: XMLTree) {
        self.init(status: xml.string("StackDriftStatus") ?? "UNKNOWN", lastChecked: xml.date("LastCheckTimestamp"))
    }
}

/// A stack as ListStacks summarizes it.
public struct StackSummary: Sendable, Hashable {
    public var stackID: String
    public var name: String
    public var status: StackStatus
    public var statusReason: String?
    public var templateDescription: String?
    public var creationTime: Date?
    public var lastUpdatedTime: Date?
    public var deletionTime: Date?

    init(xml: XMLTree) {
        stackID = xml.string("StackId") ?? ""
        name = xml.string("StackName") ?? ""
        status = StackStatus(rawValue: xml.string("StackStatus") ?? "")
        statusReason = xml.string("StackStatusReason")
        templateDescription = xml.string("TemplateDescription")
        creationTime = xml.date("CreationTime")
        lastUpdatedTime = xml.date("LastUpdatedTime")
        deletionTime = xml.date("DeletionTime")
    }
}

/// One entry of a stack's event log.
public struct StackEvent: Sendable, Hashable {
    public var eventID: String
    public var stackID: String
    public var stackName: String
    public var timestamp: Date
    public var logicalResourceID: String
    public var physicalResourceID: String?
    public var resourceType: String
    /// `CREATE_IN_PROGRESS`, `UPDATE_FAILED`, … (resource statuses; for the stack itself, its stack status).
    public var resourceStatus: String
    public var resourceStatusReason: String?
    public var clientRequestToken: String?

    init(xml: XMLTree) {
        eventID = xml.string("EventId") ?? ""
        stackID = xml.string("StackId") ?? ""
        stackName = xml.string("StackName") ?? ""
        timestamp = xml.date("Timestamp") ?? Date(timeIntervalSince1970: 0)
        logicalResourceID = xml.string("LogicalResourceId") ?? ""
        physicalResourceID = xml.string("PhysicalResourceId")
        resourceType = xml.string("ResourceType") ?? ""
        resourceStatus = xml.string("ResourceStatus") ?? ""
        resourceStatusReason = xml.string("ResourceStatusReason")
        clientRequestToken = xml.string("ClientRequestToken")
    }
}

/// One resource of a stack, as DescribeStackResources lists it.
public struct StackResource: Sendable, Hashable {
    public var logicalResourceID: String
    public var physicalResourceID: String?
    public var resourceType: String
    public var resourceStatus: String
    public var resourceStatusReason: String?
    public var timestamp: Date?
    public var stackName: String
    public var stackID: String

    init(xml: XMLTree) {
        logicalResourceID = xml.string("LogicalResourceId") ?? ""
        physicalResourceID = xml.string("PhysicalResourceId")
        resourceType = xml.string("ResourceType") ?? ""
        resourceStatus = xml.string("ResourceStatus") ?? ""
        resourceStatusReason = xml.string("ResourceStatusReason")
        timestamp = xml.date("Timestamp")
        stackName = xml.string("StackName") ?? ""
        stackID = xml.string("StackId") ?? ""
    }
}

/// A value a stack exports (`Fn::ImportValue`-able).
public struct Export: Sendable, Hashable {
    public var name: String
    public var value: String
    public var exportingStackID: String

    init(xml: XMLTree) {
        name = xml.string("Name") ?? ""
        value = xml.string("Value") ?? ""
        exportingStackID = xml.string("ExportingStackId") ?? ""
    }
}
