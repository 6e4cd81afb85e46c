import Testing

@testable import YAML

struct NodeLiteralsTests {
    @Test(arguments: [
        (1.5, "1.5"), (1.0, "1.0"), (-0.0, "-0.0"), (0.00001, "1.0e-05"), (1e20, "1.0e+20"), (5e-324, "5.0e-324"),
        (123_456.789, "123456.789"), (1.25e-7, "1.25e-07"), (.infinity, ".inf"), (-Double.infinity, "-.inf"),
    ])
    func doublesAreSpelledForEveryReader(value: Double, text: String) {
        let node = Node.number(value)
        #expect(node == .plain(text))
        guard case .scalar(let scalar) = node else { return }
        #expect(scalar.resolved == .double(value))
        // PyYAML's float pattern (no JSON extension) must accept it too.
        var bytes = text
        #expect(bytes.withUTF8 { PlainScalarResolver.isFloat($0) })
    }

    @Test func nanIntegersBoolsAndNull() throws {
        #expect(Node.number(.nan) == .plain(".nan"))
        #expect(Node.number(-42) == .plain("-42"))
        #expect(Node.number(Int.max) == .plain("9223372036854775807"))
        #expect(Node.bool(true) == .plain("true"))
        #expect(Node.bool(false) == .plain("false"))
        #expect(Node.null == .plain("null"))
        #expect(
            try emitJSON(.sequence(Node.Sequence([.number(1e20), .number(2), .bool(true), .null])))
                == "[\n  1.0e+20,\n  2,\n  true,\n  null\n]\n")
    }
}
