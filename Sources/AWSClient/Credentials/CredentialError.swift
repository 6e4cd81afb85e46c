import Foundation

/// Why no usable AWS credentials could be found or fetched. Every case reads as one sentence naming the thing
/// and saying what to do; none ever contains a key, a secret, a session token or a web identity token.
public enum CredentialError: Error, Sendable, Equatable {
    /// Nothing in the chain applied; `lookedIn` lists each place tried, in order.
    case noCredentials(lookedIn: [String])
    /// One of `AWS_ACCESS_KEY_ID` / `AWS_SECRET_ACCESS_KEY` is set without the other.
    case partialEnvironment(present: String, missing: String)
    /// The profile is in neither file; `suggestion` is the closest known name.
    case profileNotFound(name: String, known: [String], suggestion: String?, files: [String])
    /// An explicit profile was asked for, but neither shared file exists.
    case sharedFilesMissing(profile: String, files: [String])
    case malformedFile(path: String, line: Int, reason: String)
    case unreadableFile(path: String, reason: String)
    /// The profile exists but names no way to get credentials.
    case profileHasNoCredentials(profile: String)
    /// The profile has one static key without the other.
    case incompleteProfileKeys(profile: String, file: String, missing: String)
    case sourceProfileLoop(profiles: [String])
    case sourceProfileNotFound(profile: String, sourceProfile: String)
    case sourceAndCredentialSource(profile: String)
    case roleWithoutSource(profile: String)
    case unknownCredentialSource(profile: String, value: String)
    /// `credential_source` names a source whose variables are unset; `variables` names them.
    case credentialSourceUnavailable(profile: String, value: String, variables: String)
    case invalidSetting(profile: String, key: String, value: String, expected: String)
    case ssoNotSupported(profile: String)
    case webIdentityWithoutRole(source: String)
    case webIdentityTokenUnreadable(path: String)
    case processCommandInvalid(profile: String, reason: String)
    case processNotFound(profile: String, program: String)
    case processCouldNotStart(profile: String, program: String, reason: String)
    case processFailed(profile: String, program: String, status: Int32, stderrFirstLine: String)
    case processOutputInvalid(profile: String, program: String, reason: String)
    case containerEndpointNotAllowed(host: String)
    case containerRequestFailed(url: String, reason: String)
    case instanceMetadataUnavailable(reason: String)
    case instanceMetadataResponseInvalid(reason: String)
    /// A source gave back something that is not valid credentials (a JSON field missing, a bad date).
    case invalidResponse(source: String, reason: String)
    case roleAssumptionFailed(roleARN: String, source: String, reason: String)
    /// The credentials from `source` expired and could not be refreshed; `advice` says what to do.
    case expired(source: String, expiredAt: Date, advice: String)
}

extension CredentialError: CustomStringConvertible, LocalizedError {
    public var errorDescription: String? { description }

