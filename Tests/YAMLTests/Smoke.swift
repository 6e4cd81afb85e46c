import Testing
@testable import YAML

@Test func smoke() throws {
    let node = Node.mapping(.init([
        .init("a", .string("true")),
        .init("ref", .string("X", tag: "!Ref")),
        .init("if", .sequence(.init([.string("C"), .string("a: b"), .plain("1")], tag: "!If"))),
        .init("sub", .mapping(.init([.init("k", .plain("")), .init("e", .sequence(.init([]))), .init("m", .mapping(.init([])))], tag: "!Foo"))),
        .init("lit", .string("line1\nline2\n")),
        .init("lit2", .string("  line1\nline2")),
        .init("dq", .string("a\tb")),
        .init("emoji", .string("héllo 😀")),
        .init("seq", .sequence(.init([.mapping(.init([.init("x", .plain("1")), .init("y", .plain("2"))])), .string("")]))),
        .init("multi\nkey", .string("v")),
        .init("last", .string("end\n\n")),
    ]))
    let text = try emitYAML(node)
    print(text)
    print(try emitYAML(.string("foo")), try emitYAML(.plain("1")), try emitYAML(.string("x\n\n")), try emitYAML(.string("x", tag: "!Ref")))
    let back = try readYAML(text)
    #expect(back.normalized() == node.normalized())
    print(try emitJSON(readYAML("{\"a\":1,\"b\": [true, null, 1.5e3, \"x\\u0001\"]}")))
}
