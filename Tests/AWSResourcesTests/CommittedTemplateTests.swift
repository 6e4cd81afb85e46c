import AWSResources
import CloudFormation
import Foundation
import Testing

/// The templates in out/ pass cfn-lint; the schema checks must not find anything in them either.
@Suite struct CommittedTemplateTests {
    static let templates: [String] = {
        let out = CompilerHarness.repository.appendingPathComponent("out")
        guard let enumerator = FileManager.default.enumerator(atPath: out.path) else { return [] }
        var paths: [String] = []
        while let path = enumerator.nextObject() as? String {
            if path.hasSuffix(".yaml") { paths.append(path) }
        }
        return paths.sorted()
    }()

    @Test(.enabled(if: !templates.isEmpty, "out/ holds no templates"), arguments: templates)
    func committedTemplateHasNoSchemaIssues(_ path: String) throws {
        let text = try String(contentsOf: CompilerHarness.repository.appendingPathComponent("out").appendingPathComponent(path), encoding: .utf8)
        let template = try TemplateReader.read(text)
        #expect(!template.resources.isEmpty)
        #expect(template.resources.flatMap(ResourceSchemas.validate).map(\.message) == [])
    }
}
