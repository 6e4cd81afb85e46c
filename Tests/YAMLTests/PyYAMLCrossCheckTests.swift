import Testing
import TestSupport

@testable import YAML

/// The writer checked by an independent reader: PyYAML (what cfn-lint uses) must read every string back exactly.
struct PyYAMLCrossCheckTests {
    /// Turns what PyYAML read into a shape compared character by character: strings as code point lists, mappings
    /// as ordered pairs, tagged nodes as `{"t": tag, "v": value}`, anything else as `{"other": repr}`.
    static let script = """
        import json, sys
        try:
            import yaml
        except ImportError:
            sys.exit(3)
        class Tagged:
            def __init__(self, tag, value): self.tag, self.value = tag, value
        def tagged(loader, suffix, node):
            if isinstance(node, yaml.ScalarNode): value = loader.construct_scalar(node)
            elif isinstance(node, yaml.SequenceNode): value = loader.construct_sequence(node, deep=True)
            else: value = loader.construct_mapping(node, deep=True)
            return Tagged('!' + suffix, value)
        yaml.SafeLoader.add_multi_constructor('!', tagged)
        def conv(v):
            if isinstance(v, Tagged): return {'t': v.tag, 'v': conv(v.value)}
            if isinstance(v, str): return {'s': [ord(c) for c in v]}
            if isinstance(v, list): return {'l': [conv(x) for x in v]}
            if isinstance(v, dict): return {'m': [[conv(k), conv(x)] for k, x in v.items()]}
            return {'other': repr(v)}
        print(json.dumps(conv(yaml.safe_load(sys.stdin.read())), separators=(',', ':')))
        """

    /// The same shape, built from our tree.
    static func shape(_ node: Node) -> String {
        if let tag = node.tag {
            var untagged = node
            switch node {
            case .scalar(var scalar):
                scalar.tag = nil
                untagged = .scalar(scalar)
            case .sequence(var sequence):
                sequence.tag = nil
                untagged = .sequence(sequence)
            case .mapping(var mapping):
                mapping.tag = nil
                untagged = .mapping(mapping)
            }
            return "{\"t\":\"\(tag.name)\",\"v\":\(shape(untagged))}"
        }
        switch node {
        case .scalar(let scalar): return string(scalar.text)
        case .sequence(let sequence): return "{\"l\":[" + sequence.items.map(shape).joined(separator: ",") + "]}"
        case .mapping(let mapping):
            return "{\"m\":[" + mapping.pairs.map { "[\(string($0.key)),\(shape($0.value))]" }.joined(separator: ",")
                + "]}"
        }
    }

    static func string(_ text: String) -> String {
        "{\"s\":[" + text.unicodeScalars.map { String($0.value) }.joined(separator: ",") + "]}"
    }

    static func document() -> Node {
        var random = RoundTripTests.TreeGenerator(random: SeededGenerator(seed: 99))
        var keys: [String] = []
        while keys.count < 1500 {
            let key = random.string()
            if !keys.contains(key) { keys.append(key) }
        }
        let table = (ScalarStyleTests.quoted + ScalarStyleTests.plain).map { Node.string($0.0) }
        let tagged: [Node] = [
            .string("X", tag: "!Ref"), .string("true", tag: "!Sub"), .string("a: b #c", tag: "!Sub"),
            .string("line\nnext\n", tag: "!Sub"), .string("", tag: "!Ref"),
            .sequence(Node.Sequence([.string("Cond"), .string("- x"), .string("y", tag: "!Ref")], tag: "!If")),
            .mapping(Node.Mapping([Node.Mapping.Pair("yes", .string("on"))], tag: "!Custom")),
            .sequence(Node.Sequence([], tag: "!GetAZs")), .mapping(Node.Mapping([], tag: "!Empty")),
        ]
        let blocks: [Node] = ["#!/bin/sh\necho 'hi'\n", "  indented\nx", "\nleading", "a\n\nb", "tail\n"].map {
            .string($0)
        }
        return .mapping(
            Node.Mapping([
                Node.Mapping.Pair("table", .sequence(Node.Sequence(table))),
                Node.Mapping.Pair(
                    "random", .mapping(Node.Mapping(keys.map { Node.Mapping.Pair($0, .string(random.string())) }))),
                Node.Mapping.Pair("tagged", .sequence(Node.Sequence(tagged))),
                Node.Mapping.Pair("blocks", .sequence(Node.Sequence(blocks))),
            ]))
    }

    @Test func pyYAMLReadsWhatWeWrite() throws {
        let node = Self.document()
        let text = try emitYAML(node)
        guard let output = try runPython(Self.script, input: text) else {
            Issue.record("python3 with PyYAML is required for this test; install python3-yaml.")
            return
        }
        let expected = Self.shape(node) + "\n"
        #expect(output == expected)
        if output != expected {
            // Point at the first difference rather than printing two huge strings.
            let prefix = zip(output, expected).prefix { $0 == $1 }.count
            Issue.record(
                "first difference at character \(prefix): \(output.dropFirst(max(0, prefix - 80)).prefix(200))")
        }
    }
}
