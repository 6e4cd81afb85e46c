extension Node {
    /// `true` or `false`, plain.
    public static func bool(_ value: Bool) -> Node { .plain(value ? "true" : "false") }

    /// An integer, plain.
    public static func number(_ value: Int) -> Node { .plain(String(value)) }

    /// A double, plain, spelled so that YAML 1.1 (PyYAML), YAML 1.2 and, when finite, JSON all read it as this
    /// number: always with a `.` in the mantissa (`1.0`, `1.0e-05`, `1.0e+20`, where Swift alone would write `1e-05`,
    /// which PyYAML reads as a string), and `.inf`, `-.inf`, `.nan` for the non-finite values.
    public static func number(_ value: Double) -> Node {
        if value.isNaN { return .plain(".nan") }
        if value.isInfinite { return .plain(value < 0 ? "-.inf" : ".inf") }
        var text = value.description
        if !text.contains("."), let exponent = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            text.insert(contentsOf: ".0", at: exponent)
        }
        return .plain(text)
    }

    /// `null`, plain.
    public static var null: Node { .plain("null") }
}
