import CloudFormation
import Foundation
import Testing
import TestSupport

/// `stacks synth`, run as users run it: the built binary, from the repository root.
@Suite("stacks synth")
struct SynthCommandTests {
    private func stacks(_ arguments: [String], in directory: String = RepositoryRoot.path) throws -> Command.Result {
        let binary = try #require(BuiltProduct.path("stacks"), "the stacks executable was not built")
        return try Command.run(binary, arguments, in: directory, environment: ["NO_COLOR": "1"])
    }

    private func temporaryFolder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("stacks-cli-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test("writes one template per environment, prints one line each, and changes no byte when run again")
    func writesTemplates() throws {
        let out = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: out) }
        let first = try stacks(["synth", "url-shortener", "--out", out])
        #expect(first.status == 0, "\(first.stderr)")
        let lines = first.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        for (line, env) in zip(lines, ["sbx", "tst", "prd"]) {
            #expect(line.hasPrefix("\(out)/url-shortener/\(env).yaml  "), "\(line)")
            #expect(line.contains(" resources  ") && line.hasSuffix(" bytes"), "\(line)")
        }
        let files = ["sbx", "tst", "prd"].map { "\(out)/url-shortener/\($0).yaml" }
        let before = try files.map { try Data(contentsOf: URL(fileURLWithPath: $0)) }
        let second = try stacks(["synth", "url-shortener", "--out", out])
        #expect(second.stdout == first.stdout)
        #expect(try files.map { try Data(contentsOf: URL(fileURLWithPath: $0)) } == before)
        // The committed templates are what the code produces.
        for (file, env) in zip(files, ["sbx", "tst", "prd"]) {
            #expect(try String(contentsOfFile: file, encoding: .utf8) == String(contentsOfFile: RepositoryRoot.path("out/url-shortener/\(env).yaml"), encoding: .utf8))
        }
    }

    @Test("--check --all passes on the committed tree")
    func checkCommittedTree() throws {
        let result = try stacks(["synth", "--check", "--all"])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.hasPrefix("out/ is current: "))
    }

    @Test("--check names every stale, missing and orphaned file, writes nothing, and exits non-zero")
    func checkFindsDifferences() throws {
        let out = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: out) }
        #expect(try stacks(["synth", "--all", "--out", out]).status == 0)
        let stale = "\(out)/url-shortener/tst.yaml"
        try Data("edited\n".utf8).write(to: URL(fileURLWithPath: stale))
        try FileManager.default.removeItem(atPath: "\(out)/url-shortener/prd.yaml")
        try FileManager.default.createDirectory(atPath: "\(out)/old-stack", withIntermediateDirectories: true)
        try Data("x\n".utf8).write(to: URL(fileURLWithPath: "\(out)/old-stack/sbx.yaml"))
        let result = try stacks(["synth", "--check", "--all", "--out", out])
        #expect(result.status != 0)
        #expect(result.stdout == """
            \(out)/old-stack/sbx.yaml is no longer produced by any stack and environment
            \(out)/url-shortener/prd.yaml is missing
            \(out)/url-shortener/tst.yaml is stale (the code produces different bytes)
            3 of the files under \(out)/ do not match the code; run `swift run stacks synth --all --out \(out)` and commit the result.

            """)
        #expect(try String(contentsOfFile: stale, encoding: .utf8) == "edited\n")
        #expect(!FileManager.default.fileExists(atPath: "\(out)/url-shortener/prd.yaml"))
    }

    @Test("a mistyped stack or environment is one sentence and a non-zero exit", arguments: [
        (["synth", "nope"], "Error: Unknown stack 'nope'; the stacks are 'url-shortener'.\n"),
        (["synth", "url-shortner"], "Error: Unknown stack 'url-shortner'; the stacks are 'url-shortener'. Did you mean 'url-shortener'?\n"),
        (["synth", "url-shortener", "--env", "prod"], "Error: Unknown environment 'prod'; Stacks/environments.yaml defines 'sbx', 'tst', 'prd'. Did you mean 'prd'?\n"),
        (["validate", "nope"], "Error: Unknown stack 'nope'; the stacks are 'url-shortener'.\n"),
    ])
    func mistyped(arguments: [String], message: String) throws {
        let result = try stacks(arguments)
        #expect(result.status != 0)
        #expect(result.stderr == message)
        #expect(result.stdout == "")
    }

    @Test("a malformed environment mapping points at its line")
    func malformedMapping() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = "\(folder)/environments.yaml"
        try Data("environments:\n  sbx: { account: '111111111111', regoin: us-east-1 }\n".utf8).write(to: URL(fileURLWithPath: file))
        let result = try stacks(["synth", "--all", "--environments", file, "--out", folder])
        #expect(result.status != 0)
        #expect(result.stderr.hasPrefix("Error: \(file):2: Unknown key 'regoin' in 'sbx'; "))
        #expect(result.stderr.hasSuffix("Did you mean 'region'?\n"))
    }

    @Test("--format json writes JSON that reads back as the YAML template and that cfn-lint accepts")
    func json() throws {
        let out = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: out) }
        let result = try stacks(["synth", "url-shortener", "--env", "prd", "--format", "json", "--out", out])
        #expect(result.status == 0, "\(result.stderr)")
        let path = "\(out)/url-shortener/prd.json"
        #expect(result.stdout.hasPrefix("\(path)  14 resources  "))
        let json = try TemplateReader.read(String(contentsOfFile: path, encoding: .utf8))
        let yaml = try TemplateReader.read(String(contentsOfFile: RepositoryRoot.path("out/url-shortener/prd.yaml"), encoding: .utf8))
        #expect(json == yaml)
        let lint = try Command.run("cfn-lint", ["--", path])
        #expect(lint.status == 0, "\(lint.stdout)\(lint.stderr)")
    }

    @Test("validate checks every environment and writes nothing")
    func validate() throws {
        let result = try stacks(["validate", "url-shortener"])
        #expect(result.status == 0)
        #expect(result.stdout == """
            url-shortener (sbx): valid, 14 resources
            url-shortener (tst): valid, 14 resources
            url-shortener (prd): valid, 14 resources

            """)
    }

    @Test("stacks list shows the stacks and the environments")
    func list() throws {
        let result = try stacks(["list"])
        #expect(result.status == 0)
        #expect(result.stdout == """
            Stacks:
              url-shortener  Short links: an HTTP API, two Lambda functions and a DynamoDB table.
            Environments (Stacks/environments.yaml):
              sbx  account 111111111111  us-east-1  profile acme-sbx
              tst  account 222222222222  us-east-1
              prd  account ${PRD_AWS_ACCOUNT_ID}  us-west-2  protected

            """)
    }

    @Test("the help text is as reviewed")
    func help() throws {
        let result = try stacks(["--help"])
        #expect(result.status == 0)
        if let mismatch = GoldenFile.mismatch(result.stdout, path: RepositoryRoot.path("Tests/StacksCLITests/Golden/help.txt")) {
            Issue.record(Comment(rawValue: mismatch))
        }
    }
}
