import CloudFormation

/// Short links: an HTTP API in front of two Lambda functions and a DynamoDB table.
///
/// `POST /links` with `{"url": "..."}` stores a link and answers its code; `GET /{code}` redirects to it.
public let urlShortener = Stack(
    "url-shortener",
    description: "Short links: an HTTP API, two Lambda functions and a DynamoDB table."
) { env in
    let isProduction = env.name == "prd"

    let links = GenericResource("Links", type: "AWS::DynamoDB::Table", properties: [
        "AttributeDefinitions": [["AttributeName": "code", "AttributeType": "S"]],
        "BillingMode": "PAY_PER_REQUEST",
        "KeySchema": [["AttributeName": "code", "KeyType": "HASH"]],
        "PointInTimeRecoverySpecification": ["PointInTimeRecoveryEnabled": .bool(isProduction)],
        "SSESpecification": ["SSEEnabled": true],
        "TimeToLiveSpecification": ["AttributeName": "expiresAt", "Enabled": true],
    ])
    .deletionPolicy(isProduction ? .retain : .delete)
    .updateReplacePolicy(isProduction ? .retain : .delete)
    links

    let tableARN: Value<String> = links.attribute("Arn")
    let role = GenericResource("FunctionRole", type: "AWS::IAM::Role", properties: [
        "AssumeRolePolicyDocument": [
            "Version": "2012-10-17",
            "Statement": [[
                "Effect": "Allow",
                "Principal": ["Service": "lambda.amazonaws.com"],
                "Action": "sts:AssumeRole",
            ]],
        ],
        "ManagedPolicyArns": [
            TemplateValue("arn:\(AWS.partition):iam::aws:policy/service-role/AWSLambdaBasicExecutionRole" as Value<String>)
        ],
        "Policies": [[
            "PolicyName": "links-table",
            "PolicyDocument": [
                "Version": "2012-10-17",
                "Statement": [[
                    "Effect": "Allow",
                    "Action": ["dynamodb:GetItem", "dynamodb:PutItem"],
                    "Resource": TemplateValue(tableARN),
                ]],
            ],
        ]],
    ])
    role

    let api = GenericResource("HttpApi", type: "AWS::ApiGatewayV2::Api", properties: [
        "Name": TemplateValue("url-shortener-\(env.name)" as Value<String>),
        "ProtocolType": "HTTP",
    ])
    api

    for route in UrlShortenerRoute.allCases {
        let function = GenericResource(LogicalID(route.functionID), type: "AWS::Lambda::Function", properties: [
            "Architectures": ["arm64"],
            "Code": ["ZipFile": .string(route.code)],
            "Environment": ["Variables": ["TABLE_NAME": TemplateValue(links.ref)]],
            "Handler": "index.handler",
            "MemorySize": 256,
            "Role": TemplateValue(role.attribute("Arn")),
            "Runtime": "nodejs24.x",
            "Timeout": 10,
        ])
        function

        GenericResource("\(route.functionID)Logs", type: "AWS::Logs::LogGroup", properties: [
            "LogGroupName": TemplateValue("/aws/lambda/\(function.ref)" as Value<String>),
            "RetentionInDays": .int(isProduction ? 90 : 14),
        ])

        let integration = GenericResource("\(route.functionID)Integration", type: "AWS::ApiGatewayV2::Integration", properties: [
            "ApiId": TemplateValue(api.ref),
            "IntegrationType": "AWS_PROXY",
            "IntegrationUri": TemplateValue(function.attribute("Arn")),
            "PayloadFormatVersion": "2.0",
        ])
        integration

        GenericResource("\(route.functionID)Route", type: "AWS::ApiGatewayV2::Route", properties: [
            "ApiId": TemplateValue(api.ref),
            "RouteKey": .string(route.key),
            "Target": TemplateValue("integrations/\(integration.ref)" as Value<String>),
        ])

        GenericResource("\(route.functionID)Permission", type: "AWS::Lambda::Permission", properties: [
            "Action": "lambda:InvokeFunction",
            "FunctionName": TemplateValue(function.ref),
            "Principal": "apigateway.amazonaws.com",
            "SourceArn": TemplateValue("arn:\(AWS.partition):execute-api:\(AWS.region):\(AWS.accountID):\(api.ref)/*" as Value<String>),
        ])
    }

    GenericResource("DefaultStage", type: "AWS::ApiGatewayV2::Stage", properties: [
        "ApiId": TemplateValue(api.ref),
        "AutoDeploy": true,
        "StageName": "$default",
    ])

    Output("ApiURL", "https://\(api.ref).execute-api.\(AWS.region).\(AWS.urlSuffix)/" as Value<String>, description: "The base URL of the short links.")
    Output("TableName", links.ref, description: "The table holding the links.", exportName: "\(AWS.stackName)-TableName")
}

/// The routes of the URL shortener and the function behind each.
enum UrlShortenerRoute: CaseIterable {
    case createLink
    case redirect

    var functionID: String {
        switch self {
        case .createLink: "CreateLinkFunction"
        case .redirect: "RedirectFunction"
        }
    }

    var key: String {
        switch self {
        case .createLink: "POST /links"
        case .redirect: "GET /{code}"
        }
    }

    var code: String {
        switch self {
        case .createLink:
            """
            const { DynamoDBClient, PutItemCommand } = require("@aws-sdk/client-dynamodb");
            const { randomBytes } = require("crypto");
            const db = new DynamoDBClient({});
            exports.handler = async (event) => {
              const { url } = JSON.parse(event.body || "{}");
              if (!/^https?:\\/\\//.test(url || "")) return { statusCode: 400, body: "url must be http(s)" };
              const code = randomBytes(5).toString("base64url");
              await db.send(new PutItemCommand({
                TableName: process.env.TABLE_NAME,
                Item: { code: { S: code }, url: { S: url } },
                ConditionExpression: "attribute_not_exists(code)",
              }));
              return { statusCode: 201, body: JSON.stringify({ code }) };
            };
            """
        case .redirect:
            """
            const { DynamoDBClient, GetItemCommand } = require("@aws-sdk/client-dynamodb");
            const db = new DynamoDBClient({});
            exports.handler = async (event) => {
              const code = event.pathParameters && event.pathParameters.code;
              const item = await db.send(new GetItemCommand({ TableName: process.env.TABLE_NAME, Key: { code: { S: code } } }));
              if (!item.Item) return { statusCode: 404, body: "not found" };
              return { statusCode: 301, headers: { location: item.Item.url.S } };
            };
            """
        }
    }
}
