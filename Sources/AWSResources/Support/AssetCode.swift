import CloudFormation

extension Lambda.Function.Code {
    /// The code of a local folder, zipped and uploaded by deploy: `code: .asset(Asset("functions/create-link"))`.
    /// Renders `S3Bucket: !Ref AssetsBucket` and `S3Key: assets/<sha256>.zip`.
    public static func asset(_ asset: Asset) -> Self {
        Self(s3Bucket: asset.bucket, s3Key: asset.key)
    }
}

extension TemplateValue {
    /// A SAM `CodeUri` (or `ContentUri`) of a local folder: `codeUri: .asset(Asset("functions/redirect"))`.
    /// Renders `Bucket: !Ref AssetsBucket` and `Key: assets/<sha256>.zip`.
    public static func asset(_ asset: Asset) -> TemplateValue {
        .map(["Bucket": asset.bucket.templateValue, "Key": asset.key.templateValue])
    }
}
