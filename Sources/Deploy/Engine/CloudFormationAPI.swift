import Foundation

/// The CloudFormation and S3 calls the engine makes. `LiveCloudFormationAPI` sends them through the signed client;
/// tests replace it with a recording of answers.
public protocol CloudFormationAPI: Sendable {
    /// DescribeStacks of one stack; nil when it does not exist.
    func describeStack(_ name: String) async throws -> StackSnapshot?
    /// Every stack of the account and region that is not deleted.
    func listStacks() async throws -> [StackSnapshot]
    func createChangeSet(_ request: ChangeSetRequest) async throws
    func describeChangeSet(_ name: String, stackName: String) async throws -> ChangeSetSnapshot
    func executeChangeSet(_ name: String, stackName: String) async throws
    func deleteChangeSet(_ name: String, stackName: String) async throws
    func deleteStack(_ name: String) async throws
    /// Events newer than `eventID` (all when nil), newest first.
    func stackEvents(_ stackName: String, after eventID: String?) async throws -> [DeployEvent]
    func enableTerminationProtection(_ stackName: String) async throws
    func disableTerminationProtection(_ stackName: String) async throws
    /// PutObject of a template (or another artifact).
    func upload(bucket: String, key: String, body: [UInt8]) async throws
    /// HeadObject: whether the object exists (false on 404).
    func objectExists(bucket: String, key: String) async throws -> Bool
}

extension CloudFormationAPI {
    /// Without a way to look, every object counts as missing, so assets are uploaded each time.
    public func objectExists(bucket: String, key: String) async throws -> Bool { false }
}

/// What CreateChangeSet is asked for.
public struct ChangeSetRequest: Sendable, Hashable {
    public enum Template: Sendable, Hashable {
        case body(String)
        case url(String)
    }

    public var stackName: String
    public var changeSetName: String
    public var type: DeployStateMachine.ChangeSetType
    public var template: Template
    public var capabilities: [String]
    public var tags: [StackTagValue]
    public var notificationARNs: [String]
    public var description: String?
    /// Template parameter values, such as `AssetsBucket`.
    public var parameters: [StackParameterValue]

    public init(
        stackName: String, changeSetName: String, type: DeployStateMachine.ChangeSetType, template: Template,
        capabilities: [String], tags: [StackTagValue], notificationARNs: [String], description: String? = nil,
        parameters: [StackParameterValue] = []
    ) {
        self.parameters = parameters
        self.stackName = stackName
        self.changeSetName = changeSetName
        self.type = type
        self.template = template
        self.capabilities = capabilities
        self.tags = tags
        self.notificationARNs = notificationARNs
        self.description = description
    }
}

/// A tag on a stack.
public struct StackTagValue: Sendable, Hashable {
    public var key: String
    public var value: String

    public init(key: String, value: String) {
        self.key = key
        self.value = value
    }
}

/// A template parameter's value at deploy.
public struct StackParameterValue: Sendable, Hashable {
    public var key: String
    public var value: String

    public init(key: String, value: String) {
        self.key = key
        self.value = value
    }
}

/// Whether an AWS error says the call was throttled.
enum Throttling {
    static let codes: Set<String> = [
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException",
        "TooManyRequestsException", "RequestLimitExceeded", "SlowDown", "RequestThrottled",
    ]
}
