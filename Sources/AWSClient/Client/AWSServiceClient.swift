/// A client of one AWS service (`STS`, `CloudFormationClient`, `S3Client`), bound to that service's endpoint.
public protocol AWSServiceClient: Sendable {
    static var service: ServiceDescription { get }

    init(client: AWSClient, endpoint: ServiceEndpoint)
}

extension AWSServiceClient {
    /// Resolves the endpoint for the client's region from the environment and the profile's `endpoint_url`.
    public init(
        client: AWSClient,
        resolver: EndpointResolver = EndpointResolver(),
        profileEndpointURL: String? = nil
    ) throws {
        let endpoint = try resolver.endpoint(
            for: Self.service, region: client.region, profileEndpointURL: profileEndpointURL)
        self.init(client: client, endpoint: endpoint)
    }
}
