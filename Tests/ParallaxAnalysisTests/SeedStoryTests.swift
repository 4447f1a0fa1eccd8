import ParallaxCore
import Foundation
import ParallaxAnalysis
import Testing

/// The reference story: the five seed articles read from `../shared/corpus/seeds` (skipped when absent).
struct SeedStoryTests {
    @Test(.enabled(if: StoryFixtures.hasSeeds, "seed corpus not found at ../shared/corpus/seeds; skipped"))
    func allSeedsFormOneStory() throws {
        let documents = try StoryFixtures.seedDocuments()
        #expect(documents.count == 5)
        let stories = StoryClusterer().cluster(documents)
        try #require(stories.count == 1)
        #expect(stories[0].id == StableID.make("s", stories[0].articles[0]))
        #expect(Set(stories[0].articles) == Set(documents.map(\.id)))
        #expect(stories[0].copies.isEmpty)
    }

    @Test(.enabled(if: StoryFixtures.hasSeeds, "seed corpus not found at ../shared/corpus/seeds; skipped"))
    func counterFireClaimIsSharedByFourArticles() throws {
        let documents = try StoryFixtures.seedDocuments()
        let story = try #require(StoryClusterer().cluster(documents).first)
        let claims = ClaimAligner().align(story: story, documents: documents)
        if ProcessInfo.processInfo.environment["PARALLAX_PRINT_CLAIMS"] != nil {
            for c in claims where c.articles.count > 1 {
                print("\(c.id) [\(c.articles.count)] \(c.text)")
                for o in c.occurrences { print("    \(o.article.prefix(3)): \(sentence(o, in: documents).prefix(150))") }
            }
        }
        let counterFire = claims.filter { claim in
            claim.occurrences.contains { sentence($0, in: documents).lowercased().contains("counter") }
        }
        let widest = try #require(counterFire.max { $0.articles.count < $1.articles.count })
        #expect(widest.articles.count >= 4)
        #expect(claims.first?.articles.count ?? 0 >= 4)
        // Each occurrence's span points at its sentence in its article.
        let byID = Dictionary(uniqueKeysWithValues: documents.map { ($0.id, $0) })
        for claim in claims {
            for o in claim.occurrences { #expect(String(byID[o.article]!.text(of: o.span)) == sentence(o, in: documents)) }
        }
    }
}

extension SeedStoryTests {
    @Test(.enabled(if: StoryFixtures.hasSeeds, "seed corpus not found at ../shared/corpus/seeds; skipped"))
    func synthesisLeadsWithTheMostSharedClaim() throws {
        let documents = try StoryFixtures.seedDocuments()
        let story = try #require(StoryClusterer().cluster(documents).first)
        let claims = ClaimAligner().align(story: story, documents: documents)
        let points = SynthesisBuilder().build(claims: claims, story: story, documents: documents)
        if ProcessInfo.processInfo.environment["PARALLAX_PRINT_CLAIMS"] != nil {
            for p in points { print("[\(p.independentSources)] \(p.claim): \(p.text)") }
            let coverage = ClaimCoverage(claims: claims, story: story)
            for o in coverage.omissions() { print("omitted \(o.claim) by \(o.missing)") }
        }
        let first = try #require(points.first)
        #expect(first.independentSources >= 4)
        #expect(points.allSatisfy { $0.independentSources >= 2 })
        #expect(points.count < claims.count)
    }
}
