import AWSClient
import AWSTestSupport
import Foundation
import TestSupport
import Testing

@testable import Deploy

/// What moto cannot produce, from the scripted loopback server: failures and rollbacks, UPDATE_ROLLBACK_FAILED,
/// throttling during polls, slow change-set creation, Ctrl-C. The output is compared whole with golden files.
@Suite struct ScriptedDeployTests {
    static let mapping = """
        defaults:
          region: us-east-1
        environments:
          sbx: { account: "111111111111" }
        """

    final class Sleeps: @unchecked Sendable {
        // @unchecked: guarded by `lock`.
        private let lock = NSLock()
        private var values: [Duration] = []
        func record(_ value: Duration) { lock.withLock { if value > .zero { values.append(value) } } }
        var recorded: [Duration] { lock.withLock { values } }
    }

    struct Result {
        var succeeded: Bool
        var output: String
        var sleeps: [Duration]
        var actions: [String]
        var bodies: [String]
    }

    static func deploy(
        _ script: [ScriptedServer.Answer], interruption: Interruption? = nil, request: DeployRequest? = nil,
        mapping: String = mapping, confirm: (@Sendable (String) async -> Bool)? = nil
    ) async throws -> Result {
        let server = try await ScriptedServer(script)
        defer { server.stop() }
        let client = AWSClient(
            region: "us-east-1", credentialProvider: FixedCredentials(accessKeyID: "AKIDEXAMPLE", secretAccessKey: "secret"),
            retry: RetryConfiguration(maxAttempts: 1))
        let api = LiveCloudFormationAPI(
            cloudFormation: CloudFormationClient(client: client, endpoint: server.serviceEndpoint()),
            s3: S3Client(client: client, endpoint: server.serviceEndpoint()))
        let session = DeploySession(
            api: api, account: "111111111111", arn: "arn:aws:sts::111111111111:assumed-role/stacks-deploy-sbx/ci",
            source: "test", region: "us-east-1", endpoint: server.endpoint.absoluteString)
        let (output, text) = DeployOutput.capturing()
        let sleeps = Sleeps()
        let context = DeployContext(
            variables: [:], session: { _ in session }, output: output,
            now: { Date(timeIntervalSince1970: 1_800_000_001) }, sleep: { sleeps.record($0) },
            pollInterval: .seconds(2), confirm: confirm, interruption: interruption,
            gitCommit: "0123456789abcdef0123456789abcdef01234567")
        let run = DeployRun(
            application: Application(stacks: [TestStacks.queues(version: 1)]),
            environments: try EnvironmentMapping(text: mapping, file: "environments.yaml"), context: context)
        let ok = await run.deploy(request ?? DeployRequest(stackNames: ["queues"], environmentName: "sbx"))
        let requests = try await server.requests()
        let actions = requests.map { request in
            request.body.split(separator: "&").first { $0.hasPrefix("Action=") }.map { String($0.dropFirst(7)) } ?? request.method
        }
        return Result(succeeded: ok, output: text(), sleeps: sleeps.recorded, actions: actions, bodies: requests.map(\.body))
    }

    static func golden(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Golden").appendingPathComponent(name).path
    }

