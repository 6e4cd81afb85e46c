import AWSClient
import Foundation

/// Who stacks acts as in an environment, and the clients it acts through.
public struct DeploySession: Sendable {
    public var api: any CloudFormationAPI
    public var account: String
    public var arn: String
    /// The credential source's name (never a key).
    public var source: String
    public var region: String
    /// The CloudFormation endpoint.
    public var endpoint: String

    public init(api: any CloudFormationAPI, account: String, arn: String, source: String, region: String, endpoint: String) {
        self.api = api
        self.account = account
        self.arn = arn
        self.source = source
        self.region = region
        self.endpoint = endpoint
    }
}

/// Finds the identity for an environment: locally its profile; in CI (or without a profile) the default chain,
/// then the environment's deployment role. Then asks STS who that is and refuses an identity in another account.
public struct IdentityResolver: Sendable {
    public var variables: [String: String]
    public var homeDirectory: String
    public var transport: any HTTPTransport
    public var retry: RetryConfiguration

    public init(
        variables: [String: String], homeDirectory: String, transport: any HTTPTransport = URLSessionTransport(),
        retry: RetryConfiguration = .standard
    ) {
        self.variables = variables
        self.homeDirectory = homeDirectory
        self.transport = transport
        self.retry = retry
    }

    /// The process's environment and home.
    public static var current: IdentityResolver {
        let environment = CredentialEnvironment.current
        return IdentityResolver(variables: environment.variables, homeDirectory: environment.homeDirectory)
    }

    /// CI=true or GITHUB_ACTIONS set.
    public var isCI: Bool {
        variables["CI"]?.lowercased() == "true" || !(variables["GITHUB_ACTIONS"] ?? "").isEmpty
    }

    /// The session for `environment`, checked to be in its account.
    public func session(for environment: Environment) async throws -> DeploySession {
        let credentialEnvironment = CredentialEnvironment(variables: variables, homeDirectory: homeDirectory)
        let resolver = EndpointResolver(environment: variables)
        let stsEndpoint = try resolver.endpoint(for: .sts, region: environment.region)
        let bootstrap = AWSClient(
            region: environment.region,
            credentialProvider: StaticCredentialProvider(name: "none", credentials: .init(accessKeyID: "", secretAccessKey: "")),
            transport: transport, retry: retry)
        let assumer = STS(client: bootstrap, endpoint: stsEndpoint)
        let context = CredentialContext(environment: credentialEnvironment, transport: transport, roleAssumer: assumer)
        let provider: any CredentialProvider
        if let profile = environment.profile, !isCI {
            provider = CredentialChain(profile: profile, context: context)
        } else {
            let chain = CredentialChain(context: context)
            if let role = environment.deployRole {
                provider = RefreshingCredentialProvider(wrapping: AssumeRoleCredentialProvider(
                    name: "role \(role) from the \(chain.name)", roleARN: role,
                    sessionName: environment.sessionName ?? "stacks-deploy-\(environment.name)",
                    externalID: environment.externalID, source: chain, roleAssumer: assumer))
            } else {
                provider = chain
            }
        }
        let session = try await makeSession(provider: provider, region: environment.region, resolver: resolver)
        guard session.account == environment.account else {
            throw DeployError("Environment '\(environment.name)' is account \(environment.account), but the credentials (\(provider.name)) are for account \(session.account); use the right profile or role, or fix the account in the environment mapping.")
        }
        return session
    }

    /// `stacks whoami`: the identity of a profile (or the default chain) in a region.
    public func whoami(profile: String?, region: String?) async throws -> DeploySession {
        let credentialEnvironment = CredentialEnvironment(variables: variables, homeDirectory: homeDirectory)
        let resolver = EndpointResolver(environment: variables)
        let regionName = (try? resolver.region(explicit: region)) ?? "us-east-1"
        let bootstrap = AWSClient(
            region: regionName,
            credentialProvider: StaticCredentialProvider(name: "none", credentials: .init(accessKeyID: "", secretAccessKey: "")),
            transport: transport, retry: retry)
        let assumer = STS(client: bootstrap, endpoint: try resolver.endpoint(for: .sts, region: regionName))
        let context = CredentialContext(environment: credentialEnvironment, transport: transport, roleAssumer: assumer)
        return try await makeSession(provider: CredentialChain(profile: profile, context: context), region: regionName, resolver: resolver)
    }

    private func makeSession(provider: any CredentialProvider, region: String, resolver: EndpointResolver) async throws
        -> DeploySession
    {
        let client = AWSClient(region: region, credentialProvider: provider, transport: transport, retry: retry)
        let identity: CallerIdentity
        do {
            identity = try await STS(client: client, endpoint: resolver.endpoint(for: .sts, region: region)).getCallerIdentity()
        } catch let error as AWSClientError {
            if case .credentials = error { throw DeployError("\(error)") }
            throw DeployError("Cannot tell who the credentials (\(provider.name)) belong to: \(error)")
        } catch let error as CredentialError {
            throw DeployError("\(error)")
        }
        var source = provider.name
        if let chain = provider as? CredentialChain, let selected = try? await chain.provider() {
            source = selected.name
        }
        let cloudFormationEndpoint = try resolver.endpoint(for: .cloudFormation, region: region)
        let api = LiveCloudFormationAPI(
            cloudFormation: CloudFormationClient(client: client, endpoint: cloudFormationEndpoint),
            s3: S3Client(client: client, endpoint: try resolver.endpoint(for: .s3, region: region)))
        return DeploySession(
            api: api, account: identity.account, arn: identity.arn, source: source, region: region,
            endpoint: cloudFormationEndpoint.url.absoluteString)
    }
}
