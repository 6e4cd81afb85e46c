import Testing

@testable import YAML

struct YAMLErrorTests {
    static let at = Mark(line: 3, column: 7)
    static let path: [YAMLError.PathComponent] = [.key("Resources"), .key("Bucket"), .index(2)]

    @Test(arguments: [
        (
            YAMLError(
                .syntax(
                    problem: "did not find expected key", context: "while parsing a block mapping at line 1, column 1"),
                mark: at),
            "The YAML text is not valid on line 3, column 7: did not find expected key (while parsing a block mapping at line 1, column 1); fix the text there."
        ),
        (
            YAMLError(.syntax(problem: "mapping values are not allowed in this context", context: nil), mark: at),
            "The YAML text is not valid on line 3, column 7: mapping values are not allowed in this context; fix the text there."
        ),
        (YAMLError(.emptyDocument), "The YAML text is empty: it holds no document; give it at least one node."),
        (
            YAMLError(.multipleDocuments, mark: at),
            "The YAML text holds a second document starting on line 3, column 7; keep one document per text."
        ),
        (
            YAMLError(.nonScalarKey, mark: at),
            "A mapping key on line 3, column 7 is a collection; use a string as the key."
        ),
        (
            YAMLError(.taggedKey("!Ref"), mark: at),
            "A mapping key on line 3, column 7 carries the tag '!Ref'; remove the tag, keys must be plain strings."
        ),
        (
            YAMLError(.duplicateKey(key: "Bucket", firstLine: 2), mark: at),
            "The key 'Bucket' appears twice in one mapping, on line 2 and line 3; remove one of them."
        ),
        (
            YAMLError(.undefinedAlias("base"), mark: at),
            "The alias '*base' on line 3, column 7 refers to no anchor defined before it; define '&base' first."
        ),
        (
            YAMLError(.tooManyNodes(limit: 1000), mark: at),
            "Expanding aliases on line 3, column 7 makes the document larger than 1000 nodes; use fewer aliases (this guards against alias bombs)."
        ),
        (
            YAMLError(.nestingTooDeep(limit: 512), mark: at),
            "Collections on line 3, column 7 are nested more than 512 levels deep; flatten the document."
        ),
        (
            YAMLError(.unsupportedTag("tag:yaml.org,2002:binary"), mark: at),
            "The tag 'tag:yaml.org,2002:binary' on line 3, column 7 is not supported; use a local tag such as '!Ref' or one of !!str, !!int, !!float, !!bool, !!null, !!seq, !!map."
        ),
        (
            YAMLError(.invalidTag("Ref"), path: path),
            "The tag 'Ref' at Resources.Bucket[2] cannot be written; a tag is '!' followed by letters, digits and any of - _ . : / ~."
        ),
        (
            YAMLError(.plainScalarNeedsQuotes("a: b"), path: path),
            "The plain scalar 'a: b' at Resources.Bucket[2] cannot be written without quotes; make it a string scalar."
        ),
        (
            YAMLError(.tagInJSON("!Sub"), path: []),
            "The node at the root carries the tag '!Sub', which JSON cannot represent; convert it to its long form first."
        ),
        (
            YAMLError(.nonFiniteNumberInJSON(".inf"), path: [.index(0), .key("x")]),
            "The number '.inf' at [0].x is not finite, which JSON cannot represent; use a finite number."
        ),
        (
            YAMLError(.emitter("expected SCALAR"), path: path),
            "libyaml could not write the node at Resources.Bucket[2]: expected SCALAR."
        ),
    ])
    func descriptionsAreSentencesWithAPlace(error: YAMLError, description: String) {
        #expect(error.description == description)
        #expect(description.hasSuffix("."))
    }

    @Test func aMarkWinsOverAPath() {
        let error = YAMLError(.tagInJSON("!Ref"), mark: Mark(line: 1, column: 2), path: [.key("a")])
        #expect(error.description.contains("on line 1, column 2"))
    }

    @Test func pathsNestKeysAndIndices() {
        let error = YAMLError(.emptyDocument).inside(.index(4)).inside(.key("Outputs")).inside(.index(0))
        #expect(error.path == [.index(0), .key("Outputs"), .index(4)])
        #expect(error.pathDescription == "[0].Outputs[4]")
    }
}
