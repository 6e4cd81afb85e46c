import Testing
import TestSupport

@testable import YAML

/// Every `.string` the writer must quote, with the exact line it writes, and strings it may leave plain.
struct ScalarStyleTests {
    static let quoted: [(String, String)] = [
        // YAML 1.1 booleans, in every case, and the 1.1 `y`/`n`.
        ("true", "'true'"), ("True", "'True'"), ("TRUE", "'TRUE'"), ("tRUE", "'tRUE'"), ("false", "'false'"),
        ("FALSE", "'FALSE'"), ("yes", "'yes'"), ("Yes", "'Yes'"), ("YES", "'YES'"), ("yEs", "'yEs'"),
        ("no", "'no'"), ("No", "'No'"), ("NO", "'NO'"), ("on", "'on'"), ("On", "'On'"), ("ON", "'ON'"),
        ("off", "'off'"), ("Off", "'Off'"), ("OFF", "'OFF'"), ("y", "'y'"), ("Y", "'Y'"), ("n", "'n'"),
        ("N", "'N'"),
        // Null.
        ("null", "'null'"), ("Null", "'Null'"), ("NULL", "'NULL'"), ("nULL", "'nULL'"), ("~", "'~'"), ("", "''"),
        // Integers.
        ("0", "'0'"), ("42", "'42'"), ("-17", "'-17'"), ("+1", "'+1'"), ("-0", "'-0'"), ("00123", "'00123'"),
        ("017", "'017'"), ("0x1F", "'0x1F'"), ("0X1F", "'0X1F'"), ("0o17", "'0o17'"), ("0b101", "'0b101'"),
        ("1_000", "'1_000'"), ("0_", "'0_'"), ("0b_", "'0b_'"), ("1:20", "'1:20'"), ("190:20:30", "'190:20:30'"),
        ("-1:20", "'-1:20'"), ("08", "'08'"), ("-09", "'-09'"),
        ("123456789012345678901234567890", "'123456789012345678901234567890'"),
        // Floats.
        ("1.5", "'1.5'"), ("1.", "'1.'"), (".5", "'.5'"), ("-.5", "'-.5'"), ("+.5", "'+.5'"), ("1e3", "'1e3'"),
        ("1E3", "'1E3'"), ("1e-3", "'1e-3'"), ("1.0e+3", "'1.0e+3'"), ("1_000.5", "'1_000.5'"),
        ("1:20.5", "'1:20.5'"), (".inf", "'.inf'"), ("-.inf", "'-.inf'"), ("+.INF", "'+.INF'"), (".Inf", "'.Inf'"),
        (".iNf", "'.iNf'"), (".nan", "'.nan'"), (".NaN", "'.NaN'"), (".NAN", "'.NAN'"), (".nAn", "'.nAn'"),
        // Timestamps, merge and value keys.
        ("2001-12-14", "'2001-12-14'"), ("2010-09-09", "'2010-09-09'"), ("2001-1-2", "'2001-1-2'"),
        ("2001-12-14t21:59:43.10-05:00", "'2001-12-14t21:59:43.10-05:00'"),
        ("2001-12-14 21:59:43.10 -5", "'2001-12-14 21:59:43.10 -5'"), ("<<", "'<<'"), ("=", "'='"),
        // Indicators first.
        ("- a", "'- a'"), ("-", "'-'"), ("?", "'?'"), ("? a", "'? a'"), ("?a", "'?a'"), (":", "':'"),
        (":a", "':a'"), (",a", "',a'"), ("[a", "'[a'"), ("]", "']'"), ("{a}", "'{a}'"), ("}", "'}'"),
        ("#a", "'#a'"), ("&a", "'&a'"), ("*a", "'*a'"), ("*", "'*'"), ("!Ref", "'!Ref'"), ("|a", "'|a'"),
        (">a", "'>a'"), ("'a", "'''a'"), ("\"a", "'\"a'"), ("%a", "'%a'"), ("@a", "'@a'"), ("`a", "'`a'"),
        // Document markers, `: `, ` #`, a final `:`, leading and trailing spaces.
        ("---", "'---'"), ("--- a", "'--- a'"), ("...", "'...'"), ("...a", "'...a'"), ("a: b", "'a: b'"),
        ("a:  b", "'a:  b'"), ("Key: Value: x", "'Key: Value: x'"), ("a #b", "'a #b'"), ("a:", "'a:'"),
        ("a::", "'a::'"), (" a", "' a'"), ("a ", "'a '"), (" ", "' '"), ("it's: x", "'it''s: x'"),
        // Characters that need escapes: double quotes.
        ("a\tb", "\"a\\tb\""), ("\t", "\"\\t\""), ("a\rb", "\"a\\rb\""), ("a\u{1}b", "\"a\\x01b\""),
        ("\u{0}", "\"\\0\""), ("a\u{7F}", "\"a\\x7F\""), ("a\u{85}b", "\"a\\Nb\""), ("a\u{2028}b", "\"a\\Lb\""),
        ("a\u{2029}b", "\"a\\Pb\""), ("\u{FEFF}a", "\"\\uFEFFa\""), ("x\u{9F}", "\"x\\x9F\""),
        ("smile 😀", "\"smile \\U0001F600\""), ("\u{1B}[0m", "\"\\e[0m\""),
    ]

