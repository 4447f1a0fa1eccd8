import Testing

@testable import ParallaxAnalysis

struct RangeQueriesTests {
    @Test(arguments: [1, 2, 3, 7, 16, 33])
    func rangeMinimumMatchesAScan(count: Int) {
        var generator = SystemRandomNumberGenerator()
        let values = (0..<count).map { _ in Int.random(in: -50...50, using: &generator) }
        let table = RangeMinimum(values)
        for lo in 0..<count {
            for hi in (lo + 1)...count {
                #expect(table.min(lo..<hi) == values[lo..<hi].min())
            }
        }
    }

    @Test(arguments: [1, 5, 8, 13, 64])
    func firstActiveMatchesAScan(count: Int) {
        var generator = SystemRandomNumberGenerator()
        var set = FirstActive(count: count)
        var members = Set<Int>()
        for _ in 0..<count {
            let p = Int.random(in: 0..<count, using: &generator)
            set.insert(p)
            members.insert(p)
            for q in 0...count {
                #expect(set.first(atOrAfter: q) == members.filter { $0 >= q }.min())
            }
        }
    }
}
