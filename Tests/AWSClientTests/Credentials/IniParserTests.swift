import Testing
@testable import AWSClient

@Suite struct IniParserTests {
    @Test func parsesSectionsKeysCommentsAndTrimming() throws {
        let text = """
            # leading comment
            [default]
            region = us-east-1
              ; indented comment
            Output:json
            [profile dev]
            role_arn   =   arn:aws:iam::123456789012:role/dev\t
            source_profile=default

            """
        let file = try IniParser.parse(text)
        #expect(file.sections.map(\.name) == ["default", "profile dev"])
        #expect(file.sections.map(\.line) == [2, 6])
        #expect(file.sections[0].values == ["region": "us-east-1", "output": "json"])
        #expect(file.sections[1].values == [
            "role_arn": "arn:aws:iam::123456789012:role/dev",
            "source_profile": "default",
        ])
    }

    @Test func parsesNestedSubsections() throws {
        let text = """
            [default]
            s3 =
              max_concurrent_requests = 10
              # a comment inside
              addressing_style=path
            region = eu-west-1
            """
        let file = try IniParser.parse(text)
        #expect(file.sections[0].subsections == ["s3": ["max_concurrent_requests": "10", "addressing_style": "path"]])
        #expect(file.sections[0].values == ["region": "eu-west-1"])
    }

    @Test func continuationLinesOfANonEmptyValueJoinWithNewlines() throws {
        let file = try IniParser.parse("[a]\nkey = first\n  second\nother = x\n")
        #expect(file.sections[0].values == ["key": "first\nsecond", "other": "x"])
    }

    @Test func handlesCRLFAndByteOrderMark() throws {
        let file = try IniParser.parse("\u{FEFF}[default]\r\nregion = us-west-2\r\n")
        #expect(file.sections[0].values == ["region": "us-west-2"])
    }

    @Test func valueKeepsLaterDelimitersAndHashes() throws {
        let file = try IniParser.parse("[a]\ncredential_process = /bin/tool --x=1 # not a comment\nurl: http://h:1/\n")
        #expect(file.sections[0].values == [
            "credential_process": "/bin/tool --x=1 # not a comment",
            "url": "http://h:1/",
        ])
    }

    @Test(arguments: [
        ("[default]\nthis line has no delimiter\n", 2, "expected 'key = value' or a '[section]' header"),
        ("region = us-east-1\n[default]\n", 1, "a 'key = value' line comes before any '[section]' header"),
        ("[default]\na = 1\n[default]\n", 3, "section '[default]' already appeared at line 1; merge the two sections"),
        ("[default]\na = 1\nA = 2\n", 3, "key 'a' appears twice in section '[default]'; keep one"),
        ("[ ]\n", 1, "the section header has no name between '[' and ']'"),
        ("[default]\n= value\n", 2, "the line has a value but no key before '='"),
        ("[default]\ns3 =\n  nodelimiter\n", 3, "expected 'key = value' inside the nested 's3' block"),
    ])
    func malformedInputReportsLineAndReason(text: String, line: Int, reason: String) {
        #expect(throws: IniParseError(line: line, reason: reason)) { try IniParser.parse(text) }
    }

    @Test func parseErrorNeverQuotesTheLine() {
        let secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
        do {
            _ = try IniParser.parse("[default]\n\(secret)\n")
            Issue.record("expected a parse error")
        } catch {
            #expect(!error.reason.contains(secret))
        }
    }
}
