import AWSTestSupport

/// CloudFormation Query-protocol answers for the scripted loopback server.
enum CFN {
    static func ok(_ action: String, _ result: String = "") -> ScriptedServer.Answer {
        .respond(
            status: 200,
            body: "<\(action)Response xmlns=\"http://cloudformation.amazonaws.com/doc/2010-05-15/\"><\(action)Result>\(result)</\(action)Result><ResponseMetadata><RequestId>r-\(action)</RequestId></ResponseMetadata></\(action)Response>",
            headers: [("Content-Type", "text/xml")])
    }

    static func noStack(_ name: String) -> ScriptedServer.Answer {
        .error(400, code: "ValidationError", message: "Stack with id \(name) does not exist")
    }

    static let throttled = ScriptedServer.Answer.error(400, code: "Throttling", message: "Rate exceeded")

    /// `drift`: the `DriftInformation` element's content, when given.
    static func stack(
        _ name: String, _ status: String, outputs: [(String, String)] = [], drift: String? = nil
    ) -> ScriptedServer.Answer {
        let members = outputs.map { "<member><OutputKey>\($0.0)</OutputKey><OutputValue>\($0.1)</OutputValue></member>" }.joined()
        let driftInformation = drift.map { "<DriftInformation>\($0)</DriftInformation>" } ?? ""
        return ok("DescribeStacks", "<Stacks><member><StackId>arn:aws:cloudformation:us-east-1:111111111111:stack/\(name)/1</StackId><StackName>\(name)</StackName><StackStatus>\(status)</StackStatus><CreationTime>2027-01-15T08:00:00Z</CreationTime><Outputs>\(members)</Outputs>\(driftInformation)</member></Stacks>")
    }

    static let changeSetCreated = ok("CreateChangeSet", "<Id>arn:aws:cloudformation:us-east-1:111111111111:changeSet/cs/1</Id><StackId>arn:stack</StackId>")

    static func changeSet(_ status: String, execution: String = "AVAILABLE", changes: String = "") -> ScriptedServer.Answer {
        ok("DescribeChangeSet", "<ChangeSetName>stacks-20270115T080001Z</ChangeSetName><ChangeSetId>arn:cs</ChangeSetId><StackName>queues-sbx</StackName><Status>\(status)</Status><ExecutionStatus>\(execution)</ExecutionStatus><Changes>\(changes)</Changes>")
    }

    static func change(_ action: String, _ id: String, _ type: String, replacement: String? = nil, properties: [String] = []) -> String {
        let details = properties.map { "<member><Target><Attribute>Properties</Attribute><Name>\($0)</Name><RequiresRecreation>Always</RequiresRecreation></Target><Evaluation>Static</Evaluation><ChangeSource>DirectModification</ChangeSource></member>" }.joined()
        let replace = replacement.map { "<Replacement>\($0)</Replacement>" } ?? ""
        return "<member><Type>Resource</Type><ResourceChange><Action>\(action)</Action><LogicalResourceId>\(id)</LogicalResourceId><ResourceType>\(type)</ResourceType>\(replace)<Details>\(details)</Details></ResourceChange></member>"
    }

    /// Events, newest first: (id, logical ID, type, status, reason, seconds after 08:00:00).
    static func events(_ events: [(String, String, String, String, String?, Int)]) -> ScriptedServer.Answer {
        let members = events.map { e in
            let reason = e.4.map { "<ResourceStatusReason>\($0)</ResourceStatusReason>" } ?? ""
            return "<member><EventId>\(e.0)</EventId><StackName>queues-sbx</StackName><StackId>arn:stack</StackId><LogicalResourceId>\(e.1)</LogicalResourceId><ResourceType>\(e.2)</ResourceType><Timestamp>2027-01-15T08:\(String(format: "%02d", e.5 / 60)):\(String(format: "%02d", e.5 % 60))Z</Timestamp><ResourceStatus>\(e.3)</ResourceStatus>\(reason)</member>"
        }.joined()
        return ok("DescribeStackEvents", "<StackEvents>\(members)</StackEvents>")
    }

    static let stackType = "AWS::CloudFormation::Stack"
}
