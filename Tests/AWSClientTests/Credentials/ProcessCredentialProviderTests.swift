import Foundation
import SigV4
import Testing
@testable import AWSClient

/// `credential_process`, with small shell scripts written to a temporary home.
@Suite struct ProcessCredentialProviderTests {
    static let goodOutput = """
        {"Version": 1, "AccessKeyId": "AKIDPROCESS000000001", "SecretAccessKey": "\(CredsSecrets.secret)",
         "SessionToken": "\(CredsSecrets.token)", "Expiration": "2027-01-15T09:00:00.000Z"}
        """

    /// A home whose profile `p` runs `script` (a /bin/sh body) with the given arguments.
    static func home(script: String, arguments: String = "") throws -> CredsTestHome {
        let home = try CredsTestHome()
        let path = try home.write("bin/cred helper", "#!/bin/sh\n\(script)\n", executable: true)
        try home.write(".aws/config", "[profile p]\ncredential_process = \"\(path)\" \(arguments)\n")
        return home
    }

    static func run(_ home: CredsTestHome) async throws -> ResolvedCredentials {
        try await CredentialChain(profile: "p", context: home.context(["PATH": "/usr/bin:/bin"])).resolve()
    }

    @Test func parsesTheJSONAndPassesArguments() async throws {
        let home = try Self.home(
            script: "[ \"$1\" = 'two words' ] && [ \"$2\" = \"it's\" ] || exit 9\ncat <<'EOF'\n\(Self.goodOutput)\nEOF",
            arguments: "'two words' \"it's\""
        )
        let resolved = try await Self.run(home)
        #expect(resolved.source == "profile p (credential_process)")
        #expect(resolved.credentials == CredsSecrets.credentials(expiration: Date(timeIntervalSince1970: 1_800_003_600))
            .with(keyID: "AKIDPROCESS000000001"))
        CredsSecrets.expectAbsent(from: CredsSecrets.printed(resolved, resolved.credentials))
    }

    @Test func aFailingProcessReportsItsStatusAndFirstStderrLineButNotStdout() async throws {
        let home = try Self.home(script: """
            echo '{"SecretAccessKey": "\(CredsSecrets.secret)"}'
            echo 'Token has expired: run aws sso login' >&2
            echo 'second line' >&2
            exit 1
            """)
        let error = await credentialError { _ = try await Self.run(home) }
        #expect(error?.description == "The credential_process of profile 'p' ('\(home.path)/bin/cred helper') exited "
            + "with status 1: Token has expired: run aws sso login.")
        CredsSecrets.expectAbsent(from: CredsSecrets.printed(error as Any))
    }

    @Test(arguments: [
        ("echo 'not json {'", "output that is not a JSON object"),
        ("echo '[1, 2]'", "output that is not a JSON object"),
        (#"echo '{"Version": 2, "AccessKeyId": "A", "SecretAccessKey": "S"}'"#, "JSON with Version 2"),
        (#"echo '{"AccessKeyId": "A", "SecretAccessKey": "S"}'"#, "JSON with no Version"),
        (#"echo '{"Version": "1", "AccessKeyId": "A", "SecretAccessKey": "S"}'"#, "JSON whose Version is not the number 1"),
        (#"echo '{"Version": 1, "SecretAccessKey": "S"}'"#, "JSON without an AccessKeyId string"),
        (#"echo '{"Version": 1, "AccessKeyId": "A"}'"#, "JSON without a SecretAccessKey string"),
        (#"echo '{"Version": 1, "AccessKeyId": "A", "SecretAccessKey": "S", "Expiration": "later"}'"#,
         "JSON whose Expiration is not an ISO 8601 date"),
    ])
    func badOutputIsAnErrorThatNeverEchoesIt(script: String, reason: String) async throws {
        let home = try Self.home(script: script)
        let error = await credentialError { _ = try await Self.run(home) }
        #expect(error == .processOutputInvalid(profile: "p", program: home.path + "/bin/cred helper", reason: reason))
    }

    @Test func badJSONContainingASecretDoesNotLeakIt() async throws {
        let home = try Self.home(script: "echo '{\"Version\": 1, \"SecretAccessKey\": \"\(CredsSecrets.secret)\"'")
        let error = await credentialError { _ = try await Self.run(home) }
        #expect(error != nil)
        CredsSecrets.expectAbsent(from: CredsSecrets.printed(error as Any))
    }

    @Test func aSourceProfileWithACredentialProcessSignsTheAssumeRole() async throws {
        let home = try Self.home(script: "echo '\(Self.goodOutput)'")
        let config = try String(contentsOfFile: home.path + "/.aws/config", encoding: .utf8)
        try home.write(".aws/config", config + "[profile r]\nrole_arn = arn:aws:iam::1:role/r\nsource_profile = p\n")
        let sts = CredsFakeSTS()
        let resolved = try await CredentialChain(profile: "r", context: home.context(sts: sts)).resolve()
        #expect(resolved.source == "profile r → assume role arn:aws:iam::1:role/r from profile p (credential_process)")
        #expect(sts.calls.map(\.proof) == ["AKIDPROCESS000000001"])
    }

    @Test func aProgramNotOnThePathIsAnError() async throws {
        let home = try CredsTestHome(config: "[profile p]\ncredential_process = no-such-helper --flag\n")
        let error = await credentialError { _ = try await Self.run(home) }
        #expect(error?.description == "The credential_process of profile 'p' runs 'no-such-helper', which was not "
            + "found: install it or give its full path.")
    }

    @Test func aFileThatCannotBeExecutedIsAnError() async throws {
        let home = try CredsTestHome()
        let path = try home.write("bin/not-a-program", "\u{7F}ELF garbage", executable: true)
        try home.write(".aws/config", "[profile p]\ncredential_process = \(path)\n")
        let error = await credentialError { _ = try await Self.run(home) }
        guard case .processCouldNotStart(let profile, let program, _) = error else {
            Issue.record("expected processCouldNotStart, got \(String(describing: error))")
            return
        }
        #expect(profile == "p" && program == path)
    }

    @Test func aProgramIsFoundOnThePath() async throws {
        let home = try CredsTestHome(config: "[profile p]\ncredential_process = helper-on-path\n")
        try home.write("bin/helper-on-path", "#!/bin/sh\necho '\(Self.goodOutput)'\n", executable: true)
        let credentials = try await CredentialChain(
            profile: "p", context: home.context(["PATH": "/nonexistent:\(home.path)/bin"])
        ).credentials()
        #expect(credentials.accessKeyID == "AKIDPROCESS000000001")
    }

    @Test func expiredOutputIsAnExpiredError() async throws {
        let home = try Self.home(script: #"echo '{"Version": 1, "AccessKeyId": "A", "SecretAccessKey": "S", "Expiration": "2020-01-01T00:00:00Z"}'"#)
        let error = await credentialError { _ = try await Self.run(home) }
        #expect(error?.description == "The credentials from profile p (credential_process) expired at "
            + "2020-01-01T00:00:00Z and could not be refreshed: make the credential_process print fresh credentials "
            + "(for an SSO-backed command, run 'aws sso login').")
    }

    @Test(arguments: [
        (#"a b  c"#, ["a", "b", "c"]),
        (#"'/opt/my tool' --x "y z""#, ["/opt/my tool", "--x", "y z"]),
        (#"a\ b "q\"uote" 'back\slash' "keep\n""#, ["a b", "q\"uote", "back\\slash", "keep\\n"]),
        (#"x''y "" z"#, ["xy", "", "z"]),
    ])
    func splitsLikeShlex(command: String, words: [String]) throws {
        #expect(try ShellWords.split(command) == words)
    }

    @Test(arguments: [
        (#"tool 'open"#, "a single quote is not closed"),
        (#"tool "open"#, "a double quote is not closed"),
        (#"tool \"#, "it ends with a lone backslash"),
    ])
    func unbalancedQuotesAreErrors(command: String, reason: String) {
        #expect(throws: ShellWords.SplitError(reason: reason)) { try ShellWords.split(command) }
    }
}

extension Credentials {
    fileprivate func with(keyID: String) -> Credentials {
        Credentials(accessKeyID: keyID, secretAccessKey: secretAccessKey, sessionToken: sessionToken,
                    expiration: expiration)
    }
}
