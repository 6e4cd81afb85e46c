import AWSResources
import CloudFormation
import Testing

@Suite struct RenderingTests {
    @Test func dynamoDBTableRendersPropertiesInCloudFormationNameOrder() {
        let table = DynamoDB.Table(
            "Links",
            keySchema: [DynamoDB.Table.KeySchema(attributeName: "code", keyType: "HASH")],
            attributeDefinitions: [DynamoDB.Table.AttributeDefinition(attributeName: "code", attributeType: .s)],
            billingMode: "PAY_PER_REQUEST"
        )
        let expected: TemplateMap = [
            "AttributeDefinitions": [["AttributeName": "code", "AttributeType": "S"]],
            "BillingMode": "PAY_PER_REQUEST",
            "KeySchema": [["AttributeName": "code", "KeyType": "HASH"]],
        ]
        #expect(table.properties == expected)
        #expect(table.properties.orderedKeys == ["AttributeDefinitions", "BillingMode", "KeySchema"])
        #expect(table.templateResource.type == "AWS::DynamoDB::Table")
    }

    @Test func attributesAreTypedIntrinsics() {
        let table = DynamoDB.Table("Links", keySchema: [])
        #expect(table.arn.templateValue == .intrinsic(.getAtt("Links", "Arn")))
        #expect(table.streamArn.templateValue == .intrinsic(.getAtt("Links", "StreamArn")))
        #expect(table.name.templateValue == .intrinsic(.ref("Links")))
        let queue = SQS.Queue("Jobs")
        #expect(queue.queueUrl.templateValue == .intrinsic(.getAtt("Jobs", "QueueUrl")))
    }

    @Test func queueWithNestedStructAndIntrinsic() {
        let deadLetters = SQS.Queue("DeadLetters")
        let queue = SQS.Queue(
            "Jobs",
            delaySeconds: 5,
            queueName: "jobs",
            redrivePolicy: SQS.Queue.RedrivePolicy(deadLetterTargetArn: deadLetters.arn, maxReceiveCount: 3),
            visibilityTimeout: 60
        )
        let expected: TemplateMap = [
            "DelaySeconds": 5,
            "QueueName": "jobs",
            "RedrivePolicy": ["deadLetterTargetArn": .intrinsic(.getAtt("DeadLetters", "Arn")), "maxReceiveCount": 3],
            "VisibilityTimeout": 60,
        ]
        #expect(queue.properties == expected)
    }

    @Test func enumsAcceptCasesAndIntrinsics() {
        var function = Lambda.Function("Handler", code: Lambda.Function.Code(zipFile: "exports.handler = 1"),
                                       role: "arn:aws:iam::123456789012:role/handler")
        function.runtime = .nodejs20X
        function.packageType = .zip
        function.architectures = [.arm64]
        #expect(function.properties["Runtime"] == "nodejs20.x")
        #expect(function.properties["PackageType"] == "Zip")
        #expect(function.properties["Architectures"] == ["arm64"])
        function.runtime = .ref("RuntimeParameter")
        #expect(function.properties["Runtime"] == .intrinsic(.ref("RuntimeParameter")))
    }

    @Test func serverlessFunctionReusesLambdaTypesForPassedThroughProperties() {
        let function = Serverless.Function(
            "Api",
            environment: Lambda.Function.Environment(variables: ["TABLE": "links"]),
            handler: "index.handler",
            runtime: .python312
        )
        let expected: TemplateMap = [
            "Environment": ["Variables": ["TABLE": "links"]],
            "Handler": "index.handler",
            "Runtime": "python3.12",
        ]
        #expect(function.properties == expected)
        #expect(function.arn.templateValue == .intrinsic(.getAtt("Api", "Arn")))
        #expect(Serverless.Function.resourceType.isServerless)
    }

    @Test func overridesApplyOnTopOfTypedProperties() {
        let queue = SQS.Queue("Jobs", delaySeconds: 5).overriding(["DelaySeconds"], with: nil)
            .overriding(["Extra", "Key"], with: "value")
        #expect(queue.templateResource.properties == ["Extra": ["Key": "value"]])
    }
}
