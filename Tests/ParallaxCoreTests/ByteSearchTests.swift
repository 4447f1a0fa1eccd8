import ParallaxCore
import Testing

struct ByteSearchTests {
    @Test func findsWhatANaiveSearchFinds() {
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            let haystack = (0..<Int.random(in: 0..<40, using: &rng)).map { _ in UInt8.random(in: 97...99, using: &rng) }
            let needle = (0..<Int.random(in: 0..<6, using: &rng)).map { _ in UInt8.random(in: 97...99, using: &rng) }
            let naive = needle.isEmpty || stride(from: 0, through: haystack.count - needle.count, by: 1).contains { i in
                Array(haystack[i..<(i + needle.count)]) == needle
            }
            #expect(ByteSearch.contains(haystack, needle) == naive, "\(haystack) \(needle)")
        }
    }

    @Test func periodicInputIsLinear() {
        // A needle of the same repeated unit that almost matches everywhere: a naive search does 10^10 steps.
        let unit: [UInt8] = [0xF0, 0x9F, 0x98, 0x80]
        let haystack = [UInt8]((0..<25_000).flatMap { _ in unit })
        let needle = [UInt8]((0..<25_000).flatMap { _ in unit }.dropLast()) + [0x41]
        #expect(!ByteSearch.contains(haystack, needle))
        #expect(ByteSearch.contains(haystack + needle, needle))
    }
}