    public var description: String {
        switch self {
        case .noCredentials(let places):
            "No AWS credentials found (looked in \(places.joined(separator: ", "))): set AWS_PROFILE or "
                + "AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, pass --profile, or run in an environment with a role "
                + "(web identity, ECS, EC2)."
        case .partialEnvironment(let present, let missing):
            "\(present) is set but \(missing) is not: set both, or unset \(present) to use a profile instead."
        case .profileNotFound(let name, let known, let suggestion, let files):
            "Profile '\(name)' is not in \(Self.list(files))"
                + (suggestion.map { ". Did you mean '\($0)'?" } ?? "")
                + (known.isEmpty ? "; no profiles are defined there."
                    : " Known profiles: \(known.joined(separator: ", ")).")
        case .sharedFilesMissing(let profile, let files):
            "Profile '\(profile)' was asked for, but neither \(Self.list(files, conjunction: "nor")) exists: "
                + "run 'aws configure --profile \(profile)', or set AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE."
        case .malformedFile(let path, let line, let reason):
            "The AWS config file '\(path)' is malformed at line \(line): \(reason)."
        case .unreadableFile(let path, let reason):
            "The AWS config file '\(path)' cannot be read: \(reason)."
        case .profileHasNoCredentials(let profile):
            "Profile '\(profile)' has no credentials: give it aws_access_key_id and aws_secret_access_key, "
                + "role_arn with source_profile or credential_source, web_identity_token_file, or credential_process."
        case .incompleteProfileKeys(let profile, let file, let missing):
            "Profile '\(profile)' in '\(file)' has one static key but no \(missing): add it, or remove the other key."
        case .sourceProfileLoop(let profiles):
            "The source_profile settings form a loop (\(profiles.joined(separator: " → "))): "
                + "point one of them at a profile with keys or a credential_source."
        case .sourceProfileNotFound(let profile, let source):
            "Profile '\(profile)' has source_profile '\(source)', but there is no profile '\(source)': "
                + "fix the name or add that profile."
        case .sourceAndCredentialSource(let profile):
            "Profile '\(profile)' has both source_profile and credential_source: keep only one."
        case .roleWithoutSource(let profile):
            "Profile '\(profile)' has role_arn but neither source_profile nor credential_source: "
                + "add one to say which credentials assume the role."
        case .unknownCredentialSource(let profile, let value):
            "Profile '\(profile)' has credential_source '\(value)': use Environment, Ec2InstanceMetadata or "
                + "EcsContainer."
        case .credentialSourceUnavailable(let profile, let value, let variables):
            "Profile '\(profile)' has credential_source '\(value)', but \(variables) unset: set them, or change "
                + "credential_source."
        case .invalidSetting(let profile, let key, let value, let expected):
            "Profile '\(profile)' has \(key) '\(value)': it must be \(expected)."
        case .ssoNotSupported(let profile):
            "Profile '\(profile)' uses IAM Identity Center (SSO), which stacks does not read directly: add "
                + "'credential_process = aws configure export-credentials --profile \(profile) --format process' "
                + "to a profile and use that one, after 'aws sso login'."
        case .webIdentityWithoutRole(let source):
            "\(source) names a web identity token file but no role ARN: set AWS_ROLE_ARN or the profile's role_arn."
        case .webIdentityTokenUnreadable(let path):
            "The web identity token file '\(path)' cannot be read: check the path (AWS_WEB_IDENTITY_TOKEN_FILE "
                + "or web_identity_token_file) and that the CI step wrote the token."
        case .processCommandInvalid(let profile, let reason):
            "The credential_process of profile '\(profile)' cannot be split into a command: \(reason)."
        case .processNotFound(let profile, let program):
            "The credential_process of profile '\(profile)' runs '\(program)', which was not found: install it or "
                + "give its full path."
        case .processCouldNotStart(let profile, let program, let reason):
            "The credential_process of profile '\(profile)' ('\(program)') could not be started (\(reason)): check "
                + "that it is an executable program or a script with a '#!' line."
        case .processFailed(let profile, let program, let status, let line):
            "The credential_process of profile '\(profile)' ('\(program)') exited with status \(status)"
                + (line.isEmpty ? "" : ": \(line)") + (line.hasSuffix(".") ? "" : ".")
        case .processOutputInvalid(let profile, let program, let reason):
            "The credential_process of profile '\(profile)' ('\(program)') printed \(reason): it must print JSON "
                + "with Version 1, AccessKeyId and SecretAccessKey."
        case .containerEndpointNotAllowed(let host):
            "AWS_CONTAINER_CREDENTIALS_FULL_URI points at '\(host)': use https, a loopback address, or one of "
                + "169.254.170.2, 169.254.170.23, fd00:ec2::23, localhost."
        case .containerRequestFailed(let url, let reason):
            "The ECS container credentials endpoint '\(url)' failed: \(reason); check the task's role and the "
                + "AWS_CONTAINER_* variables."
        case .instanceMetadataUnavailable(let reason):
            "EC2 instance metadata gave no credentials: \(reason); attach an instance profile with a role, or set "
                + "AWS_EC2_METADATA_DISABLED=true and use another source."
        case .instanceMetadataResponseInvalid(let reason):
            "EC2 instance metadata answered with invalid credentials: \(reason); try again, or check the instance role."
        case .invalidResponse(let source, let reason):
            "The credentials from \(source) are invalid: \(reason)."
        case .roleAssumptionFailed(let role, let source, let reason):
            "Assuming role '\(role)' with credentials from \(source) failed: \(reason)"
                + (reason.hasSuffix(".") ? "" : ".")
        case .expired(let source, let date, let advice):
            "The credentials from \(source) expired at \(Self.timestamp(date)) and could not be refreshed: \(advice)."
        }
    }

    static func list(_ items: [String], conjunction: String = "or") -> String {
        let quoted = items.map { "'\($0)'" }
        guard quoted.count > 1, let last = quoted.last else { return quoted.first ?? "nothing" }
        return quoted.dropLast().joined(separator: ", ") + " \(conjunction) " + last
    }

    static func timestamp(_ date: Date) -> String {
        date.formatted(.iso8601)
    }
}
