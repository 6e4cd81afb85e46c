import Crypto
import Foundation
import SigV4
import Testing

@Suite struct SignerTests {
    static let date = Date(timeIntervalSince1970: 1_440_938_160)  // 2015-08-30T12:36:00Z
    static let credentials = Credentials(
        accessKeyID: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"
    )
    static let token = "token/with+reserved=chars"

    static func request(
        _ url: String = "https://example.amazonaws.com/", headers: [(name: String, value: String)] = [],
        body: Payload = .empty
    ) throws -> SigningRequest {
        SigningRequest(method: "POST", url: try #require(URL(string: url)), headers: headers, body: body)
    }

    static func value(_ name: String, in headers: [(name: String, value: String)]) -> [String] {
        headers.filter { $0.name.lowercased() == name.lowercased() }.map(\.value)
    }

    /// The signing key from AWS's "derive a signing key" example (IAM, us-east-1, 2012-02-15).
    @Test func signingKeyMatchesAWSExample() {
        let signer = Signer(credentials: Self.credentials, region: "us-east-1", service: "iam")
        let key = signer.signingKey(date: Date(timeIntervalSince1970: 1_329_264_000))  // 2012-02-15T00:00:00Z
        let hex = key.withUnsafeBytes { $0.map { String(format: "%02x", $0) }.joined() }
        #expect(hex == "f4780e2d9f65fa895f9c67b32ce1baf0b0d8a43505a000a1a9e090d414db404d")
    }

    @Test(arguments: [
        (0.0, "19700101T000000Z"),
        (-1.0, "19691231T235959Z"),
        (951_782_400.0, "20000229T000000Z"),
        (1_440_938_160.999, "20150830T123600Z"),
        (1_709_164_800.0, "20240229T000000Z"),
        (4_102_444_799.0, "20991231T235959Z"),
        (4_107_456_000.0, "21000228T000000Z"),
        (4_107_542_400.0, "21000301T000000Z"),  // 2100 is not a leap year
    ])
    func amzDate(seconds: Double, expected: String) throws {
        let signer = Signer(credentials: Self.credentials, region: "us-east-1", service: "service")
        let headers = signer.sign(try Self.request(), date: Date(timeIntervalSince1970: seconds))
        #expect(Self.value("X-Amz-Date", in: headers) == [expected])
        #expect(Signer.amzDate(Date(timeIntervalSince1970: seconds)) == expected)
        let scope = "Credential=AKIDEXAMPLE/\(expected.prefix(8))/us-east-1/service/aws4_request,"
        #expect(Self.value("Authorization", in: headers).first?.contains(scope) == true)
    }

    /// The per-day key cache: one signer used across days and back signs as fresh signers do.
    @Test func signingKeyCacheFollowsTheDate() throws {
        let shared = Signer(credentials: Self.credentials, region: "us-east-1", service: "service")
        let request = try Self.request()
        for seconds in [1_440_938_160.0, 1_441_024_560, 1_440_938_161, 1_441_024_560] {
            let date = Date(timeIntervalSince1970: seconds)
            let fresh = Signer(credentials: Self.credentials, region: "us-east-1", service: "service")
            #expect(shared.signature(request, date: date) == fresh.signature(request, date: date))
        }
    }

    @Test func concurrentSigningAgrees() async throws {
        let signer = Signer(credentials: Self.credentials, region: "us-east-1", service: "service")
        let request = try Self.request(body: .bytes(Array("Action=ListStacks".utf8)))
        let expected = signer.signature(request, date: Self.date)
        let results = await withTaskGroup(of: String.self) { group in
            for day in 0..<64 {
                group.addTask { signer.signature(request, date: Self.date.addingTimeInterval(Double(day % 3) * 86_400)) }
            }
            return await group.reduce(into: [String]()) { $0.append($1) }
        }
        #expect(results.count == 64)
        #expect(results.filter { $0 == expected }.count == 22)
    }

    @Test func headerSigningAddsAndReplacesHeadersInOrder() throws {
        let signer = Signer(
            credentials: Credentials(accessKeyID: "AKIDEXAMPLE", secretAccessKey: "secret", sessionToken: Self.token),
            region: "us-east-1", service: "cloudformation", addContentSHA256Header: true
        )
        let request = try Self.request(headers: [
            ("Content-Type", "application/x-www-form-urlencoded"),
            ("Authorization", "stale"), ("X-Amz-Date", "stale"), ("X-Amz-Security-Token", "stale"),
            ("User-Agent", "stacks/1.0"),
        ])
        let headers = signer.sign(request, date: Self.date)
        #expect(headers.map(\.name) == [
            "Content-Type", "User-Agent", "host", "X-Amz-Security-Token", "X-Amz-Date", "x-amz-content-sha256",
            "Authorization",
        ])
        #expect(Self.value("host", in: headers) == ["example.amazonaws.com"])
        #expect(Self.value("X-Amz-Security-Token", in: headers) == [Self.token])
        #expect(Self.value("x-amz-content-sha256", in: headers) == [SHA256.hash(data: [UInt8]()).hexString])
        let authorization = try #require(Self.value("Authorization", in: headers).first)
        #expect(authorization.hasPrefix(
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/cloudformation/aws4_request, "
                + "SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date;x-amz-security-token, Signature="
        ))
        #expect(authorization.hasSuffix(signer.signature(request, date: Self.date)))
    }

    @Test func tokenAppendedAfterSigningIsSentButNotSigned() throws {
        let credentials = Credentials(accessKeyID: "AKIDEXAMPLE", secretAccessKey: "secret", sessionToken: Self.token)
        let appended = Signer(
            credentials: credentials, region: "us-east-1", service: "iotdevicegateway",
            sessionTokenPlacement: .appendedAfterSigning
        )
        let withoutToken = Signer(
            credentials: Credentials(accessKeyID: "AKIDEXAMPLE", secretAccessKey: "secret"),
            region: "us-east-1", service: "iotdevicegateway"
        )
        let request = try Self.request()
        let headers = appended.sign(request, date: Self.date)
        #expect(Self.value("X-Amz-Security-Token", in: headers) == [Self.token])
        #expect(appended.signature(request, date: Self.date) == withoutToken.signature(request, date: Self.date))

        let url = appended.presign(request, date: Self.date, expires: 60).absoluteString
        #expect(url.contains("&X-Amz-Security-Token=token%2Fwith%2Breserved%3Dchars&X-Amz-Signature="))
        #expect(!appended.canonicalRequest(request, date: Self.date, forQuery: true).contains("Security-Token"))
    }

    @Test func s3AlwaysSendsThePayloadHash() throws {
        let signer = Signer(credentials: Self.credentials, region: "eu-west-3", service: "s3", uriEncoding: .s3)
        let body = Array("hello".utf8)
        let headers = signer.sign(try Self.request("https://bucket.s3.amazonaws.com/key", body: .bytes(body)), date: Self.date)
        #expect(Self.value("x-amz-content-sha256", in: headers) == [SHA256.hash(data: body).hexString])
        let unsigned = signer.sign(try Self.request("https://bucket.s3.amazonaws.com/key", body: .unsigned), date: Self.date)
        #expect(Self.value("x-amz-content-sha256", in: unsigned) == ["UNSIGNED-PAYLOAD"])
    }

    @Test(arguments: [
        (Payload.empty, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        (.bytes(Array("Param1=value1".utf8)), "9095672bbd1f56dfc5b65f3e153adc8731a4a654192329106275f4c7b24d0b6e"),
        (.unsigned, "UNSIGNED-PAYLOAD"),
        (.precomputedHash("STREAMING-UNSIGNED-PAYLOAD-TRAILER"), "STREAMING-UNSIGNED-PAYLOAD-TRAILER"),
    ])
    func payloadHashEndsTheCanonicalRequest(payload: Payload, expected: String) throws {
        let signer = Signer(credentials: Self.credentials, region: "us-east-1", service: "service")
        let canonical = signer.canonicalRequest(try Self.request(body: payload), date: Self.date)
        #expect(canonical.components(separatedBy: "\n").last == expected)
    }

    @Test func providedContentHashHeaderIsThePayloadHash() throws {
        let signer = Signer(credentials: Self.credentials, region: "us-east-1", service: "s3", uriEncoding: .s3)
        let request = try Self.request(
            headers: [("X-Amz-Content-SHA256", "UNSIGNED-PAYLOAD")], body: .bytes(Array("ignored".utf8))
        )
        let headers = signer.sign(request, date: Self.date)
        #expect(Self.value("x-amz-content-sha256", in: headers) == ["UNSIGNED-PAYLOAD"])
        #expect(signer.canonicalRequest(request, date: Self.date).hasSuffix("\nUNSIGNED-PAYLOAD"))
    }

    @Test(arguments: [
        ("https://example.amazonaws.com/", "example.amazonaws.com"),
        ("https://Example.AmazonAWS.com:443/", "example.amazonaws.com"),
        ("http://localhost:80/", "localhost"),
        ("http://127.0.0.1:4566/", "127.0.0.1:4566"),
        ("https://localhost:80/", "localhost:80"),
        ("http://[::1]:4566/", "[::1]:4566"),
    ])
    func hostHeaderComesFromTheURL(url: String, expected: String) throws {
        let signer = Signer(credentials: Self.credentials, region: "us-east-1", service: "service")
        #expect(Self.value("host", in: signer.sign(try Self.request(url), date: Self.date)) == [expected])
    }

    @Test func hopByHopHeadersAreNotSigned() throws {
        let signer = Signer(credentials: Self.credentials, region: "us-east-1", service: "service")
        let request = try Self.request(headers: [
            ("User-Agent", "x"), ("Expect", "100-continue"), ("Connection", "keep-alive"), ("X-Amzn-Trace-Id", "t"),
            ("Transfer-Encoding", "chunked"), ("X-Kept", "1"),
        ])
        let canonical = signer.canonicalRequest(request, date: Self.date).components(separatedBy: "\n")
        #expect(canonical[canonical.count - 2] == "host;x-amz-date;x-kept")
    }

    @Test func presignKeepsTheQueryAndAppendsParametersInOrder() throws {
        let signer = Signer(
            credentials: Credentials(accessKeyID: "AKIDEXAMPLE", secretAccessKey: "secret", sessionToken: "tok"),
            region: "us-east-1", service: "s3", uriEncoding: .s3
        )
        let request = SigningRequest(
            method: "GET", url: try #require(URL(string: "https://bucket.s3.amazonaws.com/a%20b?versionId=3&acl")),
            body: .unsigned
        )
        let url = signer.presign(request, date: Self.date, expires: 900).absoluteString
        let signature = signer.signature(request, date: Self.date, forQuery: true, expires: 900)
        #expect(url == "https://bucket.s3.amazonaws.com/a%20b?versionId=3&acl&X-Amz-Algorithm=AWS4-HMAC-SHA256"
            + "&X-Amz-Credential=AKIDEXAMPLE%2F20150830%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20150830T123600Z"
            + "&X-Amz-SignedHeaders=host&X-Amz-Expires=900&X-Amz-Security-Token=tok&X-Amz-Signature=\(signature)")
        #expect(signer.canonicalRequest(request, date: Self.date, forQuery: true, expires: 900) == """
            GET
            /a%20b
            X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIDEXAMPLE%2F20150830%2Fus-east-1%2Fs3%2Faws4_request\
            &X-Amz-Date=20150830T123600Z&X-Amz-Expires=900&X-Amz-Security-Token=tok&X-Amz-SignedHeaders=host\
            &acl=&versionId=3
            host:bucket.s3.amazonaws.com

            host
            UNSIGNED-PAYLOAD
            """)
    }

    @Test func rawRequestKeepsPathAndQueryVerbatim() throws {
        let request = try SigningRequest(
            method: "GET", scheme: "https", host: "example.amazonaws.com", port: 8443, rawPath: "/example space/",
            rawQuery: "ሴ=bar"
        )
        #expect(request.rawPath == "/example space/")
        #expect(request.rawQuery == "ሴ=bar")
        #expect(request.url.port == 8443)
        var changed = request
        changed.url = try #require(URL(string: "https://example.amazonaws.com/other?x=1"))
        #expect(changed.rawPath == "/other")
        #expect(changed.rawQuery == "x=1")
    }
}

extension SHA256.Digest {
    var hexString: String { map { String(format: "%02x", $0) }.joined() }
}
