import Testing

@testable import YAML

struct YAMLWriterTests {
    private func map(_ pairs: [(String, Node)], tag: YAML.Tag? = nil) -> Node {
        .mapping(Node.Mapping(pairs.map { Node.Mapping.Pair($0.0, $0.1) }, tag: tag))
    }

    private func seq(_ items: [Node], tag: YAML.Tag? = nil) -> Node {
        .sequence(Node.Sequence(items, tag: tag))
    }

    @Test func tagsOnScalarsSequencesAndMappings() throws {
        let node = map([
            ("Bucket", .string("MyBucket", tag: "!Ref")),
            ("Value", seq([.string("IsProd"), .string("a"), .string("b", tag: "!Ref")], tag: "!If")),
            ("Custom", map([("Fn::Join", .string("x"))], tag: "!Custom")),
            ("Zones", seq([], tag: "!GetAZs")),
            ("Nothing", map([], tag: "!Empty")),
            ("Sub", .string("${AWS::StackName}-bucket", tag: "!Sub")),
            ("Quoted", .string("true", tag: "!Sub")),
            ("Spaced", .string("a: b", tag: "!Sub")),
            ("Number", .plain("3", tag: "!Custom")),
            ("Attribute", .string("Table.Arn", tag: "!GetAtt")),
            (
                "Nested",
                seq([.string("x", tag: "!Ref"), seq([.string("a"), .string("b")], tag: "!Split")], tag: "!Join")
            ),
        ])
        let expected = """
            Bucket: !Ref MyBucket
            Value: !If
            - IsProd
            - a
            - !Ref b
            Custom: !Custom
              Fn::Join: x
            Zones: !GetAZs []
            Nothing: !Empty {}
            Sub: !Sub ${AWS::StackName}-bucket
            Quoted: !Sub 'true'
            Spaced: !Sub 'a: b'
            Number: !Custom 3
            Attribute: !GetAtt Table.Arn
            Nested: !Join
            - !Ref x
            - !Split
              - a
              - b

            """
        #expect(try emitYAML(node) == expected)
    }

