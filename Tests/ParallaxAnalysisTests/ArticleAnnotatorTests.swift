import Foundation
@testable import ParallaxAnalysis
import ParallaxCore
import Testing

struct ArticleAnnotatorTests {
    static let annotator = ArticleAnnotator(outlets: .bundled)

    static func annotate(_ text: String, annotator: ArticleAnnotator = annotator) -> ArticleAnnotation {
        annotator.annotate(Article(id: "a", source: "test", published: Day(year: 2024, month: 5, day: 31), text: text))
    }

    /// One parse, one lexicon: a quotation's speaker and the citation of the same sentence are one answer.
    @Test(arguments: [
        ("“We will not allow it,” WaPo said.", "The Washington Post"),
        ("The decision stands, WaPo reported, citing two officials.", "The Washington Post"),
        ("“We will not allow it,” Defense Minister Anna Berg told reporters.", "Anna Berg"),
    ])
    func quoteAndCitationOfOneSentenceShareTheirSource(text: String, source: String) throws {
        let a = Self.annotate(text)
        let statement = try #require(a.statements.first)
        let citation = try #require(a.citations.first { $0.span == statement.speaker?.mention })
        #expect(statement.speaker?.name == source)
        #expect(citation.source == source)
        #expect(citation.sourceKind == statement.speaker?.kind)
    }

    /// A user's outlet (a registry entry, as `--outlets` adds) reaches quotes as well as citations.
    @Test func userOutletsReachQuotesAndCitations() throws {
        let registry = OutletRegistry(
            outlets: OutletRegistry.bundled.outlets + [
                Outlet(name: "Calder Valley Ledger", domains: ["calderledger.example"], aliases: ["the Ledger"])
            ])
        let annotator = ArticleAnnotator(outlets: registry)
        let a = Self.annotate("“The dam was neglected for years,” the Ledger said.", annotator: annotator)
        #expect(a.statements.first?.speaker?.name == "Calder Valley Ledger")
        #expect(a.statements.first?.speaker?.kind == .outlet)
        #expect(a.citations.map(\.source) == ["Calder Valley Ledger"])
    }

    /// Everything the annotation holds points into the article's text.
    @Test func findingsAreSpansIntoTheText() throws {
        let text = """
            KYIV, May 31 – Officials in Kiev said on Tuesday that the Kiev regime claims were false.
            “We will rebuild the bridge by June 10,” Mayor Ana Ruiz told Reuters, according to the city office.
            """
        let a = Self.annotate(text)
        let length = a.document.text.utf8.count
        let spans =
            a.statements.flatMap { [$0.span, $0.sentenceSpan, $0.contentSpan] }
            + a.citations.flatMap { [$0.span, $0.sentenceSpan] }
            + a.dates.flatMap { [$0.mention.mention.span, $0.mention.mention.sentenceSpan] }
            + (a.names + a.framing).flatMap { [$0.span, $0.sentenceSpan] }
        #expect(!spans.isEmpty)
        #expect(spans.allSatisfy { $0.start >= 0 && $0.end <= length })
        #expect(a.dates.map(\.mention.day).contains(Day(year: 2024, month: 5, day: 28)))
        #expect(a.names.contains { $0.entry == "Kyiv" && $0.form == "Kiev" })
        #expect(a.framing.contains { $0.entry == "Kiev regime" })
        #expect(a.citations.contains { $0.source == "Reuters" })
        #expect(a.terms == a.terms.sorted { $0.term < $1.term })
        #expect(!a.signature.values.isEmpty)
    }

    /// An annotation survives encoding, so a store can keep it as it is.
    @Test func roundTripsThroughJSON() throws {
        let a = Self.annotate("“We will not allow it,” WaPo said on Tuesday. Kiev officials agreed.")
        let data = try JSONEncoder().encode(a)
        #expect(try JSONDecoder().decode(ArticleAnnotation.self, from: data) == a)
        #expect(a.version == ArticleAnnotation.currentVersion)
    }
}

struct TermVectorizerFastPathTests {
    /// The byte-level stemmer of ASCII words gives the Character-level stemmer's result on every word of the
    /// example corpus and of invented edge cases.
    @Test func asciiStemAgreesWithTheReference() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../examples/corpus")
        var words: Set<String> = ["hitting", "calling", "countries", "press", "strikes", "it's", "ss", "s", "'s", "ing", "a"]
        for name in try FileManager.default.contentsOfDirectory(atPath: root.path) {
            let text = try String(contentsOf: root.appendingPathComponent(name), encoding: .utf8)
            for w in text.split(whereSeparator: { !$0.isLetter && $0 != "'" }) { words.insert(Tokenizer.norm(String(w))) }
        }
        let v = TermVectorizer()
        #expect(words.count > 300)
        for w in words { #expect(v.stem(w) == v.unicodeStem(w), "\(w)") }
    }
}
