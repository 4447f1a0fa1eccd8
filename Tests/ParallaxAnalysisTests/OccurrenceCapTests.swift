import Foundation
import ParallaxCore
import Testing

@testable import ParallaxAnalysis

/// A story's comparison keeps a few occurrences of one finding per article, not one per mention.
struct OccurrenceCapTests {
    @Test func capsPerKeyAndKeepsTheFirstPreferred() {
        let items = (0..<30).map { (article: $0 < 25 ? "a" : "b", bare: $0 == 20) }
        let kept = items.cappedPerArticle(key: \.article, preferring: \.bare)
        #expect(kept.filter { $0.article == "a" }.count == OccurrenceCap.perArticle + 1)  // 10, and the bare one
        #expect(kept.contains { $0.bare })
        #expect(kept.filter { $0.article == "b" }.count == 5)
        #expect(Array(items.prefix(3)).cappedPerArticle(key: \.article).count == 3)
    }

    /// An article that repeats two spellings hundreds of times in one unbroken sentence: the naming table lists
    /// ten of its uses per spelling, the timeline ten mentions of its date, the citations ten per source.
    @Test func aNameRepeatedInOneSentenceIsListedAFewTimes() throws {
        let storm = Array(repeating: "Kiev Kyiv", count: 400).joined(separator: " ")
        let cites = Array(repeating: "Reuters reported on Tuesday", count: 200).joined(separator: ", ")
        let articles = [
            Article(
                id: "storm", source: "t", outlet: "A", published: Day(year: 2024, month: 5, day: 31),
                text: "Officials in Kiev said the talks went on. \(storm) and Kharkiv. \(cites)."),
            Article(
                id: "plain", source: "t", outlet: "B", published: Day(year: 2024, month: 5, day: 31),
                text: "Officials in Kyiv said the talks went on in Kharkiv on Tuesday, Reuters reported."),
        ]
        let pipeline = CorpusFixtures.pipeline
        let annotations = articles.map { pipeline.annotator.annotate($0) }
        let story = Story(id: "s", title: "t", articles: articles.map(\.id))
        let analysis = pipeline.analyze(story, annotations: annotations)
        let kyiv = try #require(analysis.naming.first { $0.variants.contains { $0.form == "Kiev" } })
        for variant in kyiv.variants {
            let perArticle = Dictionary(grouping: variant.occurrences, by: { (o: SpanReference) in o.article }).mapValues(\.count)
            #expect(perArticle.values.allSatisfy { $0 <= OccurrenceCap.perArticle }, "\(variant.form): \(perArticle)")
            #expect(variant.articles.contains("storm"))
        }
        let reuters = analysis.citations.filter { $0.article == "storm" }
        #expect(!reuters.isEmpty && reuters.count <= OccurrenceCap.perArticle)
        for event in analysis.timeline {
            #expect(event.occurrences.filter { $0.article == "storm" }.count <= OccurrenceCap.perArticle)
        }
    }
}