    @Test func successfulCreatePrintsEventsAndOutputs() async throws {
        let result = try await Self.deploy([
            CFN.noStack("queues-sbx"), CFN.changeSetCreated,
            CFN.changeSet("CREATE_COMPLETE", changes: CFN.change("Add", "Queue", "AWS::SQS::Queue") + CFN.change("Add", "Table", "AWS::DynamoDB::Table")),
            CFN.events([("e0", "queues-sbx", CFN.stackType, "REVIEW_IN_PROGRESS", "User Initiated", 0)]),
            CFN.ok("ExecuteChangeSet"),
            CFN.events([
                ("e5", "queues-sbx", CFN.stackType, "CREATE_COMPLETE", nil, 14),
                ("e4", "Table", "AWS::DynamoDB::Table", "CREATE_COMPLETE", nil, 13),
                ("e3", "Queue", "AWS::SQS::Queue", "CREATE_COMPLETE", nil, 4),
                ("e2", "Table", "AWS::DynamoDB::Table", "CREATE_IN_PROGRESS", "Resource creation Initiated", 3),
                ("e1", "queues-sbx", CFN.stackType, "CREATE_IN_PROGRESS", "User Initiated", 2),
                ("e0", "queues-sbx", CFN.stackType, "REVIEW_IN_PROGRESS", "User Initiated", 0),
            ]),
            CFN.stack("queues-sbx", "CREATE_COMPLETE", outputs: [("TableName", "queues-sbx-Table-1ABC"), ("QueueURL", "https://sqs.us-east-1.amazonaws.com/111111111111/q")]),
        ])
        #expect(result.succeeded)
        #expect(result.actions == ["DescribeStacks", "CreateChangeSet", "DescribeChangeSet", "DescribeStackEvents", "ExecuteChangeSet", "DescribeStackEvents", "DescribeStacks"])
        #expect(GoldenFile.mismatch(result.output, path: Self.golden("create-success.txt")) == nil)
        let create = Set((result.bodies.count > 1 ? result.bodies[1] : "").split(separator: "&").map(String.init))
        #expect(create.isSuperset(of: [
            "Action=CreateChangeSet", "StackName=queues-sbx", "ChangeSetName=stacks-20270115T080001Z", "ChangeSetType=CREATE",
            "Tags.member.1.Key=stacks%3Aenvironment", "Tags.member.1.Value=sbx",
            "Tags.member.2.Key=stacks%3Astack", "Tags.member.2.Value=queues",
            "Tags.member.3.Key=stacks%3Agit-commit", "Tags.member.3.Value=0123456789abcdef0123456789abcdef01234567",
        ]), "\(create.sorted())")
        #expect(!create.contains { $0.hasPrefix("Capabilities") })
    }

    @Test func failedCreateAfterSlowChangeSetAndThrottledPollShowsTheRootCause() async throws {
        let result = try await Self.deploy([
            CFN.noStack("queues-sbx"), CFN.changeSetCreated,
            CFN.changeSet("CREATE_IN_PROGRESS", execution: "UNAVAILABLE"),
            CFN.changeSet("CREATE_COMPLETE", changes: CFN.change("Add", "Queue", "AWS::SQS::Queue") + CFN.change("Add", "Table", "AWS::DynamoDB::Table")),
            CFN.events([("e0", "queues-sbx", CFN.stackType, "REVIEW_IN_PROGRESS", "User Initiated", 0)]),
            CFN.ok("ExecuteChangeSet"),
            CFN.throttled,
            CFN.events([
                ("e2", "Table", "AWS::DynamoDB::Table", "CREATE_IN_PROGRESS", nil, 3),
                ("e1", "queues-sbx", CFN.stackType, "CREATE_IN_PROGRESS", "User Initiated", 2),
                ("e0", "queues-sbx", CFN.stackType, "REVIEW_IN_PROGRESS", "User Initiated", 0),
            ]),
            CFN.events([
                ("e7", "queues-sbx", CFN.stackType, "ROLLBACK_COMPLETE", nil, 9),
                ("e6", "Queue", "AWS::SQS::Queue", "DELETE_COMPLETE", nil, 8),
                ("e5", "queues-sbx", CFN.stackType, "ROLLBACK_IN_PROGRESS", "The following resource(s) failed to create: [Queue, Table]. Rollback requested by user.", 7),
                ("e4", "Queue", "AWS::SQS::Queue", "CREATE_FAILED", "Resource creation cancelled", 6),
                ("e3", "Table", "AWS::DynamoDB::Table", "CREATE_FAILED", "Resource handler returned message: \"Table already exists: queues\"", 5),
                ("e2", "Table", "AWS::DynamoDB::Table", "CREATE_IN_PROGRESS", nil, 3),
            ]),
            CFN.stack("queues-sbx", "ROLLBACK_COMPLETE"),
        ])
        #expect(result.succeeded == false)
        #expect(result.sleeps == [.seconds(2), .seconds(4), .seconds(2)])
        #expect(GoldenFile.mismatch(result.output, path: Self.golden("create-failed.txt")) == nil)
    }

    @Test func updateEndingInUpdateRollbackFailedSaysWhatToDo() async throws {
        let result = try await Self.deploy([
            CFN.stack("queues-sbx", "UPDATE_COMPLETE"), CFN.changeSetCreated,
            CFN.changeSet("CREATE_COMPLETE", changes: CFN.change("Modify", "Table", "AWS::DynamoDB::Table", replacement: "True", properties: ["KeySchema"])
                + CFN.change("Modify", "Queue", "AWS::SQS::Queue", replacement: "False", properties: ["VisibilityTimeout"])),
            CFN.events([("e0", "queues-sbx", CFN.stackType, "UPDATE_COMPLETE", nil, 0)]),
            CFN.ok("ExecuteChangeSet"),
            CFN.events([
                ("e5", "queues-sbx", CFN.stackType, "UPDATE_ROLLBACK_FAILED", "The following resource(s) failed to update: [Table].", 20),
                ("e4", "Table", "AWS::DynamoDB::Table", "UPDATE_FAILED", "Resource handler returned message: \"Access denied for kms:Decrypt\"", 19),
                ("e3", "queues-sbx", CFN.stackType, "UPDATE_ROLLBACK_IN_PROGRESS", "The following resource(s) failed to update: [Table].", 12),
                ("e2", "Table", "AWS::DynamoDB::Table", "UPDATE_FAILED", "Resource handler returned message: \"Rate exceeded\"", 11),
                ("e1", "queues-sbx", CFN.stackType, "UPDATE_IN_PROGRESS", "User Initiated", 10),
                ("e0", "queues-sbx", CFN.stackType, "UPDATE_COMPLETE", nil, 0),
            ]),
            CFN.stack("queues-sbx", "UPDATE_ROLLBACK_FAILED"),
        ])
        #expect(result.succeeded == false)
        #expect(GoldenFile.mismatch(result.output, path: Self.golden("update-rollback-failed.txt")) == nil)
    }

    static let protectedMapping = """
        defaults:
          region: us-east-1
        environments:
          sbx: { account: "111111111111", protected: true }
        """

    /// Ctrl-C right after the yes: the change set is still executed, then following stops.
    @Test func ctrlCAfterApprovalStillExecutesThenStopsFollowing() async throws {
        let interruption = Interruption()
        let questions = Questions()
        let result = try await Self.deploy([
            CFN.stack("queues-sbx", "UPDATE_COMPLETE"), CFN.changeSetCreated,
            CFN.changeSet("CREATE_COMPLETE", changes: CFN.change("Modify", "Queue", "AWS::SQS::Queue", replacement: "False", properties: ["VisibilityTimeout"])),
            CFN.events([("e0", "queues-sbx", CFN.stackType, "UPDATE_COMPLETE", nil, 0)]),
            CFN.ok("ExecuteChangeSet"),
        ], interruption: interruption, mapping: Self.protectedMapping, confirm: { question in
            questions.append(question)
            interruption.request()
            return true
        })
        #expect(result.succeeded == false)
        #expect(questions.all == ["Execute change set stacks-20270115T080001Z on queues-sbx in protected environment 'sbx'?"])
        #expect(result.actions.last == "ExecuteChangeSet")
        #expect(result.output.hasSuffix("Executing change set stacks-20270115T080001Z on queues-sbx.\nStopped following queues-sbx; CloudFormation keeps going. Watch it with `stacks events queues --env sbx`.\n"))
    }

    @Test func interactiveNoLeavesTheChangeSet() async throws {
        let result = try await Self.deploy([
            CFN.stack("queues-sbx", "UPDATE_COMPLETE"), CFN.changeSetCreated,
            CFN.changeSet("CREATE_COMPLETE", changes: CFN.change("Modify", "Queue", "AWS::SQS::Queue", replacement: "False", properties: ["VisibilityTimeout"])),
        ], mapping: Self.protectedMapping, confirm: { _ in false })
        #expect(result.succeeded == false)
        #expect(result.actions == ["DescribeStacks", "CreateChangeSet", "DescribeChangeSet"])
        #expect(result.output.hasSuffix("Environment 'sbx' is protected and the change set was not approved; review it and run `stacks deploy queues --env sbx --execute stacks-20270115T080001Z --approve`.\n"))
    }

    @Test func executingAPreparedChangeSetRunsIt() async throws {
        let result = try await Self.deploy([
            CFN.stack("queues-sbx", "UPDATE_COMPLETE"),
            CFN.changeSet("CREATE_COMPLETE", changes: CFN.change("Modify", "Queue", "AWS::SQS::Queue", replacement: "False", properties: ["VisibilityTimeout"])),
            CFN.events([("e0", "queues-sbx", CFN.stackType, "UPDATE_COMPLETE", nil, 0)]),
            CFN.ok("ExecuteChangeSet"),
            CFN.events([
                ("e2", "queues-sbx", CFN.stackType, "UPDATE_COMPLETE", nil, 9),
                ("e1", "queues-sbx", CFN.stackType, "UPDATE_IN_PROGRESS", "User Initiated", 8),
                ("e0", "queues-sbx", CFN.stackType, "UPDATE_COMPLETE", nil, 0),
            ]),
            CFN.stack("queues-sbx", "UPDATE_COMPLETE"),
            CFN.ok("UpdateTerminationProtection", "<StackId>arn:stack</StackId>"),
        ], request: DeployRequest(stackNames: ["queues"], environmentName: "sbx", approve: true, execute: "stacks-20270115T080001Z"),
        mapping: Self.protectedMapping)
        #expect(result.succeeded)
        #expect(result.actions == ["DescribeStacks", "DescribeChangeSet", "DescribeStackEvents", "ExecuteChangeSet", "DescribeStackEvents", "DescribeStacks", "UpdateTerminationProtection"])
        #expect(result.output.hasSuffix("Termination protection is on for queues-sbx.\nqueues-sbx: UPDATE_COMPLETE.\n"))
    }

    final class Questions: @unchecked Sendable {
        // @unchecked: guarded by `lock`.
        private let lock = NSLock()
        private var asked: [String] = []
        func append(_ question: String) { lock.withLock { asked.append(question) } }
        var all: [String] { lock.withLock { asked } }
    }

    /// Executing a change set that is not there (as CloudFormation answers it) is a sentence, and nothing runs.
    @Test func executingAMissingChangeSetSaysSo() async throws {
        let result = try await Self.deploy([
            CFN.stack("queues-sbx", "UPDATE_COMPLETE"),
            .error(404, code: "ChangeSetNotFound", message: "ChangeSet [stacks-nope] does not exist"),
        ], request: DeployRequest(stackNames: ["queues"], environmentName: "sbx", execute: "stacks-nope"))
        #expect(!result.succeeded)
        #expect(result.actions == ["DescribeStacks", "DescribeChangeSet"])
        #expect(result.output.hasSuffix("Stack 'queues-sbx' has no change set 'stacks-nope': it had no changes when it was prepared, it was executed or deleted since, or the name is mistyped.\n"))
    }

    @Test func preparedChangeSetIsLeftWithTheExecuteCommand() async throws {
        let result = try await Self.deploy([
            CFN.stack("queues-sbx", "UPDATE_COMPLETE"), CFN.changeSetCreated,
            CFN.changeSet("CREATE_COMPLETE", changes: CFN.change("Modify", "Queue", "AWS::SQS::Queue", replacement: "False", properties: ["VisibilityTimeout"])),
        ], request: DeployRequest(stackNames: ["queues"], environmentName: "sbx", prepare: true))
        #expect(result.succeeded)
        #expect(result.actions == ["DescribeStacks", "CreateChangeSet", "DescribeChangeSet"])
        #expect(result.output.hasSuffix("queues-sbx: change set stacks-20270115T080001Z is ready and not executed. To execute it: stacks deploy queues --env sbx --execute stacks-20270115T080001Z\n"))
    }
}

/// A template over 51,200 bytes with no artifact bucket stops before any call.
@Suite struct BigTemplateWithoutBucketTests {
    final class Calls: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        func add() { lock.withLock { count += 1 } }
        var value: Int { lock.withLock { count } }
    }

    @Test func refusedWithWhatToDo() async throws {
        let calls = Calls()
        let (output, text) = DeployOutput.capturing()
        let context = DeployContext(
            variables: [:],
            session: { _ in
                calls.add()
                throw DeployError("no session in this test")
            },
            output: output)
        let run = DeployRun(
            application: Application(stacks: [TestStacks.big]),
            environments: try EnvironmentMapping(text: ScriptedDeployTests.mapping, file: "environments.yaml"), context: context)
        #expect(await run.deploy(DeployRequest(stackNames: ["big"], environmentName: "sbx")) == false)
        #expect(calls.value == 0)
        let message = text()
        #expect(message.hasPrefix("The template of 'big-sbx' is "))
        #expect(message.hasSuffix(" bytes, over CloudFormation's 51200-byte limit for templates sent inline, and environment 'sbx' has no artifactBucket; set 'artifactBucket' for it in environments.yaml.\n"))
    }
}
