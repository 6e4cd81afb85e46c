import Foundation
import SigV4
import TestSupport

/// A random request for the differential test against botocore, in the form sign.py reads.
///
/// The generator stays within the space where botocore and our signer claim the same rule:
/// - no `Authorization`, `Date`, `X-Amz-Date`, `X-Amz-Security-Token` or `X-Amz-Content-SHA256` header in the
///   input (botocore deletes or replaces them, or reads the payload hash from them untrimmed);
/// - header values use ASCII with spaces and tabs as whitespace (Python's `str.split()` also splits on Unicode
///   whitespace such as U+00A0, which AWS's trim rule does not name);
/// - percent-escapes in the query decode to valid UTF-8 (Python's `unquote` would turn other bytes into U+FFFD,
///   while we keep the bytes), so a lone `%` in the query is always followed by a non-hex character;
/// - no raw `?` or `#` in the path (urlsplit would end the path there);
/// - S3 paths are already canonically encoded on the wire (botocore's S3 signer uses the wire path verbatim, we
///   decode and encode each segment, which agree exactly on canonical input), and never empty (botocore's S3
///   signer would leave the canonical URI empty where SigV4 requires `/`).
struct RandomRequest: Codable {
    var method: String
    var url: String
    var query: String?
    var headers: [[String]]
    var body: String
    var region: String
    var service: String
    var access_key: String
    var secret: String
    var token: String?
    var timestamp: Int
    var s3: Bool

    // Not sent to botocore (ignored by sign.py).
    var scheme: String
    var host: String
    var port: Int?
    var rawPath: String
    /// Build the request from Foundation's URL rather than the raw parts, when URL keeps the path and query.
    var preferURL: Bool

    var signer: Signer {
        Signer(
            credentials: Credentials(accessKeyID: access_key, secretAccessKey: secret, sessionToken: token),
            region: region,
            service: service,
            uriEncoding: s3 ? .s3 : .doubleEncodedNormalized
        )
    }

    /// The request, and whether it was built from a Foundation URL.
    func signingRequest() throws -> (SigningRequest, usedURL: Bool) {
        let headerPairs = headers.map { (name: $0[0], value: $0[1]) }
        let bodyPayload: Payload = body.isEmpty ? .empty : .bytes(Array(Data(base64Encoded: body) ?? Data()))
        if preferURL, let url = URL(string: url + (query.map { "?" + $0 } ?? "")),
            url.path(percentEncoded: true) == rawPath, url.query(percentEncoded: true) == query
        {
            return (SigningRequest(method: method, url: url, headers: headerPairs, body: bodyPayload), true)
        }
        let request = try SigningRequest(
            method: method, scheme: scheme, host: host, port: port, rawPath: rawPath, rawQuery: query,
            headers: headerPairs, body: bodyPayload
        )
        return (request, false)
    }

    var date: Date { Date(timeIntervalSince1970: TimeInterval(timestamp)) }
}

/// Draws ``RandomRequest``s from a seeded generator.
struct RandomRequestFactory {
    var random: SeededGenerator

    private static let unreserved = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
    private static let pathPieces = [
        " ", "  ", "é", "ሴ", "😀", "ü", "!", "$", "&", "'", "(", ")", "*", "+", ",", ";", "=", ":", "@", "%20",
        "%2F", "%2f", "%41", "%E1%88%B4", "%", "%zz", "%4", "%25", "\"", "<", ">", "^", "`", "{", "|", "}",
    ]
    private static let queryPieces = [
        " ", "+", "ሴ", "é", "😀", "%20", "%2B", "%3D", "%3d", "%26", "%E1%88%B4", "%e1%88%b4", "%g", "%zz", "%4",
        "/", "?", ":", "@", "!", "*", "'", "(", ")", ",", ";", "$", "%7E", "~", "%2F",
    ]
    private static let decodedPieces = [
        " ", "é", "ሴ", "😀", "!", "$", "&", "'", "(", ")", "*", "+", ",", ";", "=", ":", "@", "/", "?", "#", "%",
    ]
    private static let headerNames = [
        "My-Header", "my-header", "MY-HEADER", "X-Custom", "Content-Type", "content-type", "x-amz-meta-Foo",
        "User-Agent", "Expect", "X-Amzn-Trace-Id", "Connection", "Transfer-Encoding", "Accept", "X-Amz-Target",
    ]
    private static let queryNames = ["Action", "Version", "a", "A", "b", "Param", "Param-1", "", "ሴ", "%E1%88%B4"]

    private mutating func chance(_ percent: Int) -> Bool { Int.random(in: 0..<100, using: &random) < percent }
    private mutating func pick<T>(_ values: [T]) -> T { values[Int.random(in: 0..<values.count, using: &random)] }

