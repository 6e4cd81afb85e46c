import Foundation
import SigV4

/// The standard credential chain of the AWS SDKs, in botocore's order:
///
/// 1. with an explicit profile (`--profile`): that profile only, and an error when it yields nothing (botocore
///    would still try ECS and EC2 after it; an explicit profile that silently became the instance role would
///    deploy with the wrong account);
/// 2. otherwise the environment (`AWS_ACCESS_KEY_ID` + `AWS_SECRET_ACCESS_KEY` [+ `AWS_SESSION_TOKEN`]; either
///    one alone is an error, where botocore ignores a lone secret);
/// 3. the profile (`AWS_PROFILE` or `default`) when it has `role_arn` with a source;
/// 4. web identity (`AWS_WEB_IDENTITY_TOKEN_FILE`, `AWS_ROLE_ARN`, `AWS_ROLE_SESSION_NAME`, or the profile's);
/// 5. the profile's static keys in the credentials file, its `credential_process`, its keys in the config file;
/// 6. ECS container credentials; 7. EC2 instance metadata (IMDSv2).
///
/// The first source that applies is kept for the chain's lifetime, behind a `RefreshingCredentialProvider`.
public actor CredentialChain: CredentialProvider, CustomReflectable {
    public nonisolated let name: String
    /// The explicit profile, if one was given.
    public nonisolated let profile: String?
    private let context: CredentialContext
    private var selected: (any CredentialProvider)?
    private var selecting: Task<any CredentialProvider, any Error>?

    public init(profile: String? = nil, context: CredentialContext) {
        self.profile = profile
        self.context = context
        self.name = profile.map { "profile \($0)" } ?? "default credential chain"
    }

    /// Shows the name only: the selected provider caches secrets.
    public nonisolated var customMirror: Mirror { Mirror(self, children: ["name": name]) }

    /// The provider the chain settled on; found on the first call, then kept.
    public func provider() async throws -> any CredentialProvider {
        if let selected { return selected }
        if let selecting { return try await selecting.value }
        let task = Task { try await self.select() }
        selecting = task
        defer { selecting = nil }
        let chosen = try await task.value
        selected = chosen
        return chosen
    }

    /// Credentials and the name of their source, for `stacks whoami`.
    public func resolve() async throws -> ResolvedCredentials {
        let provider = try await provider()
        return ResolvedCredentials(credentials: try await provider.credentials(), source: provider.name)
    }

    public func credentials() async throws -> Credentials {
        try await provider().credentials()
    }

    private func select() async throws -> any CredentialProvider {
        let environment = context.environment
        func cached(_ provider: any CredentialProvider, seed: Credentials? = nil) -> any CredentialProvider {
            RefreshingCredentialProvider(
                wrapping: provider, refreshWindow: context.refreshWindow, now: environment.now, seed: seed
            )
        }
        if let profile {
            return cached(try explicitProfile(profile))
        }
        if EnvironmentCredentialProvider.isConfigured(in: environment) {
            let provider = EnvironmentCredentialProvider(environment: environment)
            _ = try provider.read()
            return cached(provider)
        }
        let files = try SharedConfigFiles.load(environment: environment)
        let profileName = SharedConfigFiles.selectedProfileName(explicit: nil, environment: environment)
        let profile = files.profile(named: profileName)
        if profile == nil, profileName != "default" {
            throw Self.notFound(profileName, in: files)
        }
        let resolver = ProfileResolver(files: files, context: context)
        if let profile, profile.assumesRole {
            return cached(try resolver.assumeRole(profile, visited: [profile.name]))
        }
        if let webIdentity = try WebIdentityCredentialProvider.make(
            profile: profile, useEnvironment: true, context: context
        ) {
            return cached(webIdentity)
        }
        if let profile {
            if let provider = try resolver.fileProviders(profile) { return cached(provider) }
            if profile.usesSSO { throw CredentialError.ssoNotSupported(profile: profile.name) }
        }
        if ContainerCredentialProvider.isConfigured(in: environment) {
            return cached(ContainerCredentialProvider(context: context))
        }
        var places = [
            "environment variables",
            "web identity (AWS_WEB_IDENTITY_TOKEN_FILE)",
            "profile '\(profileName)' in '\(files.credentialsFilePath)' and '\(files.configFilePath)'",
            "ECS container (AWS_CONTAINER_CREDENTIALS_RELATIVE_URI / _FULL_URI unset)",
        ]
        let instance = InstanceMetadataCredentialProvider(
            context: context, profileEndpoint: profile?.ec2MetadataServiceEndpoint
        )
        switch try await instance.fetch() {
        case .success(let credentials):
            return cached(instance, seed: credentials)
        case .failure(.instanceMetadataUnavailable(let reason)):
            places.append("EC2 instance metadata (\(reason))")
        case .failure(let error):
            throw error
        }
        throw CredentialError.noCredentials(lookedIn: places)
    }

    private func explicitProfile(_ name: String) throws(CredentialError) -> any CredentialProvider {
        let files = try SharedConfigFiles.load(environment: context.environment)
        guard files.configFileExists || files.credentialsFileExists else {
            throw .sharedFilesMissing(profile: name, files: [files.configFilePath, files.credentialsFilePath])
        }
        guard let profile = files.profile(named: name) else {
            throw Self.notFound(name, in: files)
        }
        guard let provider = try ProfileResolver(files: files, context: context).provider(for: profile) else {
            throw profile.usesSSO ? .ssoNotSupported(profile: name) : .profileHasNoCredentials(profile: name)
        }
        return provider
    }

    private static func notFound(_ name: String, in files: SharedConfigFiles) -> CredentialError {
        .profileNotFound(
            name: name,
            known: files.profileNames,
            suggestion: files.suggestion(for: name),
            files: [files.configFilePath, files.credentialsFilePath]
        )
    }
}
