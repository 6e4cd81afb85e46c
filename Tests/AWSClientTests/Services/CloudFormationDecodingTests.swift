import AWSTestSupport
import Foundation
import Testing

@testable import AWSClient

/// Requests and answers of the CloudFormation calls, through an in-memory transport: the exact Query bodies
/// (compared with botocore's serialization of the same input), paging, and decoding of full answers.
@Suite struct CloudFormationDecodingTests {
    private func cloudFormation(_ replies: [RecordingTransport.Reply]) throws -> (
        CloudFormationClient, RecordingTransport
    ) {
        let transport = RecordingTransport(replies)
        let client = AWSClient(
            region: "eu-west-1",
            credentialProvider: FixedCredentials(accessKeyID: "AKIDEXAMPLE", secretAccessKey: "secret"),
            transport: transport, sleep: { _ in })
        return (try CloudFormationClient(client: client, resolver: EndpointResolver(environment: [:])), transport)
    }

    private static func response(_ action: String, _ result: String = "") -> RecordingTransport.Reply {
        .xml(
            """
            <\(action)Response xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/">
              <\(action)Result>\(result)</\(action)Result>
              <ResponseMetadata><RequestId>r-\(action)</RequestId></ResponseMetadata>
            </\(action)Response>
            """)
    }

    /// Query bodies compare as sets of pairs: botocore keeps the caller's argument order, which carries no meaning.
    private static func pairs(_ body: String) -> Set<String> {
        Set(body.split(separator: "&").map(String.init))
    }