    private mutating func word(_ maximum: Int, extra: [String], extraPercent: Int) -> String {
        var text = ""
        for _ in 0..<Int.random(in: 0...maximum, using: &random) {
            text += chance(extraPercent) ? pick(extra) : String(pick(Self.unreserved))
        }
        return text
    }

    private mutating func path(s3: Bool) -> String {
        if !s3 && chance(5) { return "" }
        var segments: [String] = []
        for _ in 0..<Int.random(in: 0...6, using: &random) {
            switch Int.random(in: 0..<100, using: &random) {
            case 0..<8: segments.append(".")
            case 8..<16: segments.append("..")
            case 16..<24: segments.append("")
            default:
                if s3 {
                    let decoded = word(8, extra: Self.decodedPieces, extraPercent: 30)
                    segments.append(decoded.addingPercentEncoding(withAllowedCharacters: .sigV4Unreserved) ?? "")
                } else {
                    segments.append(word(8, extra: Self.pathPieces, extraPercent: 30))
                }
            }
        }
        return "/" + segments.joined(separator: "/") + (chance(30) ? "/" : "")
    }

    private mutating func query() -> String? {
        if chance(30) { return nil }
        if chance(5) { return "" }
        var pieces: [String] = []
        for _ in 0..<Int.random(in: 1...6, using: &random) {
            if chance(4) {
                pieces.append("")
                continue
            }
            var name = chance(50) ? pick(Self.queryNames) : word(6, extra: Self.queryPieces, extraPercent: 25)
            name = name.replacingOccurrences(of: "=", with: "")
            if chance(15) {
                pieces.append(name)
            } else {
                let value = word(10, extra: Self.queryPieces + ["="], extraPercent: 25)
                pieces.append(name + "=" + value)
            }
        }
        return pieces.joined(separator: "&")
    }

    private mutating func headerValue() -> String {
        var value = chance(20) ? String(repeating: " ", count: Int.random(in: 1...3, using: &random)) : ""
        for _ in 0..<Int.random(in: 0...5, using: &random) {
            value += word(6, extra: ["\"", ",", ";", "=", "/", "(", ")"], extraPercent: 10)
            value += pick([" ", "  ", "   ", "\t", " \t ", ""])
        }
        if chance(3) { value += "\n  continued" }
        return value
    }

    private mutating func secret(_ length: Int) -> String {
        word(length, extra: ["/", "+", "="], extraPercent: 10)
    }

    mutating func next() -> RandomRequest {
        let s3 = chance(25)
        let host = pick(["example.amazonaws.com", "Example.AmazonAWS.com", "cloudformation.us-east-1.amazonaws.com",
                         "bucket.s3.eu-west-3.amazonaws.com", "localhost", "127.0.0.1", "[::1]"])
        let scheme = pick(["https", "http"])
        let port: Int? = chance(70) ? nil : pick([443, 80, 8443, 4566])
        let rawPath = path(s3: s3)
        var headers: [[String]] = []
        if chance(50) { headers.append([pick(["Host", "host", "HOST"]), host.lowercased()]) }
        // Now and then more headers than a signer keeps inline (16), duplicates among them.
        let headerCount = Int.random(in: 0...(chance(10) ? 30 : 6), using: &random)
        for _ in 0..<headerCount {
            let name = chance(70) ? pick(Self.headerNames) : "X-" + word(8, extra: ["-"], extraPercent: 10)
            headers.append([name, headerValue()])
        }
        headers.shuffle(using: &random)
        var bodyBytes: [UInt8] = []
        if chance(50) {
            for _ in 0..<Int.random(in: 1...300, using: &random) { bodyBytes.append(UInt8.random(in: 0...255, using: &random)) }
        }
        let method = pick(["GET", "POST", "PUT", "DELETE", "HEAD", "PATCH", "get", "Post"])
        var origin = "\(scheme)://\(host)"
        if let port { origin += ":\(port)" }
        return RandomRequest(
            method: method,
            url: origin + rawPath,
            query: query(),
            headers: headers,
            body: Data(bodyBytes).base64EncodedString(),
            region: pick(["us-east-1", "eu-west-3", "ap-southeast-2", "cn-north-1"]),
            service: s3 ? "s3" : pick(["service", "cloudformation", "sts", "execute-api"]),
            access_key: "AKID" + secret(16).uppercased(),
            secret: secret(40),
            token: chance(50) ? secret(Int.random(in: 20...200, using: &random)) : nil,
            timestamp: Int.random(in: 946_684_800...4_102_444_800, using: &random),
            s3: s3,
            scheme: scheme,
            host: host,
            port: port,
            rawPath: rawPath,
            preferURL: chance(50)
        )
    }
}

extension CharacterSet {
    /// RFC 3986's unreserved characters, which SigV4 never encodes.
    static let sigV4Unreserved = CharacterSet(
        charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~"
    )
}
