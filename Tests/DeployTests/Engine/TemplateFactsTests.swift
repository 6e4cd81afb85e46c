import CloudFormation
import Foundation
import Testing

@testable import Deploy

@Suite struct TemplateFactsTests {
    @Test(arguments: [
        ("Resources:\n  Q:\n    Type: AWS::SQS::Queue\n", [String]()),
        ("Resources:\n  R:\n    Type: AWS::IAM::Role\n    Properties:\n      Path: /\n", ["CAPABILITY_IAM"]),
        ("Resources:\n  R:\n    Type: AWS::IAM::Role\n    Properties:\n      RoleName: deployer\n", ["CAPABILITY_NAMED_IAM"]),
        ("Resources:\n  P:\n    Type: AWS::IAM::ManagedPolicy\n    Properties:\n      ManagedPolicyName: p\n", ["CAPABILITY_NAMED_IAM"]),
        ("Transform: AWS::Serverless-2016-10-31\nResources:\n  F:\n    Type: AWS::Serverless::Function\n", ["CAPABILITY_AUTO_EXPAND"]),
        ("Transform: AWS::Serverless-2016-10-31\nResources:\n  R:\n    Type: AWS::IAM::Role\n", ["CAPABILITY_AUTO_EXPAND", "CAPABILITY_IAM"]),
    ])
    func capabilitiesComeFromTheTemplate(template: String, expected: [String]) throws {
        #expect(try TemplateFacts(templateText: template, stackName: "s-sbx", region: "us-east-1").capabilities == expected)
    }

    @Test func exportsAndImportsAreFilledWithTheStackNameAndRegion() throws {
        let exporter = try TemplateFacts(templateText: """
            Resources:
              T:
                Type: AWS::SQS::Queue
            Outputs:
              A:
                Value: !Ref T
                Export:
                  Name: !Sub ${AWS::StackName}-Queue
              B:
                Value: x
                Export:
                  Name: shared-${AWS::Region}
            """, stackName: "data-sbx", region: "eu-west-1")
        #expect(exporter.exports == ["data-sbx-Queue", "shared-${AWS::Region}"])
        let importer = try TemplateFacts(templateText: """
            Resources:
              F:
                Type: AWS::SQS::Queue
                Properties:
                  QueueName: !ImportValue data-sbx-Queue
                  Tags:
                  - Key: k
                    Value:
                      Fn::ImportValue:
                        Fn::Sub: ${AWS::Region}-thing
            """, stackName: "api-sbx", region: "eu-west-1")
        #expect(importer.imports == ["data-sbx-Queue", "eu-west-1-thing"])
    }

    static func prepared(_ name: String, exports: Set<String> = [], imports: Set<String> = []) -> DeployRun.Prepared {
        DeployRun.Prepared(
            stack: Stack(name) { _ in }, deployedName: name,
            template: SynthesizedTemplate(stack: name, environment: "sbx", format: .yaml, text: "", resourceCount: 0, notes: []),
            facts: TemplateFacts(capabilities: [], exports: exports, imports: imports, resourceTypes: [:]))
    }

    @Test func allDeploysImportersAfterExportersAndIndependentStacksTogether() throws {
        let levels = try DeployRun.levels([
            Self.prepared("api", imports: ["table", "queue"]),
            Self.prepared("data", exports: ["table"]),
            Self.prepared("web", imports: ["api-url"]),
            Self.prepared("queues", exports: ["queue"]),
            Self.prepared("api2", exports: ["api-url"], imports: ["table"]),
            Self.prepared("unrelated", imports: ["exported-elsewhere"]),
        ])
        #expect(levels.map { $0.map(\.deployedName) } == [["data", "queues", "unrelated"], ["api", "api2"], ["web"]])
    }

    @Test func aCycleIsAnErrorNamingTheStacks() {
        #expect(throws: DeployError("The stacks 'a', 'b' import each other's exports in a cycle; break the cycle so one can deploy first.")) {
            try DeployRun.levels([Self.prepared("a", exports: ["x"], imports: ["y"]), Self.prepared("b", exports: ["y"], imports: ["x"])])
        }
    }
}

@Suite struct DeployOutputTests {
    static let event = DeployEvent(
        id: "1", timestamp: Date(timeIntervalSince1970: 1_800_000_000), logicalID: "Table",
        resourceType: "AWS::DynamoDB::Table", status: "CREATE_IN_PROGRESS", reason: "Resource creation\nInitiated")

    @Test func timesAreUTCWhateverTheMachine() {
        #expect(DeployText.time(Date(timeIntervalSince1970: 1_800_000_000)) == "2027-01-15T08:00:00Z")
        #expect(DeployText.event(Self.event) == "2027-01-15T08:00:00Z  Table  AWS::DynamoDB::Table  CREATE_IN_PROGRESS  Resource creation Initiated")
    }

    @Test func notATerminalGivesPlainLinesOnly() {
        let (output, text) = DeployOutput.capturing()
        output.event(Self.event)
        #expect(text() == "2027-01-15T08:00:00Z  Table  AWS::DynamoDB::Table  CREATE_IN_PROGRESS  Resource creation Initiated\n")
    }

    final class Box: @unchecked Sendable {
        private let lock = NSLock()
        private var value = ""
        func append(_ text: String) { lock.withLock { value += text } }
        var text: String { lock.withLock { value } }
    }

    @Test(arguments: [true, false])
    func aTerminalShowsWhatIsInProgressAndColoursOnlyWithoutNoColor(color: Bool) {
        let box = Box()
        let output = DeployOutput(isTerminal: true, useColor: color) { box.append($0) }
        output.event(Self.event)
        var done = Self.event
        done.status = "CREATE_COMPLETE"
        done.reason = nil
        output.event(done)
        output.endLiveView()
        let plain = "2027-01-15T08:00:00Z  Table  AWS::DynamoDB::Table  CREATE_IN_PROGRESS  Resource creation Initiated\n"
            + "in progress (1): Table"
        if color {
            #expect(box.text.contains("\u{1B}[33m"))
            #expect(box.text.contains("\u{1B}[32m2027-01-15T08:00:00Z  Table  AWS::DynamoDB::Table  CREATE_COMPLETE\u{1B}[0m\n"))
        } else {
            #expect(box.text == plain + "\r\u{1B}[2K2027-01-15T08:00:00Z  Table  AWS::DynamoDB::Table  CREATE_COMPLETE\n")
        }
    }

    /// Failures go to the error stream; the live view is cleared above them and drawn again below.
    @Test func failuresGoToTheErrorStream() {
        let lines = Box()
        let errors = Box()
        let output = DeployOutput(isTerminal: true, write: { lines.append($0) }, writeError: { errors.append($0) })
        output.event(Self.event)
        output.closing(["queues-sbx failed: ROLLBACK_COMPLETE.", "Root cause:"], succeeded: false)
        output.closing(["queues-sbx: UPDATE_COMPLETE."], succeeded: true)
        #expect(errors.text == "queues-sbx failed: ROLLBACK_COMPLETE.\nRoot cause:\n")
        #expect(lines.text.hasSuffix("\r\u{1B}[2Kin progress (1): Table\r\u{1B}[2Kin progress (1): Table\r\u{1B}[2Kqueues-sbx: UPDATE_COMPLETE.\nin progress (1): Table"))
    }
}
