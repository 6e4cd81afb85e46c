import Foundation

/// The two S3 calls deploy needs: upload an artifact (a large template, a Lambda package) and check one is there.
///
/// Buckets are addressed virtual-host style (`bucket.s3.<region>.amazonaws.com`) on AWS, and path style
/// (`<endpoint>/bucket/key`) when the endpoint is configured (emulators, tests) or the bucket name holds a dot.
public struct S3Client: AWSServiceClient {
    public let client: AWSClient
    public let endpoint: ServiceEndpoint
    public static let service = ServiceDescription.s3

    public init(client: AWSClient, endpoint: ServiceEndpoint) {
        self.client = client
        self.endpoint = endpoint
    }

    /// Uploads an object and returns its ETag and version.
    public func putObject(_ input: PutObjectInput) async throws -> PutObjectOutput {
        var headers: [(name: String, value: String)] = []
        if let contentType = input.contentType { headers.append(("Content-Type", contentType)) }
        for (key, value) in input.metadata { headers.append(("x-amz-meta-\(key)", value)) }
        let response = try await send(
            "PutObject", method: "PUT", bucket: input.bucket, key: input.key,
            headers: headers, body: input.body)
        return PutObjectOutput(eTag: response.header("ETag") ?? "", versionID: response.header("x-amz-version-id"))
    }

    /// The object's size, ETag, type and metadata. A missing object is an `AWSServiceError` with code `NotFound`.
    public func headObject(bucket: String, key: String) async throws -> ObjectHead {
        let response = try await send("HeadObject", method: "HEAD", bucket: bucket, key: key, headers: [], body: [])
        var metadata: [(key: String, value: String)] = []
        for (name, value) in response.headers where name.lowercased().hasPrefix("x-amz-meta-") {
            metadata.append((String(name.dropFirst("x-amz-meta-".count)).lowercased(), value))
        }
        return ObjectHead(
            contentLength: response.header("Content-Length").flatMap { Int($0) } ?? 0,
            eTag: response.header("ETag") ?? "",
            contentType: response.header("Content-Type"),
            lastModified: response.header("Last-Modified").flatMap(HTTPDate.parse).map(
                Date.init(timeIntervalSince1970:)),
            versionID: response.header("x-amz-version-id"),
            metadata: metadata.sorted { $0.key < $1.key }.map { ObjectHead.Metadata(key: $0.key, value: $0.value) }
        )
    }

    private func send(
        _ operation: String, method: String, bucket: String, key: String,
        headers: [(name: String, value: String)], body: [UInt8]
    ) async throws -> HTTPResponse {
        let encodedKey = key.split(separator: "/", omittingEmptySubsequences: false)
            .map { Self.encodeSegment(String($0)) }.joined(separator: "/")
        let pathStyle = endpoint.isCustom || bucket.contains(".")
        var target = endpoint
        let path: String
        if pathStyle {
            path = "/\(Self.encodeSegment(bucket))/\(encodedKey)"
        } else {
            var components = URLComponents(url: endpoint.url, resolvingAgainstBaseURL: false)
            components?.host = "\(bucket).\(endpoint.url.host ?? "")"
            guard let url = components?.url else {
                throw AWSClientError.invalidEndpoint(source: "bucket '\(bucket)'", value: endpoint.url.absoluteString)
            }
            target.url = url
            path = "/\(encodedKey)"
        }
        let request = ServiceRequest(operation: operation, method: method, path: path, headers: headers, body: body)
        return try await client.send(request, service: Self.service, endpoint: target)
    }

    /// Percent-encodes one path segment: everything outside `A-Za-z0-9-_.~`.
    static func encodeSegment(_ segment: String) -> String {
        var result = ""
        for byte in segment.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."),
                UInt8(ascii: "~"):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                result += String(format: "%%%02X", byte)
            }
        }
        return result
    }
}
