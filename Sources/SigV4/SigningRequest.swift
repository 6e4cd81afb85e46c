import Foundation

/// A request to sign: a plain value, no networking.
///
/// The path and query are taken as they go on the wire (already percent-encoded). Foundation's `URL` encodes some
/// characters itself (a space becomes `%20`), so a request whose raw path or query must be signed exactly as given
/// (such as `/example space/`) can be built with ``init(method:scheme:host:port:rawPath:rawQuery:headers:body:)``.
public struct SigningRequest: Sendable {
    public var method: String
    /// Scheme, host, port, path and query of the request. Setting it discards a raw path or query given to the
    /// raw initializer.
    public var url: URL {
        didSet {
            rawPathOverride = nil
            rawQueryOverride = nil
        }
    }
    /// Header fields in order; duplicates allowed.
    public var headers: [(name: String, value: String)]
    public var body: Payload

    private var rawPathOverride: String?
    private var rawQueryOverride: String??

    public init(method: String, url: URL, headers: [(name: String, value: String)] = [], body: Payload = .empty) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }

    /// A request whose path and query are used exactly as given when signing.
    ///
    /// `url` is then the closest URL Foundation can form from these parts (with invalid characters
    /// percent-encoded); an HTTP client must send `rawPath` and `rawQuery`, not `url`, for the signature to hold.
    /// - Throws: ``SigV4Error`` when scheme, host and port do not form a URL.
    public init(
        method: String,
        scheme: String,
        host: String,
        port: Int? = nil,
        rawPath: String,
        rawQuery: String? = nil,
        headers: [(name: String, value: String)] = [],
        body: Payload = .empty
    ) throws {
        var text = "\(scheme)://\(host)"
        if let port { text += ":\(port)" }
        let origin = text
        text += rawPath
        if let rawQuery { text += "?" + rawQuery }
        guard let url = URL(string: text) ?? URL(string: origin) else {
            throw SigV4Error("The scheme '\(scheme)', host '\(host)' and port do not form a URL; check the endpoint.")
        }
        self.init(method: method, url: url, headers: headers, body: body)
        self.rawPathOverride = rawPath
        self.rawQueryOverride = .some(rawQuery)
    }

    /// The path as it goes on the wire (percent-encoded), possibly empty.
    public var rawPath: String {
        rawPathOverride ?? url.path(percentEncoded: true)
    }

    /// The query as it goes on the wire (percent-encoded), without the `?`; nil when the URL has none.
    public var rawQuery: String? {
        if let rawQueryOverride { return rawQueryOverride }
        return url.query(percentEncoded: true)
    }

    /// What signing reads from the URL: the `host` header's value (lowercased host, with the port unless it is the
    /// scheme's default), and the wire path and query.
    ///
    /// The usual URL (`https://host[:port]/path[?query]`, no user, no IPv6 literal, no fragment) is read in one pass
    /// over its text; any other goes through Foundation's accessors.
    var wireParts: (host: String, path: String, query: String?) {
        let parts = Self.simpleParts(of: url.absoluteString)
            ?? (host: foundationHostHeaderValue, path: url.path(percentEncoded: true), query: url.query(percentEncoded: true))
        return (parts.host, rawPathOverride ?? parts.path, rawQueryOverride ?? parts.query)
    }

    /// Splits `scheme://host[:port]path[?query]` for the http and https schemes; nil for anything else (an
    /// uppercase letter, user info, an IPv6 literal, a fragment, an odd port), which Foundation then reads.
    static func simpleParts(of text: String) -> (host: String, path: String, query: String?)? {
        ASCII.withUTF8(text) { bytes -> (host: String, path: String, query: String?)? in
            let authorityStart: Int
            let defaultPort: Int
            if bytes.starts(with: "https://".utf8) {
                (authorityStart, defaultPort) = (8, 443)
            } else if bytes.starts(with: "http://".utf8) {
                (authorityStart, defaultPort) = (7, 80)
            } else {
                return nil
            }
            var colon: Int?
            var authorityEnd = bytes.count
            var questionMark: Int?
            var index = authorityStart
            scan: while index < bytes.count {
                switch bytes[index] {
                case UInt8(ascii: "/"):
                    authorityEnd = index
                    break scan
                case UInt8(ascii: "?"):
                    authorityEnd = index
                    questionMark = index
                    break scan
                case UInt8(ascii: ":"):
                    if colon != nil { return nil }
                    colon = index
                case UInt8(ascii: "@"), UInt8(ascii: "["), UInt8(ascii: "#"), UInt8(ascii: "A")...UInt8(ascii: "Z"):
                    return nil
                default:
                    break
                }
                index += 1
            }
            while questionMark == nil && index < bytes.count {
                if bytes[index] == UInt8(ascii: "?") { questionMark = index }
                index += 1
            }
            guard authorityEnd > authorityStart, colon != authorityStart,
                !UnsafeBufferPointer(rebasing: bytes[authorityEnd...]).contains(UInt8(ascii: "#"))
            else { return nil }
            var hostEnd = authorityEnd
            if let colon {
                // Digits without a leading zero; the scheme's default port is left out of the host header.
                var port = 0
                guard colon + 1 < authorityEnd, bytes[colon + 1] != UInt8(ascii: "0"), authorityEnd - colon <= 6
                else { return nil }
                for byte in bytes[(colon + 1)..<authorityEnd] {
                    guard byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") else { return nil }
                    port = port * 10 + Int(byte - UInt8(ascii: "0"))
                }
                if port == defaultPort { hostEnd = colon }
            }
            func text(_ range: Range<Int>) -> String {
                String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
            }
            let pathEnd = questionMark ?? bytes.count
            return (
                text(authorityStart..<hostEnd),
                text(authorityEnd..<pathEnd),
                questionMark.map { text(($0 + 1)..<bytes.count) }
            )
        }
    }

    /// The value of the `host` header derived through Foundation's accessors.
    private var foundationHostHeaderValue: String {
        var host = url.host(percentEncoded: true) ?? ""
        if host.utf8.contains(where: { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }) { host = host.lowercased() }
        if host.utf8.contains(UInt8(ascii: ":")) { host = "[" + host + "]" }
        if let port = url.port {
            let scheme = url.scheme?.lowercased()
            let isDefault = (scheme == "http" && port == 80) || (scheme == "https" && port == 443)
            if !isDefault { host += ":\(port)" }
        }
        return host
    }
}
