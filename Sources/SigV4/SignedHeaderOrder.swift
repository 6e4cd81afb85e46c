/// The signed headers of a request in canonical order, as positions in its header list, each marked when it
/// repeats the name before it (its value then joins that line with a comma).
///
/// Up to 16 entries are held inline, so the usual request allocates nothing for them; more go to an array.
struct SignedHeaderOrder {
    private static let inlineCapacity = 16
    private static let joinsFlag: UInt32 = 1 << 31

    private var inline = SIMD16<UInt32>()
    private var spilled: [UInt32] = []
    private(set) var count = 0

    var indices: Range<Int> { 0..<count }

    /// Where in the header list the entry at `position` is, and whether it repeats the name before it.
    subscript(position: Int) -> (index: Int, joinsPrevious: Bool) {
        let raw = count > Self.inlineCapacity ? spilled[position] : inline[position]
        return (Int(raw & ~Self.joinsFlag), raw & Self.joinsFlag != 0)
    }

    /// Puts header `index` at `position`, moving the later entries up by one.
    mutating func insert(index: Int, joinsPrevious: Bool, at position: Int) {
        let raw = UInt32(truncatingIfNeeded: index) | (joinsPrevious ? Self.joinsFlag : 0)
        if count < Self.inlineCapacity {
            let moved = count - position
            withUnsafeMutableBytes(of: &inline) { bytes in
                let slots = bytes.bindMemory(to: UInt32.self)
                guard let base = slots.baseAddress else { return }
                if moved > 0 { (base + position + 1).update(from: base + position, count: moved) }
                base[position] = raw
            }
        } else {
            if count == Self.inlineCapacity {
                spilled = (0..<count).map { inline[$0] }
            }
            spilled.insert(raw, at: position)
        }
        count += 1
    }
}
