import AWSClient
import Foundation

/// The engine's calls sent through `CloudFormationClient` and `S3Client`.
public struct LiveCloudFormationAPI: CloudFormationAPI {
    public let cloudFormation: CloudFormationClient
    public let s3: S3Client

    public init(cloudFormation: CloudFormationClient, s3: S3Client) {
        self.cloudFormation = cloudFormation
        self.s3 = s3
    }

    public func describeStack(_ name: String) async throws -> StackSnapshot? {
        do {
            return try await cloudFormation.describeStacks(name).first.map(Self.snapshot)
        } catch let error as AWSClientError where Self.isMissingStack(error) {
            return nil
        }
    }

    public func listStacks() async throws -> [StackSnapshot] {
        try await cloudFormation.describeStacks().map(Self.snapshot).filter { $0.status != "DELETE_COMPLETE" }
    }

    public func createChangeSet(_ request: ChangeSetRequest) async throws {
        let template: TemplateSource = switch request.template {
        case .body(let body): .body(body)
        case .url(let url): .url(url)
        }
        let input = StackInput(
            stackName: request.stackName, template: template,
            parameters: request.parameters.map { Parameter(key: $0.key, value: $0.value) },
            capabilities: request.capabilities,
            tags: request.tags.map { Tag(key: $0.key, value: $0.value) },
            notificationARNs: request.notificationARNs.isEmpty ? nil : request.notificationARNs)
        _ = try await cloudFormation.createChangeSet(CreateChangeSetInput(
            input, changeSetName: request.changeSetName, changeSetType: request.type.rawValue,
            description: request.description))
    }

    public func describeChangeSet(_ name: String, stackName: String) async throws -> ChangeSetSnapshot {
        let changeSet = try await cloudFormation.describeChangeSet(name, stackName: stackName)
        return ChangeSetSnapshot(
            id: changeSet.id, name: changeSet.name, status: changeSet.status, statusReason: changeSet.statusReason,
            executionStatus: changeSet.executionStatus,
            changes: changeSet.changes.map(Self.summary))
    }

    public func executeChangeSet(_ name: String, stackName: String) async throws {
        try await cloudFormation.executeChangeSet(name, stackName: stackName)
    }

    public func deleteChangeSet(_ name: String, stackName: String) async throws {
        try await cloudFormation.deleteChangeSet(name, stackName: stackName)
    }

    public func deleteStack(_ name: String) async throws {
        try await cloudFormation.deleteStack(name)
    }

    public func stackEvents(_ stackName: String, after eventID: String?) async throws -> [DeployEvent] {
        try await cloudFormation.describeStackEvents(stackName, until: eventID).map { event in
            DeployEvent(
                id: event.eventID, timestamp: event.timestamp, logicalID: event.logicalResourceID,
                resourceType: event.resourceType, status: event.resourceStatus, reason: event.resourceStatusReason)
        }
    }

    public func enableTerminationProtection(_ stackName: String) async throws {
        _ = try await cloudFormation.updateTerminationProtection(stackName, enabled: true)
    }

    public func disableTerminationProtection(_ stackName: String) async throws {
        _ = try await cloudFormation.updateTerminationProtection(stackName, enabled: false)
    }

    public func upload(bucket: String, key: String, body: [UInt8]) async throws {
        let contentType = key.hasSuffix(".zip") ? "application/zip" : "text/yaml"
        _ = try await s3.putObject(PutObjectInput(bucket: bucket, key: key, body: body, contentType: contentType))
    }

    public func objectExists(bucket: String, key: String) async throws -> Bool {
        do {
            _ = try await s3.headObject(bucket: bucket, key: key)
            return true
        } catch let error as AWSClientError where ["NotFound", "NoSuchKey"].contains(error.serviceCode ?? "") {
            return false
        }
    }

    static func isMissingStack(_ error: AWSClientError) -> Bool {
        guard case .service(let service) = error else { return false }
        return service.code == "ValidationError" && service.message.contains("does not exist")
    }

    static func snapshot(_ stack: DescribedStack) -> StackSnapshot {
        StackSnapshot(
            name: stack.name, status: stack.status.rawValue, statusReason: stack.statusReason,
            lastUpdated: stack.lastUpdatedTime ?? stack.creationTime,
            outputs: stack.outputs.map { StackOutputValue(key: $0.key, value: $0.value, exportName: $0.exportName) }
                .sorted { $0.key < $1.key },
            terminationProtection: stack.terminationProtection,
            driftStatus: stack.drift?.status, driftChecked: stack.drift?.lastChecked)
    }

    static func summary(_ change: ResourceChange) -> ResourceChangeSummary {
        let replacement: ResourceChangeSummary.Replacement? = switch change.replacement {
        case .yes: .always
        case .no: .never
        case .conditional: .conditional
        case .unknown, nil: nil
        }
        let properties = Set(change.details.compactMap { detail in
            detail.attribute == "Properties" ? detail.name : (detail.attribute.isEmpty ? nil : detail.attribute)
        })
        return ResourceChangeSummary(
            action: ResourceChangeSummary.Action(rawValue: change.action) ?? .dynamic,
            logicalID: change.logicalResourceID, resourceType: change.resourceType, replacement: replacement,
            properties: properties.sorted())
    }
}
