/// A YAML document as a tree: scalars, sequences and mappings, each optionally tagged.
///
/// This layer knows YAML and nothing of CloudFormation. Mappings keep their keys in order; a mapping key is
/// always a string (CloudFormation needs nothing else, and the reader rejects other keys).
///
/// Equality compares content and tags only; positions (`mark`) are carried for error messages and ignored.
public indirect enum Node: Sendable {
    case scalar(Scalar)
    case sequence(Sequence)
    case mapping(Mapping)
}

/// A position in a YAML text, 1-based.
public struct Mark: Sendable, Hashable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public var description: String { "line \(line), column \(column)" }
}

/// A local tag such as `!Ref`, spelled with its leading `!`.
public struct Tag: Sendable, Hashable, CustomStringConvertible, ExpressibleByStringLiteral {
    public var name: String

    public init(_ name: String) { self.name = name }
    public init(stringLiteral value: String) { self.name = value }

    public var description: String { name }
}

extension Node {
    /// A scalar and how it is meant to be read.
    public struct Scalar: Sendable {
        /// How a scalar is to be resolved.
        public enum Kind: Sendable, Hashable {
            /// A string. The writer quotes it whenever a YAML 1.1 reader would take it for anything else, and uses
            /// literal block style when it spans lines. The reader produces this for every quoted or block scalar.
            case string
            /// A plain scalar, written exactly as given (`42`, `true`, `null`, `1.5`). The reader produces this for
            /// every unquoted scalar; `Node.Scalar.resolved` tells what YAML 1.1 makes of it.
            case plain
        }

        public var text: String
        public var kind: Kind
        public var tag: Tag?
        public var mark: Mark?

        public init(_ text: String, kind: Kind = .string, tag: Tag? = nil, mark: Mark? = nil) {
            self.text = text
            self.kind = kind
            self.tag = tag
            self.mark = mark
        }
    }

    public struct Sequence: Sendable {
        public var items: [Node]
        public var tag: Tag?
        public var mark: Mark?

        public init(_ items: [Node], tag: Tag? = nil, mark: Mark? = nil) {
            self.items = items
            self.tag = tag
            self.mark = mark
        }
    }

    public struct Mapping: Sendable {
        public struct Pair: Sendable {
            public var key: String
            public var value: Node
            /// Where the key stands, when read.
            public var keyMark: Mark?

            public init(_ key: String, _ value: Node, keyMark: Mark? = nil) {
                self.key = key
                self.value = value
                self.keyMark = keyMark
            }
        }

        public var pairs: [Pair]
        public var tag: Tag?
        public var mark: Mark?

        public init(_ pairs: [Pair], tag: Tag? = nil, mark: Mark? = nil) {
            self.pairs = pairs
            self.tag = tag
            self.mark = mark
        }

        /// The value of the first pair with this key.
        public subscript(key: String) -> Node? {
            pairs.first { $0.key == key }?.value
        }
    }
}

extension Node {
    /// A string scalar.
    public static func string(_ text: String, tag: Tag? = nil) -> Node {
        .scalar(Scalar(text, kind: .string, tag: tag))
    }

    /// A plain scalar written verbatim: a number, a boolean or null.
    public static func plain(_ text: String, tag: Tag? = nil) -> Node {
        .scalar(Scalar(text, kind: .plain, tag: tag))
    }

    public var tag: Tag? {
        switch self {
        case .scalar(let s): s.tag
        case .sequence(let s): s.tag
        case .mapping(let m): m.tag
        }
    }

    public var mark: Mark? {
        switch self {
        case .scalar(let s): s.mark
        case .sequence(let s): s.mark
        case .mapping(let m): m.mark
        }
    }
}

// MARK: - Equality ignores marks

extension Node.Scalar: Equatable {
    public static func == (a: Self, b: Self) -> Bool {
        a.text == b.text && a.kind == b.kind && a.tag == b.tag
    }
}

extension Node.Sequence: Equatable {
    public static func == (a: Self, b: Self) -> Bool {
        a.items == b.items && a.tag == b.tag
    }
}

extension Node.Mapping.Pair: Equatable {
    public static func == (a: Self, b: Self) -> Bool {
        a.key == b.key && a.value == b.value
    }
}

extension Node.Mapping: Equatable {
    public static func == (a: Self, b: Self) -> Bool {
        a.pairs == b.pairs && a.tag == b.tag
    }
}

extension Node: Equatable {}
