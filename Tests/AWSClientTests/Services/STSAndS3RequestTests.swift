import AWSTestSupport
import Foundation
import Testing

@testable import AWSClient

/// STS and S3 requests through an in-memory transport: what goes on the wire and how answers decode.
@Suite struct STSAndS3RequestTests {
    static let secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"

    private func client(_ transport: RecordingTransport, region: String = "eu-west-1") -> AWSClient {
        AWSClient(
            region: region,
            credentialProvider: FixedCredentials(accessKeyID: "AKIDEXAMPLE", secretAccessKey: Self.secret),
            transport: transport, sleep: { _ in })
    }

    static let assumed = """
        <AssumeRoleWithWebIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
          <AssumeRoleWithWebIdentityResult>
            <Credentials>
              <AccessKeyId>ASIATEMPORARY</AccessKeyId><SecretAccessKey>TEMPsecretNEVERprinted</SecretAccessKey>
              <SessionToken>FwoGZXIvYXdzEBYaD+token/=</SessionToken><Expiration>2026-11-21T21:00:00Z</Expiration>
            </Credentials>
            <SubjectFromWebIdentityToken>repo:org/app:ref:refs/heads/main</SubjectFromWebIdentityToken>
            <AssumedRoleUser><Arn>arn:aws:sts::444455556666:assumed-role/ci/gh</Arn>
              <AssumedRoleId>AROAEXAMPLE:gh</AssumedRoleId></AssumedRoleUser>
          </AssumeRoleWithWebIdentityResult>
          <ResponseMetadata><RequestId>r1</RequestId></ResponseMetadata>
        </AssumeRoleWithWebIdentityResponse>
        """

