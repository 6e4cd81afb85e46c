import Testing

@testable import AWSClient

@Suite struct PartitionTests {
    @Test(arguments: [
        ("us-east-1", Partition.aws, "amazonaws.com", "arn:aws"),
        ("eu-west-3", .aws, "amazonaws.com", "arn:aws"),
        ("ap-southeast-2", .aws, "amazonaws.com", "arn:aws"),
        ("cn-north-1", .awsCN, "amazonaws.com.cn", "arn:aws-cn"),
        ("cn-northwest-1", .awsCN, "amazonaws.com.cn", "arn:aws-cn"),
        ("us-gov-west-1", .awsUSGov, "amazonaws.com", "arn:aws-us-gov"),
        ("us-gov-east-1", .awsUSGov, "amazonaws.com", "arn:aws-us-gov"),
    ])
    func regionsMapToTheirPartition(region: String, expected: Partition, suffix: String, arnPrefix: String) {
        let found = partition(for: region)
        #expect(found == expected)
        #expect(found.dnsSuffix == suffix)
        #expect(found.arnPrefix == arnPrefix)
    }
}
