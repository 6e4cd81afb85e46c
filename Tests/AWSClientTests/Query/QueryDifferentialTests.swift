import AWSTestSupport
import Foundation
import Testing

@testable import AWSClient

/// Our Query bodies against botocore's for generated CreateStack inputs: random strings of ASCII (printable and
/// control), reserved characters, Latin, CJK and emoji, in every field, lists of varying length. One Python run.
@Suite struct QueryDifferentialTests {
    static let cases = 2_000

    /// A small deterministic generator (SplitMix64), so a failure can be reproduced from its case number.
    struct SplitMix64 {
        var state: UInt64

        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }

        mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
    }

    static let alphabet: [String] =
        (0x20...0x7E).map { String(UnicodeScalar(UInt8($0))) }
        + ["\n", "\t", "\r", "\u{1}", "\u{7F}", "é", "ß", "Ω", "—", "日", "本", "☕", "😀", "\u{FEFF}", "\u{0301}"]

    static func string(_ random: inout SplitMix64, maxLength: Int) -> String {
        String((0..<random.below(maxLength + 1)).map { _ in alphabet[random.below(alphabet.count)] }.joined())
    }

    struct Input {
        var stackName: String
        var templateBody: String
        var parameters: [[String]]
        var tags: [[String]]
        var capabilities: [String]

        var json: [String: Any] {
            ["StackName": stackName, "TemplateBody": templateBody, "Parameters": parameters, "Tags": tags,
             "Capabilities": capabilities]
        }

        var ours: String {
            var query = QueryParameters(action: "CreateStack", version: "2010-05-15")
            StackInput(
                stackName: stackName, template: .body(templateBody),
                parameters: parameters.map { Parameter(key: $0[0], value: $0[1]) }, capabilities: capabilities,
                tags: tags.map { Tag(key: $0[0], value: $0[1]) }
            ).add(to: &query)
            return query.encoded
        }
    }

    static func inputs() -> [Input] {
        var random = SplitMix64(state: 20_261_121)
        return (0..<cases).map { _ in
            Input(
                stackName: string(&random, maxLength: 12),
                templateBody: string(&random, maxLength: 200),
                parameters: (0..<random.below(4)).map { _ in
                    [string(&random, maxLength: 10), string(&random, maxLength: 20)]
                },
                tags: (0..<(1 + random.below(3))).map { _ in
                    [string(&random, maxLength: 10), string(&random, maxLength: 20)]
                },
                capabilities: (0..<(1 + random.below(2))).map { _ in string(&random, maxLength: 16) }
            )
        }
    }

    /// Bodies compare as sets of `key=value` pairs: the order of the parameters carries no meaning, and ours
    /// follows the model's member order while botocore's follows the caller's.
    @Test func bodiesMatchBotocoreForGeneratedInputs() async throws {
        let inputs = Self.inputs()
        let request = try JSONSerialization.data(withJSONObject: inputs.map(\.json))
        let output = try await PythonScript.run("botocore_query.py", input: request)
        let expected = try #require(try JSONSerialization.jsonObject(with: output) as? [String])
        #expect(expected.count == inputs.count)
        var mismatches = 0
        for (index, (input, botocore)) in zip(inputs, expected).enumerated() {
            let ours = input.ours
            let same = Set(ours.split(separator: "&")) == Set(botocore.split(separator: "&"))
                && ours.split(separator: "&").count == botocore.split(separator: "&").count
            if !same {
                mismatches += 1
                if mismatches <= 3 { Issue.record("case \(index): ours \(ours)\nbotocore \(botocore)") }
            }
        }
        #expect(mismatches == 0)
    }
}
