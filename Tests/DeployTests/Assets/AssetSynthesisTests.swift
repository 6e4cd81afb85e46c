import CloudFormation
import Foundation
import Testing

@testable import Deploy

struct AssetSynthesisTests {
    static let mapping = """
        defaults:
          region: us-east-1
          deployRole: arn:aws:iam::${account}:role/stacks-deploy-${env}
        environments:
          sbx: { account: "111111111111" }
          prd: { account: "333333333333", region: us-west-2, artifactBucket: "bucket-${account}" }
        """

    /// A function whose code is the asset folder `path`.
    static func stack(_ path: String, wrapped: Bool = false) -> Stack {
        Stack("assets") { _ in
            let asset = Asset(path)
            let key: TemplateValue = wrapped ? .intrinsic(.join("", [asset.templateValue])) : asset.key.templateValue
            GenericResource("Function", type: "AWS::Lambda::Function", properties: [
                "Code": ["S3Bucket": asset.bucket.templateValue, "S3Key": key],
                "Handler": "index.handler",
                "Role": "arn:aws:iam::111111111111:role/r",
                "Runtime": "nodejs22.x",
            ])
        }
    }

    static func synthesize(_ stack: Stack, root: String) throws -> [SynthesizedTemplate] {
        let environments = try EnvironmentMapping(text: mapping, file: "environments.yaml")
        return try Synthesizer(application: Application(stacks: [stack]), environments: environments, packageRoot: root)
            .synthesize(stacks: [stack])
    }

    @Test func templateNamesTheContentHashedKeyAndTheBucketParameter() throws {
        let fixture = try AssetFixture()
        defer { fixture.remove() }
        try fixture.write("functions/hello/index.js", "exports.handler = async () => 'hello';\n")
        let templates = try Self.synthesize(Self.stack("functions/hello"), root: fixture.root)
        let package = try AssetPackage(asset: Asset("functions/hello"), root: fixture.root)
        #expect(templates.count == 2)
        for template in templates {
            #expect(template.assets == [package])
            #expect(template.text.contains("""
                Parameters:
                  AssetsBucket:
                    Type: String
                    Description: The artifact bucket holding the function code of local asset folders; deploy fills it in.
                """))
            #expect(template.text.contains("""
                      Code:
                        S3Bucket: !Ref AssetsBucket
                        S3Key: assets/\(package.hash).zip
                """))
            // Nothing from the machine or the environment's bucket reaches the template.
            #expect(!template.text.contains(fixture.root))
            #expect(!template.text.contains("bucket-333333333333"))
            #expect(!template.text.contains("Stacks::Asset"))
        }
        // The same template for both environments, whatever their region or bucket.
        #expect(templates[0].text == templates[1].text)
    }

    @Test func missingFolderNamesStackResourceAndPath() throws {
        let fixture = try AssetFixture()
        defer { fixture.remove() }
        #expect(throws: SynthesisError("""
            Stack assets (sbx) is not valid:
              - Resource 'Function' uses asset 'functions/missing', but its folder 'functions/missing' does not exist under \(fixture.root); create it or fix the path.
            Stack assets (prd) is not valid:
              - Resource 'Function' uses asset 'functions/missing', but its folder 'functions/missing' does not exist under \(fixture.root); create it or fix the path.
            """)) {
            try Self.synthesize(Self.stack("functions/missing"), root: fixture.root)
        }
    }

    @Test func assetInsideAnotherFunctionIsRefused() throws {
        let fixture = try AssetFixture()
        defer { fixture.remove() }
        try fixture.write("f/index.js", "x")
        let error = #expect(throws: SynthesisError.self) {
            try Self.synthesize(Self.stack("f", wrapped: true), root: fixture.root)
        }
        #expect(error?.message.hasPrefix("Stack assets (sbx) is not valid:\n  - Resource 'Function' uses asset 'f' inside another function; give `asset.key` (or `.asset(...)`) directly as the property's value.") == true)
    }

    @Test func deployWithoutArtifactBucketStopsBeforeAnyCall() async throws {
        let fixture = try AssetFixture()
        defer { fixture.remove() }
        try fixture.write("functions/hello/index.js", "x")
        let (output, text) = DeployOutput.capturing()
        let context = DeployContext(
            variables: [:], session: { _ in throw DeployError("The identity was looked up; it should not be.") },
            output: output, packageRoot: fixture.root)
        let environments = try EnvironmentMapping(text: Self.mapping, file: "environments.yaml")
        let stack = Self.stack("functions/hello")
        let run = DeployRun(application: Application(stacks: [stack]), environments: environments, context: context)
        #expect(await run.deploy(DeployRequest(stackNames: ["assets"], environmentName: "sbx")) == false)
        #expect(text() == "Stack 'assets-sbx' uses the local asset folder 'functions/hello', which deploy uploads to the environment's artifact bucket, and environment 'sbx' has no artifactBucket; set 'artifactBucket' for it (or under defaults) in environments.yaml.\n")
    }
}
