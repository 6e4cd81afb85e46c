import Foundation
import Testing
@testable import AWSClient

/// Runs botocore's own resolver (`Session(profile:).get_credentials()`) over the same files and variables as our
/// chain and requires the same choice of source, or the same kind of error. Skipped when python3 cannot import
/// botocore. Nothing touches the network: EC2 metadata is disabled, and role calls are deferred in botocore and
/// never made on our side (only the provider is chosen).
@Suite(.enabled(if: BotocoreOracle.isAvailable)) struct BotocoreChainComparisonTests {
    struct Scenario: Sendable, CustomTestStringConvertible {
        var name: String
        var config: String? = nil
        var credentials: String? = nil
        var variables: [String: String] = [:]
        var profile: String? = nil
        var testDescription: String { name }
    }

    static let keys = "aws_access_key_id = AKIDFILE000000000001\naws_secret_access_key = secretfromfile\n"
    static let envKeys = ["AWS_ACCESS_KEY_ID": "AKIDENV0000000000001", "AWS_SECRET_ACCESS_KEY": "secretfromenv"]
    /// `HOMEDIR` is replaced by each scenario's home directory.
    static let process = "credential_process = \"HOMEDIR/bin/creds\"\n"
    static let web = ["AWS_WEB_IDENTITY_TOKEN_FILE": "/nonexistent/token", "AWS_ROLE_ARN": "arn:aws:iam::1:role/ci"]

    static let scenarios: [Scenario] = [
        Scenario(name: "environment over default profile", credentials: "[default]\n" + keys, variables: envKeys),
        Scenario(name: "environment over AWS_PROFILE", credentials: "[a]\n" + keys,
                 variables: envKeys.merging(["AWS_PROFILE": "a"]) { $1 }),
        Scenario(name: "AWS_DEFAULT_PROFILE over AWS_PROFILE", config: "[profile b]\n" + keys,
                 credentials: "[a]\n" + keys, variables: ["AWS_PROFILE": "a", "AWS_DEFAULT_PROFILE": "b"]),
        Scenario(name: "explicit profile over environment", credentials: "[a]\n" + keys, variables: envKeys,
                 profile: "a"),
        Scenario(name: "credentials file over config file", config: "[profile a]\n" + keys,
                 credentials: "[a]\n" + keys, profile: "a"),
        Scenario(name: "config file keys", config: "[profile b]\n" + keys, profile: "b"),
        Scenario(name: "[profile default] in config", config: "[profile default]\n" + keys),
        Scenario(name: "process over config keys", config: "[profile p]\n" + process + keys, profile: "p"),
        Scenario(name: "credentials file keys over process", config: "[profile p]\n" + process,
                 credentials: "[p]\n" + keys, profile: "p"),
        Scenario(name: "web identity over shared keys", credentials: "[default]\n" + keys, variables: web),
        Scenario(name: "profile role over web identity",
                 config: "[profile r]\nrole_arn = arn:aws:iam::1:role/r\nsource_profile = s\n[profile s]\n" + keys,
                 variables: web.merging(["AWS_PROFILE": "r"]) { $1 }),
        Scenario(name: "explicit profile ignores environment web identity", config: "[profile b]\n" + keys,
                 variables: web, profile: "b"),
        Scenario(name: "web identity in a profile",
                 config: "[profile w]\nrole_arn = arn:aws:iam::1:role/w\nweb_identity_token_file = /nonexistent\n",
                 profile: "w"),
        Scenario(name: "role with credential_source",
                 config: "[profile r]\nrole_arn = arn:aws:iam::1:role/r\ncredential_source = Environment\n",
                 variables: envKeys, profile: "r"),
        Scenario(name: "source_profile loop",
                 config: "[profile a]\nrole_arn = arn:aws:iam::1:role/a\nsource_profile = b\n"
                    + "[profile b]\nrole_arn = arn:aws:iam::1:role/b\nsource_profile = a\n", profile: "a"),
        Scenario(name: "self source with keys",
                 config: "[profile a]\nrole_arn = arn:aws:iam::1:role/a\nsource_profile = a\n" + keys, profile: "a"),
        Scenario(name: "source_profile and credential_source",
                 config: "[profile a]\nrole_arn = arn:aws:iam::1:role/a\nsource_profile = b\n"
                    + "credential_source = Environment\n[profile b]\n" + keys, profile: "a"),
        Scenario(name: "role without source", config: "[profile a]\nrole_arn = arn:aws:iam::1:role/a\n",
                 profile: "a"),
        Scenario(name: "missing source profile",
                 config: "[profile a]\nrole_arn = arn:aws:iam::1:role/a\nsource_profile = nowhere\n", profile: "a"),
        Scenario(name: "unknown explicit profile", config: "[profile a]\n" + keys, profile: "nope"),
        Scenario(name: "unknown AWS_PROFILE", config: "[profile a]\n" + keys, variables: ["AWS_PROFILE": "nope"]),
        Scenario(name: "section without profile prefix is not a profile", config: "[dev]\n" + keys, profile: "dev"),
        Scenario(name: "only a key id in the environment", variables: ["AWS_ACCESS_KEY_ID": "AKIDONLY"]),
        Scenario(name: "key id without secret in a file", credentials: "[a]\naws_access_key_id = AKID\n",
                 profile: "a"),
        Scenario(name: "nothing anywhere"),
        Scenario(name: "explicit profile without credentials", config: "[profile a]\nregion = us-east-1\n",
                 profile: "a"),
    ]

    @Test func ourChainChoosesWhatBotocoreChooses() async throws {
        var homes: [CredsTestHome] = []
        var ours: [String] = []
        for scenario in Self.scenarios {
            let home = try CredsTestHome()
            if let config = scenario.config {
                try home.write(".aws/config", config.replacingOccurrences(of: "HOMEDIR", with: home.path))
            }
            if let credentials = scenario.credentials { try home.write(".aws/credentials", credentials) }
            try home.write("bin/creds", "#!/bin/sh\necho '{\"Version\": 1, \"AccessKeyId\": \"A\", "
                + "\"SecretAccessKey\": \"S\"}'\n", executable: true)
            homes.append(home)
            var variables = scenario.variables
            variables["AWS_EC2_METADATA_DISABLED"] = "true"
            let chain = CredentialChain(profile: scenario.profile, context: home.context(variables))
            ours.append(await Self.method(of: chain))
        }
        let theirs = try BotocoreOracle.methods(for: zip(Self.scenarios, homes).map { scenario, home in
            (home: home.path, variables: scenario.variables, profile: scenario.profile)
        })
        #expect(theirs.count == Self.scenarios.count)
        for (index, scenario) in Self.scenarios.enumerated() where index < theirs.count {
            #expect(ours[index] == theirs[index], "\(scenario.name)")
        }
    }

    /// Our choice in botocore's vocabulary: its provider `method`, "none", or "error:<botocore exception>".
    static func method(of chain: CredentialChain) async -> String {
        do {
            let name = try await chain.provider().name
            if name == "environment" { return "env" }
            if name.contains("→ assume role") { return "assume-role" }
            if name.contains("web identity") { return "assume-role-with-web-identity" }
            if name.hasSuffix("(shared credentials file)") { return "shared-credentials-file" }
            if name.hasSuffix("(credential_process)") { return "custom-process" }
            if name.hasSuffix("(config file)") { return "config-file" }
            return "unknown provider \(name)"
        } catch let error as CredentialError {
            switch error {
            case .noCredentials, .profileHasNoCredentials: return "none"
            case .profileNotFound: return "error:ProfileNotFound"
            case .sourceProfileLoop: return "error:InfiniteLoopConfigError"
            case .partialEnvironment, .incompleteProfileKeys, .roleWithoutSource: return "error:PartialCredentialsError"
            case .sourceAndCredentialSource, .sourceProfileNotFound: return "error:InvalidConfigError"
            default: return "error:\(error)"
            }
        } catch {
            return "error:\(error)"
        }
    }
}

