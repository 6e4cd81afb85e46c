extension Node {
    /// The same tree with every `.plain` scalar that resolves to a string (`Node.Scalar.resolved`) made a `.string`
    /// scalar; tags and marks are kept.
    ///
    /// The writer writes a `.string` scalar plain when that is safe, and the reader reads every plain scalar as
    /// `.plain`, so compare a tree that was read with one that was built in this form: `read.normalized() ==
    /// built.normalized()`.
    public func normalized() -> Node {
        switch self {
        case .scalar(var scalar):
            if scalar.kind == .plain, case .string = scalar.resolved { scalar.kind = .string }
            return .scalar(scalar)
        case .sequence(var sequence):
            sequence.items = sequence.items.map { $0.normalized() }
            return .sequence(sequence)
        case .mapping(var mapping):
            mapping.pairs = mapping.pairs.map { pair in
                var pair = pair
                pair.value = pair.value.normalized()
                return pair
            }
            return .mapping(mapping)
        }
    }
}