    /// Expected body: botocore's serialization of the same input.
    @Test func assumeRoleWithWebIdentityIsUnsignedAndDecodes() async throws {
        let transport = RecordingTransport([.xml(Self.assumed)])
        let sts = try STS(client: client(transport), resolver: EndpointResolver(environment: [:]))
        let role = try await sts.assumeRoleWithWebIdentity(
            AssumeRoleWithWebIdentityInput(
                roleARN: "arn:aws:iam::444455556666:role/ci", roleSessionName: "gh", webIdentityToken: "eyJ.a+b/c==",
                durationSeconds: 3600))
        let request = try #require(transport.requests.first)
        #expect(request.url.absoluteString == "https://sts.eu-west-1.amazonaws.com/")
        #expect(!request.headers.contains { $0.name.lowercased() == "authorization" })
        #expect(!request.headers.contains { $0.name.lowercased() == "x-amz-security-token" })
        let date = request.headers.first { $0.name == "X-Amz-Date" }?.value ?? ""
        #expect(date.count == 16 && date.hasSuffix("Z") && date.dropFirst(8).first == "T")
        #expect(
            transport.bodies == [
                "Action=AssumeRoleWithWebIdentity&Version=2011-06-15&RoleArn=arn%3Aaws%3Aiam%3A%3A444455556666%3Arole%2Fci&RoleSessionName=gh&WebIdentityToken=eyJ.a%2Bb%2Fc%3D%3D&DurationSeconds=3600"
            ])
        #expect(role.credentials.accessKeyID == "ASIATEMPORARY")
        #expect(role.credentials.sessionToken == "FwoGZXIvYXdzEBYaD+token/=")
        #expect(role.credentials.expiration == Date(timeIntervalSince1970: 1_795_294_800))
        #expect(role.assumedRoleARN == "arn:aws:sts::444455556666:assumed-role/ci/gh")
        #expect(role.subjectFromWebIdentityToken == "repo:org/app:ref:refs/heads/main")
        #expect(!"\(role)".contains("TEMPsecret"))
        #expect(!"\(role.credentials)".contains("TEMPsecret"))
    }

    @Test func assumeRoleIsSignedAndAMissingCredentialsElementIsAClearError() async throws {
        let transport = RecordingTransport([.xml("<AssumeRoleResponse><AssumeRoleResult/></AssumeRoleResponse>")])
        let sts = try STS(client: client(transport), resolver: EndpointResolver(environment: [:]))
        let error = await #expect(throws: AWSClientError.self) {
            try await sts.assumeRole(
                AssumeRoleInput(
                    roleARN: "arn:aws:iam::111122223333:role/deployer", roleSessionName: "stacks", externalID: "x & y"))
        }
        #expect(
            error.map { "\($0)" }
                == "The answer to AssumeRole could not be read: the answer holds no <Credentials>. Check that the endpoint is an AWS service."
        )
        #expect(
            transport.bodies == [
                "Action=AssumeRole&Version=2011-06-15&RoleArn=arn%3Aaws%3Aiam%3A%3A111122223333%3Arole%2Fdeployer&RoleSessionName=stacks&ExternalId=x+%26+y"
            ])
        let authorization = transport.requests.first?.headers.first { $0.name == "Authorization" }?.value ?? ""
        #expect(authorization.hasPrefix("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/"))
        #expect(authorization.contains("/eu-west-1/sts/aws4_request"))
        #expect(!authorization.contains(Self.secret))
    }

    @Test(arguments: [
        (
            "stacks-artifacts", "a b/c.json", [String: String](),
            "https://stacks-artifacts.s3.eu-west-1.amazonaws.com/a%20b/c.json"
        ),
        ("my.dotted.bucket", "k", [:], "https://s3.eu-west-1.amazonaws.com/my.dotted.bucket/k"),
        (
            "stacks-artifacts", "x+y=z~é", ["AWS_ENDPOINT_URL_S3": "http://127.0.0.1:9000"],
            "http://127.0.0.1:9000/stacks-artifacts/x%2By%3Dz~%C3%A9"
        ),
    ])
    func putObjectAddressesTheBucketAndSignsThePayload(
        bucket: String, key: String, environment: [String: String], expectedURL: String
    ) async throws {
        let transport = RecordingTransport([.response(HTTPResponse(status: 200, headers: [("ETag", "\"abc\"")]))])
        let s3 = try S3Client(client: client(transport), resolver: EndpointResolver(environment: environment))
        let output = try await s3.putObject(
            PutObjectInput(
                bucket: bucket, key: key, body: Array("template body ✓".utf8), contentType: "text/plain"))
        #expect(output.eTag == "\"abc\"")
        let request = try #require(transport.requests.first)
        #expect(request.method == "PUT")
        #expect(request.url.absoluteString == expectedURL)
        let headers = Dictionary(
            request.headers.map { ($0.name.lowercased(), $0.value) }, uniquingKeysWith: { a, _ in a })
        #expect(headers["x-amz-content-sha256"] == "80a6fefe7954771010de46b53996091c3a131f40933555d404e2536f4d799f8c")
        #expect(headers["authorization"]?.contains("/eu-west-1/s3/aws4_request") == true)
        #expect(headers["content-type"] == "text/plain")
    }

    @Test func headObjectDecodesHeaders() async throws {
        let transport = RecordingTransport([
            .response(
                HTTPResponse(
                    status: 200,
                    headers: [
                        ("Content-Length", "1234"), ("ETag", "\"e\""), ("Content-Type", "application/zip"),
                        ("Last-Modified", "Sat, 21 Nov 2026 10:00:03 GMT"), ("x-amz-meta-Sha", "abc"),
                        ("x-amz-meta-a", "1"),
                    ]))
        ])
        let s3 = try S3Client(client: client(transport), resolver: EndpointResolver(environment: [:]))
        let head = try await s3.headObject(bucket: "b", key: "k")
        #expect(head.contentLength == 1234)
        #expect(head.lastModified == Date(timeIntervalSince1970: 1_795_255_203))
        #expect(head.metadata == [.init(key: "a", value: "1"), .init(key: "sha", value: "abc")])
        #expect(transport.requests.first?.method == "HEAD")
    }
}

@Suite struct RoleAssumerTests {
    @Test func theRoleAssumerHasNoCredentialsOfItsOwn() async throws {
        let transport = RecordingTransport([.xml(STSAndS3RequestTests.assumed)])
        let sts = try STS.roleAssumer(
            region: "us-west-2", transport: transport, resolver: EndpointResolver(environment: [:]))
        let credentials = try await sts.assumeRoleWithWebIdentity(
            roleARN: "arn:aws:iam::444455556666:role/ci", sessionName: "gh", webIdentityToken: "token")
        #expect(credentials.accessKeyID == "ASIATEMPORARY")
        #expect(transport.requests.first?.url.absoluteString == "https://sts.us-west-2.amazonaws.com/")

        let error = await #expect(throws: AWSClientError.self) { try await sts.getCallerIdentity() }
        #expect(
            error.map { "\($0)" }
                == "This STS client only assumes roles with the credentials it is given; build an AWSClient with a credential provider for other calls."
        )
        guard case .credentials(let provider, _) = error else {
            Issue.record("expected a credentials error, got \(String(describing: error))")
            return
        }
        #expect(provider == "no credentials (role assumer)")
        #expect(transport.requests.count == 1)
    }
}
