import Testing

@testable import CloudFormation

struct AssetTests {
    static func function(_ id: LogicalID, _ asset: Asset) -> TemplateResource {
        GenericResource(id, type: "AWS::Lambda::Function", properties: [
            "Code": ["S3Bucket": asset.bucket.templateValue, "S3Key": asset.key.templateValue],
            "Layers": [asset.key.templateValue],
        ]).templateResource
    }

    @Test func usesAreFoundOncePerResourceInOrder() {
        var template = Template()
        template.resources = [
            Self.function("B", Asset("functions/b")),
            GenericResource("Queue", type: "AWS::SQS::Queue").templateResource,
            Self.function("A", Asset("functions/a")),
        ]
        #expect(template.assetUses == [
            AssetUse(resource: "B", asset: Asset("functions/b")),
            AssetUse(resource: "A", asset: Asset("functions/a")),
        ])
    }

    @Test func resolvingReplacesPlaceholdersAndDeclaresTheBucketParameter() throws {
        var template = Template()
        template.resources = [Self.function("A", Asset("functions/a"))]
        let resolved = template.resolvingAssets(keys: ["functions/a": "assets/abc.zip"])
        #expect(resolved.assetUses.isEmpty)
        #expect(resolved.resources[0].properties["Code"] == .map([
            "S3Bucket": .intrinsic(.ref("AssetsBucket")), "S3Key": "assets/abc.zip",
        ]))
        #expect(resolved.resources[0].properties["Layers"] == ["assets/abc.zip"])
        #expect(resolved.parameters.map(\.id) == ["AssetsBucket"])
        #expect(resolved.parameters.first?.type == "String")
        #expect(TemplateValidator.validate(resolved).isEmpty)
        // Resolving twice changes nothing more; a template without assets is left alone.
        #expect(resolved.resolvingAssets(keys: [:]) == resolved)
        let plain = Template()
        #expect(plain.resolvingAssets(keys: [:]) == plain)
    }

    @Test func unresolvedPlaceholderIsVisibleInTheTemplate() throws {
        var template = Template()
        template.resources = [Self.function("A", Asset("functions/a"))]
        let text = try TemplateWriter.render(template, format: .yaml)
        // A tag CloudFormation rejects, so a template that skipped synthesis cannot deploy by mistake.
        #expect(text.contains("        S3Key: !Stacks::Asset functions/a\n"))
    }

    @Test func keyNamesTheHash() {
        #expect(Asset.key(forHash: "0f") == "assets/0f.zip")
    }
}
