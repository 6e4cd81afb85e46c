import Foundation
import SigV4

/// A source of AWS credentials: the environment, a profile, a role, a container or instance endpoint.
public protocol CredentialProvider: Sendable {
    /// Where the credentials come from, for `stacks whoami` and error messages ("environment",
    /// "profile dev (shared credentials file)"). Never contains a key.
    var name: String { get }

    /// Fetches credentials, or throws a `CredentialError` (or the transport's or STS's error) saying why not.
    func credentials() async throws -> Credentials
}

/// Credentials together with the name of the source they came from, for `stacks whoami`.
public struct ResolvedCredentials: Sendable, CustomStringConvertible, CustomReflectable {
    public let credentials: Credentials
    /// The providing source's `name`.
    public let source: String

    public init(credentials: Credentials, source: String) {
        self.credentials = credentials
        self.source = source
    }

    public var description: String { "credentials from \(source)" }

    public var customMirror: Mirror { Mirror(self, children: ["source": source]) }
}

/// Fixed credentials under a name; for callers that already hold keys, and for tests.
public struct StaticCredentialProvider: CredentialProvider, CustomStringConvertible, CustomReflectable {
    public let name: String
    private let value: Credentials

    public init(name: String, credentials: Credentials) {
        self.name = name
        self.value = credentials
    }

    public func credentials() async throws -> Credentials { value }

    public var description: String { "StaticCredentialProvider(\(name))" }

    public var customMirror: Mirror { Mirror(self, children: ["name": name]) }
}

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
