import Foundation
import Testing
import TestSupport

@testable import SigV4

/// Canonical URI and query rules, checked through the canonical request (lines 2 and 3).
@Suite struct CanonicalizationTests {
    static let date = Date(timeIntervalSince1970: 1_440_938_160)  // 2015-08-30T12:36:00Z

    static func signer(_ rule: Signer.URIEncoding) -> Signer {
        Signer(
            credentials: Credentials(accessKeyID: "AKIDEXAMPLE", secretAccessKey: "secret"),
            region: "us-east-1", service: rule == .s3 ? "s3" : "service", uriEncoding: rule
        )
    }

    static func canonicalLines(_ rule: Signer.URIEncoding, path: String, query: String? = nil) throws -> [String] {
        let request = try SigningRequest(
            method: "GET", scheme: "https", host: "example.amazonaws.com", rawPath: path, rawQuery: query
        )
        return signer(rule).canonicalRequest(request, date: date).components(separatedBy: "\n")
    }

    @Test(arguments: [
        // Not S3: the wire path encoded again after normalization.
        (Signer.URIEncoding.doubleEncodedNormalized, "", "/"),
        (.doubleEncodedNormalized, "/", "/"),
        (.doubleEncodedNormalized, "//", "/"),
        (.doubleEncodedNormalized, "/a/b/../c", "/a/c"),
        (.doubleEncodedNormalized, "/a/b/..", "/a"),
        (.doubleEncodedNormalized, "/a/./", "/a/"),
        (.doubleEncodedNormalized, "/../..", "/"),
        (.doubleEncodedNormalized, "/a//b///", "/a/b/"),
        (.doubleEncodedNormalized, "/.../x", "/.../x"),
        (.doubleEncodedNormalized, "/a%20b", "/a%2520b"),
        (.doubleEncodedNormalized, "/a%2Fb/c", "/a%252Fb/c"),
        (.doubleEncodedNormalized, "/ሴ", "/%E1%88%B4"),
        (.doubleEncodedNormalized, "/a+b=c:d@e", "/a%2Bb%3Dc%3Ad%40e"),
        (.doubleEncodedNormalized, "/2015-03-31/functions/f~1/", "/2015-03-31/functions/f~1/"),
        // Double-encoded without normalization.
        (.doubleEncoded, "", "/"),
        (.doubleEncoded, "//a/../", "//a/../"),
        (.doubleEncoded, "/a b/%41", "/a%20b/%2541"),
        // S3: each segment decoded then encoded once; `%2F` stays inside its segment; no normalization.
        (.s3, "", "/"),
        (.s3, "/bucket/photos/a%20b.jpg", "/bucket/photos/a%20b.jpg"),
        (.s3, "/bucket/a+b", "/bucket/a%2Bb"),
        (.s3, "/bucket/a%2fb", "/bucket/a%2Fb"),
        (.s3, "/bucket/%7Euser/%e1%88%b4", "/bucket/~user/%E1%88%B4"),
        (.s3, "/bucket/./x//y/../", "/bucket/./x//y/../"),
        (.s3, "/bucket/a b", "/bucket/a%20b"),
    ])
    func canonicalURI(rule: Signer.URIEncoding, path: String, expected: String) throws {
        #expect(try Self.canonicalLines(rule, path: path)[1] == expected)
    }

    @Test(arguments: [
        (nil, ""),
        ("", ""),
        ("a=1", "a=1"),
        ("a=1&&b=2&", "a=1&b=2"),
        ("b=2&a=1&a=0", "a=0&a=1&b=2"),
        ("c&=x&d=", "=x&c=&d="),
        ("b=2&a=1&a=0&=x&c&%41=%zz&ሴ=+", "=x&%E1%88%B4=%2B&A=%25zz&a=0&a=1&b=2&c="),
        ("q=a%20b&q=a+b&q=a=b", "q=a%20b&q=a%2Bb&q=a%3Db"),
        ("Param-3=Value3&Param=Value2&%E1%88%B4=Value1", "%E1%88%B4=Value1&Param=Value2&Param-3=Value3"),
        ("x=%e1%88%b4&x=%E1%88%B4", "x=%E1%88%B4&x=%E1%88%B4"),
        ("k=%FF%", "k=%FF%25"),
    ] as [(String?, String)])
    func canonicalQuery(query: String?, expected: String) throws {
        #expect(try Self.canonicalLines(.doubleEncodedNormalized, path: "/", query: query)[2] == expected)
    }

    /// The shortcut that returns an already-canonical path untouched agrees with the full computation.
    @Test func alreadyCanonicalShortcutAgreesWithFullEncoding() {
        var random = SeededGenerator(seed: 7)
        let alphabet = Array("/./ab~-_%20 ..")
        var shortcutTaken = 0
        for _ in 0..<20_000 {
            let length = Int.random(in: 0...10, using: &random)
            let path = String((0..<length).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &random)] })
            guard URIEncoder.isAlreadyCanonical(path) else { continue }
            shortcutTaken += 1
            for rule in [Signer.URIEncoding.doubleEncodedNormalized, .doubleEncoded, .s3] {
                #expect(URIEncoder.encodedCanonicalURI(rawPath: path, rule: rule) == path, "\(path) under \(rule)")
            }
        }
        #expect(shortcutTaken > 100)
    }

    @Test(arguments: [
        ("value", "value"),
        ("  value  ", "value"),
        ("a   b\tc", "a b c"),
        ("\"a   b   c\"", "\"a b c\""),
        ("value1\n  value2\n     value3", "value1 value2 value3"),
        ("a\r\n\tb", "a b"),
        ("", ""),
        ("   ", ""),
        ("abcdefghijklmnop\u{0B}qrstuvw", "abcdefghijklmnop qrstuvw"),
        ("abcdefgh  ijklmnopqrstuvwxyz01", "abcdefgh ijklmnopqrstuvwxyz01"),
        ("h\u{E9}h\u{E9}h\u{E9}h\u{E9}h\u{E9}h\u{E9}\u{7F}~!", "h\u{E9}h\u{E9}h\u{E9}h\u{E9}h\u{E9}h\u{E9}\u{7F}~!"),
        ("0123456789abcdef0123456789abcdef\n", "0123456789abcdef0123456789abcdef"),
    ])
    func headerValueTrimming(value: String, expected: String) {
        #expect(String(decoding: Array(SigningPlan.trimmed(value).utf8), as: UTF8.self) == expected)
    }

    /// The word-at-a-time test agrees with a byte-by-byte one, wherever the byte sits and whatever surrounds it.
    @Test(arguments: [UInt8](0...0x22) + [0x7F, 0x80, 0xA0, 0xC3, 0xFF])
    func byteBelow0x21Detection(byte: UInt8) {
        for length in 1...19 {
            for position in 0..<length {
                var bytes = [UInt8](repeating: UInt8(ascii: "~"), count: length)
                for index in 0..<length where index % 3 == 1 { bytes[index] = 0xE9 }
                bytes[position] = byte
                let found = bytes.withUnsafeBufferPointer { ASCII.containsByteBelow0x21($0) }
                #expect(found == bytes.contains { $0 < 0x21 }, "length \(length), position \(position)")
            }
        }
    }
}
