import Foundation
import Testing

@testable import ParallaxAnalysis

struct NamingAnalyzerTests {
    static let analyzer = NamingAnalyzer()

    func variant(_ form: String, of entity: String, in choices: [NamingChoice]) -> NamingVariant? {
        choices.first { $0.entity == entity }?.variants.first { $0.form == form }
    }

    @Test func reportsAnEntityWhoseNameVariesBetweenArticles() throws {
        let a = testDocument("Officials in Kyiv’s city hall met on Monday.", id: "a")
        let b = testDocument("The Kiev regime said the Kiev-based council and pro-Kiev groups agreed.", id: "b")
        let choices = Self.analyzer.analyze([a, b])
        let kyiv = try #require(variant("Kyiv", of: "Kyiv", in: choices))
        let kiev = try #require(variant("Kiev", of: "Kyiv", in: choices))
        #expect(kyiv.articles == ["a"])
        #expect(kiev.articles == ["b"])
        #expect(kiev.occurrences.count == 3)
        // The possessive is not part of the span; hyphen parts are.
        #expect(kyiv.occurrences.map { String(a.text(of: $0.span)) } == ["Kyiv"])
        #expect(kiev.occurrences.map { String(b.text(of: $0.span)) } == ["Kiev", "Kiev", "Kiev"])
        #expect(kyiv.occurrences.first.map { sentence($0, in: [a]) } == "Officials in Kyiv’s city hall met on Monday.")
    }

    @Test func oneFormAloneIsNotAChoiceUnlessAsked() {
        let a = testDocument("Kharkiv was shelled again.", id: "a")
        let b = testDocument("Residents of Kharkiv fled.", id: "b")
        #expect(Self.analyzer.analyze([a, b]).isEmpty)
        let all = NamingAnalyzer(minimumForms: 1).analyze([a, b])
        #expect(all.map(\.entity) == ["Kharkiv"])
        #expect(all.first?.variants.first?.articles == ["a", "b"])
    }

    @Test func oneArticleUsingTwoFormsCounts() {
        let a = testDocument("Zelenskyy spoke; later Zelensky wrote a letter.", id: "a")
        let choices = Self.analyzer.analyze([a])
        #expect(choices.first?.variants.map(\.form).sorted() == ["Zelensky", "Zelenskyy"])
    }

    @Test func excludedPhrasesAndLowercaseWordsAreNotUses() {
        let a = testDocument("The menu had Chicken Kiev and roast turkey.", id: "a")
        let b = testDocument("Kyiv and Türkiye signed a deal.", id: "b")
        let c = testDocument("Turkey welcomed it.", id: "c")
        let choices = NamingAnalyzer(minimumForms: 1).analyze([a, b, c])
        #expect(variant("Kiev", of: "Kyiv", in: choices) == nil)
        #expect(variant("Turkey", of: "Türkiye", in: choices)?.articles == ["c"])
        #expect(variant("Türkiye", of: "Türkiye", in: choices)?.articles == ["b"])
    }

    @Test func longestFormWinsAndCyrillicInflectionsMatch() {
        let a = testDocument("North Macedonia joined the alliance.", id: "a")
        let b = testDocument("Macedonia applied earlier.", id: "b")
        let c = testDocument("Встреча прошла в Киеве.", id: "c")
        let d = testDocument("Зустріч відбулася у Києві.", id: "d")
        let choices = Self.analyzer.analyze([a, b, c, d])
        #expect(variant("North Macedonia", of: "North Macedonia", in: choices)?.articles == ["a"])
        #expect(variant("Macedonia", of: "North Macedonia", in: choices)?.articles == ["b"])
        #expect(variant("Киев", of: "Kyiv", in: choices)?.articles == ["c"])
        #expect(variant("Київ", of: "Kyiv", in: choices)?.articles == ["d"])
    }

    @Test func userLexiconExtendsTheBundledOne() throws {
        let json = """
            {"entities": [{"name": "Kyiv", "variants": [{"form": "Kyyiv", "patterns": ["Kyyiv"]}]},
                          {"name": "Sea of Galilee", "variants": [{"form": "Sea of Galilee"}, {"form": "Lake Tiberias"}]}]}
            """
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("naming-test-\(UUID()).json")
        try Data(json.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let lexicon = NamingLexicon.bundled.merging(try NamingLexicon(contentsOf: url))
        let a = testDocument("Boats crossed the Sea of Galilee.", id: "a")
        let b = testDocument("Boats crossed Lake Tiberias.", id: "b")
        let choices = NamingAnalyzer(lexicon: lexicon).analyze([a, b])
        #expect(choices.map(\.entity) == ["Sea of Galilee"])
        #expect(lexicon.entities.first { $0.name == "Kyiv" }?.variants.count == 5)
        #expect(lexicon.note(entity: "Kyiv", form: "Kiev") != nil)
    }

    @Test func badLexiconFileNamesTheFileAndField() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("naming-bad-\(UUID()).json")
        try Data(#"{"entities": [{"variants": []}]}"#.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let error = try #require(throws: LexiconError.self) { try NamingLexicon(contentsOf: url) }
        #expect(error.file == url.path)
        #expect(error.reason.contains("name"))
    }
}
