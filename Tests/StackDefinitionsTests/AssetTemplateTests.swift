import AWSResources
import CloudFormation
import Deploy
import Foundation
import Testing
import TestSupport

/// The typed asset API (`Lambda.Function.Code.asset`, SAM `CodeUri: .asset`) synthesizes templates that cfn-lint
/// and the SAM translator accept.
struct AssetTemplateTests {
    static let stack = Stack("asset-functions") { _ in
        let role = IAM.Role("Role", assumeRolePolicyDocument: [
            "Version": "2012-10-17",
            "Statement": [["Effect": "Allow", "Principal": ["Service": "lambda.amazonaws.com"], "Action": "sts:AssumeRole"]],
        ])
        role
        Lambda.Function("Plain", code: .asset(Asset("functions/hello")), role: role.arn, handler: "index.handler", runtime: .nodejs22X)
        Serverless.Function("Sam", codeUri: .asset(Asset("functions/hello")), handler: "index.handler", runtime: .nodejs22X)
    }

    @Test func lintsAndTranslates() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("stacks-asset-lint-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/functions/hello", withIntermediateDirectories: true)
        try Data("exports.handler = async () => 'hello';\n".utf8).write(to: URL(fileURLWithPath: root + "/functions/hello/index.js"))
        let mapping = try EnvironmentMapping(text: "environments:\n  sbx: { account: \"111111111111\", region: us-east-1 }\n", file: "environments.yaml")
        let templates = try Synthesizer(application: Application(stacks: [Self.stack]), environments: mapping, packageRoot: root)
            .synthesize(stacks: [Self.stack])
        let template = try #require(templates.first)
        let key = try #require(template.assets.first?.key)
        #expect(template.assets.count == 1)
        #expect(template.text.contains("S3Bucket: !Ref AssetsBucket\n        S3Key: \(key)\n"))
        #expect(template.text.contains("Bucket: !Ref AssetsBucket\n        Key: \(key)\n"))
        let file = root + "/template.yaml"
        try Data(template.text.utf8).write(to: URL(fileURLWithPath: file))
        let lint = try Command.run("cfn-lint", ["--format", "parseable", "--", file])
        #expect(lint.status == 0, "\(lint.stdout)\(lint.stderr)")
        let sam = try Command.run("python3", [RepositoryRoot.path("Tests/StackDefinitionsTests/sam_translate.py"), file])
        #expect(sam.status == 0, "\(sam.stdout)\(sam.stderr)")
    }
}
