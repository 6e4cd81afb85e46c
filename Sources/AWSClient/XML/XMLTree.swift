import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// One element of an XML document as AWS services send it: a name, the text directly inside it, and its child
/// elements in document order. Attributes and namespaces are dropped; AWS responses carry no data in them.
public struct XMLTree: Sendable, Equatable {
    public var name: String
    public var text: String
    public var children: [XMLTree]

    public init(name: String, text: String = "", children: [XMLTree] = []) {
        self.name = name
        self.text = text
        self.children = children
    }

    /// Parses a whole document and returns its root element.
    public static func parse(_ bytes: [UInt8]) throws(XMLParseError) -> XMLTree {
        let builder = TreeBuilder()
        let parser = XMLParser(data: Data(bytes))
        parser.shouldProcessNamespaces = false
        parser.shouldResolveExternalEntities = false
        parser.delegate = builder
        let parsed = parser.parse()
        if !parsed || builder.root == nil {
            let reason = parser.parserError.map { "\($0.localizedDescription)" } ?? "no root element"
            throw XMLParseError(line: parser.lineNumber, reason: reason)
        }
        guard let root = builder.root else { throw XMLParseError(line: parser.lineNumber, reason: "no root element") }
        return root
    }

    /// The first child element with this name.
    public func child(_ name: String) -> XMLTree? {
        children.first { $0.name == name }
    }

    /// Every child element with this name.
    public func children(_ name: String) -> [XMLTree] {
        children.filter { $0.name == name }
    }

    /// The text of the first child with this name, or nil when there is no such child.
    public func string(_ name: String) -> String? {
        child(name)?.text
    }

    /// The first element with this name at any depth, this one included (depth first, document order).
    public func descendant(_ name: String) -> XMLTree? {
        if self.name == name { return self }
        for element in children {
            if let found = element.descendant(name) { return found }
        }
        return nil
    }

    /// The `<member>` elements of a Query-protocol list child (`<Name><member>…</member></Name>`).
    public func members(_ name: String) -> [XMLTree] {
        child(name)?.children("member") ?? []
    }
}

/// Why an XML document could not be read.
public struct XMLParseError: Error, Sendable, Equatable, CustomStringConvertible {
    public var line: Int
    public var reason: String

    public var description: String {
        "The XML response could not be read at line \(line): \(reason)."
    }
}

/// Collects parser events into `XMLTree`s. Used by one parse on one thread only.
private final class TreeBuilder: NSObject, XMLParserDelegate {
    var stack: [XMLTree] = []
    var root: XMLTree?

    func parser(
        _ parser: XMLParser,
        didStartElement elementName: String,
        namespaceURI: String?,
        qualifiedName qName: String?,
        attributes attributeDict: [String: String] = [:]
    ) {
        stack.append(XMLTree(name: elementName))
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard !stack.isEmpty else { return }
        stack[stack.count - 1].text += string
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        guard !stack.isEmpty else { return }
        stack[stack.count - 1].text += String(decoding: CDATABlock, as: UTF8.self)
    }

    func parser(
        _ parser: XMLParser,
        didEndElement elementName: String,
        namespaceURI: String?,
        qualifiedName qName: String?
    ) {
        guard let finished = stack.popLast() else { return }
        if stack.isEmpty {
            root = finished
        } else {
            stack[stack.count - 1].children.append(finished)
        }
    }
}
