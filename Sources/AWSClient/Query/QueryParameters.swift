import Foundation

/// The parameters of one AWS Query-protocol request, in the order they were added, flattened the way botocore's
/// `QuerySerializer` flattens them: lists as `Name.member.N`, maps as `Name.entry.N.key` / `Name.entry.N.value`,
/// structures inside lists as `Name.member.N.Field`, booleans as `true` / `false`. An empty list is sent as
/// `Name=` so that the service sees it was given.
public struct QueryParameters: Sendable, Equatable {
    public private(set) var pairs: [(key: String, value: String)]

    public init(action: String, version: String) {
        pairs = [("Action", action), ("Version", version)]
    }

    public static func == (lhs: QueryParameters, rhs: QueryParameters) -> Bool {
        lhs.pairs.elementsEqual(rhs.pairs) { $0.key == $1.key && $0.value == $1.value }
    }

    /// Adds `key=value` when the value is present.
    public mutating func add(_ key: String, _ value: String?) {
        if let value { pairs.append((key, value)) }
    }

    public mutating func add(_ key: String, _ value: Bool?) {
        if let value { pairs.append((key, value ? "true" : "false")) }
    }

    public mutating func add(_ key: String, _ value: Int?) {
        if let value { pairs.append((key, String(value))) }
    }

    /// Adds a list of strings as `key.member.1`, `key.member.2`, …; nothing when the list is nil.
    public mutating func add(_ key: String, list: [String]?) {
        guard let list else { return }
        addList(key, list) { parameters, prefix, element in parameters.add(prefix, element) }
    }

    /// Adds a list of structures; `fields` adds one element's fields under the prefix it is given.
    public mutating func addList<Element>(
        _ key: String,
        _ list: [Element]?,
        fields: (inout QueryParameters, String, Element) -> Void
    ) {
        guard let list else { return }
        if list.isEmpty {
            pairs.append((key, ""))
            return
        }
        for (index, element) in list.enumerated() {
            fields(&self, "\(key).member.\(index + 1)", element)
        }
    }

    /// Adds a map as `key.entry.N.key` / `key.entry.N.value`, entries in the order given.
    public mutating func add(_ key: String, map: [(key: String, value: String)]?) {
        guard let map else { return }
        for (index, entry) in map.enumerated() {
            pairs.append(("\(key).entry.\(index + 1).key", entry.key))
            pairs.append(("\(key).entry.\(index + 1).value", entry.value))
        }
    }

    /// The form-encoded body: `key=value` pairs joined with `&`, each part encoded by `formEncode`.
    public var encoded: String {
        pairs.map { "\(Self.formEncode($0.key))=\(Self.formEncode($0.value))" }.joined(separator: "&")
    }

    /// Encodes like Python's `urllib.parse.quote_plus`, which botocore uses for Query bodies: the UTF-8 bytes
    /// outside `A-Za-z0-9-_.~` become `%XX` in upper case, and a space becomes `+`.
    public static func formEncode(_ string: String) -> String {
        var result = ""
        result.reserveCapacity(string.utf8.count)
        for byte in string.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."),
                UInt8(ascii: "~"):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            case UInt8(ascii: " "):
                result.append("+")
            default:
                result.append("%")
                result.append(hexDigits[Int(byte >> 4)])
                result.append(hexDigits[Int(byte & 0x0F)])
            }
        }
        return result
    }

    private static let hexDigits: [Character] = Array("0123456789ABCDEF")
}
