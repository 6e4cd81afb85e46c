import CloudFormation

/// Templates the tests share.
enum SampleTemplates {
    /// Every section and every intrinsic function, in one template.
    static func kitchenSink() -> Template {
        var template = Template(description: "Every section: 'quoted', #not a comment, ünïcode")
        template.metadata = ["Owner": "platform", "Version": 3]
        template.transform = .list(["AWS::LanguageExtensions"])
        template.parameters = [
            ParameterDefinition(id: "Env", properties: ["Type": "String", "AllowedValues": ["sbx", "prd"], "Default": "sbx"]),
            ParameterDefinition(id: "Subnets", properties: ["Type": "List<AWS::EC2::Subnet::Id>"]),
        ]
        template.rules = ["ProdOnly": ["Assertions": [["Assert": .intrinsic(.equals(.intrinsic(.ref("Env")), "prd"))]]]]
        template.mappings = ["Sizes": ["sbx": ["Memory": 128], "prd": ["Memory": 1024]]]
        template.conditions = [
            "IsProd": .intrinsic(.equals(.intrinsic(.ref("Env")), "prd")),
            "IsNotProd": .intrinsic(.not(.intrinsic(.condition("IsProd")))),
            "Both": .intrinsic(.and([.intrinsic(.condition("IsProd")), .intrinsic(.condition("IsNotProd"))])),
            "Either": .intrinsic(.or([.intrinsic(.condition("IsProd")), .intrinsic(.condition("IsNotProd"))])),
        ]
        var queueAttributes = ResourceAttributes()
        queueAttributes.condition = "IsProd"
        queueAttributes.dependsOn = ["Topic"]
        queueAttributes.deletionPolicy = .retain
        queueAttributes.updateReplacePolicy = .snapshot
        queueAttributes.metadata = ["cfn-lint": ["config": ["ignore_checks": ["W3005"]]]]
        queueAttributes.updatePolicy = ["AutoScalingReplacingUpdate": ["WillReplace": true]]
        queueAttributes.creationPolicy = ["ResourceSignal": ["Count": 1, "Timeout": "PT5M"]]
        template.resources = [
            TemplateResource(id: "Topic", type: "AWS::SNS::Topic", properties: [
                "DisplayName": .intrinsic(.sub("${AWS::StackName}-${Env} costs ${!Dollars}", [:])),
                "TopicName": .intrinsic(.join("-", [.intrinsic(.ref("AWS::StackName")), "alerts"])),
            ]),
            TemplateResource(id: "Queue", type: "AWS::SQS::Queue", properties: [
                "DelaySeconds": .intrinsic(.findInMap("Sizes", .intrinsic(.ref("Env")), "Memory")),
                "QueueName": .intrinsic(.if("IsProd", "prod-queue", .intrinsic(.ref("AWS::NoValue")))),
                "Tags": [
                    ["Key": "Zone", "Value": .intrinsic(.select(0, .intrinsic(.getAZs(""))))],
                    ["Key": "Parts", "Value": .intrinsic(.select(1, .intrinsic(.split(",", "a,b,c"))))],
                    ["Key": "Blocks", "Value": .intrinsic(.select(0, .intrinsic(.cidr("10.0.0.0/16", 4, 8))))],
                    ["Key": "Encoded", "Value": .intrinsic(.base64(.intrinsic(.sub("x=${Topic}", ["Unused": 1]))))],
                    ["Key": "Imported", "Value": .intrinsic(.importValue(.intrinsic(.sub("${Env}-VpcId", [:]))))],
                ],
                "VisibilityTimeout": 30,
                "Ratio": 0.25,
                "Enabled": true,
                "Nothing": .null,
                "Multiline": "line one\nline two\n",
                "Yes": "yes",
                "Zip": "00123",
            ], attributes: queueAttributes),
            TemplateResource(id: "Snippet", type: "AWS::CloudFormation::WaitConditionHandle", properties: [
                "Included": .intrinsic(.transform("AWS::Include", ["Location": "s3://bucket/snippet.yaml"])),
                "Length": .intrinsic(.other("Fn::Length", [1, 2, 3])),
            ]),
        ]
        template.outputs = [
            OutputDefinition(id: "QueueArn", properties: [
                "Value": .intrinsic(.getAtt("Queue", "Arn")),
                "Condition": "IsProd",
                "Export": ["Name": .intrinsic(.sub("${AWS::StackName}-QueueArn", [:]))],
            ]),
        ]
        return template
    }
}
