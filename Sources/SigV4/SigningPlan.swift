import Crypto

/// Everything one signing decides before any bytes are hashed: the headers to send and which of them are signed,
/// the canonical URI and query, the payload hash, and for query signing the `X-Amz-*` parameters.
///
/// The canonical request and the string to sign are then written straight into buffers sized in advance (one for
/// each, on the stack for usual sizes), so that a signature costs the hashing and little else.
struct SigningPlan: ~Copyable {
    static let emptySHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"

    /// Headers never signed, as in the AWS SDKs: hop-by-hop headers and ones proxies rewrite.
    static func isUnsigned(_ name: String) -> Bool {
        switch name.utf8.count {
        case 2: return ASCII.equalsIgnoringCase(name, "te")
        case 6: return ASCII.equalsIgnoringCase(name, "expect")
        case 7: return ASCII.equalsIgnoringCase(name, "trailer") || ASCII.equalsIgnoringCase(name, "upgrade")
        case 10: return ASCII.equalsIgnoringCase(name, "connection") || ASCII.equalsIgnoringCase(name, "keep-alive")
            || ASCII.equalsIgnoringCase(name, "user-agent")
        case 13: return ASCII.equalsIgnoringCase(name, "authorization")
        case 15: return ASCII.equalsIgnoringCase(name, "x-amzn-trace-id")
        case 17: return ASCII.equalsIgnoringCase(name, "transfer-encoding")
        case 18: return ASCII.equalsIgnoringCase(name, "proxy-authenticate")
        case 19: return ASCII.equalsIgnoringCase(name, "proxy-authorization")
        default: return false
        }
    }

    let method: String
    let date: AMZDate
    let scope: String
    /// Header signing: the headers to send, without `Authorization`. Query signing: the request's headers and
    /// `host`.
    var headers: [(name: String, value: String)] = []
    /// The signed headers in canonical order: by lowercased name, duplicates in their original order (adjacent,
    /// so that their values are joined with commas).
    private var signed = SignedHeaderOrder()
    /// The length of the signed header list (`content-type;host;x-amz-date`).
    private(set) var signedHeaderListLength = 0
    /// The signed headers' names and values with a separator and a line break each: at least the size of their
    /// lines in the canonical request (values only shrink when trimmed, duplicates share a line).
    private var signedHeaderBytes = 0
    private var canonicalURI = ""
    private var canonicalQuery = ""
    /// The payload hash as text, unless it is the body's digest.
    private var payloadHash = ""
    private var bodyDigest: SHA256.Digest?
    /// Query signing: the `X-Amz-*` parameters to append, values encoded, in the order the URL carries them.
    private(set) var queryParametersInURLOrder: [(name: String, value: String)] = []

