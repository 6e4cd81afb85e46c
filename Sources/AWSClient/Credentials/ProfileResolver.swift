import Foundation
import SigV4

/// Turns a profile into the provider that yields its credentials, in botocore's order: `role_arn` (with
/// `source_profile`, recursively, or `credential_source`), web identity, static keys in the credentials file,
/// `credential_process`, static keys in the config file.
struct ProfileResolver {
    let files: SharedConfigFiles
    let context: CredentialContext

    /// The provider for a profile asked for by name, or nil when the profile names no source.
    func provider(for profile: Profile) throws(CredentialError) -> (any CredentialProvider)? {
        if profile.assumesRole { return try assumeRole(profile, visited: [profile.name]) }
        return try profileProviders(profile)
    }

    /// Everything but `role_arn` with a source: web identity from the profile, then the two files and the process.
    func profileProviders(_ profile: Profile) throws(CredentialError) -> (any CredentialProvider)? {
        if let webIdentity = try WebIdentityCredentialProvider.make(
            profile: profile, useEnvironment: false, context: context
        ) {
            return webIdentity
        }
        return try fileProviders(profile)
    }

    /// Static keys from the credentials file, `credential_process`, static keys from the config file.
    func fileProviders(_ profile: Profile) throws(CredentialError) -> (any CredentialProvider)? {
        if let keys = try staticKeys(
            profile, values: profile.credentialsFileValues,
            label: "shared credentials file", path: files.credentialsFilePath
        ) {
            return keys
        }
        if let command = profile.credentialProcess {
            return ProcessCredentialProvider(profile: profile.name, command: command, environment: context.environment)
        }
        return try staticKeys(
            profile, values: profile.configFileValues, label: "config file", path: files.configFilePath
        )
    }

    func assumeRole(_ profile: Profile, visited: [String]) throws(CredentialError) -> any CredentialProvider {
        guard let roleARN = profile.roleARN else { throw .roleWithoutSource(profile: profile.name) }
        var duration: Int?
        if let text = profile.durationSeconds {
            guard let seconds = Int(text.iniTrimmed()), seconds > 0 else {
                throw .invalidSetting(
                    profile: profile.name, key: "duration_seconds", value: text, expected: "a whole number of seconds"
                )
            }
            duration = seconds
        }
        let source: any CredentialProvider
        switch (profile.sourceProfile, profile.credentialSource) {
        case (.some, .some):
            throw .sourceAndCredentialSource(profile: profile.name)
        case (nil, nil):
            throw .roleWithoutSource(profile: profile.name)
        case (nil, .some(let credentialSource)):
            source = try namedSource(credentialSource, profile: profile)
        case (.some(let sourceName), nil):
            source = try sourceProfile(sourceName, of: profile, visited: visited)
        }
        return AssumeRoleCredentialProvider(
            name: "profile \(profile.name) → assume role \(roleARN) from \(source.name)",
            roleARN: roleARN,
            sessionName: profile.roleSessionName,
            externalID: profile.externalID,
            durationSeconds: duration,
            source: RefreshingCredentialProvider(
                wrapping: source, refreshWindow: context.refreshWindow, now: context.environment.now
            ),
            roleAssumer: context.roleAssumer,
            now: context.environment.now
        )
    }

    /// The credentials behind `source_profile`; botocore's loop rule: a profile may name itself only when it has
    /// static keys; any other repeat is a loop.
    private func sourceProfile(
        _ name: String, of profile: Profile, visited: [String]
    ) throws(CredentialError) -> any CredentialProvider {
        guard let source = files.profile(named: name) else {
            throw .sourceProfileNotFound(profile: profile.name, sourceProfile: name)
        }
        if visited.contains(name), name != profile.name || !source.hasStaticKeys {
            throw .sourceProfileLoop(profiles: visited + [name])
        }
        if source.hasStaticKeys || !source.assumesRole {
            guard let provider = try profileProviders(source) else {
                throw source.usesSSO ? .ssoNotSupported(profile: name) : .profileHasNoCredentials(profile: name)
            }
            return provider
        }
        return try assumeRole(source, visited: visited + [name])
    }

    /// `credential_source`: Environment, Ec2InstanceMetadata or EcsContainer (compared case-insensitively).
    private func namedSource(_ value: String, profile: Profile) throws(CredentialError) -> any CredentialProvider {
        switch value.lowercased() {
        case "environment":
            guard EnvironmentCredentialProvider.isConfigured(in: context.environment) else {
                throw .credentialSourceUnavailable(
                    profile: profile.name, value: value, variables: "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are"
                )
            }
            return EnvironmentCredentialProvider(environment: context.environment)
        case "ec2instancemetadata":
            return InstanceMetadataCredentialProvider(
                context: context, profileEndpoint: profile.ec2MetadataServiceEndpoint
            )
        case "ecscontainer":
            guard ContainerCredentialProvider.isConfigured(in: context.environment) else {
                throw .credentialSourceUnavailable(
                    profile: profile.name, value: value,
                    variables: "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI and AWS_CONTAINER_CREDENTIALS_FULL_URI are"
                )
            }
            return ContainerCredentialProvider(context: context)
        default:
            throw .unknownCredentialSource(profile: profile.name, value: value)
        }
    }

    private func staticKeys(
        _ profile: Profile, values: [String: String]?, label: String, path: String
    ) throws(CredentialError) -> StaticCredentialProvider? {
        guard let values else { return nil }
        let keyID = values["aws_access_key_id"].flatMap { $0.isEmpty ? nil : $0 }
        let secret = values["aws_secret_access_key"].flatMap { $0.isEmpty ? nil : $0 }
        switch (keyID, secret) {
        case (nil, nil):
            return nil
        case (nil, .some):
            throw .incompleteProfileKeys(profile: profile.name, file: path, missing: "aws_access_key_id")
        case (.some, nil):
            throw .incompleteProfileKeys(profile: profile.name, file: path, missing: "aws_secret_access_key")
        case (.some(let keyID), .some(let secret)):
            let token = values["aws_session_token"] ?? values["aws_security_token"]
            return StaticCredentialProvider(
                name: "profile \(profile.name) (\(label))",
                credentials: Credentials(
                    accessKeyID: keyID,
                    secretAccessKey: secret,
                    sessionToken: token.flatMap { $0.isEmpty ? nil : $0 }
                )
            )
        }
    }
}
