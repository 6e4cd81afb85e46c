import Testing

@testable import YAML

struct JSONWriterTests {
    private func map(_ pairs: [(String, Node)], tag: YAML.Tag? = nil) -> Node {
        .mapping(Node.Mapping(pairs.map { Node.Mapping.Pair($0.0, $0.1) }, tag: tag))
    }

    private func seq(_ items: [Node], tag: YAML.Tag? = nil) -> Node {
        .sequence(Node.Sequence(items, tag: tag))
    }

    @Test func prettyPrintsInTheNodesOrder() throws {
        let node = map([
            ("Zeta", .string("last first")),
            ("Alpha", seq([.plain("1"), .plain("true"), .plain("null"), .string("1")])),
            ("Empty", map([])),
            ("None", seq([])),
            ("Nested", map([("Inner", seq([map([("x", .plain("1.5"))])]))])),
        ])
        let expected = """
            {
              "Zeta": "last first",
              "Alpha": [
                1,
                true,
                null,
                "1"
              ],
              "Empty": {},
              "None": [],
              "Nested": {
                "Inner": [
                  {
                    "x": 1.5
                  }
                ]
              }
            }

            """
        #expect(try emitJSON(node) == expected)
    }

    @Test(arguments: [
        ("1", "1"), ("-0", "-0"), ("1.50", "1.50"), ("1e3", "1e3"),
        ("123456789012345678901234567890", "123456789012345678901234567890"),
        ("+1", "1"), ("0x1F", "31"), ("017", "15"), ("0b101", "5"), ("1_000", "1000"), ("1:20", "80"), ("1.", "1.0"),
        (".5", "0.5"), ("1.0e+3", "1.0e+3"), ("1_000.5", "1000.5"), ("true", "true"), ("Yes", "true"), ("off", "false"),
        ("null", "null"), ("~", "null"), ("", "null"), ("abc", "\"abc\""), ("2001-12-14", "\"2001-12-14\""),
        ("-.5", "\"-.5\""), ("y", "\"y\""),
    ])
    func plainScalarsBecomeWhatTheyResolveTo(text: String, json: String) throws {
        #expect(try emitJSON(.plain(text)) == json + "\n")
    }

    @Test(arguments: [
        ("plain", #""plain""#), ("true", #""true""#), ("say \"hi\"", #""say \"hi\"""#),
        ("back\\slash", #""back\\slash""#),
        ("a\nb\tc\rd", #""a\nb\tc\rd""#), ("\u{8}\u{C}", #""\b\f""#), ("\u{0}\u{1}\u{1F}", #""\u0000\u0001\u001f""#),
        ("é 日本 😀", "\"é 日本 😀\""), ("/", #""/""#), ("\u{7F}\u{85}\u{9F}", #""\u007f\u0085\u009f""#),
        ("\u{2028}\u{2029}", #""\u2028\u2029""#), ("\u{FEFF}\u{FFFE}\u{FFFF}", #""\ufeff\ufffe\uffff""#),
        ("\u{A0}\u{2027}\u{FFFD}", "\"\u{A0}\u{2027}\u{FFFD}\""),
    ])
    func stringsAreEscaped(text: String, json: String) throws {
        #expect(try emitJSON(.string(text)) == json + "\n")
        #expect(try emitJSON(map([(text, .plain("1"))])) == "{\n  \(json): 1\n}\n")
    }

    @Test func taggedNodesAreRejectedWithTheirPath() {
        #expect(throws: YAMLError(.tagInJSON("!Ref"), path: [.key("Resources"), .key("B"), .index(0)])) {
            try emitJSON(map([("Resources", map([("B", seq([.string("X", tag: "!Ref")]))]))]))
        }
        #expect(throws: YAMLError(.tagInJSON("!If"), path: [])) { try emitJSON(seq([], tag: "!If")) }
        #expect(throws: YAMLError(.tagInJSON("!M"), path: [.index(1)])) {
            try emitJSON(seq([.plain("1"), map([], tag: "!M")]))
        }
    }

    @Test(arguments: [".inf", "-.inf", ".nan", ".NaN"])
    func nonFiniteNumbersAreRejected(text: String) {
        #expect(throws: YAMLError(.nonFiniteNumberInJSON(text), path: [.key("k")])) {
            try emitJSON(map([("k", .plain(text))]))
        }
    }

    @Test func theOutputIsValidJSONForPython() throws {
        let node = map([("a", .string("x\u{2028}y\u{0}")), ("b", seq([.plain("0x10"), .plain("1e3"), .plain("Off")]))])
        let script = """
            import json, sys
            print(json.dumps(json.loads(sys.stdin.read()), sort_keys=True))
            """
        let output = try #require(try runPython(script, input: try emitJSON(node)))
        #expect(output == #"{"a": "x\u2028y\u0000", "b": [16, 1000.0, false]}"# + "\n")
    }
}
