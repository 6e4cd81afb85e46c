/// An AWS partition: a group of regions sharing a DNS suffix and the first part of every ARN.
public enum Partition: String, Sendable, Hashable, CaseIterable {
    case aws = "aws"
    case awsCN = "aws-cn"
    case awsUSGov = "aws-us-gov"

    /// The partition a region belongs to: `cn-*` is aws-cn, `us-gov-*` is aws-us-gov, every other region is aws.
    public init(region: String) {
        if region.hasPrefix("cn-") {
            self = .awsCN
        } else if region.hasPrefix("us-gov-") {
            self = .awsUSGov
        } else {
            self = .aws
        }
    }

    /// The DNS suffix of the partition's service hosts.
    public var dnsSuffix: String {
        switch self {
        case .aws, .awsUSGov: "amazonaws.com"
        case .awsCN: "amazonaws.com.cn"
        }
    }

    /// The partition part of an ARN: `arn:<partition>:…`.
    public var arnPrefix: String { "arn:\(rawValue)" }
}

/// The partition a region belongs to, for hosts and ARNs.
public func partition(for region: String) -> Partition {
    Partition(region: region)
}
