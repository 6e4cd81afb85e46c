import Testing
import TestSupport

@testable import SigV4

@Suite struct SignedHeaderOrderTests {
    /// Random insertions, past the inline capacity, give the same sequence as an array.
    @Test func insertionsMatchAnArray() {
        var random = SeededGenerator(seed: 11)
        for _ in 0..<200 {
            var order = SignedHeaderOrder()
            var reference: [(index: Int, joinsPrevious: Bool)] = []
            for index in 0..<Int.random(in: 0...40, using: &random) {
                let position = Int.random(in: 0...reference.count, using: &random)
                let joins = Bool.random(using: &random)
                order.insert(index: index, joinsPrevious: joins, at: position)
                reference.insert((index, joins), at: position)
            }
            #expect(order.count == reference.count)
            for position in order.indices {
                #expect(order[position] == reference[position])
            }
        }
    }
}
