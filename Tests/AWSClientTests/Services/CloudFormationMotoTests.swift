import AWSTestSupport
import Foundation
import Testing

@testable import AWSClient

/// CloudFormation against moto with signature checking on. Bodies carry spaces, `+`, `%`, `&`, `=`, `~` and
/// non-ASCII characters, which must survive form encoding and signing.
@Suite struct CloudFormationMotoTests {
    static let awkward = "a + b % c & d = e ~ f — café ☕ 日本"

    static func template(topicSuffix: String, description: String = awkward) -> String {
        """
        {
          "AWSTemplateFormatVersion": "2010-09-09",
          "Description": "\(description)",
          "Parameters": {"Env": {"Type": "String", "Default": "dev", "Description": "where"}},
          "Resources": {
            "Topic": {"Type": "AWS::SNS::Topic", "Properties": {"TopicName": {"Fn::Sub": "t-${Env}-\(topicSuffix)"}}}
          },
          "Outputs": {"TopicArn": {"Value": {"Ref": "Topic"}, "Export": {"Name": "topic-\(topicSuffix)"}}}
        }
        """
    }

    private func cloudFormation() async throws -> CloudFormationClient {
        let (client, endpoint) = try await MotoServer.shared.client()
        return CloudFormationClient(client: client, endpoint: endpoint)
    }

    private func uniqueName(_ prefix: String) -> String {
        "\(prefix)-\(UUID().uuidString.prefix(8).lowercased())"
    }

    @Test func createDescribeUpdateListAndDeleteAStack() async throws {
        let cfn = try await cloudFormation()
        let name = uniqueName("stack")
        let stackID = try await cfn.createStack(
            CreateStackInput(
                StackInput(
                    stackName: name, template: .body(Self.template(topicSuffix: name)),
                    parameters: [Parameter(key: "Env", value: "prod")],
                    tags: [Tag(key: "team", value: Self.awkward)]),
                onFailure: "DELETE", timeoutInMinutes: 10))
        #expect(stackID.hasPrefix("arn:aws:cloudformation:us-east-1:123456789012:stack/\(name)/"))

        let stacks = try await cfn.describeStacks(name)
        let stack = try #require(stacks.first)
        #expect(stacks.count == 1)
        #expect(stack.name == name)
        #expect(stack.stackID == stackID)
        #expect(stack.status == .createComplete)
        #expect(stack.description == Self.awkward)
        #expect(stack.tags == [Tag(key: "team", value: Self.awkward)])
        #expect(stack.parameters.map(\.key) == ["Env"])
        #expect(stack.parameters.first?.value == "prod")
        #expect(stack.outputs.first?.key == "TopicArn")
        #expect(stack.outputs.first?.value == "arn:aws:sns:us-east-1:123456789012:t-prod-\(name)")
        #expect(stack.outputs.first?.exportName == "topic-\(name)")
        #expect(stack.creationTime != nil)

        let resources = try await cfn.describeStackResources(name)
        #expect(resources.map(\.logicalResourceID) == ["Topic"])
        #expect(resources.first?.resourceType == "AWS::SNS::Topic")

        let events = try await cfn.describeStackEvents(name)
        #expect(!events.isEmpty)
        #expect(events.contains { $0.logicalResourceID == name && $0.resourceStatus == "CREATE_COMPLETE" })
        #expect(events.allSatisfy { $0.timestamp > Date(timeIntervalSince1970: 1_600_000_000) })
        #expect(events.allSatisfy { $0.stackID == stackID })

        let template = try await cfn.getTemplate(name)
        #expect(template.body.contains("Topic"))

        let exports = try await cfn.listExports()
        #expect(exports.contains { $0.name == "topic-\(name)" && $0.exportingStackID == stackID })

        let updated = try await cfn.updateStack(
            StackInput(
                stackName: name, template: .body(Self.template(topicSuffix: name, description: "second + 2 = ~ ü")),
                parameters: [Parameter(key: "Env", usePreviousValue: true)]))
        #expect(updated == stackID)
        // moto keeps the first Description in DescribeStacks; the template shows the update arrived intact.
        #expect(try await cfn.getTemplate(name).body.contains("second + 2 = ~ ü"))

        let listed = try await cfn.listStacks()
        #expect(listed.contains { $0.name == name && $0.stackID == stackID })

        try await cfn.deleteStack(name)
        let deleted = try await cfn.listStacks(statusFilter: [.deleteComplete])
        #expect(deleted.contains { $0.stackID == stackID && $0.status == .deleteComplete })
    }

