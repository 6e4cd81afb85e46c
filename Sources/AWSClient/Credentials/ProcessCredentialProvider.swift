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
            throw CredentialError.processCouldNotStart(
                profile: profile, program: program, reason: (error as NSError).localizedDescription
            )
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
        guard let json = try? JSONDecoder().decode(Output.self, from: output) else {
            throw invalid("output that is not a JSON object")
        }
        guard json.version == .number(1) else {
            switch json.version {
            case .number(let number): throw invalid("JSON with Version \(number)")
            case .other: throw invalid("JSON whose Version is not the number 1")
            case nil: throw invalid("JSON with no Version")
            }
        }
        guard let keyID = json.accessKeyID, !keyID.isEmpty else { throw invalid("JSON without an AccessKeyId string") }
        guard let secret = json.secretAccessKey, !secret.isEmpty else {
            throw invalid("JSON without a SecretAccessKey string")
        }
        var expiration: Date?
        if json.hasExpiration {
            guard let text = json.expiration, let date = CredentialDates.parse(text) else {
                throw invalid("JSON whose Expiration is not an ISO 8601 date")
            }
            expiration = date
        }
        return Credentials(
            accessKeyID: keyID,
            secretAccessKey: secret,
            sessionToken: json.sessionToken?.isEmpty == true ? nil : json.sessionToken,
            expiration: expiration
        )
    }

    /// The process's JSON, each field decoded leniently so an error can say which one is wrong.
    private struct Output: Decodable {
        enum Version: Equatable { case number(Int), other }
        var version: Version?
        var accessKeyID: String?
        var secretAccessKey: String?
        var sessionToken: String?
        var expiration: String?
        var hasExpiration: Bool

        enum CodingKeys: String, CodingKey {
            case version = "Version", accessKeyID = "AccessKeyId", secretAccessKey = "SecretAccessKey"
            case sessionToken = "SessionToken", expiration = "Expiration"
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            if container.contains(.version) {
                version = (try? container.decode(Int.self, forKey: .version)).map { .number($0) } ?? .other
            }
            accessKeyID = try? container.decode(String.self, forKey: .accessKeyID)
            secretAccessKey = try? container.decode(String.self, forKey: .secretAccessKey)
            sessionToken = try? container.decode(String.self, forKey: .sessionToken)
            hasExpiration = container.contains(.expiration)
            expiration = try? container.decode(String.self, forKey: .expiration)
        }
    }

    /// A program name with a `/` is a path (used as written: botocore expands neither `~` nor variables);
    /// otherwise it is looked up on the environment's `PATH`.
    private func locate(_ program: String) -> String? {
        let files = FileManager.default
        if program.contains("/") {
            return files.isExecutableFile(atPath: program) ? program : nil
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
