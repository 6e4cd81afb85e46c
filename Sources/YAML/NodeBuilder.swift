/// Assembles parser events into one `Node`: collections on a stack, anchors remembered, aliases expanded with a
/// size limit, keys checked.
struct NodeBuilder {
    enum CollectionKind { case sequence, mapping }

    private struct Frame {
        var kind: CollectionKind
        var tag: Tag?
        var anchor: String?
        var mark: Mark
        var items: [Node] = []
        var pairs: [Node.Mapping.Pair] = []
        var pendingKey: (text: String, mark: Mark)?
        /// For large mappings, the line of each key; small ones are searched linearly.
        var keyLines: [String: Int] = [:]
        /// Nodes in this collection, itself included, aliases expanded.
        var size = 1
    }

    private let maximumNodeCount: Int
    private let maximumDepth: Int
    private var stack: [Frame] = []
    private var anchors: [String: (node: Node, size: Int)] = [:]
    private var root: Node?
    private var documents = 0
    private var nodeCount = 0

    init(maximumNodeCount: Int, maximumDepth: Int) {
        self.maximumNodeCount = maximumNodeCount
        self.maximumDepth = maximumDepth
    }

    mutating func startDocument(at mark: Mark) throws(YAMLError) {
        documents += 1
        if documents > 1 { throw YAMLError(.multipleDocuments, mark: mark) }
    }

    func finish() throws(YAMLError) -> Node {
        guard let root else { throw YAMLError(.emptyDocument) }
        return root
    }

    mutating func scalar(_ text: String, quoted: Bool, tag: String?, anchor: String?, mark: Mark) throws(YAMLError) {
        var kind: Node.Scalar.Kind = quoted ? .string : .plain
        var localTag: Tag?
        switch tag {
        case nil:
            break
        case "!", "tag:yaml.org,2002:str":
            kind = .string
        case "tag:yaml.org,2002:int", "tag:yaml.org,2002:float", "tag:yaml.org,2002:bool", "tag:yaml.org,2002:null":
            kind = .plain
        case let tag? where tag.hasPrefix("!"):
            localTag = Tag(tag)
        case let tag?:
            throw YAMLError(.unsupportedTag(tag), mark: mark)
        }
        // A key that no alias can refer to goes straight to its mapping, without becoming a node.
        let last = stack.count - 1
        if anchor == nil, last >= 0, stack[last].kind == .mapping, stack[last].pendingKey == nil {
            try count(1, at: mark)
            stack[last].size += 1
            if let localTag { throw YAMLError(.taggedKey(localTag), mark: mark) }
            try startPair(withKey: text, at: mark, in: last)
            return
        }
        try add(.scalar(Node.Scalar(text, kind: kind, tag: localTag, mark: mark)), size: 1, anchor: anchor, mark: mark)
    }

    mutating func alias(_ name: String, mark: Mark) throws(YAMLError) {
        guard let anchored = anchors[name] else { throw YAMLError(.undefinedAlias(name), mark: mark) }
        try add(anchored.node, size: anchored.size, anchor: nil, mark: mark)
    }

    mutating func startCollection(_ kind: CollectionKind, tag: String?, anchor: String?, mark: Mark) throws(YAMLError) {
        if let top = stack.last, top.kind == .mapping, top.pendingKey == nil {
            throw YAMLError(.nonScalarKey, mark: mark)
        }
        guard stack.count < maximumDepth else { throw YAMLError(.nestingTooDeep(limit: maximumDepth), mark: mark) }
        var localTag: Tag?
        switch tag {
        case nil, "!":
            break
        case "tag:yaml.org,2002:seq" where kind == .sequence:
            break
        case "tag:yaml.org,2002:map" where kind == .mapping:
            break
        case let tag? where tag.hasPrefix("!"):
            localTag = Tag(tag)
        case let tag?:
            throw YAMLError(.unsupportedTag(tag), mark: mark)
        }
        try count(1, at: mark)
        stack.append(Frame(kind: kind, tag: localTag, anchor: anchor, mark: mark))
    }

    mutating func endCollection() throws(YAMLError) {
        guard let frame = stack.popLast() else { return }
        let node: Node =
            switch frame.kind {
            case .sequence: .sequence(Node.Sequence(frame.items, tag: frame.tag, mark: frame.mark))
            case .mapping: .mapping(Node.Mapping(frame.pairs, tag: frame.tag, mark: frame.mark))
            }
        if let anchor = frame.anchor { anchors[anchor] = (node, frame.size) }
        try attach(node, size: frame.size, mark: frame.mark)
    }

    // MARK: - Attaching finished nodes

    private mutating func add(_ node: Node, size: Int, anchor: String?, mark: Mark) throws(YAMLError) {
        try count(size, at: mark)
        if let anchor { anchors[anchor] = (node, size) }
        try attach(node, size: size, mark: mark)
    }

    private mutating func count(_ size: Int, at mark: Mark) throws(YAMLError) {
        nodeCount += size
        if nodeCount > maximumNodeCount { throw YAMLError(.tooManyNodes(limit: maximumNodeCount), mark: mark) }
    }

    private mutating func attach(_ node: Node, size: Int, mark: Mark) throws(YAMLError) {
        let last = stack.count - 1
        guard last >= 0 else {
            root = node
            return
        }
        stack[last].size += size
        switch stack[last].kind {
        case .sequence:
            stack[last].items.append(node)
        case .mapping:
            if let key = stack[last].pendingKey {
                stack[last].pairs.append(Node.Mapping.Pair(key.text, node, keyMark: key.mark))
                stack[last].pendingKey = nil
            } else {
                try startPair(with: node, at: mark, in: last)
            }
        }
    }

    private mutating func startPair(with key: Node, at mark: Mark, in index: Int) throws(YAMLError) {
        guard case .scalar(let scalar) = key else { throw YAMLError(.nonScalarKey, mark: mark) }
        if let tag = scalar.tag { throw YAMLError(.taggedKey(tag), mark: mark) }
        try startPair(withKey: scalar.text, at: mark, in: index)
    }

    private mutating func startPair(withKey key: String, at mark: Mark, in index: Int) throws(YAMLError) {
        if let firstLine = firstLine(of: key, line: mark.line, in: index) {
            throw YAMLError(.duplicateKey(key: key, firstLine: firstLine), mark: mark)
        }
        stack[index].pendingKey = (key, mark)
    }

    private static let linearSearchLimit = 8

    /// The line where `key` already appears in the mapping at `index`, recording it when it does not.
    private mutating func firstLine(of key: String, line: Int, in index: Int) -> Int? {
        let pairs = stack[index].pairs
        if pairs.count < Self.linearSearchLimit {
            return pairs.first { $0.key == key }.map { $0.keyMark?.line ?? 0 }
        }
        if stack[index].keyLines.isEmpty {
            for pair in pairs { stack[index].keyLines[pair.key] = pair.keyMark?.line ?? 0 }
        }
        if let line = stack[index].keyLines[key] { return line }
        stack[index].keyLines[key] = line
        return nil
    }
}
