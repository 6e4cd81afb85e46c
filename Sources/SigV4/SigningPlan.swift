import Crypto

/// Everything one signing computes before the final HMAC: the headers or query parameters to add, the canonical
/// request and the string to sign.
struct SigningPlan {
    static let emptySHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"

    /// Headers never signed, as in the AWS SDKs: hop-by-hop headers and ones proxies rewrite.
    static func isUnsigned(_ lowercasedName: String) -> Bool {
        switch lowercasedName {
        case "authorization", "connection", "expect", "keep-alive", "proxy-authenticate", "proxy-authorization", "te",
            "trailer", "transfer-encoding", "upgrade", "user-agent", "x-amzn-trace-id":
            return true
        default:
            return false
        }
    }

    let date: AMZDate
    let scope: String
    /// Header signing: the headers to send, without `Authorization`.
    var headersToSend: [(name: String, value: String)] = []
    /// Query signing: the `X-Amz-*` parameters to append, values encoded, in the order the URL carries them.
    var queryParametersInURLOrder: [(name: String, value: String)] = []
    var signedHeaders = ""
    var canonicalRequestBytes: [UInt8] = []
    var stringToSignBytes: [UInt8] = []

    var canonicalRequest: String { String(decoding: canonicalRequestBytes, as: UTF8.self) }
    var stringToSign: String { String(decoding: stringToSignBytes, as: UTF8.self) }

