import CloudFormation
import Foundation
import Testing

@testable import Deploy

/// Asset folders end to end against moto: zipped, uploaded once under their content-hashed key, named by the
/// template, and read by moto's Lambda from the artifact bucket. Part of `MotoDeployTests`, so it runs serialized
/// with the other tests on the shared moto (their change set names come from the same clock and moto keeps change
/// sets by name).
extension MotoDeployTests {
    static let assetBucket = "stacks-artifacts-111111111111"

    @Test func assetIsUploadedOnceUnderItsHashAndTheTemplateNamesIt() async throws {
        let fixture = try AssetFixture()
        defer { fixture.remove() }
        try fixture.write("functions/hello/index.py", "def handler(event, context):\n    return 'hello'\n")
        let stack = TestStacks.function(asset: "functions/hello")
        let package = try AssetPackage(asset: Asset("functions/hello"), root: fixture.root)
        let location = "s3://\(Self.assetBucket)/assets/\(package.hash).zip"

        let first = try await Self.harness([stack], packageRoot: fixture.root)
        #expect(await first.run.deploy(DeployRequest(stackNames: ["function"], environmentName: "sbx")), "\(first.output())")
        let text = first.output()
        #expect(text.contains("Uploaded asset functions/hello of function-sbx (1 file, \(package.zip.count) bytes) to \(location).\n"), "\(text)")
        #expect(text.contains("function-sbx: CREATE_COMPLETE."), "\(text)")

        // The object is there, under the key the synthesized template names, with the zip's size.
        let environment = try first.environments.environment("sbx", variables: first.resolver.variables)
        let api = try await first.resolver.session(for: environment).api
        #expect(try await api.objectExists(bucket: Self.assetBucket, key: package.key))
        #expect(try await api.objectExists(bucket: Self.assetBucket, key: "assets/0000.zip") == false)
        let head = try await #require(api as? LiveCloudFormationAPI).s3.headObject(bucket: Self.assetBucket, key: package.key)
        #expect(head.contentLength == package.zip.count)
        #expect(head.contentType == "application/zip")
        let synthesized = try Synthesizer(
            application: Application(stacks: [stack]), environments: first.environments, packageRoot: fixture.root
        ).synthesize(stacks: [stack], environmentNames: ["sbx"])
        #expect(synthesized.first?.text.contains("S3Key: assets/\(package.hash).zip\n") == true)

        // Again with the same code: nothing uploaded, nothing to change.
        let second = try await Self.harness([stack], packageRoot: fixture.root)
        #expect(await second.run.deploy(DeployRequest(stackNames: ["function"], environmentName: "sbx")), "\(second.output())")
        let again = second.output()
        #expect(again.contains("Asset functions/hello of function-sbx is already in \(location).\n"), "\(again)")
        #expect(!again.contains("Uploaded asset"))
        #expect(again.hasSuffix("function-sbx: no changes; the change set was empty and is deleted.\n"), "\(again)")

        // Changed code: a new key, uploaded, and the function updated to it.
        try fixture.write("functions/hello/index.py", "def handler(event, context):\n    return 'hello again'\n")
        let changed = try AssetPackage(asset: Asset("functions/hello"), root: fixture.root)
        #expect(changed.hash != package.hash)
        let third = try await Self.harness([stack], packageRoot: fixture.root)
        #expect(await third.run.deploy(DeployRequest(stackNames: ["function"], environmentName: "sbx")), "\(third.output())")
        let update = third.output()
        #expect(update.contains("Uploaded asset functions/hello of function-sbx (1 file, \(changed.zip.count) bytes) to s3://\(Self.assetBucket)/\(changed.key).\n"), "\(update)")
        #expect(update.contains("  ~ Function  AWS::Lambda::Function"), "\(update)")
        #expect(update.contains("function-sbx: UPDATE_COMPLETE."), "\(update)")
    }
}
