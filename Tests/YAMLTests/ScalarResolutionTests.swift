import Foundation
import Testing

@testable import YAML

struct ScalarResolutionTests {
    typealias Resolution = Node.Scalar.Resolution

    @Test(arguments: [
        ("", Resolution.null), ("~", .null), ("null", .null), ("Null", .null), ("NULL", .null),
        ("nULL", .string("nULL")),
        ("true", .bool(true)), ("True", .bool(true)), ("TRUE", .bool(true)), ("yes", .bool(true)), ("On", .bool(true)),
        ("false", .bool(false)), ("No", .bool(false)), ("OFF", .bool(false)), ("tRUE", .string("tRUE")),
        ("y", .string("y")), ("n", .string("n")),
        ("0", .int(0)), ("42", .int(42)), ("-17", .int(-17)), ("+1", .int(1)), ("-0", .int(0)), ("00123", .int(83)),
        ("017", .int(15)), ("0x1F", .int(31)), ("-0x10", .int(-16)), ("0b101", .int(5)), ("1_000", .int(1000)),
        ("1:20", .int(80)), ("190:20:30", .int(685_230)), ("-1:00", .int(-60)), ("0o17", .string("0o17")),
        ("0b_", .string("0b_")), ("08", .string("08")), ("1:60", .string("1:60")),
        ("9223372036854775807", .int(Int.max)), ("9223372036854775808", .double(9_223_372_036_854_775_808)),
        ("1.5", .double(1.5)), ("-1.5", .double(-1.5)), ("1.", .double(1)), (".5", .double(0.5)),
        ("1.0e+3", .double(1000)), ("1.5E-2", .double(0.015)), ("1_000.5", .double(1000.5)),
        ("1:20.5", .double(80.5)), (".inf", .double(.infinity)), ("-.Inf", .double(-.infinity)),
        ("+.INF", .double(.infinity)), ("1e3", .double(1000)), ("-2E-2", .double(-0.02)), ("1e+3", .double(1000)),
        ("-.5", .string("-.5")), ("+.5", .string("+.5")), ("1.e3", .string("1.e3")), ("1.2.3", .string("1.2.3")),
        ("2001-12-14", .string("2001-12-14")), ("<<", .string("<<")), ("=", .string("=")), ("abc", .string("abc")),
        ("0x", .string("0x")), (".", .string(".")), ("-", .string("-")), ("+", .string("+")), ("e", .string("e")),
    ])
    func resolvesPlainText(text: String, expected: Resolution) {
        #expect(Node.Scalar(text, kind: .plain).resolved == expected)
    }

    @Test func nanResolvesToNaN() {
        for text in [".nan", ".NaN", ".NAN"] {
            guard case .double(let value) = Node.Scalar(text, kind: .plain).resolved else {
                Issue.record("\(text) did not resolve to a double")
                continue
            }
            #expect(value.isNaN)
        }
        #expect(Node.Scalar("-.nan", kind: .plain).resolved == .string("-.nan"))
    }

    @Test(arguments: ["true", "1", "null", "1.5", "", "anything"])
    func stringScalarsAlwaysResolveToTheirText(text: String) {
        #expect(Node.Scalar(text, kind: .string).resolved == .string(text))
        #expect(Node.Scalar(text, kind: .string, tag: "!Ref").resolved == .string(text))
    }

    @Test func tagsDoNotChangePlainResolution() {
        #expect(Node.Scalar("1", kind: .plain, tag: "!Foo").resolved == .int(1))
    }

