import Foundation

/// What the client needs to know about one AWS service to address and sign its requests.
public struct ServiceDescription: Sendable, Hashable {
    /// The service id as the SDKs spell it (`CloudFormation`, `STS`, `S3`); names `AWS_ENDPOINT_URL_<ID>`.
    public var serviceID: String
    /// The first label of the default host (`cloudformation` in `cloudformation.us-east-1.amazonaws.com`).
    public var endpointPrefix: String
    /// The service name in the SigV4 credential scope.
    public var signingName: String
    /// The API version sent as `Version` in Query requests.
    public var apiVersion: String

    public init(serviceID: String, endpointPrefix: String, signingName: String, apiVersion: String) {
        self.serviceID = serviceID
        self.endpointPrefix = endpointPrefix
        self.signingName = signingName
        self.apiVersion = apiVersion
    }

    public static let sts = ServiceDescription(
        serviceID: "STS", endpointPrefix: "sts", signingName: "sts", apiVersion: "2011-06-15")
    public static let cloudFormation = ServiceDescription(
        serviceID: "CloudFormation", endpointPrefix: "cloudformation", signingName: "cloudformation",
        apiVersion: "2010-05-15")
    public static let s3 = ServiceDescription(
        serviceID: "S3", endpointPrefix: "s3", signingName: "s3", apiVersion: "2006-03-01")

    /// The environment variable that overrides this service's endpoint: `AWS_ENDPOINT_URL_` and the service id
    /// upper-cased with spaces as underscores.
    public var endpointEnvironmentVariable: String {
        "AWS_ENDPOINT_URL_" + serviceID.uppercased().replacingOccurrences(of: " ", with: "_")
    }
}

/// Where a service's requests go, and whether the address came from the user's configuration.
public struct ServiceEndpoint: Sendable, Hashable {
    public var url: URL
    public var region: String
    /// True when the endpoint came from `AWS_ENDPOINT_URL*` or a profile's `endpoint_url` rather than the
    /// region's default host. S3 uses path-style addressing then.
    public var isCustom: Bool

    public init(url: URL, region: String, isCustom: Bool) {
        self.url = url
        self.region = region
        self.isCustom = isCustom
    }
}
