import Foundation
import Testing
import TestSupport

@testable import YAML

/// Random trees, written and read back, with awkward strings everywhere.
struct RoundTripTests {
    /// Pieces strings are made of: indicators, `: ` and ` #`, keywords, numbers, line breaks, escapes-only
    /// characters and non-ASCII text.
    static let pieces = [
        "a", "b", "Z", "0", "1", "9", " ", "  ", ":", ": ", "#", " #", "-", "- ", "?", "'", "\"", "\\", "\n", "\n\n",
        "\t", "*", "&", "!", "|", ">", "%", "@", "`", ",", "[", "]", "{", "}", "é", "日本", "😀", "\u{2028}",
        "\u{85}", "\r", "\u{1}", "\u{FEFF}", "\u{A0}", "~", ".", "_", "e", "x", "y", "n", "true", "null", "---",
        "...", "0x", ".inf", "1e3", "${AWS::Region}", "<<", "=", "Yes", "\u{2029}", "\u{FFFE}", "\u{7F}", "\u{9F}",
        "\u{FFFD}", "e\u{301}", "\u{200B}", "\r\n", "\u{B}", "--- ", "... ", "? ", "\n ", " \n", "\n#", "\n- ",
        "\u{A0}\n",
    ]
    static let plains = ["1", "-17", "1.5", "1e3", "true", "False", "null", "~", "", "0x1F", "1_000", ".inf", "yes"]
    static let tags: [YAML.Tag] = ["!Ref", "!Sub", "!If", "!GetAtt", "!Join", "!Foo.Bar", "!a-b_c:d/e~f"]

    struct TreeGenerator {
        var random: SeededGenerator

        mutating func string() -> String {
            let count = Int.random(in: 0...6, using: &random)
            return (0..<count).map { _ in RoundTripTests.pieces.randomElement(using: &random) ?? "" }.joined()
        }

        mutating func tag() -> YAML.Tag? {
            Int.random(in: 0..<5, using: &random) == 0 ? RoundTripTests.tags.randomElement(using: &random) : nil
        }

        mutating func node(depth: Int) -> Node {
            let choice = depth >= 4 ? 0 : Int.random(in: 0..<10, using: &random)
            switch choice {
            case 0..<5:
                return .string(string(), tag: tag())
            case 5:
                return .plain(RoundTripTests.plains.randomElement(using: &random) ?? "1", tag: tag())
            case 6, 7:
                let count = Int.random(in: 0...4, using: &random)
                return .sequence(Node.Sequence((0..<count).map { _ in node(depth: depth + 1) }, tag: tag()))
            default:
                var keys: [String] = []
                for _ in 0..<Int.random(in: 0...4, using: &random) {
                    let key = string()
                    if !keys.contains(key) { keys.append(key) }
                }
                let pairs = keys.map { Node.Mapping.Pair($0, node(depth: depth + 1)) }
                return .mapping(Node.Mapping(pairs, tag: tag()))
            }
        }
    }

    @Test func randomTreesSurviveWritingAndReading() throws {
        var generator = TreeGenerator(random: SeededGenerator(seed: 20_261_121))
        for index in 0..<5000 {
            let tree = generator.node(depth: 0)
            let text = try emitYAML(tree)
            #expect(text.hasSuffix("\n") && !text.hasSuffix("\n\n"), "tree \(index)")
            #expect(try emitYAML(tree) == text)
            let back: Node
            do {
                back = try readYAML(text)
            } catch {
                Issue.record("tree \(index) wrote text that does not read: \(error)\n\(text)")
                continue
            }
            #expect(back.normalized() == tree.normalized(), "tree \(index):\n\(text)")
            // Writing what was read gives the same text again.
            #expect(try emitYAML(back) == text, "tree \(index)")
        }
    }

    @Test func randomUntaggedTreesSurviveJSON() throws {
        var generator = TreeGenerator(random: SeededGenerator(seed: 7))
        var checked = 0
        for _ in 0..<2000 {
            let tree = generator.node(depth: 0)
            guard let json = try? emitJSON(tree) else { continue }  // tagged, or .inf
            let back = try readYAML(json)
            #expect(resolvedTree(back) == resolvedTree(tree), "\(json)")
            checked += 1
        }
        #expect(checked > 300)
    }

    /// A tree with every scalar replaced by its resolution, written as text, so JSON's number spellings compare.
    private func resolvedTree(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar):
            switch scalar.resolved {
            case .double(let value) where value == value.rounded() && abs(value) < 1e15: return "n\(Int(value))"
            case .double(let value): return "n\(value)"
            case .int(let value): return "n\(value)"
            case .string(let text): return "s\(text.debugDescription)"
            case .bool(let value): return "\(value)"
            case .null: return "null"
            }
        case .sequence(let sequence): return "[" + sequence.items.map(resolvedTree).joined(separator: ",") + "]"
        case .mapping(let mapping):
            return "{"
                + mapping.pairs.map { "\($0.key.debugDescription):\(resolvedTree($0.value))" }.joined(separator: ",")
                + "}"
        }
    }
}

struct RoundTripEdgeTests {
    @Test func longKeysAndValues() throws {
        let key = String(repeating: "k", count: 2000)
        let value = String(repeating: "value: ", count: 500)
        let node = Node.mapping(Node.Mapping([Node.Mapping.Pair(key, .string(value))]))
        let text = try emitYAML(node)
        #expect(text.hasPrefix("? "))
        #expect(try readYAML(text).normalized() == node)
    }

    @Test func nulInsideTextIsAnErrorNotACrash() throws {
        #expect(throws: YAMLError.self) { try readYAML("a: b\u{0}c\n") }
        #expect(try emitYAML(.string("b\u{0}c")) == "\"b\\0c\"\n")
        #expect(try readYAML("\"b\\0c\"\n") == .string("b\u{0}c"))
    }
}
