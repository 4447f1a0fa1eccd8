import ParallaxAnalysis
import Testing

struct TermVectorTests {
    @Test func normalizesAndComputesCosine() {
        let a = TermVector(pairs: [(2, 3), (0, 4)])
        #expect(a.ids == [0, 2])
        #expect(abs(a.cosine(a) - 1) < 1e-6)
        let b = TermVector(pairs: [(5, 1)])
        #expect(a.cosine(b) == 0)
        let c = TermVector(pairs: [(0, 1)])
        #expect(abs(a.cosine(c) - 0.8) < 1e-6)
        #expect(a.topTerms(1) == [0])
    }

    @Test func emptyVectorIsZero() {
        #expect(TermVector().cosine(TermVector(pairs: [(1, 1)])) == 0)
        #expect(TermVector(pairs: [(1, 0)]).weights == [0])
    }
}