    @Test func tagsAtTheTop() throws {
        #expect(try emitYAML(.string("X", tag: "!Ref")) == "!Ref X\n")
        #expect(
            try emitYAML(seq([.string("A", tag: "!Ref"), .string("B.Arn", tag: "!GetAtt")]))
                == "- !Ref A\n- !GetAtt B.Arn\n")
        #expect(try emitYAML(map([("a", .plain("1"))], tag: "!M")) == "!M\na: 1\n")
    }

    @Test func literalBlocks() throws {
        let node = map([
            ("WithNewline", .string("#!/bin/bash\necho hi\n")),
            ("WithoutNewline", .string("a\nb")),
            ("LeadingSpaces", .string("  leading\nnext")),
            ("LeadingBreak", .string("\nafter")),
            ("InnerBlankLine", .string("a\n\nb\n")),
            ("Tagged", .string("x = ${A}\ny\n", tag: "!Sub")),
            ("InSequence", seq([.string("echo a\necho b")])),
            ("Deeper", map([("Inner", .string("one\ntwo\n"))])),
        ])
        let expected = """
            WithNewline: |
              #!/bin/bash
              echo hi
            WithoutNewline: |-
              a
              b
            LeadingSpaces: |2-
                leading
              next
            LeadingBreak: |2-

              after
            InnerBlankLine: |
              a

              b
            Tagged: !Sub |
              x = ${A}
              y
            InSequence:
            - |-
              echo a
              echo b
            Deeper:
              Inner: |
                one
                two

            """
        #expect(try emitYAML(node) == expected)
    }

    @Test func multiLineTextsABlockCannotCarryAreDoubleQuoted() throws {
        let node = map([
            ("TwoFinalBreaks", .string("a\n\n")), ("TrailingSpace", .string("a \nb")), ("Break", .string("\n")),
        ])
        #expect(try emitYAML(node) == "TwoFinalBreaks: \"a\\n\\n\"\nTrailingSpace: \"a \\nb\"\nBreak: \"\\n\"\n")
    }

    @Test func unicodeIsKept() throws {
        let node = map([
            ("Name", .string("Ünïcödé 日本 café")), ("Ключ", .string("значение")), ("NBSP", .string("a\u{A0}b")),
        ])
        #expect(try emitYAML(node) == "Name: Ünïcödé 日本 café\nКлюч: значение\nNBSP: a\u{A0}b\n")
    }

    @Test func emptyCollectionsAreFlow() throws {
        #expect(try emitYAML(map([("a", map([])), ("b", seq([]))])) == "a: {}\nb: []\n")
        #expect(try emitYAML(map([])) == "{}\n")
        #expect(try emitYAML(seq([])) == "[]\n")
        #expect(try emitYAML(seq([map([]), seq([])])) == "- {}\n- []\n")
    }

    @Test func nestedCollections() throws {
        let node = map([
            (
                "Items",
                seq([map([("Name", .string("a")), ("Value", .plain("1"))]), seq([.string("x"), .string("y")])])
            ),
            ("Outer", map([("Inner", map([("Deep", .plain("true"))]))])),
        ])
        let expected = """
            Items:
            - Name: a
              Value: 1
            - - x
              - 'y'
            Outer:
              Inner:
                Deep: true

            """
        let written = try emitYAML(node)
        #expect(written == expected, "\(written)")
    }

    @Test(arguments: [
        (Node.plain("1"), "1\n"), (.plain("true"), "true\n"), (.string("foo"), "foo\n"), (.string("true"), "'true'\n"),
        (.string(""), "''\n"), (.string("a\nb"), "|-\n  a\n  b\n"), (.plain("null"), "null\n"), (.plain(""), "---\n"),
    ])
    func topLevelScalars(node: Node, expected: String) throws {
        #expect(try emitYAML(node) == expected)
    }

    @Test func plainScalarsAreWrittenVerbatim() throws {
        let node = map([
            ("a", .plain("1.50")), ("b", .plain("0x1F")), ("c", .plain("~")), ("d", .plain("")), ("e", .plain("Yes")),
        ])
        #expect(try emitYAML(node) == "a: 1.50\nb: 0x1F\nc: ~\nd:\ne: Yes\n")
    }

    @Test(arguments: ["a: b", " x", "#c", "a\nb", "tab\t", "- x"])
    func plainScalarsThatNeedQuotesAreRejected(text: String) {
        #expect(throws: YAMLError(.plainScalarNeedsQuotes(text), path: [.key("k")])) {
            try emitYAML(map([("k", .plain(text))]))
        }
    }

    @Test(arguments: ["Ref", "!", "!!str", "!a b", "!a,b", "!a{b}", "!é", ""])
    func invalidTagsAreRejected(name: String) {
        #expect(throws: YAMLError(.invalidTag(name), path: [.key("k"), .index(1)])) {
            try emitYAML(map([("k", seq([.string("a"), .string("x", tag: YAML.Tag(name))]))]))
        }
    }

    @Test func errorsNameThePath() {
        let node = map([("Resources", map([("Bucket", map([("Properties", seq([.plain("1"), .plain("a: b")]))]))]))])
        do {
            _ = try emitYAML(node)
            Issue.record("writing should fail")
        } catch {
            #expect(error.pathDescription == "Resources.Bucket.Properties[1]")
            #expect(
                error.description == "The plain scalar 'a: b' at Resources.Bucket.Properties[1] cannot be written "
                    + "without quotes; make it a string scalar.")
        }
    }

    @Test func keysFollowTheQuotingRules() throws {
        let node = map([("true", .plain("1")), ("a: b", .plain("2")), ("", .plain("3")), ("plain", .plain("4"))])
        #expect(try emitYAML(node) == "'true': 1\n'a: b': 2\n'': 3\nplain: 4\n")
    }

    @Test func outputIsTheSameEveryRun() throws {
        let node = map((0..<200).map { ("key\($0)", .string("value \($0): x", tag: $0 % 3 == 0 ? "!Sub" : nil)) })
        let first = try emitYAML(node)
        for _ in 0..<5 { #expect(try emitYAML(node) == first) }
        #expect(first.hasSuffix("\n") && !first.hasSuffix("\n\n"))
    }
}
