import Foundation

/// A deployed stack as the engine sees it: what DescribeStacks says, reduced to what deciding needs.
public struct StackSnapshot: Sendable, Hashable {
    public var name: String
    public var status: String
    public var statusReason: String?
    public var lastUpdated: Date?
    public var outputs: [StackOutputValue]
    public var terminationProtection: Bool
    /// What drift detection last found (`DRIFTED`, `IN_SYNC`, `NOT_CHECKED`, `UNKNOWN`), when CloudFormation
    /// reports it, and when it ran.
    public var driftStatus: String?
    public var driftChecked: Date?

    public init(
        name: String, status: String, statusReason: String? = nil, lastUpdated: Date? = nil,
        outputs: [StackOutputValue] = [], terminationProtection: Bool = false,
        driftStatus: String? = nil, driftChecked: Date? = nil
    ) {
        self.name = name
        self.status = status
        self.statusReason = statusReason
        self.lastUpdated = lastUpdated
        self.outputs = outputs
        self.terminationProtection = terminationProtection
        self.driftStatus = driftStatus
        self.driftChecked = driftChecked
    }
}

/// One output of a deployed stack.
public struct StackOutputValue: Sendable, Hashable {
    public var key: String
    public var value: String
    public var exportName: String?

    public init(key: String, value: String, exportName: String? = nil) {
        self.key = key
        self.value = value
        self.exportName = exportName
    }
}

/// One entry of a stack's event log.
public struct DeployEvent: Sendable, Hashable {
    public var id: String
    public var timestamp: Date
    public var logicalID: String
    public var resourceType: String
    public var status: String
    public var reason: String?

    public init(id: String, timestamp: Date, logicalID: String, resourceType: String, status: String, reason: String? = nil) {
        self.id = id
        self.timestamp = timestamp
        self.logicalID = logicalID
        self.resourceType = resourceType
        self.status = status
        self.reason = reason
    }

    /// True for the stack's own events (not one of its resources').
    public var isStackEvent: Bool { resourceType == "AWS::CloudFormation::Stack" }
}

/// A change set as the engine sees it.
public struct ChangeSetSnapshot: Sendable, Hashable {
    public var id: String
    public var name: String
    /// `CREATE_PENDING`, `CREATE_IN_PROGRESS`, `CREATE_COMPLETE`, `FAILED`, ….
    public var status: String
    public var statusReason: String?
    /// `AVAILABLE`, `UNAVAILABLE`, `EXECUTE_IN_PROGRESS`, ….
    public var executionStatus: String
    public var changes: [ResourceChangeSummary]

    public init(id: String, name: String, status: String, statusReason: String? = nil, executionStatus: String, changes: [ResourceChangeSummary] = []) {
        self.id = id
        self.name = name
        self.status = status
        self.statusReason = statusReason
        self.executionStatus = executionStatus
        self.changes = changes
    }

    /// CloudFormation's ways of saying a change set holds nothing to do.
    public var isEmpty: Bool {
        guard status == "FAILED", let reason = statusReason else { return false }
        return reason.contains("didn't contain changes") || reason.contains("No updates are to be performed")
    }
}

/// What a change set does to one resource.
public struct ResourceChangeSummary: Sendable, Hashable {
    public enum Action: String, Sendable, Hashable {
        case add = "Add", modify = "Modify", remove = "Remove", `import` = "Import", dynamic = "Dynamic"
    }

    public enum Replacement: String, Sendable, Hashable {
        case never = "False", always = "True", conditional = "Conditional"
    }

    public var action: Action
    public var logicalID: String
    public var resourceType: String
    public var replacement: Replacement?
    /// The properties that change, sorted, each once.
    public var properties: [String]

    public init(action: Action, logicalID: String, resourceType: String, replacement: Replacement? = nil, properties: [String] = []) {
        self.action = action
        self.logicalID = logicalID
        self.resourceType = resourceType
        self.replacement = replacement
        self.properties = properties
    }
}

/// The status names the engine tests, as AWS spells them.
enum Status {
    static let finalStackStatuses: Set<String> = [
        "CREATE_COMPLETE", "CREATE_FAILED", "ROLLBACK_COMPLETE", "ROLLBACK_FAILED", "UPDATE_COMPLETE", "UPDATE_FAILED",
        "UPDATE_ROLLBACK_COMPLETE", "UPDATE_ROLLBACK_FAILED", "DELETE_COMPLETE", "DELETE_FAILED",
        "IMPORT_COMPLETE", "IMPORT_ROLLBACK_COMPLETE", "IMPORT_ROLLBACK_FAILED",
    ]
    static let successStatuses: Set<String> = ["CREATE_COMPLETE", "UPDATE_COMPLETE", "DELETE_COMPLETE", "IMPORT_COMPLETE"]

    static func isFinal(_ status: String) -> Bool { finalStackStatuses.contains(status) }
    static func isSuccess(_ status: String) -> Bool { successStatuses.contains(status) }
    static func isInProgress(_ status: String) -> Bool { status.hasSuffix("_IN_PROGRESS") }
}
