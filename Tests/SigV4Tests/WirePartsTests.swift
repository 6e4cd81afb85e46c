import Foundation
import Testing

@testable import SigV4

/// The one-pass URL reading agrees with Foundation's accessors wherever it answers, and declines the URLs it leaves
/// to Foundation.
@Suite struct WirePartsTests {
    /// The host header, path and query as Foundation reads them (the reference).
    static func foundationParts(_ url: URL) -> (host: String, path: String, query: String?) {
        var host = (url.host(percentEncoded: true) ?? "").lowercased()
        if host.contains(":") { host = "[" + host + "]" }
        if let port = url.port, !((url.scheme == "http" && port == 80) || (url.scheme == "https" && port == 443)) {
            host += ":\(port)"
        }
        return (host, url.path(percentEncoded: true), url.query(percentEncoded: true))
    }

    @Test(arguments: [
        "https://cloudformation.us-east-1.amazonaws.com/",
        "https://cloudformation.us-east-1.amazonaws.com",
        "http://127.0.0.1:5000/",
        "http://localhost:80/a/b",
        "https://example.com:443/path/with%20space?a=1&b=%2F",
        "https://example.com:8443?x",
        "https://example.com/?",
        "https://bucket.s3.eu-west-3.amazonaws.com/key/%E1%88%B4?versionId=3&acl",
        "http://example.com:99999/",
    ])
    func simpleURLsMatchFoundation(text: String) throws {
        let url = try #require(URL(string: text))
        let parts = try #require(WireParts(simpleURL: url.absoluteString), "\(text) should be read in one pass")
        let expected = Self.foundationParts(url)
        #expect(parts.host == expected.host)
        #expect(parts.path == expected.path)
        #expect(parts.query == expected.query)
    }

    @Test(arguments: [
        "https://Example.COM/",  // uppercase: Foundation lowercases
        "https://user:secret@example.com/",  // user info
        "http://[::1]:8080/",  // IPv6 literal
        "https://example.com/a#fragment",
        "https://example.com:0443/",  // a leading zero
        "https://example.com:/",
        "https://:443/",
        "ftp://example.com/",
        "HTTPS://example.com/",
    ])
    func otherURLsAreLeftToFoundation(text: String) throws {
        let url = try #require(URL(string: text))
        #expect(WireParts(simpleURL: url.absoluteString) == nil)
    }

    /// Both ways give the same signature, so the signer reads every URL right whichever way it takes.
    @Test(arguments: [
        "https://Example.COM/a", "http://[::1]:8080/a?b=c", "https://example.com:0443/", "https://example.com/a#f",
    ])
    func fallbackSignsLikeFoundation(text: String) throws {
        let url = try #require(URL(string: text))
        let expected = Self.foundationParts(url)
        let signer = Signer(credentials: SignerTests.credentials, region: "us-east-1", service: "service")
        let canonical = signer.canonicalRequest(SigningRequest(method: "GET", url: url), date: SignerTests.date)
        #expect(canonical.contains("\nhost:\(expected.host)\n"))
    }

    /// One signer remembers the last URL it read; signing other URLs in between never leaks one URL's host, path
    /// or query into another request.
    @Test func rememberedURLNeverLeaksIntoAnotherRequest() throws {
        let texts = [
            "https://cloudformation.us-east-1.amazonaws.com/", "https://sts.amazonaws.com/",
            "https://cloudformation.us-east-1.amazonaws.com/?Action=ListStacks", "http://127.0.0.1:5000/x",
            "https://cloudformation.us-east-1.amazonaws.com/",
        ]
        let shared = Signer(credentials: SignerTests.credentials, region: "us-east-1", service: "service")
        for _ in 0..<3 {
            for text in texts {
                let request = SigningRequest(method: "POST", url: try #require(URL(string: text)))
                let fresh = Signer(credentials: SignerTests.credentials, region: "us-east-1", service: "service")
                let signed = shared.sign(request, date: SignerTests.date)
                let expected = fresh.sign(request, date: SignerTests.date)
                #expect(signed.map(\.name) == expected.map(\.name), "\(text)")
                #expect(signed.map(\.value) == expected.map(\.value), "\(text)")
            }
        }
    }
}

extension WireParts: Equatable {
    public static func == (lhs: WireParts, rhs: WireParts) -> Bool {
        lhs.host == rhs.host && lhs.path == rhs.path && lhs.query == rhs.query
    }
}
