/// What every provider needs from outside: the environment and files, the HTTP transport for the ECS and EC2
/// endpoints, STS for roles, and the endpoint addresses (tests point them at 127.0.0.1).
public struct CredentialContext: Sendable {
    public static let defaultContainerEndpoint = "http://169.254.170.2"
    public static let defaultInstanceMetadataEndpoint = "http://169.254.169.254"

    public var environment: CredentialEnvironment
    public var transport: any HTTPTransport
    public var roleAssumer: any RoleAssuming
    /// Base URL for `AWS_CONTAINER_CREDENTIALS_RELATIVE_URI`.
    public var containerEndpoint: String
    /// Base URL of EC2 instance metadata, unless `AWS_EC2_METADATA_SERVICE_ENDPOINT` overrides it.
    public var instanceMetadataEndpoint: String
    /// Temporary credentials are refreshed once they expire within this window.
    public var refreshWindow: Duration
    /// The pause between attempts at the ECS and EC2 endpoints.
    public var metadataRetryDelay: Duration

    public init(
        environment: CredentialEnvironment = .current,
        transport: any HTTPTransport,
        roleAssumer: any RoleAssuming,
        containerEndpoint: String = CredentialContext.defaultContainerEndpoint,
        instanceMetadataEndpoint: String = CredentialContext.defaultInstanceMetadataEndpoint,
        refreshWindow: Duration = .seconds(300),
        metadataRetryDelay: Duration = .seconds(1)
    ) {
        self.environment = environment
        self.transport = transport
        self.roleAssumer = roleAssumer
        self.containerEndpoint = containerEndpoint
        self.instanceMetadataEndpoint = instanceMetadataEndpoint
        self.refreshWindow = refreshWindow
        self.metadataRetryDelay = metadataRetryDelay
    }
}
