/// CloudFormation's pseudo parameters, as `Ref` names.
public enum PseudoParameter: String, Sendable, CaseIterable {
    case accountID = "AWS::AccountId"
    case notificationARNs = "AWS::NotificationARNs"
    case noValue = "AWS::NoValue"
    case partition = "AWS::Partition"
    case region = "AWS::Region"
    case stackID = "AWS::StackId"
    case stackName = "AWS::StackName"
    case urlSuffix = "AWS::URLSuffix"

    /// Whether `name` is a pseudo parameter.
    public static func isPseudoParameter(_ name: String) -> Bool {
        PseudoParameter(rawValue: name) != nil
    }
}

/// The pseudo parameters as typed values: `"arn:\(AWS.partition):s3:::\(bucket.name)"`.
public enum AWS {
    public static var accountID: Value<String> { Value(.ref(PseudoParameter.accountID.rawValue)) }
    public static var notificationARNs: Value<[String]> { Value(.ref(PseudoParameter.notificationARNs.rawValue)) }
    public static var partition: Value<String> { Value(.ref(PseudoParameter.partition.rawValue)) }
    public static var region: Value<String> { Value(.ref(PseudoParameter.region.rawValue)) }
    public static var stackID: Value<String> { Value(.ref(PseudoParameter.stackID.rawValue)) }
    public static var stackName: Value<String> { Value(.ref(PseudoParameter.stackName.rawValue)) }
    public static var urlSuffix: Value<String> { Value(.ref(PseudoParameter.urlSuffix.rawValue)) }
}
