/// CloudFormation's quotas on a single template.
public enum TemplateLimits {
    public static let resources = 500
    public static let parameters = 200
    public static let outputs = 200
    public static let mappings = 200
    /// The largest template body CloudFormation accepts from S3, in bytes.
    public static let templateBytes = 1_048_576
    /// The largest template body that can be sent inline with a request, in bytes.
    public static let inlineTemplateBytes = 51_200
    /// The longest logical ID, in characters.
    public static let logicalIDLength = 255
}
