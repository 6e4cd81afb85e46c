import AWSResources
import CloudFormation
import Testing

@Suite struct SchemaValidationTests {
    struct Case: Sendable, CustomStringConvertible {
        var name: String
        var resource: TemplateResource
        var expected: [String]
        var description: String { name }
    }

    static let links = DynamoDB.Table(
        "Links",
        keySchema: [DynamoDB.Table.KeySchema(attributeName: "code", keyType: "HASH")],
        attributeDefinitions: [DynamoDB.Table.AttributeDefinition(attributeName: "code", attributeType: .s)]
    )

    static let cases: [Case] = [
        Case(
            name: "unknown enum value through an override",
            resource: links.overriding(["AttributeDefinitions"], with: [["AttributeName": "code", "AttributeType": "STRING"]]).templateResource,
            expected: ["Resource 'Links' (AWS::DynamoDB::Table) property 'AttributeDefinitions[0].AttributeType' is 'STRING', but CloudFormation accepts only 'B', 'N' or 'S'."]
        ),
        Case(
            name: "unknown enum value in a generic resource",
            resource: GenericResource("Logs", type: "AWS::Logs::LogGroup", properties: ["LogGroupClass": "ARCHIVE"]).templateResource,
            expected: ["Resource 'Logs' (AWS::Logs::LogGroup) property 'LogGroupClass' is 'ARCHIVE', but CloudFormation accepts only 'STANDARD', 'INFREQUENT_ACCESS' or 'DELIVERY'."]
        ),
        Case(
            name: "unknown numeric enum value",
            resource: GenericResource("Logs", type: "AWS::Logs::LogGroup", properties: ["RetentionInDays": 2]).templateResource,
            expected: ["Resource 'Logs' (AWS::Logs::LogGroup) property 'RetentionInDays' is 2, but CloudFormation accepts only one of 22 values such as 1, 3, 5, 7, 14, 30, 60, 90, 120, 150."]
        ),
        Case(
            name: "unknown value of an enum too large to generate (kept a string, checked at synth)",
            resource: EC2.Instance("Box", instanceType: "t3.mega").templateResource,
            expected: ["Resource 'Box' (AWS::EC2::Instance) property 'InstanceType' is 't3.mega', but CloudFormation accepts only one of 1212 values such as 'a1.2xlarge', 'a1.4xlarge', 'a1.large', 'a1.medium', 'a1.metal', 'a1.xlarge', 'c1.medium', 'c1.xlarge', 'c3.2xlarge', 'c3.4xlarge'."]
        ),
        Case(
            name: "string too long",
            resource: SNS.Topic("Alerts", topicName: Value(String(repeating: "a", count: 300))).templateResource,
            expected: ["Resource 'Alerts' (AWS::SNS::Topic) property 'TopicName' is 300 characters long, but CloudFormation accepts at most 256."]
        ),
        Case(
            name: "pattern mismatch",
            resource: S3.Bucket("Assets", bucketName: "My_Bucket").templateResource,
            expected: ["Resource 'Assets' (AWS::S3::Bucket) property 'BucketName' is 'My_Bucket', which does not match the pattern '^([a-z0-9][a-z0-9.-]*[a-z0-9])?$' CloudFormation requires."]
        ),
        Case(
            name: "missing required property of a generic resource",
            resource: GenericResource("Links", type: "AWS::DynamoDB::Table", properties: ["BillingMode": "PAY_PER_REQUEST"]).templateResource,
            expected: ["Resource 'Links' (AWS::DynamoDB::Table) is missing required property 'KeySchema'."]
        ),
        Case(
            name: "missing required nested property through an override",
            resource: links.overriding(["AttributeDefinitions"], with: [["AttributeName": "code"]]).templateResource,
            expected: ["Resource 'Links' (AWS::DynamoDB::Table) property 'AttributeDefinitions[0]' is missing required property 'AttributeType'."]
        ),
        Case(
            name: "number out of range",
            resource: SQS.Queue("Jobs", delaySeconds: 901).templateResource,
            expected: ["Resource 'Jobs' (AWS::SQS::Queue) property 'DelaySeconds' is 901, but CloudFormation accepts only values from 0 to 900."]
        ),
        Case(
            name: "too many items",
            resource: Lambda.Function(
                "Handler", code: Lambda.Function.Code(zipFile: "x"), role: "arn:aws:iam::123456789012:role/handler",
                layers: Value(["1", "2", "3", "4", "5", "6"].map { "arn:aws:lambda:us-east-1:123456789012:layer:shared:\($0)" })
            ).templateResource,
            expected: ["Resource 'Handler' (AWS::Lambda::Function) property 'Layers' has 6 items, but CloudFormation accepts at most 5."]
        ),
        Case(
            name: "misspelled property through an override",
            resource: links.overriding(["BillingMod"], with: "PAY_PER_REQUEST").templateResource,
            expected: ["Resource 'Links' (AWS::DynamoDB::Table) has property 'BillingMod', which CloudFormation does not define there; did you mean 'BillingMode'?"]
        ),
        Case(
            name: "none of a oneOf set of required properties",
            resource: GenericResource("Exclusion", type: "AWS::EC2::VPCBlockPublicAccessExclusion",
                                      properties: ["InternetGatewayExclusionMode": "allow-egress"]).templateResource,
            expected: ["Resource 'Exclusion' (AWS::EC2::VPCBlockPublicAccessExclusion) needs exactly one of 'VpcId' or 'SubnetId', but has none."]
        ),
        Case(
            name: "two of a oneOf set of required properties, whose values are intrinsics",
            resource: GenericResource("Exclusion", type: "AWS::EC2::VPCBlockPublicAccessExclusion", properties: [
                "InternetGatewayExclusionMode": "allow-egress", "VpcId": .intrinsic(.ref("Vpc")), "SubnetId": .intrinsic(.ref("Subnet")),
            ]).templateResource,
            expected: ["Resource 'Exclusion' (AWS::EC2::VPCBlockPublicAccessExclusion) needs exactly one of 'VpcId' or 'SubnetId', but has 2."]
        ),
        Case(
            name: "none of an anyOf set in a nested object",
            resource: links.overriding(["WarmThroughput"], with: [:]).templateResource,
            expected: ["Resource 'Links' (AWS::DynamoDB::Table) property 'WarmThroughput' needs at least one of 'ReadUnitsPerSecond' or 'WriteUnitsPerSecond', but has none."]
        ),
        Case(
            name: "intrinsics are not checked",
            resource: SQS.Queue("Jobs", delaySeconds: .ref("Delay"), queueName: .ref("Name")).templateResource,
            expected: []
        ),
        Case(name: "a valid table", resource: links.templateResource, expected: []),
        Case(
            name: "a type without generated code",
            resource: GenericResource("Thing", type: "Custom::Thing", properties: ["Anything": 1]).templateResource,
            expected: []
        ),
    ]

