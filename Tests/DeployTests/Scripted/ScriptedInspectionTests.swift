import AWSClient
import AWSTestSupport
import Foundation
import TestSupport
import Testing

@testable import Deploy

/// `stacks status`, `events` and `outputs` against the scripted loopback server.
@Suite struct ScriptedInspectionTests {
    static func inspection(_ script: [ScriptedServer.Answer]) async throws -> (StackInspection, @Sendable () -> String, ScriptedServer) {
        let server = try await ScriptedServer(script)
        let client = AWSClient(
            region: "us-east-1", credentialProvider: FixedCredentials(accessKeyID: "AKIDEXAMPLE", secretAccessKey: "secret"),
            retry: RetryConfiguration(maxAttempts: 1))
        let api = LiveCloudFormationAPI(
            cloudFormation: CloudFormationClient(client: client, endpoint: server.serviceEndpoint()),
            s3: S3Client(client: client, endpoint: server.serviceEndpoint()))
        let session = DeploySession(api: api, account: "111111111111", arn: "arn", source: "test", region: "us-east-1", endpoint: "")
        let (output, text) = DeployOutput.capturing()
        let context = DeployContext(variables: [:], session: { _ in session }, output: output, sleep: { _ in })
        let inspection = StackInspection(
            application: Application(stacks: [TestStacks.queues(version: 1), TestStacks.big]),
            environments: try EnvironmentMapping(text: ScriptedDeployTests.mapping, file: "environments.yaml"), context: context)
        return (inspection, text, server)
    }

    @Test func statusOfEveryStack() async throws {
        let (inspection, text, server) = try await Self.inspection([
            CFN.stack("queues-sbx", "UPDATE_COMPLETE", outputs: [("TableName", "queues-sbx-Table-1ABC")]),
            CFN.noStack("big-sbx"),
        ])
        defer { server.stop() }
        #expect(await inspection.status(stackName: nil, environmentName: "sbx"))
        #expect(text() == """
            queues-sbx: UPDATE_COMPLETE, last updated 2027-01-15T08:00:00Z.
              Outputs:
                TableName  queues-sbx-Table-1ABC
            big-sbx: not deployed (stack 'big' in sbx).

            """)
    }

    @Test func statusShowsDriftWhenCloudFormationKnowsIt() async throws {
        let (inspection, text, server) = try await Self.inspection([
            CFN.stack("queues-sbx", "UPDATE_COMPLETE", drift: "<StackDriftStatus>DRIFTED</StackDriftStatus><LastCheckTimestamp>2027-01-16T09:30:00Z</LastCheckTimestamp>"),
            CFN.stack("big-sbx", "CREATE_COMPLETE", drift: "<StackDriftStatus>NOT_CHECKED</StackDriftStatus>"),
        ])
        defer { server.stop() }
        #expect(await inspection.status(stackName: nil, environmentName: "sbx"))
        #expect(text() == """
            queues-sbx: UPDATE_COMPLETE, last updated 2027-01-15T08:00:00Z.
              Drift: DRIFTED, last checked 2027-01-16T09:30:00Z.
            big-sbx: CREATE_COMPLETE, last updated 2027-01-15T08:00:00Z.
              Drift: not checked yet (`aws cloudformation detect-stack-drift --stack-name big-sbx` checks it).

            """)
    }

    @Test func eventsOldestFirst() async throws {
        let (inspection, text, server) = try await Self.inspection([
            CFN.stack("queues-sbx", "CREATE_COMPLETE"),
            CFN.events([
                ("e2", "queues-sbx", CFN.stackType, "CREATE_COMPLETE", nil, 5),
                ("e1", "queues-sbx", CFN.stackType, "CREATE_IN_PROGRESS", "User Initiated", 1),
            ]),
        ])
        defer { server.stop() }
        #expect(await inspection.events(stackName: "queues", environmentName: "sbx"))
        #expect(text() == """
            2027-01-15T08:00:01Z  queues-sbx  AWS::CloudFormation::Stack  CREATE_IN_PROGRESS  User Initiated
            2027-01-15T08:00:05Z  queues-sbx  AWS::CloudFormation::Stack  CREATE_COMPLETE

            """)
    }

    @Test func outputsOfAMissingStackIsASentenceAndAFailure() async throws {
        let (inspection, text, server) = try await Self.inspection([CFN.noStack("queues-sbx")])
        defer { server.stop() }
        #expect(await inspection.outputs(stackName: "queues", environmentName: "sbx") == false)
        #expect(text() == "Stack 'queues-sbx' does not exist; deploy it with `stacks deploy`.\n")
    }

    @Test func outputsAreKeyValueLines() async throws {
        let (inspection, text, server) = try await Self.inspection([
            CFN.stack("queues-sbx", "UPDATE_COMPLETE", outputs: [("TableName", "t-1"), ("ApiURL", "https://x.example/")]),
        ])
        defer { server.stop() }
        #expect(await inspection.outputs(stackName: "queues", environmentName: "sbx"))
        #expect(text() == "ApiURL     https://x.example/\nTableName  t-1\n")
    }
}
