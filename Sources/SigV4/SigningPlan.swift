import Crypto

/// Everything one signing computes before the final HMAC: the headers or query parameters to add, the canonical
/// request and the string to sign.
struct SigningPlan {
    /// Headers never signed, as in the AWS SDKs: hop-by-hop headers and ones proxies rewrite.
    static let unsignedHeaders: Set<String> = [
        "authorization", "connection", "expect", "keep-alive", "proxy-authenticate", "proxy-authorization", "te",
        "trailer", "transfer-encoding", "upgrade", "user-agent", "x-amzn-trace-id",
    ]
    static let emptySHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"

    let date: AMZDate
    let scope: String
    /// Header signing: the headers to send, without `Authorization`.
    var headersToSend: [(name: String, value: String)] = []
    /// Query signing: the `X-Amz-*` parameters to append, values encoded, in the order the URL carries them.
    var queryParametersInURLOrder: [(name: String, value: String)] = []
    var signedHeaders = ""
    var canonicalRequest = ""
    var stringToSign = ""

    /// `query` is nil for header signing, or the expiry in seconds for query signing.
    init(signer: Signer, request: SigningRequest, date: AMZDate, query expires: Int?) {
        self.date = date
        scope = "\(date.dateStamp)/\(signer.region)/\(signer.service)/aws4_request"
        // An empty token is no token, as in botocore.
        let token = signer.credentials.sessionToken.flatMap { $0.isEmpty ? nil : $0 }
        let signsToken = token != nil && signer.sessionTokenPlacement == .signed

        // Headers: the request's own, then what signing adds.
        var headers: [(name: String, value: String)] = []
        headers.reserveCapacity(request.headers.count + 5)
        var hasHost = false
        var providedPayloadHash: String?
        for header in request.headers {
            let name = Self.lowercased(header.name)
            if expires == nil {
                if name == "authorization" || name == "x-amz-date" { continue }
                if name == "x-amz-security-token" && token != nil { continue }
            }
            if name == "host" { hasHost = true }
            if name == "x-amz-content-sha256" && providedPayloadHash == nil {
                providedPayloadHash = Self.trimmed(header.value)
            }
            headers.append(header)
        }
        if !hasHost { headers.append(("host", request.hostHeaderValue)) }

        let payloadHash: String
        if let providedPayloadHash {
            payloadHash = providedPayloadHash
        } else {
            switch request.body {
            case .empty: payloadHash = Self.emptySHA256
            case .bytes(let bytes): payloadHash = Hex.encode(SHA256.hash(data: bytes))
            case .unsigned: payloadHash = "UNSIGNED-PAYLOAD"
            case .precomputedHash(let hash): payloadHash = hash
            }
        }

        var signedPairs: [(name: String, value: String)] = []
        if let expires {
            signedPairs = headers.map { (Self.lowercased($0.name), $0.value) }
            signedPairs.removeAll { Self.unsignedHeaders.contains($0.name) }
            signedHeaders = Self.signedHeaderList(signedPairs)
            let credential = "\(signer.credentials.accessKeyID)/\(scope)"
            var parameters: [(name: String, value: String)] = [
                ("X-Amz-Algorithm", "AWS4-HMAC-SHA256"),
                ("X-Amz-Credential", URIEncoder.encode(credential)),
                ("X-Amz-Date", date.dateTime),
                ("X-Amz-SignedHeaders", URIEncoder.encode(signedHeaders)),
                ("X-Amz-Expires", String(expires)),
            ]
            var canonicalPairs = URIEncoder.encodedQueryPairs(rawQuery: request.rawQuery) + parameters
            if let token {
                let encodedToken = URIEncoder.encode(token)
                parameters.append(("X-Amz-Security-Token", encodedToken))
                if signsToken { canonicalPairs.append(("X-Amz-Security-Token", encodedToken)) }
            }
            queryParametersInURLOrder = parameters
            canonicalRequest = Self.canonicalRequest(
                method: request.method,
                uri: URIEncoder.canonicalURI(rawPath: request.rawPath, rule: signer.uriEncoding),
                query: URIEncoder.canonicalQuery(canonicalPairs),
                headers: signedPairs,
                signedHeaders: signedHeaders,
                payloadHash: payloadHash
            )
        } else {
            if let token { headers.append(("X-Amz-Security-Token", token)) }
            headers.append(("X-Amz-Date", date.dateTime))
            let wantsHashHeader = signer.addContentSHA256Header || signer.uriEncoding == .s3
            if wantsHashHeader && providedPayloadHash == nil {
                headers.append(("x-amz-content-sha256", payloadHash))
            }
            headersToSend = headers
            for header in headers {
                let name = Self.lowercased(header.name)
                if Self.unsignedHeaders.contains(name) { continue }
                if name == "x-amz-security-token" && token != nil && !signsToken { continue }
                signedPairs.append((name, header.value))
            }
            signedHeaders = Self.signedHeaderList(signedPairs)
            canonicalRequest = Self.canonicalRequest(
                method: request.method,
                uri: URIEncoder.canonicalURI(rawPath: request.rawPath, rule: signer.uriEncoding),
                query: URIEncoder.canonicalQuery(URIEncoder.encodedQueryPairs(rawQuery: request.rawQuery)),
                headers: signedPairs,
                signedHeaders: signedHeaders,
                payloadHash: payloadHash
            )
        }
        stringToSign = "AWS4-HMAC-SHA256\n\(date.dateTime)\n\(scope)\n"
            + Hex.encode(SHA256.hash(data: Array(canonicalRequest.utf8)))
    }

    static func canonicalRequest(
        method: String, uri: String, query: String, headers: [(name: String, value: String)],
        signedHeaders: String, payloadHash: String
    ) -> String {
        var text = method.uppercased() + "\n" + uri + "\n" + query + "\n"
        // Stable sort by name keeps duplicates in their original order.
        let sorted = headers.enumerated().sorted { lhs, rhs in
            if lhs.element.name != rhs.element.name {
                return lhs.element.name.utf8.lexicographicallyPrecedes(rhs.element.name.utf8)
            }
            return lhs.offset < rhs.offset
        }
        var previous: String?
        for (_, header) in sorted {
            if header.name == previous {
                text += "," + trimmed(header.value)
            } else {
                if previous != nil { text += "\n" }
                text += header.name + ":" + trimmed(header.value)
                previous = header.name
            }
        }
        text += "\n\n" + signedHeaders + "\n" + payloadHash
        return text
    }

    /// Sorted, distinct, `;`-separated lowercase names.
    static func signedHeaderList(_ headers: [(name: String, value: String)]) -> String {
        var names = Array(Set(headers.map(\.name)))
        names.sort { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        return names.joined(separator: ";")
    }

    static func lowercased(_ name: String) -> String {
        if !name.utf8.contains(where: { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }) { return name }
        return String(decoding: name.utf8.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }, as: UTF8.self)
    }

    @inline(__always)
    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0B || byte == 0x0C
    }

    /// The value with whitespace (spaces, tabs, line breaks) trimmed at both ends and inner runs collapsed to one
    /// space; continuation lines of a multi-line value are thereby joined with a space.
    static func trimmed(_ value: String) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(value.utf8.count)
        var pendingSpace = false
        for byte in value.utf8 {
            if isWhitespace(byte) {
                pendingSpace = !output.isEmpty
            } else {
                if pendingSpace { output.append(0x20) }
                pendingSpace = false
                output.append(byte)
            }
        }
        return String(decoding: output, as: UTF8.self)
    }
}