    @Test func changeSetsCreateDescribeExecuteAndDelete() async throws {
        let cfn = try await cloudFormation()
        let name = uniqueName("cs")
        let created = try await cfn.createChangeSet(
            CreateChangeSetInput(
                StackInput(
                    stackName: name, template: .body(Self.template(topicSuffix: name)),
                    tags: [Tag(key: "purpose", value: "tëst & = +")]),
                changeSetName: "create-1", changeSetType: "CREATE", description: Self.awkward))
        #expect(created.id.contains(":changeSet/create-1/"))
        #expect(created.stackID.contains(":stack/\(name)/"))

        let described = try await cfn.describeChangeSet("create-1", stackName: name)
        #expect(described.id == created.id)
        #expect(described.name == "create-1")
        #expect(described.stackName == name)
        #expect(described.description == Self.awkward)
        #expect(described.changes.map(\.action) == ["Add"])
        #expect(described.changes.first?.logicalResourceID == "Topic")
        #expect(described.changes.first?.resourceType == "AWS::SNS::Topic")

        try await cfn.executeChangeSet("create-1", stackName: name)
        #expect(try await cfn.describeStacks(name).first?.status == .createComplete)

        let update = try await cfn.createChangeSet(
            CreateChangeSetInput(
                StackInput(
                    stackName: name, template: .body(Self.template(topicSuffix: name + "-v2")),
                    parameters: [Parameter(key: "Env", value: "stage ~ 2")]),
                changeSetName: "update-1", changeSetType: "UPDATE"))
        let modify = try await cfn.describeChangeSet(update.id)
        #expect(modify.changes.map(\.action) == ["Modify"])

        try await cfn.deleteChangeSet("update-1", stackName: name)
        let error = await #expect(throws: AWSClientError.self) {
            try await cfn.describeChangeSet("update-1", stackName: name)
        }
        // AWS answers ChangeSetNotFound; moto answers ValidationError.
        #expect(["ChangeSetNotFound", "ValidationError"].contains(error?.serviceCode ?? ""))
        try await cfn.deleteStack(name)
    }

    @Test func validateTemplateAndTemplateSummary() async throws {
        let cfn = try await cloudFormation()
        let template = Self.template(topicSuffix: "validate")
        let validation = try await cfn.validateTemplate(.body(template))
        #expect(validation.description == Self.awkward)

        let summary = try await cfn.getTemplateSummary(.body(template))
        #expect(summary.description == Self.awkward)
        #expect(summary.resourceTypes == ["AWS::SNS::Topic"])
        #expect(summary.parameters.map(\.key) == ["Env"])
        #expect(summary.parameters.first?.defaultValue == "dev")
        #expect(summary.version == "2010-09-09")

        let error = await #expect(throws: AWSClientError.self) {
            try await cfn.validateTemplate(.body("{ not a template"))
        }
        #expect(error?.serviceCode == "ValidationError")
    }

    @Test func aMissingStackIsAValidationError() async throws {
        let cfn = try await cloudFormation()
        let error = await #expect(throws: AWSClientError.self) {
            try await cfn.describeStacks("no-such-stack-\(UUID().uuidString.prefix(6))")
        }
        #expect(error?.serviceCode == "ValidationError")
    }

    /// moto implements none of these calls; it checks the signature before it looks for the action, so `NotImplemented`
    /// (not `SignatureDoesNotMatch`) shows the signed request was accepted. The scripted-server tests check the
    /// requests and the decoding of the answers.
    @Test(arguments: ["ContinueUpdateRollback", "CancelUpdateStack", "UpdateTerminationProtection"])
    func callsMotoLacksPassSignatureChecking(action: String) async throws {
        let cfn = try await cloudFormation()
        let error = await #expect(throws: AWSClientError.self) {
            if action == "UpdateTerminationProtection" {
                _ = try await cfn.updateTerminationProtection("any", enabled: true)
            } else if action == "ContinueUpdateRollback" {
                try await cfn.continueUpdateRollback("any", resourcesToSkip: ["A B", "ü"])
            } else {
                try await cfn.cancelUpdateStack("any", clientRequestToken: "token ~ 1")
            }
        }
        #expect(error?.serviceCode == "NotImplemented")
    }
}
