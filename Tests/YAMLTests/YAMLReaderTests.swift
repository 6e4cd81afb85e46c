import Testing

@testable import YAML

struct YAMLReaderTests {
    private func mapping(_ node: Node) throws -> Node.Mapping {
        guard case .mapping(let mapping) = node else { throw YAMLError(.nonScalarKey) }
        return mapping
    }

    private func scalar(_ node: Node?) -> Node.Scalar? {
        guard case .scalar(let scalar)? = node else { return nil }
        return scalar
    }

    @Test func quotedAndBlockScalarsAreStringsPlainOnesPlain() throws {
        let text = "a: 'single'\nb: \"double\"\nc: plain\nd: |\n  literal\ne: >\n  folded\n  text\nf: 12\ng:\n"
        let node = try mapping(readYAML(text))
        #expect(scalar(node["a"]) == Node.Scalar("single", kind: .string))
        #expect(scalar(node["b"]) == Node.Scalar("double", kind: .string))
        #expect(scalar(node["c"]) == Node.Scalar("plain", kind: .plain))
        #expect(scalar(node["d"]) == Node.Scalar("literal\n", kind: .string))
        #expect(scalar(node["e"]) == Node.Scalar("folded text\n", kind: .string))
        #expect(scalar(node["f"])?.resolved == .int(12))
        #expect(scalar(node["g"])?.resolved == .null)
        #expect(node.pairs.map(\.key) == ["a", "b", "c", "d", "e", "f", "g"])
    }

