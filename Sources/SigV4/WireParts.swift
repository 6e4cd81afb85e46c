/// What signing reads from a request's URL: the `host` header's value (lowercased host, with the port unless it
/// is the scheme's default) and the path and query as they go on the wire.
struct WireParts: Sendable {
    var host: String
    var path: String
    var query: String?

    init(host: String, path: String, query: String?) {
        self.host = host
        self.path = path
        self.query = query
    }

    /// Splits `scheme://host[:port]path[?query]` for the http and https schemes; nil for anything else (an
    /// uppercase letter, user info, an IPv6 literal, a fragment, an odd port), which Foundation then reads.
    init?(simpleURL text: String) {
        let parts = ASCII.withUTF8(text) { bytes -> WireParts? in
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
                // The usual path is `/`: a literal, not a new string.
                if range.count == 1 && bytes[range.lowerBound] == UInt8(ascii: "/") { return "/" }
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
            }
            let pathEnd = questionMark ?? bytes.count
            return WireParts(
                host: text(authorityStart..<hostEnd),
                path: text(authorityEnd..<pathEnd),
                query: questionMark.map { text(($0 + 1)..<bytes.count) }
            )
        }
        guard let parts else { return nil }
        self = parts
    }
}
