import AWSTestSupport
import Foundation
import Testing

@testable import AWSClient

/// S3 against moto with signature checking on: path-style addressing, `x-amz-content-sha256`, S3's path encoding.
@Suite struct S3MotoTests {
    private func s3() async throws -> (S3Client, bucket: String) {
        let moto = try await MotoServer.shared.connection()
        let (client, endpoint) = try await MotoServer.shared.client()
        return (S3Client(client: client, endpoint: endpoint), moto.bucket)
    }

    /// moto itself rejects valid signatures for keys with `+`, `~`, `=`, `&` or non-ASCII characters (botocore's
    /// requests fail the same way), so keys here keep to letters, digits, `-`, `_`, `.`, `/` and spaces; bodies
    /// carry everything.
    @Test(arguments: ["templates/app.json", "artifacts/with space/lambda.zip", "flat.txt"])
    func putThenHeadAnObject(key: String) async throws {
        let (s3, bucket) = try await s3()
        let body = Array("a + b % c & d = e ~ f — café ☕ \(key)".utf8)
        let put = try await s3.putObject(
            PutObjectInput(
                bucket: bucket, key: key, body: body, contentType: "application/json",
                metadata: [("source", "stacks test")]))
        #expect(put.eTag.count > 2)

        let head = try await s3.headObject(bucket: bucket, key: key)
        #expect(head.contentLength == body.count)
        #expect(head.eTag == put.eTag)
        #expect(head.contentType == "application/json")
        #expect(head.metadata == [ObjectHead.Metadata(key: "source", value: "stacks test")])
        #expect(head.lastModified != nil)
    }

    @Test func anEmptyObjectUploads() async throws {
        let (s3, bucket) = try await s3()
        _ = try await s3.putObject(PutObjectInput(bucket: bucket, key: "empty", body: []))
        #expect(try await s3.headObject(bucket: bucket, key: "empty").contentLength == 0)
    }

    @Test func aMissingObjectIsNotFound() async throws {
        let (s3, bucket) = try await s3()
        let error = await #expect(throws: AWSClientError.self) {
            try await s3.headObject(bucket: bucket, key: "no/such/object")
        }
        #expect(error?.serviceCode == "NotFound")
    }
}
