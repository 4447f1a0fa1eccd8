import Foundation
import Testing

@testable import ParallaxAnalysis

/// Per-language data: the bundled files, the choice of a language, and names in scripts without letter case.
struct LanguageDataTests {
    @Test func bundledLanguagesAndFallback() {
        #expect(GrammarLexicon.bundled.languages.map(\.code).contains("en"))
        #expect(AttributionLexicon.bundled.language == "en")
        #expect(AttributionLexicon.bundled(language: "en-GB").language == "en")
        // No Arabic data is bundled: English words are used.
        #expect(AttributionLexicon.bundled(language: "ar").language == "en")
        #expect(AttributionLexicon.bundled(language: nil).grammar.hasCase)
        #expect(SegmentationLexicon.bundled(language: "ru").abbreviations.contains("тыс"))
        #expect(!SegmentationLexicon.bundled(language: "en").abbreviations.contains("тыс"))
        #expect(SegmentationLexicon.bundled.abbreviations.isSuperset(of: ["тыс", "mr"]))
    }

    @Test(arguments: [
        ("say", ["say", "says", "sayed", "saying"]),
        ("state", ["state", "states", "stated", "stating"]),
        ("reply", ["reply", "replies", "replied", "replying"]),
        ("stay", ["stay", "stays", "stayed", "staying"]),
        ("stress", ["stress", "stresses", "stressed", "stressing"]),
        ("vow", ["vow", "vows", "vowed", "vowing"]),
    ])
    func englishInflectionsComeFromData(lemma: String, forms: [String]) throws {
        let en = try #require(GrammarLexicon.bundled.language("en"))
        #expect(en.inflections(of: lemma) == forms)
        #expect(AttributionLexicon.bundled.verbForms[forms[1]] == lemma || lemma == "stay")
    }

    /// A lexicon whose grammar says the script has no letter case (as Arabic or Persian), English words otherwise.
    private func caselessLexicon() -> AttributionLexicon {
        var lexicon = AttributionLexicon.bundled
        lexicon.grammar.hasCase = false
        return lexicon
    }

    @Test func namesWithoutCapitalsFollowTitlesAndSpeechVerbs() throws {
        // Lowercase text stands for a caseless script: no capital marks the names.
        let text = "the talks failed, president putin said on monday.\nlavrov said the talks would go on."
        let caseless = QuoteExtractor(lexicon: caselessLexicon()).extract(from: makeDocument(text))
        let names = caseless.compactMap { $0.speaker?.name }
        #expect(names == ["putin", "lavrov"])
        #expect(caseless.first?.speaker?.role == "president")
        // With letter case, lowercase words are no names: "president putin" stays one described source.
        let cased = QuoteExtractor().extract(from: makeDocument(text))
        #expect(cased.first?.speaker?.name == "president putin")
        #expect(cased.first?.speaker?.role == nil)
    }

    @Test func persianSpeakerFromDataAlone() throws {
        // A few Persian words added as data to a caseless lexicon: "Putin said that the talks would continue."
        var lexicon = caselessLexicon()
        lexicon.verbForms["گفت"] = "say"
        lexicon.grammar.complementizers.insert("که")
        let quotes = QuoteExtractor(lexicon: lexicon).extract(
            from: makeDocument("پوتین گفت که مذاکرات ادامه خواهد یافت."))
        let quote = try #require(quotes.first)
        #expect(quote.speaker?.name == "پوتین")
        #expect(quote.speaker?.kind == .person)
        // The same words with the English grammar: no letter is capitalized, so no name is found.
        var cased = AttributionLexicon.bundled
        cased.verbForms["گفت"] = "say"
        cased.grammar.complementizers.insert("که")
        let without = QuoteExtractor(lexicon: cased).extract(
            from: makeDocument("پوتین گفت که مذاکرات ادامه خواهد یافت."))
        #expect(without.first?.speaker?.kind != .person)
    }

    @Test func caselessNamesNeverIncludeFunctionWordsOrVerbs() {
        let lexicon = caselessLexicon()
        let doc = makeDocument("he said that the plan, which officials said was ready, would work.")
        let cues = NameCues(doc: doc, lexicon: lexicon)
        let named = doc.tokens.filter { cues.isName($0) }.map(\.norm)
        #expect(!named.contains { ["he", "said", "that", "the", "which", "officials", "was"].contains($0) })
    }

    @Test(arguments: [
        "", "said", "president", "president said", "said president", "قال", "قال بوتين", "بوتين قال:", "“”",
        "الرئيس الرئيس الرئيس", "said said said", "president putin lavrov shoigu said", "پوتین گفت که",
        "a, b, c, d said e f g h i j k", "\n\n\n", "“x,” said y, “z.”",
    ])
    func caselessParseNeverCrashes(text: String) {
        let lexicon = caselessLexicon()
        let doc = makeDocument(text)
        for q in QuoteExtractor(lexicon: lexicon).extract(from: doc) { #expect(q.span.end <= text.utf8.count) }
        _ = CitationExtractor(lexicon: lexicon).extract(from: doc)
        // Random scalars from several scripts, spaces and punctuation.
        var generator = SystemRandomNumberGenerator()
        let pool = Array("ab قال بوتين، «» “” . , : ; پوتین гов Київ 東京 — ' - \n".unicodeScalars)
        for _ in 0..<20 {
            var scalars = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0..<200, using: &generator) {
                scalars.append(pool[Int.random(in: 0..<pool.count, using: &generator)])
            }
            let random = text + String(scalars)
            _ = QuoteExtractor(lexicon: lexicon).extract(from: makeDocument(random))
            _ = LanguageDetector().detect(random)
        }
    }

    @Test func userGrammarFileMergesByLanguage() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("grammar-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: url) }
        var en = try #require(GrammarLexicon.bundled.language("en"))
        en.code = "xx"
        en.hasCase = false
        try JSONEncoder().encode(GrammarLexicon(languages: [en])).write(to: url)
        let merged = GrammarLexicon.bundled.merging(try GrammarLexicon(contentsOf: url))
        #expect(merged.language("xx-YY")?.hasCase == false)
        #expect(merged.language("en")?.hasCase == true)
        #expect(merged.language("zz")?.code == "en")
    }
}