    /// Expected bodies: `urlencode(QuerySerializer().serialize_to_request(params, op)['body'])` from botocore.
    @Test func callsMotoLacksSendWhatBotocoreSends() async throws {
        let (cfn, transport) = try cloudFormation([
            Self.response("ContinueUpdateRollback"), Self.response("CancelUpdateStack"),
            Self.response("UpdateTerminationProtection", "<StackId>arn:stack/app/1</StackId>"),
        ])
        try await cfn.continueUpdateRollback(
            "app", roleARN: "arn:aws:iam::1:role/r", resourcesToSkip: ["A B", "nested.Res"],
            clientRequestToken: "tok ~ 1")
        try await cfn.cancelUpdateStack("app", clientRequestToken: "t+1")
        #expect(try await cfn.updateTerminationProtection("app", enabled: true) == "arn:stack/app/1")
        let bodies = transport.bodies.map(Self.pairs)
        #expect(
            bodies == [
                Self.pairs(
                    "Action=ContinueUpdateRollback&Version=2010-05-15&StackName=app&RoleARN=arn%3Aaws%3Aiam%3A%3A1%3Arole%2Fr&ResourcesToSkip.member.1=A+B&ResourcesToSkip.member.2=nested.Res&ClientRequestToken=tok+~+1"
                ),
                Self.pairs("Action=CancelUpdateStack&Version=2010-05-15&StackName=app&ClientRequestToken=t%2B1"),
                Self.pairs(
                    "Action=UpdateTerminationProtection&Version=2010-05-15&EnableTerminationProtection=true&StackName=app"
                ),
            ])
        let first = try #require(transport.requests.first)
        #expect(first.method == "POST")
        #expect(first.url.absoluteString == "https://cloudformation.eu-west-1.amazonaws.com/")
        #expect(
            first.headers.contains {
                $0.name == "Content-Type" && $0.value == "application/x-www-form-urlencoded; charset=utf-8"
            })
        #expect(
            first.headers.contains {
                $0.name == "Authorization" && $0.value.contains("/eu-west-1/cloudformation/aws4_request")
            })
    }

    @Test func createChangeSetSendsWhatBotocoreSends() async throws {
        let (cfn, transport) = try cloudFormation([
            Self.response("CreateChangeSet", "<Id>arn:cs</Id><StackId>arn:st</StackId>")
        ])
        let created = try await cfn.createChangeSet(
            CreateChangeSetInput(
                StackInput(
                    stackName: "app", template: .usePrevious,
                    parameters: [Parameter(key: "Env", usePreviousValue: true)],
                    capabilities: ["CAPABILITY_NAMED_IAM"], clientRequestToken: "ct"),
                changeSetName: "cs-1", changeSetType: "UPDATE", description: "d é"))
        #expect(created.id == "arn:cs")
        #expect(created.stackID == "arn:st")
        #expect(
            transport.bodies.map(Self.pairs) == [
                Self.pairs(
                    "Action=CreateChangeSet&Version=2010-05-15&StackName=app&UsePreviousTemplate=true&Parameters.member.1.ParameterKey=Env&Parameters.member.1.UsePreviousValue=true&Capabilities.member.1=CAPABILITY_NAMED_IAM&ChangeSetName=cs-1&ClientToken=ct&ChangeSetType=UPDATE&Description=d+%C3%A9"
                )
            ])
    }

    private static func event(_ id: String, _ logical: String, _ status: String, _ time: String) -> String {
        """
        <member><StackId>arn:stack/app/1</StackId><EventId>\(id)</EventId><StackName>app</StackName>
          <LogicalResourceId>\(logical)</LogicalResourceId><PhysicalResourceId>phys-\(logical)</PhysicalResourceId>
          <ResourceType>AWS::SNS::Topic</ResourceType><Timestamp>\(time)</Timestamp>
          <ResourceStatus>\(status)</ResourceStatus><ResourceStatusReason>because &amp; why</ResourceStatusReason>
        </member>
        """
    }

    @Test func describeStackEventsFollowsEveryPage() async throws {
        let (cfn, transport) = try cloudFormation([
            Self.response(
                "DescribeStackEvents",
                "<StackEvents>"
                    + Self.event("e3", "Topic", "CREATE_FAILED", "2026-11-21T10:00:03.250Z")
                    + Self.event("e2", "Topic", "CREATE_IN_PROGRESS", "2026-11-21T10:00:02Z")
                    + "</StackEvents><NextToken>page/2+=</NextToken>"),
            Self.response(
                "DescribeStackEvents",
                "<StackEvents>"
                    + Self.event("e1", "app", "CREATE_IN_PROGRESS", "2026-11-21T10:00:01+00:00") + "</StackEvents>"),
        ])
        let events = try await cfn.describeStackEvents("app")
        #expect(events.map(\.eventID) == ["e3", "e2", "e1"])
        #expect(events.first?.timestamp == Date(timeIntervalSince1970: 1_795_255_203.25))
        #expect(events.last?.timestamp == Date(timeIntervalSince1970: 1_795_255_201))
        #expect(events.first?.resourceStatusReason == "because & why")
        #expect(events.first?.physicalResourceID == "phys-Topic")
        #expect(events.first?.resourceType == "AWS::SNS::Topic")
        #expect(
            transport.bodies == [
                "Action=DescribeStackEvents&Version=2010-05-15&StackName=app",
                "Action=DescribeStackEvents&Version=2010-05-15&StackName=app&NextToken=page%2F2%2B%3D",
            ])
    }

    @Test func describeStackEventsStopsAtAKnownEvent() async throws {
        let (cfn, transport) = try cloudFormation([
            Self.response(
                "DescribeStackEvents",
                "<StackEvents>"
                    + Self.event("e3", "Topic", "CREATE_FAILED", "2026-11-21T10:00:03Z")
                    + Self.event("e2", "Topic", "CREATE_IN_PROGRESS", "2026-11-21T10:00:02Z")
                    + "</StackEvents><NextToken>more</NextToken>")
        ])
        #expect(try await cfn.describeStackEvents("app", until: "e2").map(\.eventID) == ["e3"])
        #expect(transport.requests.count == 1)
    }

    @Test func listCallsFollowPagesAndStopOnARepeatedToken() async throws {
        let (cfn, transport) = try cloudFormation([
            Self.response(
                "ListExports",
                "<Exports><member><Name>a</Name><Value>1</Value><ExportingStackId>s</ExportingStackId></member></Exports><NextToken>t1</NextToken>"
            ),
            Self.response(
                "ListExports",
                "<Exports><member><Name>b</Name><Value>2</Value><ExportingStackId>s</ExportingStackId></member></Exports><NextToken>t1</NextToken>"
            ),
            Self.response(
                "ListStacks",
                "<StackSummaries><member><StackId>id1</StackId><StackName>one</StackName><StackStatus>UPDATE_ROLLBACK_COMPLETE</StackStatus><CreationTime>2026-01-01T00:00:00Z</CreationTime></member></StackSummaries><NextToken>n</NextToken>"
            ),
            Self.response(
                "ListStacks",
                "<StackSummaries><member><StackId>id2</StackId><StackName>two</StackName><StackStatus>SOME_NEW_STATUS</StackStatus></member></StackSummaries>"
            ),
        ])
        #expect(try await cfn.listExports().map(\.name) == ["a", "b"])
        let stacks = try await cfn.listStacks(statusFilter: [.createComplete, .updateComplete])
        #expect(stacks.map(\.status) == [.updateRollbackComplete, .unknown("SOME_NEW_STATUS")])
        #expect(
            transport.bodies[2]
                == "Action=ListStacks&Version=2010-05-15&StackStatusFilter.member.1=CREATE_COMPLETE&StackStatusFilter.member.2=UPDATE_COMPLETE"
        )
        #expect(transport.bodies[3].hasSuffix("&NextToken=n"))
        #expect(transport.requests.count == 4)
    }

    @Test func describeChangeSetMergesPagesAndDecodesDetails() async throws {
        let page1 = """
            <ChangeSetName>cs</ChangeSetName><ChangeSetId>arn:cs</ChangeSetId><StackId>arn:st</StackId>
            <StackName>app</StackName><Status>CREATE_COMPLETE</Status><ExecutionStatus>AVAILABLE</ExecutionStatus>
            <Capabilities><member>CAPABILITY_IAM</member></Capabilities>
            <Changes><member><Type>Resource</Type><ResourceChange>
              <Action>Modify</Action><LogicalResourceId>Table</LogicalResourceId>
              <PhysicalResourceId>links</PhysicalResourceId><ResourceType>AWS::DynamoDB::Table</ResourceType>
              <Replacement>True</Replacement><Scope><member>Properties</member></Scope>
              <Details><member>
                <Target><Attribute>Properties</Attribute><Name>KeySchema</Name>
                  <RequiresRecreation>Always</RequiresRecreation></Target>
                <Evaluation>Static</Evaluation><ChangeSource>DirectModification</ChangeSource>
              </member><member>
                <Target><Attribute>Properties</Attribute><Name>TableName</Name>
                  <RequiresRecreation>Conditionally</RequiresRecreation></Target>
                <Evaluation>Dynamic</Evaluation><ChangeSource>ParameterReference</ChangeSource>
                <CausingEntity>TableName</CausingEntity>
              </member></Details>
            </ResourceChange></member></Changes><NextToken>p2</NextToken>
            """
        let page2 = """
            <ChangeSetName>cs</ChangeSetName><ChangeSetId>arn:cs</ChangeSetId><Status>CREATE_COMPLETE</Status>
            <Changes><member><Type>Resource</Type><ResourceChange>
              <Action>Add</Action><LogicalResourceId>Queue</LogicalResourceId><ResourceType>AWS::SQS::Queue</ResourceType>
            </ResourceChange></member></Changes>
            """
        let (cfn, transport) = try cloudFormation([
            Self.response("DescribeChangeSet", page1), Self.response("DescribeChangeSet", page2),
        ])
        let changeSet = try await cfn.describeChangeSet("cs", stackName: "app")
        #expect(changeSet.executionStatus == "AVAILABLE")
        #expect(changeSet.capabilities == ["CAPABILITY_IAM"])
        #expect(changeSet.changes.map(\.logicalResourceID) == ["Table", "Queue"])
        let table = try #require(changeSet.changes.first)
        #expect(table.replacement == .yes)
        #expect(table.scope == ["Properties"])
        #expect(table.details.map(\.name) == ["KeySchema", "TableName"])
        #expect(table.details.map(\.requiresRecreation) == ["Always", "Conditionally"])
        #expect(table.details.last?.causingEntity == "TableName")
        #expect(table.details.last?.evaluation == "Dynamic")
        #expect(changeSet.changes.last?.replacement == nil)
        #expect(
            transport.bodies.last
                == "Action=DescribeChangeSet&Version=2010-05-15&ChangeSetName=cs&StackName=app&NextToken=p2")
    }

    @Test(arguments: StackStatus.allKnown)
    func stackStatusesRoundTrip(status: StackStatus) {
        #expect(StackStatus(rawValue: status.rawValue) == status)
        #expect(status.rawValue.allSatisfy { $0.isUppercase || $0 == "_" })
    }

    @Test func stackStatusClassification() {
        #expect(StackStatus.updateRollbackCompleteCleanupInProgress.isInProgress)
        #expect(StackStatus.rollbackComplete.isFailure)
        #expect(StackStatus.createFailed.isFailure)
        #expect(!StackStatus.updateComplete.isFailure)
        #expect(!StackStatus.updateComplete.isInProgress)
        #expect(StackStatus(rawValue: "NEW_THING") == .unknown("NEW_THING"))
    }
}
