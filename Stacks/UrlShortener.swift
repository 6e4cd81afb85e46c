import AWSResources
import CloudFormation

/// Short links: an HTTP API in front of two Lambda functions and a DynamoDB table.
///
/// `POST /links` with `{"url": "..."}` stores a link and answers its code; `GET /{code}` redirects to it. The
/// functions' code is in `Stacks/functions/`; deploy zips each folder and uploads it to the artifact bucket.
public let urlShortener = Stack(
    "url-shortener",
    description: "Short links: an HTTP API, two Lambda functions and a DynamoDB table."
) { env in
    let isProduction = env.name == "prd"

    let links = DynamoDB.Table(
        "Links",
        keySchema: [.init(attributeName: "code", keyType: "HASH")],
        attributeDefinitions: [.init(attributeName: "code", attributeType: .s)],
        billingMode: "PAY_PER_REQUEST",
        pointInTimeRecoverySpecification: .init(pointInTimeRecoveryEnabled: .init(isProduction)),
        sseSpecification: .init(sseEnabled: true),
        timeToLiveSpecification: .init(enabled: true, attributeName: "expiresAt")
    )
    .deletionPolicy(isProduction ? .retain : .delete)
    .updateReplacePolicy(isProduction ? .retain : .delete)
    links

    let role = IAM.Role(
        "FunctionRole",
        assumeRolePolicyDocument: [
            "Version": "2012-10-17",
            "Statement": [[
                "Effect": "Allow",
                "Principal": ["Service": "lambda.amazonaws.com"],
                "Action": "sts:AssumeRole",
            ]],
        ],
        managedPolicyArns: ["arn:\(AWS.partition):iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"],
        policies: [.init(
            policyDocument: [
                "Version": "2012-10-17",
                "Statement": [[
                    "Effect": "Allow",
                    "Action": ["dynamodb:GetItem", "dynamodb:PutItem"],
                    "Resource": TemplateValue(links.arn),
                ]],
            ],
            policyName: "links-table"
        )]
    )
    role

    // `!Ref` of an HTTP API (`api.ref`) is its ID, the same value as `api.apiId`.
    let api = ApiGatewayV2.Api("HttpApi", name: "url-shortener-\(env.name)", protocolType: "HTTP")
    api

    for route in UrlShortenerRoute.allCases {
        let function = Lambda.Function(
            LogicalID(route.functionID),
            code: .asset(Asset(route.codeFolder)),
            role: role.arn,
            architectures: [.arm64],
            environment: .init(variables: ["TABLE_NAME": TemplateValue(links.name)]),
            handler: "index.handler",
            memorySize: 256,
            runtime: .nodejs24X,
            timeout: 10
        )
        function

        Logs.LogGroup(
            "\(route.functionID)Logs",
            logGroupName: "/aws/lambda/\(function.name)",
            retentionInDays: isProduction ? 90 : 14
        )

        let integration = ApiGatewayV2.Integration(
            "\(route.functionID)Integration",
            apiId: api.ref,
            integrationType: "AWS_PROXY",
            integrationUri: function.arn,
            payloadFormatVersion: "2.0"
        )
        integration

        ApiGatewayV2.Route(
            "\(route.functionID)Route",
            apiId: api.ref,
            routeKey: .init(route.key),
            target: "integrations/\(integration.ref)"
        )

        Lambda.Permission(
            "\(route.functionID)Permission",
            action: "lambda:InvokeFunction",
            functionName: function.name,
            principal: "apigateway.amazonaws.com",
            sourceArn: "arn:\(AWS.partition):execute-api:\(AWS.region):\(AWS.accountID):\(api.ref)/*"
        )
    }

    ApiGatewayV2.Stage("DefaultStage", apiId: api.ref, stageName: "$default", autoDeploy: true)

    Output("ApiURL", "https://\(api.ref).execute-api.\(AWS.region).\(AWS.urlSuffix)/" as Value<String>, description: "The base URL of the short links.")
    Output("TableName", links.name, description: "The table holding the links.", exportName: "\(AWS.stackName)-TableName")
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

    /// The folder holding the function's code, relative to the package root.
    var codeFolder: String {
        switch self {
        case .createLink: "Stacks/functions/create-link"
        case .redirect: "Stacks/functions/redirect"
        }
    }
}