    static let plain: [(String, String)] = [
        ("hello", "hello"), ("Hello World", "Hello World"), ("a:b", "a:b"), ("a#b", "a#b"), ("a,b", "a,b"),
        ("a[0]", "a[0]"), ("it's", "it's"), ("say \"hi\"", "say \"hi\""), ("héllo", "héllo"), ("日本語", "日本語"),
        ("${AWS::Region}", "${AWS::Region}"), ("arn:aws:s3:::bucket/*", "arn:aws:s3:::bucket/*"),
        ("-x", "-x"), ("--x", "--x"), ("a - b", "a - b"), ("1.2.3", "1.2.3"), ("1st", "1st"), ("Tru", "Tru"),
        ("yesno", "yesno"), ("nulls", "nulls"), ("0o", "0o"), ("0x", "0x"), ("1,000", "1,000"),
        ("1e", "1e"), ("e3", "e3"), ("inf", "inf"), ("nan", "nan"), ("x.inf", "x.inf"), ("1:60", "1:60"),
        ("AWS::S3::Bucket", "AWS::S3::Bucket"), ("a\u{A0}b", "a\u{A0}b"), ("2001-12", "2001-12"), ("~x", "~x"),
        ("=x", "=x"), ("<<x", "<<x"), ("a'b", "a'b"), ("a%b", "a%b"), ("a!b", "a!b"), ("a*", "a*"),
    ]

    @Test(arguments: quoted + plain)
    func writesTheExactLine(text: String, line: String) throws {
        #expect(try emitYAML(singleEntry(text)) == "k: \(line)\n")
    }

    @Test(arguments: quoted + plain)
    func readsBackTheSameString(text: String, line: String) throws {
        let value = try #require(valueOfK(try readYAML("k: \(line)\n")))
        guard case .scalar(let scalar) = value else {
            Issue.record("not a scalar: \(value)")
            return
        }
        #expect(scalar.resolved == .string(text))
        #expect(scalar.text == text)
    }

    @Test(arguments: quoted)
    func quotedStringsAreNotPlain(text: String, line: String) {
        #expect(ScalarStyle.forString(text) != .plain)
    }

    @Test(arguments: plain)
    func plainStringsResolveAsStrings(text: String, line: String) {
        #expect(ScalarStyle.forString(text) == .plain)
        #expect(Node.Scalar(text, kind: .plain).resolved == .string(text))
    }

    @Test(arguments: [
        ("one\ntwo", ScalarStyle.literal), ("one\ntwo\n", .literal), ("\none", .literal), ("  lead\nx", .literal),
        ("a\n\n", .doubleQuoted), ("\n", .doubleQuoted), ("trailing \nx", .doubleQuoted), ("x\nend ", .doubleQuoted),
        ("tab\tand\nbreak", .doubleQuoted), ("a", .plain), ("a: b", .singleQuoted), ("a\u{2028}", .doubleQuoted),
    ])
    func chosenStyle(text: String, style: ScalarStyle) {
        #expect(ScalarStyle.forString(text) == style)
    }

    /// The writer's promise to the resolver: whatever a plain reading would not give back as the same string is
    /// never written plain. Checked over every short text from an alphabet of significant characters.
    @Test func nothingThatResolvesToANonStringIsWrittenPlain() {
        let alphabet = ["0", "1", "7", "9", ".", "-", "+", "_", ":", "e", "x", "b", "o", "n", "y", "~", " ", "#"]
        var texts: [String] = [""]
        var frontier: [String] = [""]
        for _ in 0..<4 {
            frontier = frontier.flatMap { prefix in alphabet.map { prefix + $0 } }
            texts += frontier
        }
        var checked = 0
        for text in texts where ScalarStyle.forString(text) == .plain {
            #expect(Node.Scalar(text, kind: .plain).resolved == .string(text), "\(text)")
            checked += 1
        }
        #expect(checked > 1000)
    }

    @Test(arguments: ["a: b", " a", "a ", "#a", "a\nb", "a\tb", "", "- a", "---"])
    func isPlainSyntaxRejects(text: String) {
        #expect(!ScalarStyle.isPlainSyntax(text))
    }

    @Test(arguments: ["a", "1", "true", "null", "-1", "1.5", ".inf", "a:b", "${X}"])
    func isPlainSyntaxAccepts(text: String) {
        #expect(ScalarStyle.isPlainSyntax(text))
    }
}

/// libyaml falls back to another style when it thinks the requested one unsafe; the chosen style must never need
/// that, so `ScalarStyle.forString` is what actually gets written.
struct ScalarStyleMatchesLibYAMLTests {
    @Test func theChosenStyleIsTheWrittenStyle() throws {
        var generator = RoundTripTests.TreeGenerator(random: SeededGenerator(seed: 4242))
        var seen: Set<ScalarStyle> = []
        for _ in 0..<5000 {
            let text = generator.string()
            let style = ScalarStyle.forString(text)
            seen.insert(style)
            let written = try emitYAML(singleEntry(text))
            let value = written.dropFirst(3)
            switch style {
            case .plain: #expect(!["'", "\"", "|"].contains(value.first), "\(text.debugDescription) → \(written)")
            case .singleQuoted: #expect(value.first == "'", "\(text.debugDescription) → \(written)")
            case .doubleQuoted: #expect(value.first == "\"", "\(text.debugDescription) → \(written)")
            case .literal: #expect(value.first == "|", "\(text.debugDescription) → \(written)")
            }
        }
        #expect(seen.count == 4)
    }
}