    /// `query` is nil for header signing, or the expiry in seconds for query signing.
    init(signer: Signer, request: SigningRequest, date: AMZDate, scope: String, query expires: Int?) {
        self.date = date
        self.scope = scope
        let rawPath = request.rawPath
        // An empty token is no token, as in botocore.
        let token = signer.credentials.sessionToken.flatMap { $0.isEmpty ? nil : $0 }
        let signsToken = token != nil && signer.sessionTokenPlacement == .signed

        // Headers: the request's own, then what signing adds; `signed` holds lowercased names of signed ones.
        var headers: [(name: String, value: String)] = []
        headers.reserveCapacity(request.headers.count + 6)
        var signed: [(name: String, value: String)] = []
        signed.reserveCapacity(request.headers.count + 4)
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
                providedPayloadHash = String(decoding: Self.trimmed(header.value), as: UTF8.self)
            }
            headers.append(header)
            if !Self.isUnsigned(name) { signed.append((name, header.value)) }
        }
        if !hasHost {
            let host = request.hostHeaderValue
            headers.append(("host", host))
            signed.append(("host", host))
        }

        // The payload hash as text, or the body's digest (written as hex straight into the canonical request).
        var payloadHash = ""
        var bodyDigest: SHA256.Digest?
        if let providedPayloadHash {
            payloadHash = providedPayloadHash
        } else {
            switch request.body {
            case .empty: payloadHash = Self.emptySHA256
            case .bytes(let bytes): bodyDigest = Self.sha256(bytes)
            case .unsigned: payloadHash = "UNSIGNED-PAYLOAD"
            case .precomputedHash(let hash): payloadHash = hash
            }
        }

        var queryPairs = URIEncoder.encodedQueryPairs(rawQuery: request.rawQuery)
        if let expires {
            signedHeaders = Self.signedHeaderList(&signed)
            let credential = "\(signer.credentials.accessKeyID)/\(scope)"
            var parameters: [(name: String, value: String)] = [
                ("X-Amz-Algorithm", "AWS4-HMAC-SHA256"),
                ("X-Amz-Credential", URIEncoder.encode(credential)),
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
            if let token {
                headers.append(("X-Amz-Security-Token", token))
                if signsToken { signed.append(("x-amz-security-token", token)) }
            }
            headers.append(("X-Amz-Date", date.dateTime))
            signed.append(("x-amz-date", date.dateTime))
            let wantsHashHeader = signer.addContentSHA256Header || signer.uriEncoding == .s3
            if wantsHashHeader && providedPayloadHash == nil {
                let hash = bodyDigest.map { Hex.encode($0) } ?? payloadHash
                headers.append(("x-amz-content-sha256", hash))
                signed.append(("x-amz-content-sha256", hash))
            }
            headersToSend = headers
            signedHeaders = Self.signedHeaderList(&signed)
        }

        // The canonical request, and the string to sign over its hash.
        var text: [UInt8] = []
        text.reserveCapacity(512 + (token?.utf8.count ?? 0) * 2 + rawPath.utf8.count * 3)
        for byte in request.method.utf8 {
            text.append(byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") ? byte - 32 : byte)
        }
        text.append(0x0A)
        text.append(contentsOf: URIEncoder.canonicalURI(rawPath: rawPath, rule: signer.uriEncoding).utf8)
        text.append(0x0A)
        text.append(contentsOf: URIEncoder.canonicalQuery(queryPairs).utf8)
        text.append(0x0A)
        // `signed` is sorted by name, duplicates in their original order: join their values with commas.
        var previous: String?
        for header in signed {
            if header.name == previous {
                text.append(UInt8(ascii: ","))
            } else {
                if previous != nil { text.append(0x0A) }
                text.append(contentsOf: header.name.utf8)
                text.append(UInt8(ascii: ":"))
                previous = header.name
            }
            Self.appendTrimmed(header.value, to: &text)
        }
        text.append(0x0A)
        text.append(0x0A)
        text.append(contentsOf: signedHeaders.utf8)
        text.append(0x0A)
        if let bodyDigest {
            Hex.append(bodyDigest, to: &text)
        } else {
            text.append(contentsOf: payloadHash.utf8)
        }
        canonicalRequestBytes = text

        var toSign: [UInt8] = []
        toSign.reserveCapacity(160)
        toSign.append(contentsOf: "AWS4-HMAC-SHA256\n".utf8)
        toSign.append(contentsOf: date.dateTime.utf8)
        toSign.append(0x0A)
        toSign.append(contentsOf: scope.utf8)
        toSign.append(0x0A)
        Hex.append(Self.sha256(text), to: &toSign)
        stringToSignBytes = toSign
    }

    /// SHA-256 through a buffer pointer rather than the generic `DataProtocol` path.
    static func sha256(_ bytes: [UInt8]) -> SHA256.Digest {
        var hasher = SHA256()
        bytes.withUnsafeBytes { hasher.update(bufferPointer: $0) }
        return hasher.finalize()
    }

    /// Sorts `headers` by name (stable: duplicates keep their order) and returns the distinct names joined by `;`.
    static func signedHeaderList(_ headers: inout [(name: String, value: String)]) -> String {
        // Insertion sort: a request has a handful of headers, and it is stable.
        var index = 1
        while index < headers.count {
            let header = headers[index]
            var position = index
            while position > 0 && precedes(header.name, headers[position - 1].name) {
                headers[position] = headers[position - 1]
                position -= 1
            }
            headers[position] = header
            index += 1
        }
        // At most every name and a separator each; duplicates (already adjacent) are written once.
        var capacity = 0
        for header in headers { capacity += header.name.utf8.count + 1 }
        let sorted = headers
        return String(unsafeUninitializedCapacity: capacity) { buffer in
            var position = 0
            var previous: String?
            for header in sorted where header.name != previous {
                if previous != nil {
                    buffer[position] = UInt8(ascii: ";")
                    position += 1
                }
                position = Signer.copyUTF8(header.name, into: buffer, at: position)
                previous = header.name
            }
            return position
        }
    }

    /// Byte-wise (UTF-8) order, as SigV4 sorts names.
    @inline(__always)
    static func precedes(_ lhs: String, _ rhs: String) -> Bool {
        var lhs = lhs
        var rhs = rhs
        return lhs.withUTF8 { left in
            rhs.withUTF8 { right in
                let common = min(left.count, right.count)
                var index = 0
                while index < common {
                    if left[index] != right[index] { return left[index] < right[index] }
                    index += 1
                }
                return left.count < right.count
            }
        }
    }

    /// ASCII-lowercased `name`, written in place without an intermediate array (names up to 15 bytes stay inline,
    /// with no allocation at all).
    static func lowercased(_ name: String) -> String {
        var name = name
        let hasUppercase = name.withUTF8 { bytes in
            bytes.contains { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }
        }
        if !hasUppercase { return name }
        let utf8 = name.utf8
        return String(unsafeUninitializedCapacity: utf8.count) { buffer in
            var index = 0
            for byte in utf8 {
                buffer[index] = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
                index += 1
            }
            return index
        }
    }

    @inline(__always)
    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0B || byte == 0x0C
    }

    /// Appends the value with whitespace (spaces, tabs, line breaks) trimmed at both ends and inner runs collapsed
    /// to one space; continuation lines of a multi-line value are thereby joined with a space.
    static func appendTrimmed(_ value: String, to output: inout [UInt8]) {
        var value = value
        value.withUTF8 { bytes in
            // The usual value has nothing to trim or collapse: copy it whole.
            if !bytes.isEmpty && !Self.containsByteBelow0x21(bytes) {
                output.append(contentsOf: bytes)
                return
            }
            if let first = bytes.first, let last = bytes.last, !isWhitespace(first), !isWhitespace(last) {
                var clean = true
                var previousWasSpace = false
                for byte in bytes {
                    if byte == 0x20 {
                        if previousWasSpace { clean = false; break }
                        previousWasSpace = true
                    } else if isWhitespace(byte) {
                        clean = false
                        break
                    } else {
                        previousWasSpace = false
                    }
                }
                if clean {
                    output.append(contentsOf: bytes)
                    return
                }
            }
            var index = 0
            var first = true
            while index < bytes.count {
                while index < bytes.count && isWhitespace(bytes[index]) { index += 1 }
                let start = index
                while index < bytes.count && !isWhitespace(bytes[index]) { index += 1 }
                if start < index {
                    if !first { output.append(0x20) }
                    output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                    first = false
                }
            }
        }
    }

    /// Whether any byte is a space or a control character (below 0x21), checked eight bytes at a time.
    @inline(__always)
    static func containsByteBelow0x21(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        let raw = UnsafeRawPointer(base)
        var index = 0
        while index + 8 <= bytes.count {
            let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            // "Has a byte less than n" (n = 0x21): exact as a yes/no test.
            if (word &- 0x2121_2121_2121_2121) & ~word & 0x8080_8080_8080_8080 != 0 { return true }
            index += 8
        }
        while index < bytes.count {
            if bytes[index] < 0x21 { return true }
            index += 1
        }
        return false
    }

    static func trimmed(_ value: String) -> [UInt8] {
        var output: [UInt8] = []
        appendTrimmed(value, to: &output)
        return output
    }
}
