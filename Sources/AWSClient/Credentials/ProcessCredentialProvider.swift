import Foundation
import SigV4

/// Credentials printed by a profile's `credential_process` command, as JSON with `Version` 1, `AccessKeyId`,
/// `SecretAccessKey` and optionally `SessionToken` and `Expiration`. The command is split like a POSIX shell
/// would (quotes, backslashes) but not run through one. Its standard output is never repeated in an error.
public struct ProcessCredentialProvider: CredentialProvider {
    public let name: String
    public let profile: String
    private let command: String
    private let environment: CredentialEnvironment

    public init(profile: String, command: String, environment: CredentialEnvironment) {
        self.name = "profile \(profile) (credential_process)"
        self.profile = profile
        self.command = command
        self.environment = environment
    }

    public func credentials() async throws -> Credentials {
        let words: [String]
        do {
            words = try ShellWords.split(command)
        } catch {
            throw CredentialError.processCommandInvalid(profile: profile, reason: error.reason)
        }
        guard let program = words.first else {
            throw CredentialError.processCommandInvalid(profile: profile, reason: "it is empty")
        }
        guard let executable = locate(program) else {
            throw CredentialError.processNotFound(profile: profile, program: program)
        }
        let result: ChildProcess.Result
        do {
            result = try await ChildProcess.run(
                executable: executable,
                arguments: Array(words.dropFirst()),
                environment: environment.variables
            )
        } catch {
            throw CredentialError.processNotFound(profile: profile, program: program)
        }
        guard result.status == 0 else {
            throw CredentialError.processFailed(
                profile: profile,
                program: program,
                status: result.status,
                stderrFirstLine: Self.firstLine(of: result.standardError)
            )
        }
        return try parse(result.standardOutput, program: program)
    }

    private func parse(_ output: Data, program: String) throws(CredentialError) -> Credentials {
        func invalid(_ reason: String) -> CredentialError {
            .processOutputInvalid(profile: profile, program: program, reason: reason)
        }
        guard let object = try? JSONSerialization.jsonObject(with: output),
              let json = object as? [String: Any]
        else { throw invalid("output that is not a JSON object") }
        guard let version = json["Version"] as? Int, version == 1, !(json["Version"] is Bool) else {
            let shown = json["Version"].map { "Version \($0)" } ?? "no Version"
            throw invalid("JSON with \(shown)")
        }
        guard let keyID = json["AccessKeyId"] as? String, !keyID.isEmpty else {
            throw invalid("JSON without an AccessKeyId string")
        }
        guard let secret = json["SecretAccessKey"] as? String, !secret.isEmpty else {
            throw invalid("JSON without a SecretAccessKey string")
        }
        var expiration: Date?
        if let value = json["Expiration"] {
            guard let text = value as? String, let date = CredentialDates.parse(text) else {
                throw invalid("JSON whose Expiration is not an ISO 8601 date")
            }
            expiration = date
        }
        let token = json["SessionToken"] as? String
        return Credentials(
            accessKeyID: keyID,
            secretAccessKey: secret,
            sessionToken: token?.isEmpty == true ? nil : token,
            expiration: expiration
        )
    }

    /// A program name with a `/` is a path; otherwise it is looked up on the environment's `PATH`.
    private func locate(_ program: String) -> String? {
        let files = FileManager.default
        if program.contains("/") {
            let path = environment.expandPath(program)
            return files.isExecutableFile(atPath: path) ? path : nil
        }
        let searchPath = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in searchPath.split(separator: ":") {
            let candidate = "\(directory)/\(program)"
            if files.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    private static func firstLine(of data: Data) -> String {
        let text = String(decoding: data, as: UTF8.self)
        let line = text.split(whereSeparator: \.isNewline).first { !$0.iniTrimmed().isEmpty } ?? ""
        let trimmed = line.iniTrimmed()
        return trimmed.count > 300 ? String(trimmed.prefix(300)) + "…" : String(trimmed)
    }
}