    @Test(arguments: cases)
    func reportsExactlyTheExpectedSentences(_ testCase: Case) {
        #expect(ResourceSchemas.validate(testCase.resource).map(\.message) == testCase.expected)
    }

    @Test func issuesCarryTheResourceAndPath() {
        let issues = ResourceSchemas.validate(SQS.Queue("Jobs", delaySeconds: 901).templateResource)
        #expect(issues.map(\.path) == ["DelaySeconds"])
        #expect(issues.map(\.resource) == ["Jobs"])
        #expect(issues.map(\.type) == ["AWS::SQS::Queue"])
    }

    @Test func secretValuesAreNeverQuoted() {
        let resource = GenericResource(
            "Secret", type: "AWS::Lambda::Permission",
            properties: ["Action": "lambda:InvokeFunction", "FunctionName": "f", "Principal": "s3.amazonaws.com", "EventSourceToken": "hunter2!"]
        ).templateResource
        #expect(ResourceSchemas.validate(resource).map(\.message) == [
            "Resource 'Secret' (AWS::Lambda::Permission) property 'EventSourceToken' is a hidden value, which does not match the pattern '^[a-zA-Z0-9._\\-]+$' CloudFormation requires.",
        ])
    }
}

@Suite struct ResourceDataTests {
    @Test(arguments: [
        ("AWS::DynamoDB::Table", ["ImportSourceSpecification", "TableName"]),
        ("AWS::SQS::Queue", ["FifoQueue", "QueueName"]),
        ("Custom::Thing", []),
    ] as [(ResourceType, [String])])
    func createOnlyProperties(_ type: ResourceType, _ expected: [String]) {
        #expect(ResourceSchemas.createOnlyProperties(of: type) == expected)
    }

    @Test(arguments: [
        ("AWS::DynamoDB::Table", true), ("AWS::Logs::LogGroup", true), ("AWS::Lambda::Function", false),
        ("AWS::SQS::Queue", true), ("AWS::SNS::Topic", false),
    ] as [(ResourceType, Bool)])
    func statefulTypes(_ type: ResourceType, _ expected: Bool) {
        #expect(ResourceSchemas.isStateful(type) == expected)
    }

    @Test(arguments: [
        ("dynamodb:GetItem", true as Bool?), ("dynamodb:GetItems", false), ("DynamoDB:getitem", true),
        ("dynamodb:Get*", true), ("dynamodb:Gte*", false), ("s3:GetObject", true), ("sqs:SendMessage", true),
        ("nosuchservice:DoIt", nil), ("GetItem", nil), ("*", true),
    ])
    func iamActions(_ action: String, _ expected: Bool?) {
        #expect(IAMActions.isKnown(action) == expected)
    }

    @Test func generatedTypesAreSortedAndCoverTheIssueList() {
        let types = ResourceSchemas.generatedTypes
        #expect(types == types.sorted())
        for type in ["AWS::DynamoDB::Table", "AWS::EC2::VPC", "AWS::RDS::DBProxyTargetGroup", "AWS::Serverless::Function",
                     "AWS::Serverless::HttpApi", "AWS::ApiGatewayV2::Api", "AWS::StepFunctions::StateMachine"] as [ResourceType] {
            #expect(types.contains(type), "\(type) has no generated code")
        }
    }
}
