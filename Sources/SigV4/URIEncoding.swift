/// Percent-encoding and path/query canonicalization rules, working on UTF-8 bytes.
enum URIEncoder {
    private static let hexDigits: [UInt8] = Array("0123456789ABCDEF".utf8)

    /// Whether `byte` is in RFC 3986's unreserved set: `A–Z a–z 0–9 - . _ ~`.
    @inline(__always)
    static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
            UInt8(ascii: "~"):
            return true
        default:
            return false
        }
    }

    /// Appends `bytes` percent-encoded (every byte outside the unreserved set, and `/` unless `keepSlash`).
    static func encode(_ bytes: some Sequence<UInt8>, keepSlash: Bool, into output: inout [UInt8]) {
        for byte in bytes {
            if isUnreserved(byte) || (keepSlash && byte == UInt8(ascii: "/")) {
                output.append(byte)
            } else {
                output.append(UInt8(ascii: "%"))
                output.append(hexDigits[Int(byte >> 4)])
                output.append(hexDigits[Int(byte & 0x0F)])
            }
        }
    }

    static func encode(_ string: String, keepSlash: Bool = false) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(string.utf8.count)
        encode(string.utf8, keepSlash: keepSlash, into: &output)
        return String(decoding: output, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        default: return nil
        }
    }

    /// Decodes `%XX` sequences; a `%` not followed by two hex digits stays as it is. `+` stays `+`.
    static func decode(_ bytes: some Collection<UInt8>) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index != bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "%") {
                let first = bytes.index(after: index)
                if first != bytes.endIndex {
                    let second = bytes.index(after: first)
                    if second != bytes.endIndex, let high = hexValue(bytes[first]), let low = hexValue(bytes[second]) {
                        output.append(high << 4 | low)
                        index = bytes.index(after: second)
                        continue
                    }
                }
            }
            output.append(byte)
            index = bytes.index(after: index)
        }
        return output
    }

    /// Removes `.` and `..` segments and empty segments (`//`), the way AWS SDKs normalize a path: a trailing `/`
    /// is kept when the path ends in `/` and something remains; an empty path becomes `/`.
    static func normalize(_ path: [UInt8]) -> [UInt8] {
        guard let first = path.first, let last = path.last else { return [UInt8(ascii: "/")] }
        var segments: [ArraySlice<UInt8>] = []
        for segment in path.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: true) {
            if segment.count == 1 && segment.first == UInt8(ascii: ".") { continue }
            if segment.count == 2 && segment.allSatisfy({ $0 == UInt8(ascii: ".") }) {
                if !segments.isEmpty { segments.removeLast() }
                continue
            }
            segments.append(segment)
        }
        var output: [UInt8] = []
        output.reserveCapacity(path.count)
        if first == UInt8(ascii: "/") { output.append(UInt8(ascii: "/")) }
        for (position, segment) in segments.enumerated() {
            if position > 0 { output.append(UInt8(ascii: "/")) }
            output.append(contentsOf: segment)
        }
        if last == UInt8(ascii: "/") && !segments.isEmpty { output.append(UInt8(ascii: "/")) }
        return output
    }

    /// The canonical URI for a wire path under `rule`.
    static func canonicalURI(rawPath: String, rule: Signer.URIEncoding) -> String {
        isAlreadyCanonical(rawPath) ? rawPath : encodedCanonicalURI(rawPath: rawPath, rule: rule)
    }

    /// The canonical URI computed in full, without the ``isAlreadyCanonical(_:)`` shortcut.
    static func encodedCanonicalURI(rawPath: String, rule: Signer.URIEncoding) -> String {
        let path = Array(rawPath.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(path.count + 8)
        switch rule {
        case .doubleEncodedNormalized:
            encode(normalize(path), keepSlash: true, into: &output)
        case .doubleEncoded:
            encode(path.isEmpty ? [UInt8(ascii: "/")] : path, keepSlash: true, into: &output)
        case .s3:
            if path.isEmpty { return "/" }
            // Each segment decoded, then encoded once, so that `%2F` inside a segment stays `%2F`.
            for (position, segment) in path.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
                .enumerated()
            {
                if position > 0 { output.append(UInt8(ascii: "/")) }
                encode(decode(segment), keepSlash: false, into: &output)
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Whether `path` is its own canonical URI under every rule: it starts with `/`, holds only unreserved
    /// characters and `/`, and has no empty, `.` or `..` segment (the usual `/` or `/2015-03-31/functions/`).
    static func isAlreadyCanonical(_ path: String) -> Bool {
        var previous: UInt8 = 0
        var segmentLength = 0
        var segmentIsDots = true
        for byte in path.utf8 {
            if byte == UInt8(ascii: "/") {
                if previous == UInt8(ascii: "/") { return false }
                if previous != 0 && segmentIsDots && segmentLength <= 2 { return false }
                segmentLength = 0
                segmentIsDots = true
            } else {
                if previous == 0 || !isUnreserved(byte) { return false }
                segmentLength += 1
                if byte != UInt8(ascii: ".") { segmentIsDots = false }
            }
            previous = byte
        }
        if previous == 0 { return false }
        return previous == UInt8(ascii: "/") || !(segmentIsDots && segmentLength <= 2)
    }

    /// The query's `name=value` pairs, each name and value percent-decoded then encoded with the unreserved set.
    /// Empty pieces (`a=1&&b=2`) are skipped; a piece without `=` has an empty value.
    static func encodedQueryPairs(rawQuery: String?) -> [(name: String, value: String)] {
        guard let rawQuery, !rawQuery.isEmpty else { return [] }
        var pairs: [(name: String, value: String)] = []
        for piece in rawQuery.utf8.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            let name: Substring.UTF8View.SubSequence
            let value: Substring.UTF8View.SubSequence
            if let equals = piece.firstIndex(of: UInt8(ascii: "=")) {
                name = piece[piece.startIndex..<equals]
                value = piece[piece.index(after: equals)...]
            } else {
                name = piece
                value = piece[piece.endIndex...]
            }
            var encodedName: [UInt8] = []
            encode(decode(name), keepSlash: false, into: &encodedName)
            var encodedValue: [UInt8] = []
            encode(decode(value), keepSlash: false, into: &encodedValue)
            pairs.append((String(decoding: encodedName, as: UTF8.self), String(decoding: encodedValue, as: UTF8.self)))
        }
        return pairs
    }

    /// `name=value` pairs sorted by name then value (byte order) and joined with `&`.
    static func canonicalQuery(_ pairs: [(name: String, value: String)]) -> String {
        let sorted = pairs.sorted { lhs, rhs in
            if lhs.name != rhs.name { return lhs.name.utf8.lexicographicallyPrecedes(rhs.name.utf8) }
            return lhs.value.utf8.lexicographicallyPrecedes(rhs.value.utf8)
        }
        var output = ""
        for (position, pair) in sorted.enumerated() {
            if position > 0 { output += "&" }
            output += pair.name
            output += "="
            output += pair.value
        }
        return output
    }
}
