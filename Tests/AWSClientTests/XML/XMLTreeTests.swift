import Testing

@testable import AWSClient

@Suite struct XMLTreeTests {
    @Test func readsNestedElementsTextAndEntities() throws {
        let document = """
            <?xml version="1.0" encoding="UTF-8"?>
            <DescribeStacksResponse xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/">
              <DescribeStacksResult>
                <Stacks>
                  <member><StackName>one</StackName><Description>a &amp; b &lt;c&gt; é ☕</Description></member>
                  <member><StackName>two</StackName><Description><![CDATA[x < y]]></Description></member>
                </Stacks>
              </DescribeStacksResult>
              <ResponseMetadata><RequestId>5f1c</RequestId></ResponseMetadata>
            </DescribeStacksResponse>
            """
        let root = try XMLTree.parse(Array(document.utf8))
        #expect(root.name == "DescribeStacksResponse")
        let stacks = root.child("DescribeStacksResult")?.members("Stacks") ?? []
        #expect(stacks.map { $0.string("StackName") } == ["one", "two"])
        #expect(stacks.map { $0.string("Description") } == ["a & b <c> é ☕", "x < y"])
        #expect(root.descendant("RequestId")?.text == "5f1c")
        #expect(root.child("Missing") == nil)
        #expect(root.members("Missing").isEmpty)
    }

    @Test func keepsLeadingAndTrailingSpaceOfLeafText() throws {
        let root = try XMLTree.parse(Array("<a><b>  two  spaces\n</b></a>".utf8))
        #expect(root.string("b") == "  two  spaces\n")
    }

    @Test(arguments: ["", "<a><b></a>", "not xml at all", "<a>"])
    func rejectsMalformedDocuments(document: String) {
        #expect(throws: XMLParseError.self) { try XMLTree.parse(Array(document.utf8)) }
    }
}