    /// `query` is nil for header signing, or the expiry in seconds for query signing.
    /// Both are borrowed: signing copies neither the signer nor the request.
    init(
        signer: borrowing Signer, request: borrowing SigningRequest, date: AMZDate, scope: String, query expires: Int?
    ) {
        method = request.method
        self.date = date
        self.scope = scope
        // An empty token is no token, as in botocore.
        let token = signer.credentials.sessionToken.flatMap { $0.isEmpty ? nil : $0 }
        let signsToken = token != nil && signer.sessionTokenPlacement == .signed

        let wire = request.wireParts(cache: signer.wirePartsCache)
        headers.reserveCapacity(request.headers.count + 5)
        var hasHost = false
        var providedPayloadHash: String?
        for header in request.headers {
            let name = header.name
            if expires == nil {
                if ASCII.equalsIgnoringCase(name, "authorization") || ASCII.equalsIgnoringCase(name, "x-amz-date") {
                    continue
                }
                if token != nil && ASCII.equalsIgnoringCase(name, "x-amz-security-token") { continue }
            }
            if !hasHost && ASCII.equalsIgnoringCase(name, "host") { hasHost = true }
            if providedPayloadHash == nil && ASCII.equalsIgnoringCase(name, "x-amz-content-sha256") {
                providedPayloadHash = Self.trimmed(header.value)
            }
            add(header, signed: !Self.isUnsigned(name))
        }
        if !hasHost { add(("host", wire.host), signed: true) }

        if let providedPayloadHash {
            payloadHash = providedPayloadHash
        } else {
            switch request.body {
            case .empty: payloadHash = Self.emptySHA256
            case .bytes(let bytes): bodyDigest = bytes.withUnsafeBytes(Self.sha256)
            case .unsigned: payloadHash = "UNSIGNED-PAYLOAD"
            case .precomputedHash(let hash): payloadHash = hash
            }
        }

        canonicalURI = URIEncoder.canonicalURI(rawPath: wire.path, rule: signer.uriEncoding)
        var queryPairs = URIEncoder.encodedQueryPairs(rawQuery: wire.query)
        if let expires {
            let signedHeaders = signedHeaderList
            var parameters: [(name: String, value: String)] = [
                ("X-Amz-Algorithm", "AWS4-HMAC-SHA256"),
                ("X-Amz-Credential", URIEncoder.encode("\(signer.credentials.accessKeyID)/\(scope)")),
                ("X-Amz-Date", date.dateTime),
                ("X-Amz-SignedHeaders", URIEncoder.encode(signedHeaders)),
                ("X-Amz-Expires", String(expires)),
            ]
            queryPairs += parameters
            if let token {
                let encodedToken = URIEncoder.encode(token)
                parameters.append(("X-Amz-Security-Token", encodedToken))
                if signsToken { queryPairs.append(("X-Amz-Security-Token", encodedToken)) }
            }
            queryParametersInURLOrder = parameters
        } else {
            if let token { add(("X-Amz-Security-Token", token), signed: signsToken) }
            add(("X-Amz-Date", date.dateTime), signed: true)
            let wantsHashHeader = signer.addContentSHA256Header || signer.uriEncoding == .s3
            if wantsHashHeader && providedPayloadHash == nil {
                add(("x-amz-content-sha256", bodyDigest.map(Self.hex) ?? payloadHash), signed: true)
            }
        }
        if !queryPairs.isEmpty { canonicalQuery = URIEncoder.canonicalQuery(queryPairs) }
    }

    /// Appends a header to send and, when signed, puts it in canonical order (an insertion sort: a request has a
    /// handful of headers, and it keeps duplicates in their original order).
    private mutating func add(_ header: (name: String, value: String), signed isSigned: Bool) {
        headers.append(header)
        guard isSigned else { return }
        var position = signed.count
        var order = 1
        while position > 0 {
            order = ASCII.compareIgnoringCase(header.name, headers[signed[position - 1].index].name)
            if order >= 0 { break }
            position -= 1
        }
        // Equal to the one before it: a duplicate, written once in the list. Otherwise a new name in the list,
        // and the one after it (if any) cannot be its duplicate, since a duplicate would have gone after it.
        let joinsPrevious = position > 0 && order == 0
        if !joinsPrevious {
            signedHeaderListLength += header.name.utf8.count + (signed.count == 0 ? 0 : 1)
        }
        signedHeaderBytes += header.name.utf8.count + header.value.utf8.count + 2
        signed.insert(index: headers.count - 1, joinsPrevious: joinsPrevious, at: position)
    }

    // MARK: Writing

    /// The signed header names, lowercased, distinct, joined by `;`.
    func writeSignedHeaderList(into writer: inout ByteWriter) {
        for position in signed.indices where !signed[position].joinsPrevious {
            if position > 0 { writer.append(UInt8(ascii: ";")) }
            writer.appendLowercased(headers[signed[position].index].name)
        }
    }

    /// The signed header list as text (query signing carries it in `X-Amz-SignedHeaders`).
    var signedHeaderList: String {
        let length = signedHeaderListLength
        return String(unsafeUninitializedCapacity: length) { buffer in
            var writer = ByteWriter(buffer)
            writeSignedHeaderList(into: &writer)
            return writer.count
        }
    }

    /// The canonical request's size can only be this much or less.
    private var canonicalRequestCapacity: Int {
        method.utf8.count + canonicalURI.utf8.count + canonicalQuery.utf8.count + 3 + signedHeaderBytes + 1
            + signedHeaderListLength + 1 + max(64, payloadHash.utf8.count)
    }

