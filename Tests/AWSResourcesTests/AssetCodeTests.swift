import AWSResources
import CloudFormation
import Testing

struct AssetCodeTests {
    @Test func lambdaCodeNamesTheBucketParameterAndTheAssetKey() {
        let asset = Asset("functions/create-link")
        #expect(Lambda.Function.Code.asset(asset).templateValue == .map([
            "S3Bucket": .intrinsic(.ref("AssetsBucket")),
            "S3Key": .intrinsic(.other("Stacks::Asset", "functions/create-link")),
        ]))
    }

    @Test func samCodeUriNamesTheBucketParameterAndTheAssetKey() {
        let asset = Asset("functions/redirect")
        #expect(TemplateValue.asset(asset) == .map([
            "Bucket": .intrinsic(.ref("AssetsBucket")),
            "Key": .intrinsic(.other("Stacks::Asset", "functions/redirect")),
        ]))
    }
}
