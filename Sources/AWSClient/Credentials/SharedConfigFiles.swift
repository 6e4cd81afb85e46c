import Foundation

/// The shared config file (`~/.aws/config`, or `AWS_CONFIG_FILE`) and shared credentials file
/// (`~/.aws/credentials`, or `AWS_SHARED_CREDENTIALS_FILE`), read together into profiles.
public struct SharedConfigFiles: Sendable {
    /// The config file's path after `~` expansion.
    public let configFilePath: String
    /// The credentials file's path after `~` expansion.
    public let credentialsFilePath: String
    /// Whether each file existed when read.
    public let configFileExists: Bool
    public let credentialsFileExists: Bool
    private let profiles: [String: Profile]
    /// `[services name]` sections of the config file: service name (`cloudformation`, ...) to its settings.
    public let services: [String: [String: [String: String]]]

    /// Reads both files. A missing file counts as empty; an unreadable or malformed one is an error.
    public static func load(environment: CredentialEnvironment) throws(CredentialError) -> SharedConfigFiles {
        let configPath = environment.expandPath(environment["AWS_CONFIG_FILE"] ?? "~/.aws/config")
        let credentialsPath = environment.expandPath(
            environment["AWS_SHARED_CREDENTIALS_FILE"] ?? "~/.aws/credentials"
        )
        let config = try read(path: configPath)
        let credentials = try read(path: credentialsPath)
        return SharedConfigFiles(
            configFilePath: configPath,
            credentialsFilePath: credentialsPath,
            config: config,
            credentials: credentials
        )
    }

    init(configFilePath: String, credentialsFilePath: String, config: IniFile?, credentials: IniFile?) {
        self.configFilePath = configFilePath
        self.credentialsFilePath = credentialsFilePath
        configFileExists = config != nil
        credentialsFileExists = credentials != nil

        var configProfiles: [String: IniFile.Section] = [:]
        var services: [String: [String: [String: String]]] = [:]
        for section in config?.sections ?? [] {
            if section.name == "default" {
                configProfiles["default"] = section
            } else if let name = Self.qualifiedName(section.name, prefix: "profile") {
                configProfiles[name] = section
            } else if let name = Self.qualifiedName(section.name, prefix: "services") {
                services[name] = section.subsections
            }
        }
        var credentialProfiles: [String: IniFile.Section] = [:]
        for section in credentials?.sections ?? [] {
            credentialProfiles[section.name] = section
        }
        var profiles: [String: Profile] = [:]
        for name in Set(configProfiles.keys).union(credentialProfiles.keys) {
            let fromConfig = configProfiles[name]
            let fromCredentials = credentialProfiles[name]
            profiles[name] = Profile(
                name: name,
                configFileValues: fromConfig?.values,
                credentialsFileValues: fromCredentials?.values,
                subsections: (fromConfig?.subsections ?? [:]).merging(fromCredentials?.subsections ?? [:]) { $1 }
            )
        }
        self.profiles = profiles
        self.services = services
    }

    /// The profile the SDKs use: the explicit one (`--profile`), else `AWS_DEFAULT_PROFILE` (botocore reads this
    /// older name first), else `AWS_PROFILE`, else `default`.
    public static func selectedProfileName(explicit: String?, environment: CredentialEnvironment) -> String {
        explicit ?? environment["AWS_DEFAULT_PROFILE"] ?? environment["AWS_PROFILE"] ?? "default"
    }

    /// The profile with this name, or nil when neither file has it.
    public func profile(named name: String) -> Profile? {
        profiles[name]
    }

    /// The endpoint URL the profile configures for a service, for the client's endpoint resolution after
    /// `AWS_ENDPOINT_URL_<SERVICE>` and `AWS_ENDPOINT_URL`: the service's `endpoint_url` in the `[services x]`
    /// section the profile names with `services = x`, else the profile's own `endpoint_url`.
    /// - Parameter serviceKey: the service's key in config files, lower-case with underscores (`cloudformation`,
    ///   `s3`, `sts`).
    public func endpointURL(forService serviceKey: String, profile: Profile) -> String? {
        if let section = profile["services"], let url = services[section]?[serviceKey]?["endpoint_url"] {
            return url
        }
        return profile.endpointURL
    }

    /// Every profile name in either file, sorted.
    public var profileNames: [String] {
        profiles.keys.sorted()
    }

    /// `profile x` → `x`; `profile "my x"` → `my x`; anything else (including `profilex`) → nil.
    private static func qualifiedName(_ header: String, prefix: String) -> String? {
        guard header.hasPrefix(prefix) else { return nil }
        let rest = header.dropFirst(prefix.count)
        guard let first = rest.first, first.isWhitespace else { return nil }
        let name = rest.iniTrimmed()
        if name.count >= 2, let quote = name.first, quote == "\"" || quote == "'", name.last == quote {
            return String(name.dropFirst().dropLast())
        }
        guard !name.isEmpty, !name.contains(where: \.isWhitespace) else { return nil }
        return String(name)
    }

    private static func read(path: String) throws(CredentialError) -> IniFile? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return nil }
        guard !isDirectory.boolValue else {
            throw .unreadableFile(path: path, reason: "it is a directory")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unreadableFile(path: path, reason: "it could not be read (check its permissions)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw .unreadableFile(path: path, reason: "it is not UTF-8 text")
        }
        do {
            return try IniParser.parse(text)
        } catch {
            throw .malformedFile(path: path, line: error.line, reason: error.reason)
        }
    }
}

extension SharedConfigFiles {
    /// The known profile name closest to `name` (edit distance at most a third of its length, at least 2),
    /// for "did you mean" in errors; ties go to the alphabetically first.
    func suggestion(for name: String) -> String? {
        let limit = max(2, name.count / 3)
        var best: (name: String, distance: Int)?
        for candidate in profileNames {
            let distance = Self.editDistance(name.lowercased(), candidate.lowercased())
            if distance <= limit, distance < (best?.distance ?? Int.max) {
                best = (candidate, distance)
            }
        }
        return best?.name
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            previous = current
        }
        return previous[b.count]
    }
}
