import Foundation

/// Everything the credential providers read from the machine: environment variables, the home directory that
/// holds `~/.aws`, and the clock. Tests build one by hand so they never see the real environment or `~/.aws`.
public struct CredentialEnvironment: Sendable {
    /// Environment variables (`AWS_PROFILE`, `AWS_ACCESS_KEY_ID`, ...).
    public var variables: [String: String]
    /// The directory `~` stands for in `~/.aws/config` and in paths from the environment.
    public var homeDirectory: String
    /// The current time; refresh decisions and default session names use it.
    public var now: @Sendable () -> Date

    public init(
        variables: [String: String],
        homeDirectory: String,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.variables = variables
        self.homeDirectory = homeDirectory
        self.now = now
    }

    /// The process's environment, its `HOME`, and the system clock.
    public static var current: CredentialEnvironment {
        let variables = ProcessInfo.processInfo.environment
        let home = variables["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return CredentialEnvironment(variables: variables, homeDirectory: home)
    }

    /// The variable's value, or nil when it is unset or empty (the SDKs treat both alike).
    public subscript(name: String) -> String? {
        guard let value = variables[name], !value.isEmpty else { return nil }
        return value
    }

    /// Expands a leading `~` and `$NAME` / `${NAME}` references, as botocore does for file paths.
    func expandPath(_ path: String) -> String {
        var expanded = expandVariables(path)
        if expanded == "~" {
            expanded = homeDirectory
        } else if expanded.hasPrefix("~/") {
            expanded = homeDirectory + expanded.dropFirst()
        }
        return expanded
    }

    private func expandVariables(_ text: String) -> String {
        guard text.contains("$") else { return text }
        var result = ""
        var rest = Substring(text)
        while let dollar = rest.firstIndex(of: "$") {
            result += rest[..<dollar]
            let afterDollar = rest[rest.index(after: dollar)...]
            let braced = afterDollar.hasPrefix("{")
            let nameStart = braced ? afterDollar.dropFirst() : afterDollar
            let name = nameStart.prefix { $0.isLetter || $0.isNumber || $0 == "_" }
            let closed = !braced || nameStart.dropFirst(name.count).hasPrefix("}")
            if name.isEmpty || !closed {
                result += "$"
                rest = afterDollar
                continue
            }
            result += variables[String(name)] ?? "$" + (braced ? "{\(name)}" : String(name))
            rest = nameStart.dropFirst(name.count + (braced ? 1 : 0))
        }
        return result + rest
    }
}

extension CredentialEnvironment: CustomStringConvertible, CustomReflectable {
    /// Names the variables but never shows their values, which include keys and tokens.
    public var description: String {
        "CredentialEnvironment(home: \(homeDirectory), variables: \(variables.keys.sorted().joined(separator: ", ")))"
    }

    public var customMirror: Mirror {
        Mirror(self, children: ["homeDirectory": homeDirectory, "variableNames": variables.keys.sorted()])
    }
}
