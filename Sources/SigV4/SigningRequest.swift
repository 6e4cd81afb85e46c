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

    /// What signing reads from the URL: the `host` header's value, and the wire path and query.
    ///
    /// The usual URL (`https://host[:port]/path[?query]`) is read in one pass over its text, and the last one read
    /// is remembered in `cache` (a client sends request after request to the same URL); any other URL goes
    /// through Foundation's accessors.
    func wireParts(cache: WirePartsCache) -> WireParts {
        let text = url.absoluteString
        let parts = cache.parts(for: text)
            ?? WireParts(simpleURL: text).map { parts in
                cache.remember(parts, for: text)
                return parts
            }
            ?? WireParts(
                host: foundationHostHeaderValue,
                path: url.path(percentEncoded: true),
                query: url.query(percentEncoded: true)
            )
        guard rawPathOverride != nil || rawQueryOverride != nil else { return parts }
        return WireParts(host: parts.host, path: rawPathOverride ?? parts.path, query: rawQueryOverride ?? parts.query)
    }

    /// The value of the `host` header derived through Foundation's accessors.
    private var foundationHostHeaderValue: String {
        var host = url.host(percentEncoded: true) ?? ""
        if host.utf8.contains(where: { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }) {
            host = host.lowercased()
        }
        if host.utf8.contains(UInt8(ascii: ":")) { host = "[" + host + "]" }
        if let port = url.port {
            let scheme = url.scheme?.lowercased()
            let isDefault = (scheme == "http" && port == 80) || (scheme == "https" && port == 443)
            if !isDefault { host += ":\(port)" }
        }
        return host
    }
}
