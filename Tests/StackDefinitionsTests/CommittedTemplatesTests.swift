import CloudFormation
import Deploy
import Foundation
import StackDefinitions
import Testing
import TestSupport

/// The templates under out/ are the golden files of the application's stacks: reviewed output, committed.
@Suite("Committed templates")
struct CommittedTemplatesTests {
    static let environments: EnvironmentMapping? = try? EnvironmentMapping.load(path: RepositoryRoot.path(EnvironmentMapping.defaultPath))

    static var cases: [(stack: String, environment: String)] {
        allStacks.flatMap { stack in (environments?.names ?? []).map { (stack.name, $0) } }
    }

    @Test("every stack and environment has a template under out/", arguments: cases)
    func golden(stack: String, environment: String) throws {
        let mapping = try #require(Self.environments)
        let synthesizer = Synthesizer(application: Application(stacks: allStacks), environments: mapping)
        let chosen = try Application(stacks: allStacks).stacks(named: [stack])
        let templates = try synthesizer.synthesize(stacks: chosen, environmentNames: [environment])
        let template = try #require(templates.first)
        if let mismatch = GoldenFile.mismatch(template.text, path: template.path(in: RepositoryRoot.path("out"))) {
            Issue.record(Comment(rawValue: mismatch))
        }
    }

    @Test("cfn-lint finds no errors and no warnings in out/")
    func cfnLint() throws {
        let files = try FileManager.default.subpathsOfDirectory(atPath: RepositoryRoot.path("out"))
            .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".json") }
            .sorted()
            .map { "out/\($0)" }
        try #require(!files.isEmpty, "out/ holds no templates")
        let result = try Command.run("cfn-lint", ["--format", "parseable", "--"] + files, in: RepositoryRoot.path)
        #expect(result.status == 0, "cfn-lint exited \(result.status):\n\(result.stdout)\(result.stderr)")
    }

    @Test("every template passes the SAM translator when it uses the SAM transform")
    func samTranslator() throws {
        let files = try FileManager.default.subpathsOfDirectory(atPath: RepositoryRoot.path("out"))
            .filter { $0.hasSuffix(".yaml") }
            .sorted()
            .map { RepositoryRoot.path("out/\($0)") }
        let script = RepositoryRoot.path("Tests/StackDefinitionsTests/sam_translate.py")
        let result = try Command.run("python3", [script] + files)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    }
}