/// botocore, run as a child process.
enum BotocoreOracle {
    static let script = """
        import json, os, sys
        import botocore.session, botocore.exceptions
        out = []
        for case in json.load(sys.stdin):
            for key in [k for k in os.environ if k.startswith("AWS_")]:
                del os.environ[key]
            os.environ.update(case["env"])
            os.environ["HOME"] = case["home"]
            os.environ["AWS_EC2_METADATA_DISABLED"] = "true"
            try:
                credentials = botocore.session.Session(profile=case.get("profile")).get_credentials()
                out.append("none" if credentials is None else credentials.method)
            except botocore.exceptions.BotoCoreError as error:
                out.append("error:" + type(error).__name__)
        print(json.dumps(out))
        """

    static let isAvailable: Bool = {
        let result = try? run(arguments: ["-c", "import botocore"], input: Data())
        return result?.status == 0
    }()

    static func methods(
        for cases: [(home: String, variables: [String: String], profile: String?)]
    ) throws -> [String] {
        let input = try JSONSerialization.data(withJSONObject: cases.map { item -> [String: Any] in
            var object: [String: Any] = ["home": item.home, "env": item.variables]
            if let profile = item.profile { object["profile"] = profile }
            return object
        })
        let result = try run(arguments: ["-c", script], input: input)
        guard result.status == 0,
              let methods = try JSONSerialization.jsonObject(with: result.output) as? [String]
        else {
            Issue.record("botocore failed: \(String(decoding: result.errors, as: UTF8.self))")
            return []
        }
        return methods
    }

    private static func run(arguments: [String], input: Data) throws -> (status: Int32, output: Data, errors: Data) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        stdin.fileHandleForWriting.write(input)
        try stdin.fileHandleForWriting.close()
        let errors = CredsLocked(Data())
        let reader = Thread { errors.withLock { $0 = stderr.fileHandleForReading.readDataToEndOfFile() } }
        reader.start()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while reader.isExecuting || !reader.isFinished { Thread.sleep(forTimeInterval: 0.01) }
        return (process.terminationStatus, output, errors.withLock { $0 })
    }
}
