import Testing

@testable import AWSClient

@Suite struct EndpointResolverTests {
    @Test(
        arguments: [
            ("eu-west-1", [:], nil, "eu-west-1"),
            (nil, ["AWS_REGION": "us-west-2", "AWS_DEFAULT_REGION": "eu-central-1"], "ap-south-1", "us-west-2"),
            (nil, ["AWS_DEFAULT_REGION": "eu-central-1"], "ap-south-1", "eu-central-1"),
            (nil, ["AWS_REGION": "", "AWS_DEFAULT_REGION": " "], "ap-south-1", "ap-south-1"),
            ("eu-west-1", ["AWS_REGION": "us-west-2"], "ap-south-1", "eu-west-1"),
        ] as [(String?, [String: String], String?, String)])
    func regionPrecedence(explicit: String?, environment: [String: String], profile: String?, expected: String) throws {
        let resolver = EndpointResolver(environment: environment)
        #expect(try resolver.region(explicit: explicit, profileRegion: profile) == expected)
    }

    @Test func missingRegionIsAClearError() {
        #expect(throws: AWSClientError.self) { try EndpointResolver(environment: [:]).region() }
        let message = "\(AWSClientError.missingRegion)"
        #expect(message == "No AWS region is set. Pass --region, set AWS_REGION, or add 'region' to your profile.")
    }

    @Test(
        arguments: [
            (
                ServiceDescription.cloudFormation, "us-east-1", [:], nil,
                "https://cloudformation.us-east-1.amazonaws.com", false
            ),
            (.sts, "cn-north-1", [:], nil, "https://sts.cn-north-1.amazonaws.com.cn", false),
            (.s3, "us-gov-west-1", [:], nil, "https://s3.us-gov-west-1.amazonaws.com", false),
            (
                .cloudFormation, "us-east-1",
                ["AWS_ENDPOINT_URL_CLOUDFORMATION": "http://127.0.0.1:1", "AWS_ENDPOINT_URL": "http://127.0.0.1:2"],
                "http://127.0.0.1:3", "http://127.0.0.1:1", true
            ),
            (
                .sts, "us-east-1",
                ["AWS_ENDPOINT_URL_CLOUDFORMATION": "http://127.0.0.1:1", "AWS_ENDPOINT_URL": "http://127.0.0.1:2"],
                "http://127.0.0.1:3", "http://127.0.0.1:2", true
            ),
            (
                .s3, "us-east-1", ["AWS_ENDPOINT_URL_STS": "http://127.0.0.1:1"], "http://localhost:3",
                "http://localhost:3", true
            ),
            (.s3, "us-east-1", ["AWS_ENDPOINT_URL_S3": "http://127.0.0.1:4"], nil, "http://127.0.0.1:4", true),
            (
                .s3, "eu-west-1",
                ["AWS_ENDPOINT_URL_S3": "http://127.0.0.1:4", "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS": "true"],
                "http://localhost:3", "https://s3.eu-west-1.amazonaws.com", false
            ),
            (
                .cloudFormation, "us-east-1", ["AWS_ENDPOINT_URL_CLOUDFORMATION": ""], nil,
                "https://cloudformation.us-east-1.amazonaws.com", false
            ),
        ] as [(ServiceDescription, String, [String: String], String?, String, Bool)])
    func endpointPrecedence(
        service: ServiceDescription, region: String, environment: [String: String], profile: String?,
        expected: String, isCustom: Bool
    ) throws {
        let endpoint = try EndpointResolver(environment: environment)
            .endpoint(for: service, region: region, profileEndpointURL: profile)
        #expect(endpoint.url.absoluteString == expected)
        #expect(endpoint.isCustom == isCustom)
        #expect(endpoint.region == region)
    }

    @Test(arguments: [
        "CloudFormation": "AWS_ENDPOINT_URL_CLOUDFORMATION", "STS": "AWS_ENDPOINT_URL_STS",
        "S3": "AWS_ENDPOINT_URL_S3", "Elastic Beanstalk": "AWS_ENDPOINT_URL_ELASTIC_BEANSTALK",
    ])
    func endpointVariableNames(serviceID: String, variable: String) {
        let service = ServiceDescription(serviceID: serviceID, endpointPrefix: "x", signingName: "x", apiVersion: "1")
        #expect(service.endpointEnvironmentVariable == variable)
    }

    @Test(arguments: ["localhost:4566", "ftp://127.0.0.1", "http://"])
    func rejectsEndpointsThatAreNotHTTPURLs(value: String) {
        let resolver = EndpointResolver(environment: ["AWS_ENDPOINT_URL": value])
        #expect(throws: AWSClientError.self) { try resolver.endpoint(for: .sts, region: "us-east-1") }
    }

    @Test(arguments: ["us-east-1/evil", "EU-WEST-1", "eu west 1", "eu-west-1.attacker.example"])
    func rejectsNamesThatAreNotRegions(region: String) {
        #expect(throws: AWSClientError.self) { try EndpointResolver(environment: [:]).region(explicit: region) }
        #expect(throws: AWSClientError.self) {
            try EndpointResolver(environment: [:]).endpoint(for: .cloudFormation, region: region)
        }
    }
}