    @Test func everyNodeCarriesItsPosition() throws {
        let text = """
            Resources:
              Bucket:
                Type: AWS::S3::Bucket
                Tags: [a, "b"]
              é: ü
            """
        let root = try mapping(readYAML(text))
        #expect(root.mark == Mark(line: 1, column: 1))
        #expect(root.pairs[0].keyMark == Mark(line: 1, column: 1))
        let resources = try mapping(try #require(root["Resources"]))
        #expect(resources.mark == Mark(line: 2, column: 3))
        #expect(resources.pairs[0].keyMark == Mark(line: 2, column: 3))
        let bucket = try mapping(try #require(resources["Bucket"]))
        #expect(bucket.mark == Mark(line: 3, column: 5))
        #expect(bucket["Type"]?.mark == Mark(line: 3, column: 11))
        guard case .sequence(let tags)? = bucket["Tags"] else {
            Issue.record("Tags is not a sequence")
            return
        }
        #expect(tags.mark == Mark(line: 4, column: 11))
        #expect(tags.items.map(\.mark) == [Mark(line: 4, column: 12), Mark(line: 4, column: 15)])
        // Columns count characters, not bytes.
        #expect(resources.pairs[1].keyMark == Mark(line: 5, column: 3))
        #expect(resources["é"]?.mark == Mark(line: 5, column: 6))
    }

    @Test func tags() throws {
        let text = """
            ref: !Ref X
            sub: !Sub 'a: ${B}'
            if: !If [C, a, b]
            map: !Foo {a: 1}
            verbatim: !<!Ref> Y
            str: !!str 123
            int: !!int '7'
            bool: !!bool "true"
            nonSpecific: ! 12
            seq: !!seq [a]
            map2: !!map {a: b}
            """
        let node = try mapping(readYAML(text))
        #expect(node["ref"] == .scalar(Node.Scalar("X", kind: .plain, tag: "!Ref")))
        #expect(node["sub"] == .string("a: ${B}", tag: "!Sub"))
        #expect(node["if"] == .sequence(Node.Sequence([.plain("C"), .plain("a"), .plain("b")], tag: "!If")))
        #expect(node["map"] == .mapping(Node.Mapping([Node.Mapping.Pair("a", .plain("1"))], tag: "!Foo")))
        #expect(node["verbatim"] == .plain("Y", tag: "!Ref"))
        #expect(node["str"] == .string("123"))
        #expect(node["int"] == .plain("7"))
        #expect(node["bool"] == .plain("true"))
        #expect(node["nonSpecific"] == .string("12"))
        #expect(node["seq"] == .sequence(Node.Sequence([.plain("a")])))
        #expect(node["map2"] == .mapping(Node.Mapping([Node.Mapping.Pair("a", .plain("b"))])))
    }

    @Test(arguments: [
        ("a: !!binary abc\n", "tag:yaml.org,2002:binary", Mark(line: 1, column: 4)),
        ("%TAG !e! tag:example.com,2000:\n---\na: !e!f x\n", "tag:example.com,2000:f", Mark(line: 3, column: 4)),
        ("a: !!str [x]\n", "tag:yaml.org,2002:str", Mark(line: 1, column: 4)),
        ("a: !!map [x]\n", "tag:yaml.org,2002:map", Mark(line: 1, column: 4)),
    ])
    func unsupportedTags(text: String, tag: String, mark: Mark) {
        #expect(throws: YAMLError(.unsupportedTag(tag), mark: mark)) { try readYAML(text) }
    }

    @Test func anchorsAndAliasesExpandToCopies() throws {
        let text = "base: &b {x: 1, y: [a]}\ncopy: *b\nlist: [&s hello, *s, *s]\n"
        let node = try mapping(readYAML(text))
        #expect(node["copy"] == node["base"])
        #expect(node["list"] == .sequence(Node.Sequence([.plain("hello"), .plain("hello"), .plain("hello")])))
    }

    @Test func anUndefinedAliasIsAnError() {
        #expect(throws: YAMLError(.undefinedAlias("nope"), mark: Mark(line: 2, column: 4))) {
            try readYAML("a: 1\nb: *nope\nc: &nope 2\n")
        }
    }

    @Test func aliasBombsAreStopped() {
        var lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
        for (previous, name) in zip("abcdefgh", "bcdefghi") {
            lines.append(
                "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ", ") + "]")
        }
        let text = lines.joined(separator: "\n") + "\n"
        // Line 6 (`f`) starts after 123,461 nodes; each `*e` adds 111,111, so the 8th (column 36) crosses 10^6.
        // With a limit of 100: 15 nodes before the first `*a` on line 2, 11 per alias, the 8th crosses 100.
        #expect(throws: YAMLError(.tooManyNodes(limit: 1_000_000), mark: Mark(line: 6, column: 36))) {
            try readYAML(text)
        }
        #expect(throws: YAMLError(.tooManyNodes(limit: 100), mark: Mark(line: 2, column: 36))) {
            try YAMLReader(maximumNodeCount: 100).read(text)
        }
    }

    @Test func deepNestingIsStopped() throws {
        let deep = String(repeating: "[", count: 600) + String(repeating: "]", count: 600)
        #expect(throws: YAMLError(.nestingTooDeep(limit: 512), mark: Mark(line: 1, column: 513))) { try readYAML(deep) }
        #expect(throws: YAMLError(.nestingTooDeep(limit: 2), mark: Mark(line: 3, column: 5))) {
            try YAMLReader(maximumDepth: 2).read("a:\n  b:\n    c: 1\n")
        }
        _ = try YAMLReader(maximumDepth: 3).read("a:\n  b:\n    c: 1\n")
    }

    @Test func commentsAreIgnored() throws {
        let text = "# top\na: 1 # trailing\n# between\nb: 'x # not a comment'\nc: [1, # inside\n  2]\n"
        let node = try mapping(readYAML(text))
        #expect(node.pairs.map(\.key) == ["a", "b", "c"])
        #expect(node["b"] == .string("x # not a comment"))
        #expect(node["c"] == .sequence(Node.Sequence([.plain("1"), .plain("2")])))
    }

    @Test func jsonInput() throws {
        let text = #"{"a": true, "b": 1.5, "c": "str", "d": null, "e": [1, -2e3, "1"], "f": {}, "g": "\u00e9\n"}"#
        let node = try mapping(readYAML(text))
        #expect(scalar(node["a"])?.resolved == .bool(true))
        #expect(scalar(node["b"])?.resolved == .double(1.5))
        #expect(node["c"] == .string("str"))
        #expect(scalar(node["d"])?.resolved == .null)
        #expect(node["e"] == .sequence(Node.Sequence([.plain("1"), .plain("-2e3"), .string("1")])))
        #expect(node["f"] == .mapping(Node.Mapping([])))
        #expect(node["g"] == .string("é\n"))
        // Compact JSON and tabs inside braces.
        #expect(try readYAML("{\"a\":[1,2],\n\t\"b\":\"x\"}") == readYAML("{a: [1, 2], b: \"x\"}"))
    }

    @Test(
        arguments: [
            (
                "a: 'unterminated\n", "found unexpected end of stream",
                "while scanning a quoted scalar at line 1, column 4", 2, 1
            ),
            (
                "a: [1, 2\n", "did not find expected ',' or ']'", "while parsing a flow sequence at line 1, column 4",
                2, 1
            ),
            ("a: b: c\n", "mapping values are not allowed in this context", nil, 1, 5),
            ("a: 1\n b: 2\n", "mapping values are not allowed in this context", nil, 2, 3),
            (
                "a:\n\tb: 1\n", "found character that cannot start any token",
                "while scanning for the next token at line 2, column 1", 2, 1
            ),
            (
                "- a\nb: 1\n", "did not find expected '-' indicator",
                "while parsing a block collection at line 1, column 1", 2, 1
            ),
            (
                "a: \"\\q\"\n", "found unknown escape character", "while parsing a quoted scalar at line 1, column 4",
                1, 5
            ),
            ("x: 1\ny: \u{1}\n", "control characters are not allowed (character U+0001)", nil, 2, 4),
            ("é: ü\u{7}\n", "control characters are not allowed (character U+0007)", nil, 1, 5),
        ] as [(String, String, String?, Int, Int)])
    func syntaxErrors(text: String, problem: String, context: String?, line: Int, column: Int) {
        #expect(throws: YAMLError(.syntax(problem: problem, context: context), mark: Mark(line: line, column: column)))
        {
            try readYAML(text)
        }
    }

    @Test func duplicateKeys() {
        #expect(throws: YAMLError(.duplicateKey(key: "a", firstLine: 1), mark: Mark(line: 3, column: 1))) {
            try readYAML("a: 1\nb: 2\na: 3\n")
        }
        #expect(throws: YAMLError(.duplicateKey(key: "a", firstLine: 1), mark: Mark(line: 2, column: 1))) {
            try readYAML("a: 1\n'a': 2\n")
        }
        #expect(throws: YAMLError(.duplicateKey(key: "a", firstLine: 1), mark: Mark(line: 1, column: 10))) {
            try readYAML(#"{"a": 1, "a": 2}"#)
        }
        // Large mappings take another path.
        let many = (1...40).map { "k\($0): \($0)" }.joined(separator: "\n") + "\nk7: again\n"
        #expect(throws: YAMLError(.duplicateKey(key: "k7", firstLine: 7), mark: Mark(line: 41, column: 1))) {
            try readYAML(many)
        }
        let late = (1...40).map { "k\($0): \($0)" }.joined(separator: "\n") + "\nk40: again\n"
        #expect(throws: YAMLError(.duplicateKey(key: "k40", firstLine: 40), mark: Mark(line: 41, column: 1))) {
            try readYAML(late)
        }
        // The same key in different mappings is fine.
        #expect(throws: Never.self) { try readYAML("a: {x: 1}\nb: {x: 2}\n") }
    }

    @Test func keysMustBeUntaggedScalars() {
        #expect(throws: YAMLError(.nonScalarKey, mark: Mark(line: 1, column: 3))) { try readYAML("? [a]\n: 1\n") }
        #expect(throws: YAMLError(.nonScalarKey, mark: Mark(line: 1, column: 2))) { try readYAML("{{a: 1}: 2}") }
        #expect(throws: YAMLError(.taggedKey("!Ref"), mark: Mark(line: 1, column: 1))) { try readYAML("!Ref a: 1\n") }
    }

    @Test func aliasedKeysAreAllowed() throws {
        let node = try readYAML("- &k key\n- {*k : 1}\n")
        #expect(
            node
                == .sequence(
                    Node.Sequence([.plain("key"), .mapping(Node.Mapping([Node.Mapping.Pair("key", .plain("1"))]))])))
    }

    @Test func oneDocumentOnly() throws {
        #expect(throws: YAMLError(.multipleDocuments, mark: Mark(line: 2, column: 1))) {
            try readYAML("a: 1\n---\nb: 2\n")
        }
        #expect(try readYAML("---\na: 1\n...\n") == .mapping(Node.Mapping([Node.Mapping.Pair("a", .plain("1"))])))
        #expect(try readYAML("--- # just null\n") == .plain(""))
    }

    @Test(arguments: ["", "   \n", "# only a comment\n", "\n\n"])
    func emptyTextIsAnError(text: String) {
        #expect(throws: YAMLError(.emptyDocument)) { try readYAML(text) }
    }

    @Test func byteOrderMarkIsSkipped() throws {
        #expect(try readYAML("\u{FEFF}a: 1\n") == .mapping(Node.Mapping([Node.Mapping.Pair("a", .plain("1"))])))
    }
}
