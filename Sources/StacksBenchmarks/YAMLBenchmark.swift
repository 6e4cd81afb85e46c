import YAML

/// Times the YAML layer on a template-sized tree: 500 resources, about 30,000 nodes.
enum YAMLBenchmark {
    static func run() -> [(name: String, milliseconds: Double)] {
        let tree = makeTree(resources: 500)
        let nodes = count(tree)
        guard let yaml = try? emitYAML(tree) else { return [("YAML benchmark could not write its tree", .nan)] }
        var results: [(name: String, milliseconds: Double)] = []
        results.append(("YAML write, \(nodes) nodes, \(yaml.utf8.count / 1024) KiB", best { _ = try? emitYAML(tree) }))
        results.append(("YAML read, \(nodes) nodes", best { _ = try? readYAML(yaml) }))
        let untagged = stripTags(tree)
        results.append(("JSON write, \(nodes) nodes", best { _ = try? emitJSON(untagged) }))
        return results
    }

    /// The best of several runs, in milliseconds.
    static func best(runs: Int = 7, _ body: () -> Void) -> Double {
        let clock = ContinuousClock()
        var best = Duration.seconds(3600)
        for _ in 0..<runs {
            let elapsed = clock.measure(body)
            if elapsed < best { best = elapsed }
        }
        let (seconds, attoseconds) = best.components
        return Double(seconds) * 1000 + Double(attoseconds) / 1e15
    }

    /// A deterministic template-like tree: parameters, resources with nested properties, tags and scripts.
    static func makeTree(resources: Int) -> Node {
        func pair(_ key: String, _ value: Node) -> Node.Mapping.Pair { Node.Mapping.Pair(key, value) }
        func map(_ pairs: [Node.Mapping.Pair], tag: Tag? = nil) -> Node { .mapping(Node.Mapping(pairs, tag: tag)) }
        func seq(_ items: [Node], tag: Tag? = nil) -> Node { .sequence(Node.Sequence(items, tag: tag)) }
        var resourcePairs: [Node.Mapping.Pair] = []
        for index in 0..<resources {
            let name = "Resource\(index)"
            let tags = (0..<4).map { tag in
                map([pair("Key", .string("tag-\(tag)")), pair("Value", .string("value \(index): \(tag)"))])
            }
            let properties = map([
                pair("BucketName", .string("${AWS::StackName}-\(index)", tag: "!Sub")),
                pair("Enabled", .plain(index % 2 == 0 ? "true" : "false")),
                pair("Count", .plain(String(index))),
                pair("Version", .string("2010-09-09")),
                pair("Role", .string("Role\(index % 7).Arn", tag: "!GetAtt")),
                pair("Tags", seq(tags)),
                pair("Condition", seq([.string("IsProd"), .string("yes"), .string("Other", tag: "!Ref")], tag: "!If")),
                pair("Script", .string("#!/bin/sh\necho \(index)\nexit 0\n")),
                pair(
                    "Policy",
                    map([
                        pair("Version", .string("2012-10-17")),
                        pair(
                            "Statement",
                            seq([
                                map([
                                    pair("Effect", .string("Allow")),
                                    pair("Action", seq([.string("s3:GetObject"), .string("s3:PutObject")])),
                                    pair("Resource", .string("arn:aws:s3:::bucket-\(index)/*")),
                                ])
                            ])),
                    ])),
                pair("Empty", map([])),
            ])
            resourcePairs.append(
                pair(
                    name,
                    map([
                        pair("Type", .string("AWS::S3::Bucket")),
                        pair("DependsOn", seq([.string("Resource\(max(0, index - 1))")])),
                        pair("Properties", properties),
                    ])))
        }
        return map([
            pair("AWSTemplateFormatVersion", .string("2010-09-09")),
            pair("Description", .string("Benchmark template: 'quoted', \"double\", ünïcode")),
            pair("Resources", map(resourcePairs)),
        ])
    }

    static func count(_ node: Node) -> Int {
        switch node {
        case .scalar: 1
        case .sequence(let sequence): 1 + sequence.items.reduce(0) { $0 + count($1) }
        case .mapping(let mapping): 1 + mapping.pairs.reduce(0) { $0 + 1 + count($1.value) }
        }
    }

    static func stripTags(_ node: Node) -> Node {
        switch node {
        case .scalar(var scalar):
            scalar.tag = nil
            return .scalar(scalar)
        case .sequence(var sequence):
            sequence.tag = nil
            sequence.items = sequence.items.map(stripTags)
            return .sequence(sequence)
        case .mapping(var mapping):
            mapping.tag = nil
            mapping.pairs = mapping.pairs.map { Node.Mapping.Pair($0.key, stripTags($0.value)) }
            return .mapping(mapping)
        }
    }
}
