import Foundation
import ParallaxCore
import ParallaxStorage
import Testing

@testable import ParallaxAnalysis

/// The stored form of a story's comparison: equal after a round trip, JSON of earlier versions still read, damaged
/// bytes an error and never a trap.
struct StoryAnalysisCodecTests {
    /// A comparison with every field set, optionals both ways, shared strings and an empty list.
    static let full: StoryAnalysis = {
        let a = "a-1"
        let b = "b-2"
        let ref = SpanReference(article: a, span: TextSpan(start: 4, end: 9), sentenceSpan: TextSpan(start: 0, end: 30))
        let quotes = [
            Quote(
                id: "q-1", speaker: "Ilse Varga", speakerRole: "water minister", text: "We will rebuild.",
                occurrences: [
                    QuoteOccurrence(
                        article: a, text: "We will rebuild.", quoted: true, speaker: "Ilse Varga", cue: "said",
                        span: TextSpan(start: 40, end: 56), sentenceSpan: TextSpan(start: 31, end: 70),
                        diff: [DiffSegment(kind: .same, text: "We will"), DiffSegment(kind: .added, text: "rebuild")],
                        speakerSpan: TextSpan(start: 60, end: 70)),
                    QuoteOccurrence(
                        article: b, text: "we would rebuild", quoted: false, speaker: nil,
                        span: TextSpan(start: 0, end: 16), sentenceSpan: TextSpan(start: 0, end: 40)),
                ]),
            Quote(id: "q-2", speaker: nil, text: "“Ünïcödé” — ок", occurrences: []),
        ]
        return StoryAnalysis(
            story: Story(id: "s-1", title: "Dam breach", articles: [a, b, "c-3"], copies: [[a, "c-3"]]),
            quotes: quotes,
            citations: [
                Citation(
                    article: b, source: "Reuters", sourceKind: .outlet, cue: "told", span: TextSpan(start: 1, end: 8),
                    sentenceSpan: TextSpan(start: 0, end: 20))
            ],
            originalSource: "Reuters",
            naming: [
                NamingChoice(
                    entity: "Kyiv", variants: [NamingVariant(form: "Kiev", articles: [a], occurrences: [ref])],
                    discovered: true),
                NamingChoice(entity: "Kharkiv", variants: []),
            ],
            framing: [
                FramingUse(
                    phrase: "Kiev regime", note: "Russian state usage", articles: [a, b],
                    occurrences: [
                        FramingOccurrence(
                            article: a, span: TextSpan(start: 2, end: 13), sentenceSpan: TextSpan(start: 0, end: 50),
                            usage: .qualified, qualifier: "so-called"),
                        FramingOccurrence(article: b, span: TextSpan(start: 2, end: 13), sentenceSpan: TextSpan(start: 0, end: 50)),
                    ])
            ],
            claims: [
                Claim(id: "c-1", text: "The dam broke.", articles: [a, b], occurrences: [ref, ref]),
                Claim(id: "c-2", text: "Could not verify.", articles: [b], occurrences: [], isVerificationNote: true),
            ],
            timeline: [
                TimelineEvent(
                    date: Day(daysSinceEpoch: 19_871), text: "On Tuesday", articles: [a],
                    occurrences: [
                        DateMention(
                            article: a, expression: "on Tuesday", resolution: .relative,
                            anchor: Day(year: 2024, month: 5, day: 31), span: TextSpan(start: 3, end: 13),
                            sentenceSpan: TextSpan(start: 0, end: 40)),
                        DateMention(
                            article: b, expression: "28 May", resolution: .absolute, anchor: nil,
                            span: TextSpan(start: 3, end: 9), sentenceSpan: TextSpan(start: 0, end: 40)),
                    ]),
                TimelineEvent(date: Day(daysSinceEpoch: -25_568), text: "Long ago", articles: [], occurrences: []),
            ],
            synthesis: [
                SynthesisPoint(text: "The dam broke.", claim: "c-1", articles: [a, b], outlets: ["Herald", "Ledger"], independentSources: 2)
            ],
            wording: [
                ContrastivePhrase(
                    phrase: "special military operation", group: "state-owned media", articles: [a], groupArticles: 1,
                    otherArticles: 2, occurrences: [ref])
            ])
    }()

    @Test func aComparisonSurvivesTheRoundTrip() throws {
        let blob = try StoryAnalysisCodec.encode(Self.full)
        #expect(blob.first == StoryAnalysisCodec.format)
        #expect(try StoryAnalysisCodec.decode(blob) == Self.full)
        let empty = StoryAnalysis(story: Story(id: "", title: "", articles: []))
        #expect(try StoryAnalysisCodec.decode(try StoryAnalysisCodec.encode(empty)) == empty)
    }

    /// Comparisons the pipeline makes of real coverage (the seed story), equal after the round trip and smaller
    /// than their JSON.
    @Test func realComparisonsSurviveTheRoundTrip() throws {
        guard StoryFixtures.hasSeeds else {
            print("skipped: ../shared/corpus/seeds is absent")
            return
        }
        let articles = try StoryFixtures.seedDocuments().map(\.article)
        let analyses = AnalysisPipeline(outlets: .bundled, concurrency: 1).run(articles)
        try #require(!analyses.isEmpty)
        for analysis in analyses {
            let blob = try StoryAnalysisCodec.encode(analysis)
            #expect(try StoryAnalysisCodec.decode(blob) == analysis)
            #expect(blob.count < (try JSONEncoder().encode(analysis)).count)
        }
    }

    /// Comparisons stored as JSON by earlier versions are read as they are.
    @Test func readsTheJSONOfEarlierVersions() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = try encoder.encode(Self.full)
        #expect(try StoryAnalysisCodec.decode(json) == Self.full)
        #expect(try CorpusIngester.decode(json) == Self.full)
    }

    /// Every truncation and many corrupted bytes give an error or some comparison, never a trap; a wrong first byte
    /// or an empty blob is an error.
    @Test func damagedBlobsAreErrorsNotTraps() throws {
        let blob = [UInt8](try StoryAnalysisCodec.encode(Self.full))
        for n in 0..<blob.count { _ = try? StoryAnalysisCodec.decode(Data(blob[..<n])) }
        // The inflated payload (past zlib's checksum): every truncation, and bytes changed at random.
        let payload = StoryAnalysisCodec.payload(of: Self.full)
        #expect(try StoryAnalysisCodec.analysis(fromPayload: payload) == Self.full)
        for n in 0..<payload.count {
            #expect(throws: StoryAnalysisCodec.CodecError.self) { try StoryAnalysisCodec.analysis(fromPayload: Array(payload[..<n])) }
        }
        var state: UInt64 = 0x5EED
        for _ in 0..<2_000 {
            var damaged = payload
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let at = Int(state >> 33) % damaged.count
            damaged[at] ^= UInt8(truncatingIfNeeded: state >> 17) | 1
            _ = try? StoryAnalysisCodec.analysis(fromPayload: damaged)
        }
        #expect(throws: StoryAnalysisCodec.CodecError.self) { try StoryAnalysisCodec.decode(Data()) }
        #expect(throws: StoryAnalysisCodec.CodecError.self) { try StoryAnalysisCodec.decode(Data([0x02, 0x00])) }
        #expect(throws: StoryAnalysisCodec.CodecError.self) { try StoryAnalysisCodec.decode(Data("{\"id\":".utf8)) }
    }
}