    /// The resolver against PyYAML's: every text in a corpus of number-, bool- and date-like texts resolves to the
    /// same kind and value, except where we deliberately read JSON numbers (`1e3`) as numbers.
    @Test func agreesWithPyYAML() throws {
        let corpus = Self.corpus()
        let script = """
            import json, sys, math, datetime
            try:
                import yaml
            except ImportError:
                sys.exit(3)
            out = []
            for text in json.load(sys.stdin):
                try:
                    v = yaml.safe_load('k: ' + text + '\\n')['k']
                except Exception:
                    out.append(['error']); continue
                if v is None: out.append(['null'])
                elif isinstance(v, bool): out.append(['bool', v])
                elif isinstance(v, int): out.append(['int', str(v)])
                elif isinstance(v, float): out.append(['float', 'nan' if math.isnan(v) else repr(v)])
                elif isinstance(v, (datetime.date, datetime.datetime)): out.append(['timestamp'])
                else: out.append(['str', v])
            print(json.dumps(out))
            """
        let input = String(decoding: try JSONSerialization.data(withJSONObject: corpus), as: UTF8.self)
        guard let output = try runPython(script, input: input) else {
            Issue.record("python3 with PyYAML is required for this test; install python3-yaml.")
            return
        }
        let answers = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [[Any]])
        try #require(answers.count == corpus.count)
        var compared = 0
        for (text, answer) in zip(corpus, answers) {
            let kind = answer.first as? String ?? "?"
            let ours = Node.Scalar(text, kind: .plain).resolved
            let ourClass = classify(text)
            switch kind {
            case "null": #expect(ours == .null, "\(text)")
            case "bool": #expect(ours == .bool(answer[1] as? Bool ?? false), "\(text)")
            case "int":
                if case .int(let value) = ours {
                    #expect(String(value) == answer[1] as? String, "\(text)")
                } else {
                    Issue.record("'\(text)': PyYAML reads int \(answer[1]), we read \(ours)")
                }
            case "float":
                if case .double(let value) = ours {
                    let theirs = answer[1] as? String ?? ""
                    if theirs == "nan" {
                        #expect(value.isNaN, "\(text)")
                    } else if theirs == "inf" || theirs == "-inf" {
                        #expect(value.isInfinite, "\(text)")
                    } else {
                        #expect(value == Double(theirs), "\(text)")
                    }
                } else {
                    Issue.record("'\(text)': PyYAML reads float \(answer[1]), we read \(ours)")
                }
            case "timestamp": #expect(ourClass == .timestamp, "\(text)")
            case "error": #expect(ourClass != .string, "\(text): PyYAML fails, we read a plain string")
            case "str":
                if isJSONNumber(text) {
                    #expect(ours != .string(text), "\(text)")
                } else {
                    #expect(ours == .string(text), "\(text): PyYAML reads a string, we read \(ours)")
                }
            default: Issue.record("unexpected answer \(answer) for '\(text)'")
            }
            // Whatever PyYAML does not read back as this very string, the writer quotes.
            if kind != "str" || (answer.count > 1 && answer[1] as? String != text) {
                #expect(ScalarStyle.forString(text) != .plain, "\(text)")
            }
            compared += 1
        }
        #expect(compared == corpus.count)
        #expect(compared > 500)
    }

    private func classify(_ text: String) -> PlainScalarResolver.Class {
        var text = text
        return text.withUTF8 { PlainScalarResolver.classify($0) }
    }

    private func isJSONNumber(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { PlainScalarResolver.isJSONNumber($0) }
    }

    /// Hand-picked texts plus every combination of up to three significant characters and some longer patterns.
    static func corpus() -> [String] {
        var texts = [
            "yes", "Yes", "YES", "yEs", "no", "true", "True", "TRUE", "tRue", "on", "ON", "oN", "off", "y", "n",
            "null", "Null", "NULL", "nulL", "~", "0", "00", "007", "08", "0x1F", "0x_", "0X1F", "0b101", "0b2",
            "0o17", "1_000", "_1", "1_", "+1", "-0", "+0", "1:20", "1:2:3", "1:60", "1:05", "1:5.5", "0:30",
            "190:20:30.15", "1.5", "1.", ".5", "-.5", "1.0e+3", "1.0e3", "1e3", "1E+3", "1.5E-2", "1_0.0_1",
            ".inf", ".Inf", ".INF", "-.inf", "+.inf", ".iNF", ".nan", ".NaN", "-.nan", "2001-12-14", "2001-1-1",
            "2001-12-14t21:59:43.10-05:00", "2001-12-14 21:59:43.10 -5", "2001-12-14T21:59:43Z", "20011214",
            "<<", "=", "abc", "1.2.3", "1e", "e3", "0x", "9223372036854775807", "-9223372036854775808",
        ]
        let alphabet = ["0", "1", "8", ".", "-", "+", "_", ":", "e", "x", "b"]
        var frontier = [""]
        for _ in 0..<3 {
            frontier = frontier.flatMap { prefix in alphabet.map { prefix + $0 } }
            texts += frontier
        }
        // Keep the texts that can stand plain after `k: `, so both readers see the same text.
        return texts.filter { ScalarStyle.isPlainSyntax($0) }
    }
}
