import ParallaxAnalysis
import Testing

struct ClaimCoverageTests {
    @Test func matrixExclusivesAndOmissions() {
        let story = Story(id: "s", title: "", articles: ["a", "b", "c"])
        func claim(_ id: String, _ articles: [String]) -> Claim {
            Claim(id: id, text: id, articles: articles, occurrences: [])
        }
        let claims = [claim("c1", ["a", "b", "c"]), claim("c2", ["a", "c"]), claim("c3", ["b"])]
        let coverage = ClaimCoverage(claims: claims, story: story)
        #expect(coverage.matrix == [[true, true, true], [true, false, true], [false, true, false]])
        #expect(coverage.exclusive().map(\.claim) == ["c3"])
        #expect(coverage.exclusive().map(\.article) == ["b"])
        #expect(coverage.omissions() == [ClaimCoverage.Omission(claim: "c2", missing: ["b"])])
    }
}