    /// Writes the canonical request and returns where the signed header list is in it.
    private func writeCanonicalRequest(into writer: inout ByteWriter) -> Range<Int> {
        writer.appendUppercased(method)
        writer.append(0x0A)
        writer.append(canonicalURI)
        writer.append(0x0A)
        writer.append(canonicalQuery)
        writer.append(0x0A)
        headers.withUnsafeBufferPointer { headers in
            for position in signed.indices {
                let entry = signed[position]
                if entry.joinsPrevious {
                    writer.append(UInt8(ascii: ","))
                } else {
                    if position > 0 { writer.append(0x0A) }
                    writer.appendLowercased(headers[entry.index].name)
                    writer.append(UInt8(ascii: ":"))
                }
                writer.appendTrimmed(headers[entry.index].value)
            }
        }
        writer.append(0x0A)
        writer.append(0x0A)
        let listStart = writer.count
        writeSignedHeaderList(into: &writer)
        let list = listStart..<writer.count
        writer.append(0x0A)
        if let bodyDigest {
            writer.appendHex(bodyDigest)
        } else {
            writer.append(payloadHash)
        }
        return list
    }

    /// Calls `body` with the canonical request's bytes and where the signed header list is in them.
    private func withCanonicalRequest<Result>(_ body: (UnsafeRawBufferPointer, Range<Int>) -> Result) -> Result {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: canonicalRequestCapacity) { buffer in
            var writer = ByteWriter(buffer)
            let list = writeCanonicalRequest(into: &writer)
            return body(writer.written, list)
        }
    }

    /// Calls `body` with the string to sign's bytes: algorithm, time, scope and the canonical request's SHA-256.
    private func withStringToSign<Result>(
        canonicalHash: SHA256.Digest, _ body: (UnsafeRawBufferPointer) -> Result
    ) -> Result {
        let capacity = 17 + date.dateTime.utf8.count + 1 + scope.utf8.count + 1 + 64
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { buffer in
            var writer = ByteWriter(buffer)
            writer.append("AWS4-HMAC-SHA256\n")
            writer.append(date.dateTime)
            writer.append(0x0A)
            writer.append(scope)
            writer.append(0x0A)
            writer.appendHex(canonicalHash)
            return body(writer.written)
        }
    }

    /// The signature under `key`.
    func signature(key: SigningKey) -> SHA256.Digest {
        let canonicalHash = withCanonicalRequest { canonical, _ in Self.sha256(canonical) }
        return withStringToSign(canonicalHash: canonicalHash, key.authenticationCode)
    }

    /// Header signing: the `Authorization` header's value under `key`. The signed header list is copied from the
    /// canonical request rather than written again.
    func authorization(key: SigningKey, accessKeyID: String) -> String {
        withCanonicalRequest { canonical, list in
            let signature = withStringToSign(canonicalHash: Self.sha256(canonical), key.authenticationCode)
            let prefix: StaticString = "AWS4-HMAC-SHA256 Credential="
            let capacity = prefix.utf8CodeUnitCount + accessKeyID.utf8.count + 1 + scope.utf8.count
                + ", SignedHeaders=".utf8.count + list.count + ", Signature=".utf8.count + 64
            // Written straight into the string's storage: one allocation, no intermediate array.
            return String(unsafeUninitializedCapacity: capacity) { buffer in
                var writer = ByteWriter(buffer)
                writer.append(prefix)
                writer.append(accessKeyID)
                writer.append(UInt8(ascii: "/"))
                writer.append(scope)
                writer.append(", SignedHeaders=")
                writer.append(UnsafeRawBufferPointer(rebasing: canonical[list]))
                writer.append(", Signature=")
                writer.appendHex(signature)
                return writer.count
            }
        }
    }

    var canonicalRequest: String {
        withCanonicalRequest { canonical, _ in String(decoding: canonical, as: UTF8.self) }
    }

    var stringToSign: String {
        let canonicalHash = withCanonicalRequest { canonical, _ in Self.sha256(canonical) }
        return withStringToSign(canonicalHash: canonicalHash) { String(decoding: $0, as: UTF8.self) }
    }


    // MARK: Helpers

    /// SHA-256 through a buffer pointer rather than the generic `DataProtocol` path.
    static func sha256(_ bytes: UnsafeRawBufferPointer) -> SHA256.Digest {
        var hasher = SHA256()
        hasher.update(bufferPointer: bytes)
        return hasher.finalize()
    }

    static func hex(_ digest: SHA256.Digest) -> String {
        String(unsafeUninitializedCapacity: SHA256.byteCount * 2) { buffer in
            var writer = ByteWriter(buffer)
            writer.appendHex(digest)
            return writer.count
        }
    }

    /// A header value trimmed as in the canonical request.
    static func trimmed(_ value: String) -> String {
        String(unsafeUninitializedCapacity: value.utf8.count) { buffer in
            var writer = ByteWriter(buffer)
            writer.appendTrimmed(value)
            return writer.count
        }
    }
}
