import CloudFormation
import Foundation
import Testing

@testable import Deploy

/// `stacks deploy --all` over an in-memory CloudFormation: importers after exporters, independent stacks together,
/// a failed exporter skips its importers.
@Suite struct DeployAllTests {
    /// CloudFormation in memory: change sets complete at once; executing one finishes the stack (or fails it).
    actor FakeCloudFormation {
        var stacks: [String: String] = [:]
        var executed: [String] = []
        var running = 0
        var maxRunning = 0
        let failing: Set<String>

        init(failing: Set<String> = []) { self.failing = failing }

        func describe(_ name: String) -> StackSnapshot? { stacks[name].map { StackSnapshot(name: name, status: $0) } }
        func create(_ request: ChangeSetRequest) {
            if stacks[request.stackName] == nil { stacks[request.stackName] = "REVIEW_IN_PROGRESS" }
            running += 1
            maxRunning = max(maxRunning, running)
        }
        func execute(_ stack: String) {
            executed.append(stack)
            stacks[stack] = failing.contains(stack) ? "ROLLBACK_COMPLETE" : "CREATE_COMPLETE"
        }
        func finished() { running -= 1 }
        func events(_ stack: String) -> [DeployEvent] {
            guard let status = stacks[stack], status != "REVIEW_IN_PROGRESS" else { return [] }
            return [DeployEvent(id: "\(stack)-final", timestamp: Date(timeIntervalSince1970: 1_800_000_000), logicalID: stack, resourceType: "AWS::CloudFormation::Stack", status: status)]
        }
    }

    struct FakeAPI: CloudFormationAPI {
        let cloud: FakeCloudFormation

        func describeStack(_ name: String) async throws -> StackSnapshot? {
            let snapshot = await cloud.describe(name)
            if let snapshot, Status.isFinal(snapshot.status) { await cloud.finished() }
            return snapshot
        }
        func listStacks() async throws -> [StackSnapshot] { [] }
        func createChangeSet(_ request: ChangeSetRequest) async throws {
            await cloud.create(request)
            try await Task.sleep(for: .milliseconds(20))
        }
        func describeChangeSet(_ name: String, stackName: String) async throws -> ChangeSetSnapshot {
            ChangeSetSnapshot(id: name, name: name, status: "CREATE_COMPLETE", executionStatus: "AVAILABLE", changes: [
                ResourceChangeSummary(action: .add, logicalID: "Queue", resourceType: "AWS::SQS::Queue"),
            ])
        }
        func executeChangeSet(_ name: String, stackName: String) async throws { await cloud.execute(stackName) }
        func deleteChangeSet(_ name: String, stackName: String) async throws {}
        func deleteStack(_ name: String) async throws {}
        func stackEvents(_ stackName: String, after eventID: String?) async throws -> [DeployEvent] {
            let events = await cloud.events(stackName)
            return events.first?.id == eventID ? [] : events
        }
        func enableTerminationProtection(_ stackName: String) async throws {}
        func disableTerminationProtection(_ stackName: String) async throws {}
        func upload(bucket: String, key: String, body: [UInt8]) async throws {}
    }

    static func stack(_ name: String, imports: [String] = [], export: Bool = false) -> Stack {
        Stack(name) { _ in
            GenericResource("Queue", type: "AWS::SQS::Queue", properties: imports.isEmpty ? [:] : [
                "Tags": .list(imports.map { ["Key": .string($0), "Value": TemplateValue(Value<String>.importValue(Value<String>($0)))] }),
            ])
            if export {
                Output("Queue", "q" as Value<String>, exportName: "\(name)-sbx-Queue")
            }
        }
    }

    static func run(_ stacks: [Stack], cloud: FakeCloudFormation, concurrency: Int) async throws -> (Bool, String) {
        let (output, text) = DeployOutput.capturing()
        let session = DeploySession(api: FakeAPI(cloud: cloud), account: "111111111111", arn: "arn", source: "test", region: "us-east-1", endpoint: "")
        let context = DeployContext(variables: [:], session: { _ in session }, output: output, sleep: { _ in }, pollInterval: .milliseconds(1))
        let run = DeployRun(
            application: Application(stacks: stacks),
            environments: try EnvironmentMapping(text: ScriptedDeployTests.mapping, file: "environments.yaml"), context: context)
        let ok = await run.deploy(DeployRequest(stackNames: [], all: true, environmentName: "sbx", concurrency: concurrency))
        return (ok, text())
    }

    @Test func importersComeAfterExportersAndIndependentStacksRunTogether() async throws {
        let cloud = FakeCloudFormation()
        let (ok, text) = try await Self.run([
            Self.stack("api", imports: ["data-sbx-Queue"]),
            Self.stack("data", export: true),
            Self.stack("jobs"),
            Self.stack("web", imports: ["api-sbx-Queue"]),
            Self.stack("logs"),
        ].map { $0.name == "api" ? Self.stack("api", imports: ["data-sbx-Queue"], export: true) : $0 }, cloud: cloud, concurrency: 3)
        #expect(ok, "\(text)")
        let executed = await cloud.executed
        #expect(Set(executed.prefix(3)) == ["data-sbx", "jobs-sbx", "logs-sbx"])
        #expect(Array(executed.suffix(2)) == ["api-sbx", "web-sbx"])
        #expect(await cloud.maxRunning == 3)
        #expect(text.contains("[data-sbx] 2027-01-15T08:00:00Z  data-sbx  AWS::CloudFormation::Stack  CREATE_COMPLETE\n"))
    }

    @Test func theConcurrencyLimitHolds() async throws {
        let cloud = FakeCloudFormation()
        let (ok, _) = try await Self.run(["a", "b", "c", "d"].map { Self.stack($0) }, cloud: cloud, concurrency: 2)
        #expect(ok)
        #expect(await cloud.maxRunning == 2)
        #expect(await cloud.executed.count == 4)
    }

    @Test func aFailedExporterSkipsItsImporters() async throws {
        let cloud = FakeCloudFormation(failing: ["data-sbx"])
        let (ok, text) = try await Self.run([Self.stack("data", export: true), Self.stack("api", imports: ["data-sbx-Queue"])], cloud: cloud, concurrency: 2)
        #expect(ok == false)
        #expect(await cloud.executed == ["data-sbx"])
        #expect(text.contains("data-sbx failed: ROLLBACK_COMPLETE.\n"))
        #expect(text.hasSuffix("api-sbx: skipped, because a stack it imports from failed.\n"))
    }
}
