import CloudFormation
import Foundation
import Testing

@testable import Deploy

/// Deploy's asset step over a recording in-memory API: the zip goes up before the change set is created, only
/// when its key is missing, and a failed upload stops the deploy before any change.
struct AssetUploadTests {
    actor Recorder {
        var calls: [String] = []
        var objects: Set<String>
        var requests: [ChangeSetRequest] = []
        let failUploads: Bool

        init(objects: Set<String>, failUploads: Bool) {
            self.objects = objects
            self.failUploads = failUploads
        }

        func note(_ call: String) { calls.append(call) }
        func store(_ key: String) { objects.insert(key) }
        func created(_ request: ChangeSetRequest) { requests.append(request) }
    }

    struct API: CloudFormationAPI {
        let recorder: Recorder

        func describeStack(_ name: String) async throws -> StackSnapshot? { nil }
        func listStacks() async throws -> [StackSnapshot] { [] }
        func createChangeSet(_ request: ChangeSetRequest) async throws {
            await recorder.note("CreateChangeSet")
            await recorder.created(request)
        }
        func describeChangeSet(_ name: String, stackName: String) async throws -> ChangeSetSnapshot {
            ChangeSetSnapshot(id: name, name: name, status: "CREATE_COMPLETE", executionStatus: "AVAILABLE", changes: [
                ResourceChangeSummary(action: .add, logicalID: "Function", resourceType: "AWS::Lambda::Function"),
            ])
        }
        func executeChangeSet(_ name: String, stackName: String) async throws {}
        func deleteChangeSet(_ name: String, stackName: String) async throws {}
        func deleteStack(_ name: String) async throws {}
        func stackEvents(_ stackName: String, after eventID: String?) async throws -> [DeployEvent] { [] }
        func enableTerminationProtection(_ stackName: String) async throws {}
        func disableTerminationProtection(_ stackName: String) async throws {}
        func upload(bucket: String, key: String, body: [UInt8]) async throws {
            await recorder.note("PutObject \(bucket)/\(key)")
            if recorder.failUploads { throw DeployError("AccessDenied: Access Denied") }
            await recorder.store(key)
        }
        func objectExists(bucket: String, key: String) async throws -> Bool {
            await recorder.note("HeadObject \(bucket)/\(key)")
            return await recorder.objects.contains(key)
        }
    }

    static let mapping = """
        environments:
          sbx: { account: "111111111111", region: us-east-1, artifactBucket: "artifacts-${account}" }
        """

    /// Prepares the change set only (`--prepare`), so the run stops after CreateChangeSet and DescribeChangeSet.
    static func deploy(objects: Set<String> = [], failUploads: Bool = false) async throws -> (Bool, String, Recorder, AssetPackage) {
        let fixture = try AssetFixture()
        defer { fixture.remove() }
        try fixture.write("functions/hello/index.js", "exports.handler = async () => 'hello';\n")
        let package = try AssetPackage(asset: Asset("functions/hello"), root: fixture.root)
        let recorder = Recorder(objects: objects, failUploads: failUploads)
        let (output, text) = DeployOutput.capturing()
        let session = DeploySession(api: API(recorder: recorder), account: "111111111111", arn: "arn", source: "test", region: "us-east-1", endpoint: "")
        let context = DeployContext(variables: [:], session: { _ in session }, output: output, sleep: { _ in }, packageRoot: fixture.root)
        let stack = AssetSynthesisTests.stack("functions/hello")
        let run = DeployRun(
            application: Application(stacks: [stack]),
            environments: try EnvironmentMapping(text: mapping, file: "environments.yaml"), context: context)
        let ok = await run.deploy(DeployRequest(stackNames: ["assets"], environmentName: "sbx", prepare: true))
        return (ok, text(), recorder, package)
    }

    @Test func missingZipIsUploadedBeforeTheChangeSetWhichGetsTheBucket() async throws {
        let (ok, text, recorder, package) = try await Self.deploy()
        #expect(ok, "\(text)")
        #expect(await recorder.calls == [
            "HeadObject artifacts-111111111111/\(package.key)",
            "PutObject artifacts-111111111111/\(package.key)",
            "CreateChangeSet",
        ])
        #expect(await recorder.requests.first?.parameters == [StackParameterValue(key: "AssetsBucket", value: "artifacts-111111111111")])
        #expect(text.contains("Uploaded asset functions/hello of assets-sbx (1 file, \(package.zip.count) bytes) to s3://artifacts-111111111111/\(package.key).\n"))
    }

    @Test func presentZipIsNotUploadedAgain() async throws {
        let first = try await Self.deploy()
        let (ok, text, recorder, package) = try await Self.deploy(objects: [first.3.key])
        #expect(ok, "\(text)")
        #expect(await recorder.calls == ["HeadObject artifacts-111111111111/\(package.key)", "CreateChangeSet"])
        #expect(text.contains("Asset functions/hello of assets-sbx is already in s3://artifacts-111111111111/\(package.key).\n"))
    }

    @Test func failedUploadStopsBeforeAnyChange() async throws {
        let (ok, text, recorder, package) = try await Self.deploy(failUploads: true)
        #expect(ok == false)
        #expect(await recorder.calls == ["HeadObject artifacts-111111111111/\(package.key)", "PutObject artifacts-111111111111/\(package.key)"])
        #expect(text.hasSuffix("Uploading asset 'functions/hello' of 'assets-sbx' to s3://artifacts-111111111111/\(package.key) failed: AccessDenied: Access Denied\n"), "\(text)")
    }
}
