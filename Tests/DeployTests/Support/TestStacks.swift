import CloudFormation
import Deploy
import Foundation

/// Test-only stacks of types moto's CloudFormation can create.
enum TestStacks {
    /// A queue and a table; `version` changes the queue's visibility timeout (an update without replacement).
    static func queues(version: Int) -> Stack {
        Stack("queues", description: "A queue and a table for the deploy tests.") { env in
            GenericResource("Queue", type: "AWS::SQS::Queue", properties: [
                "VisibilityTimeout": .int(30 + version),
            ])
            let table = GenericResource("Table", type: "AWS::DynamoDB::Table", properties: [
                "AttributeDefinitions": [["AttributeName": "id", "AttributeType": "S"]],
                "BillingMode": "PAY_PER_REQUEST",
                "KeySchema": [["AttributeName": "id", "KeyType": "HASH"]],
            ])
            table
            Output("TableName", table.ref, description: "The table.")
        }
    }

    /// Over 51,200 bytes: parameters with long values.
    static let big = Stack("big", description: "A template too large to send inline.") { env in
        for index in 0..<110 {
            GenericResource(LogicalID("Parameter\(index)"), type: "AWS::SSM::Parameter", properties: [
                "Type": "String",
                "Value": .string(String(repeating: "v", count: 480)),
            ])
        }
    }

    /// A Lambda function whose code is the asset folder `asset`, and its role.
    static func function(asset path: String) -> Stack {
        Stack("function", description: "A function whose code is a local asset folder.") { env in
            let role = GenericResource("Role", type: "AWS::IAM::Role", properties: [
                "AssumeRolePolicyDocument": [
                    "Version": "2012-10-17",
                    "Statement": [["Effect": "Allow", "Principal": ["Service": "lambda.amazonaws.com"], "Action": "sts:AssumeRole"]],
                ],
            ])
            role
            let asset = Asset(path)
            GenericResource("Function", type: "AWS::Lambda::Function", properties: [
                "Code": ["S3Bucket": asset.bucket.templateValue, "S3Key": asset.key.templateValue],
                "Handler": "index.handler",
                "Role": .intrinsic(.getAtt("Role", "Arn")),
                "Runtime": "python3.12",
            ])
        }
    }

    /// A clock that moves a second on each reading, so change set names differ.
    final class TickingClock: @unchecked Sendable {
        // @unchecked: guarded by `lock`.
        private let lock = NSLock()
        private var seconds: Double = 1_800_000_000

        func now() -> Date {
            lock.withLock {
                seconds += 1
                return Date(timeIntervalSince1970: seconds)
            }
        }
    }
}
