import Crypto
import Foundation

/// Signs requests with AWS Signature Version 4, in the `Authorization` header or in the query (presigned URLs).
///
/// The time is always an argument; the signer never reads the clock and never logs.
public struct Signer: Sendable {
    /// How the request path becomes the canonical URI.
    public enum URIEncoding: Sendable {
        /// Every service but S3: the wire path is percent-encoded again (so `%20` becomes `%2520`) after removing
        /// `.` and `..` segments and collapsing `//`.
        case doubleEncodedNormalized
        /// The wire path percent-encoded again, without normalization (the suite's `normalize: false` cases).
        case doubleEncoded
        /// S3: each path segment encoded once (decoded from the wire, then encoded), not normalized. S3 also
        /// always gets an `x-amz-content-sha256` header.
        case s3
    }

    /// Where the session token of temporary credentials goes.
    public enum SessionTokenPlacement: Sendable {
        /// In the signed headers (or signed query): what almost every service expects.
        case signed
        /// Added after signing, outside the signature (some services, such as IoT, want this).
        case appendedAfterSigning
    }

    /// The expiry used by the query stages when none is given, in seconds.
    public static let defaultExpires = 3600

    public let credentials: Credentials
    public let region: String
    public let service: String
    public let uriEncoding: URIEncoding
    public let addContentSHA256Header: Bool
    public let sessionTokenPlacement: SessionTokenPlacement
    private let keyCache = SigningKeyCache()
    /// The last URL this signer read, shared by its copies (see ``WirePartsCache``).
    let wirePartsCache = WirePartsCache()

    public init(
        credentials: Credentials,
        region: String,
        service: String,
        uriEncoding: URIEncoding = .doubleEncodedNormalized,
        addContentSHA256Header: Bool = false,
        sessionTokenPlacement: SessionTokenPlacement = .signed
    ) {
        self.credentials = credentials
        self.region = region
        self.service = service
        self.uriEncoding = uriEncoding
        self.addContentSHA256Header = addContentSHA256Header
        self.sessionTokenPlacement = sessionTokenPlacement
    }

    /// Header signing: returns the headers to send (original + host if missing, x-amz-date, security token,
    /// x-amz-content-sha256 when asked, Authorization).
    ///
    /// Any `Authorization` and `X-Amz-Date` already present are replaced, and so is `X-Amz-Security-Token` when
    /// the credentials carry a token. An `x-amz-content-sha256` already present is kept and used as the payload
    /// hash.
    public func sign(_ request: SigningRequest, date: Date) -> [(name: String, value: String)] {
        let amzDate = AMZDate(date)
        let key = key(for: amzDate)
        var plan = SigningPlan(signer: self, request: request, date: amzDate, scope: key.scope, query: nil)
        let authorization = plan.authorization(key: key, accessKeyID: credentials.accessKeyID)
        // Taken out of the plan so that appending does not copy the array.
        var headers = plan.headers
        plan.headers = []
        headers.append(("Authorization", authorization))
        return headers
    }

    /// Query (presigned) signing: returns the full URL with X-Amz-* query parameters.
    ///
    /// The original query is kept as it was on the wire, followed by `X-Amz-Algorithm`, `X-Amz-Credential`,
    /// `X-Amz-Date`, `X-Amz-SignedHeaders`, `X-Amz-Expires`, `X-Amz-Security-Token` and `X-Amz-Signature`.
    /// Foundation percent-encodes characters a URL cannot hold raw (see ``presignedRequestTarget(_:date:expires:)``
    /// for the exact path and query).
    public func presign(_ request: SigningRequest, date: Date, expires: Int) -> URL {
        let target = presignedRequestTarget(request, date: date, expires: expires)
        let url = request.url
        var origin = "\(url.scheme ?? "https")://\(url.host(percentEncoded: true) ?? "")"
        if let port = url.port { origin += ":\(port)" }
        return URL(string: origin + target) ?? request.url
    }

    /// Query signing: the path and query exactly as they go on the wire, `path?query`.
    public func presignedRequestTarget(_ request: SigningRequest, date: Date, expires: Int) -> String {
        let amzDate = AMZDate(date)
        let key = key(for: amzDate)
        let plan = SigningPlan(signer: self, request: request, date: amzDate, scope: key.scope, query: expires)
        let signature = SigningPlan.hex(plan.signature(key: key))
        var target = request.rawPath
        target += "?"
        if let rawQuery = request.rawQuery, !rawQuery.isEmpty {
            target += rawQuery + "&"
        }
        for (name, value) in plan.queryParametersInURLOrder {
            target += name + "=" + value + "&"
        }
        target += "X-Amz-Signature=" + signature
        return target
    }

    /// The canonical request (header signing, or query signing when `forQuery`).
    public func canonicalRequest(
        _ request: SigningRequest, date: Date, forQuery: Bool = false, expires: Int? = nil
    ) -> String {
        plan(request, date: date, query: queryExpiry(forQuery, expires)).canonicalRequest
    }

    /// The string to sign: algorithm, time, credential scope and the canonical request's SHA-256.
    public func stringToSign(
        _ request: SigningRequest, date: Date, forQuery: Bool = false, expires: Int? = nil
    ) -> String {
        plan(request, date: date, query: queryExpiry(forQuery, expires)).stringToSign
    }

    /// The signature in lowercase hex.
    public func signature(
        _ request: SigningRequest, date: Date, forQuery: Bool = false, expires: Int? = nil
    ) -> String {
        let amzDate = AMZDate(date)
        let key = key(for: amzDate)
        let plan = SigningPlan(
            signer: self, request: request, date: amzDate, scope: key.scope, query: queryExpiry(forQuery, expires)
        )
        return SigningPlan.hex(plan.signature(key: key))
    }

    /// `date` as SigV4 writes it in `X-Amz-Date`: `20150830T123600Z` (UTC, whole seconds).
    public static func amzDate(_ date: Date) -> String {
        AMZDate(date).dateTime
    }

    /// The signing key for `date` (HMAC chain over date, region, service and `aws4_request`), cached per day.
    public func signingKey(date: Date) -> SymmetricKey {
        keyCache.key(secret: credentials.secretAccessKey, date: AMZDate(date), region: region, service: service)
            .symmetricKey
    }

    private func queryExpiry(_ forQuery: Bool, _ expires: Int?) -> Int? {
        forQuery ? (expires ?? Self.defaultExpires) : nil
    }

    private func key(for date: AMZDate) -> SigningKey {
        keyCache.key(secret: credentials.secretAccessKey, date: date, region: region, service: service)
    }

    private func plan(_ request: SigningRequest, date: Date, query expires: Int?) -> SigningPlan {
        let amzDate = AMZDate(date)
        return SigningPlan(signer: self, request: request, date: amzDate, scope: key(for: amzDate).scope, query: expires)
    }
}
