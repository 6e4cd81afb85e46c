/// One named profile from the shared config and credentials files, with the credentials file's values taking
/// precedence over the config file's, as in the AWS SDKs.
///
/// Its `description` lists the profile's name and setting names, never their values.
public struct Profile: Sendable, Equatable {
    /// The profile's name (`default`, or `x` for `[profile x]` in config and `[x]` in credentials).
    public let name: String
    /// Settings from the config file, or nil when the config file has no section for this profile.
    let configFileValues: [String: String]?
    /// Settings from the credentials file, or nil when the credentials file has no section for this profile.
    let credentialsFileValues: [String: String]?
    /// Nested blocks (`s3 =` followed by indented settings), config file first, credentials file over it.
    public let subsections: [String: [String: String]]

    init(
        name: String,
        configFileValues: [String: String]?,
        credentialsFileValues: [String: String]?,
        subsections: [String: [String: String]] = [:]
    ) {
        self.name = name
        self.configFileValues = configFileValues
        self.credentialsFileValues = credentialsFileValues
        self.subsections = subsections
    }

    /// The value of a setting (key lower-case, as in the file), credentials file first.
    public subscript(key: String) -> String? {
        credentialsFileValues?[key] ?? configFileValues?[key]
    }

    /// The names of the settings this profile has, sorted.
    public var settingNames: [String] {
        Set((configFileValues ?? [:]).keys).union((credentialsFileValues ?? [:]).keys).sorted()
    }

    public var region: String? { self["region"] }
    public var endpointURL: String? { self["endpoint_url"] }
    public var roleARN: String? { self["role_arn"] }
    public var sourceProfile: String? { self["source_profile"] }
    public var credentialSource: String? { self["credential_source"] }
    public var externalID: String? { self["external_id"] }
    public var roleSessionName: String? { self["role_session_name"] }
    /// `duration_seconds` as written; `RoleProfileSettings` validates it.
    public var durationSeconds: String? { self["duration_seconds"] }
    public var credentialProcess: String? { self["credential_process"] }
    public var webIdentityTokenFile: String? { self["web_identity_token_file"] }
    public var accessKeyID: String? { self["aws_access_key_id"] }
    public var ec2MetadataServiceEndpoint: String? { self["ec2_metadata_service_endpoint"] }

    /// Whether this profile names static keys (either key, as botocore checks).
    var hasStaticKeys: Bool {
        self["aws_access_key_id"] != nil || self["aws_secret_access_key"] != nil
    }

    /// Whether botocore's assume-role provider takes this profile: `role_arn` without `web_identity_token_file`.
    var assumesRole: Bool {
        roleARN != nil && webIdentityTokenFile == nil
    }

    /// Whether the profile is set up for IAM Identity Center (SSO), which stacks does not speak directly.
    var usesSSO: Bool {
        self["sso_session"] != nil || self["sso_start_url"] != nil || self["sso_account_id"] != nil
    }
}

extension Profile: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var description: String {
        "profile '\(name)' (settings: \(settingNames.joined(separator: ", ")))"
    }

    public var debugDescription: String { description }

    public var customMirror: Mirror {
        Mirror(self, children: ["name": name, "settingNames": settingNames], displayStyle: .struct)
    }
}
