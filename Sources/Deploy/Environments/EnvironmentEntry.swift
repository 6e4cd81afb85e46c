import CloudFormation

/// One environment as the mapping file spells it, defaults merged in, values not yet resolved.
struct EnvironmentEntry: Sendable {
    /// A string from the file and the line it stands on.
    struct Located: Sendable {
        var text: String
        var line: Int?
    }

    var name: String
    var line: Int?
    var values: [String: Located] = [:]
    var tags: [(key: String, value: Located)] = []
    var notificationTopics: [Located] = []
    var isProtected = false

    func stackEnvironment(file: String) throws -> StackEnvironment {
        let region = try resolve("region", variables: [:], file: file, placeholders: ["env": name], allowVariables: false)
        guard let region else {
            throw EnvironmentError("Environment '\(name)' has no region; set 'region' on it or under 'defaults'.", file: file, line: line)
        }
        return StackEnvironment(name: name, region: region, isProtected: isProtected)
    }

    func resolved(variables: [String: String], file: String) throws -> Environment {
        var placeholders = ["env": name]
        guard let account = try resolve("account", variables: variables, file: file, placeholders: placeholders) else {
            throw EnvironmentError("Environment '\(name)' has no account; set 'account' to its 12-digit AWS account ID.", file: file, line: line)
        }
        guard account.count == 12, account.allSatisfy(\.isASCIIDigit) else {
            throw EnvironmentError("Environment '\(name)' has account '\(account)', which is not a 12-digit AWS account ID; fix the value or the variable it comes from.", file: file, line: values["account"]?.line)
        }
        placeholders["account"] = account
        guard let region = try resolve("region", variables: variables, file: file, placeholders: placeholders) else {
            throw EnvironmentError("Environment '\(name)' has no region; set 'region' on it or under 'defaults'.", file: file, line: line)
        }
        placeholders["region"] = region
        func value(_ key: String) throws -> String? {
            try resolve(key, variables: variables, file: file, placeholders: placeholders)
        }
        return Environment(
            name: name,
            account: account,
            region: region,
            profile: try value("profile"),
            deployRole: try value("deployRole"),
            externalID: try value("externalId"),
            sessionName: try value("sessionName"),
            artifactBucket: try value("artifactBucket"),
            tags: try tags.map { ($0.key, try substitute($0.value, variables: variables, file: file, placeholders: placeholders)) },
            notificationARNs: try notificationTopics.map { try substitute($0, variables: variables, file: file, placeholders: placeholders) },
            isProtected: isProtected
        )
    }

    private func resolve(
        _ key: String, variables: [String: String], file: String, placeholders: [String: String], allowVariables: Bool = true
    ) throws -> String? {
        guard let located = values[key] else { return nil }
        if !allowVariables {
            // Synthesis must not depend on the machine: only the environment's own placeholders are allowed.
            let unresolved = Placeholders.names(in: located.text).filter { placeholders[$0] == nil }
            if let first = unresolved.first {
                throw EnvironmentError("Environment '\(name)' takes its \(key) from '${\(first)}', but templates must not depend on the machine; write the \(key) in the file.", file: file, line: located.line)
            }
        }
        return try substitute(located, variables: variables, file: file, placeholders: placeholders)
    }

    private func substitute(_ located: Located, variables: [String: String], file: String, placeholders: [String: String]) throws -> String {
        var result = ""
        var rest = located.text[...]
        while let open = rest.firstRange(of: "${") {
            result += rest[..<open.lowerBound]
            let afterOpen = rest[open.upperBound...]
            guard let close = afterOpen.firstIndex(of: "}") else {
                throw EnvironmentError("Environment '\(name)' has an unclosed '${' in '\(located.text)'; close it with '}'.", file: file, line: located.line)
            }
            let variable = String(afterOpen[..<close])
            if let value = placeholders[variable] ?? (Placeholders.isVariableName(variable) ? variables[variable] : nil) {
                result += value
            } else if Placeholders.isVariableName(variable) {
                throw EnvironmentError("Environment '\(name)' needs the environment variable '\(variable)', which is not set; set it (CI keeps it as a secret or variable) and run again.", file: file, line: located.line)
            } else {
                throw EnvironmentError("Environment '\(name)' uses '${\(variable)}', which is neither an environment variable (upper case) nor one of '${account}', '${env}', '${region}'.", file: file, line: located.line)
            }
            rest = afterOpen[afterOpen.index(after: close)...]
        }
        result += rest
        return result
    }
}

/// The `${...}` placeholders of the mapping file.
enum Placeholders {
    static func names(in text: String) -> [String] {
        var names: [String] = []
        var rest = text[...]
        while let open = rest.firstRange(of: "${") {
            let afterOpen = rest[open.upperBound...]
            guard let close = afterOpen.firstIndex(of: "}") else { break }
            names.append(String(afterOpen[..<close]))
            rest = afterOpen[afterOpen.index(after: close)...]
        }
        return names
    }

    /// An environment variable's name: upper-case letters, digits and underscores, not starting with a digit.
    static func isVariableName(_ name: String) -> Bool {
        guard let first = name.first, !first.isASCIIDigit else { return false }
        return name.allSatisfy { ($0.isASCII && $0.isUppercase) || $0.isASCIIDigit || $0 == "_" }
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
