import ParallaxCore
import Testing

@testable import ParallaxAnalysis

struct NameVariantFinderTests {
    static let finder = NameVariantFinder(folding: NamingLexicon.bundled.variantFolding ?? [])

    func forms(_ choices: [NamingChoice]) -> [[String]] { choices.map { $0.variants.map(\.form).sorted() } }

    /// Transliterations of one place and one person across outlets are found, with which article uses which.
    @Test func findsTransliterationsThatOutletsChooseBetween() throws {
        let a = testDocument(
            "A missile hit a depot in the city of Pervomaisk on Monday. Governor Oleksiy Voronenko said two people died.",
            id: "a")
        let b = testDocument(
            "Strikes on the city of Pervomaysk were reported on Monday. Governor Alexei Voronenko said two people died.",
            id: "b")
        let c = testDocument(
            "Officials in the city of Pervomaysk counted the damage. Governor Oleksii Voronenko said two people died in the fire.",
            id: "c")
        let choices = Self.finder.variants(in: [a, b, c])
        let city = try #require(choices.first { $0.variants.contains { $0.form == "Pervomaysk" } })
        #expect(city.discovered)
        #expect(city.entity == "Pervomaysk")
        #expect(city.variants.map(\.form) == ["Pervomaysk", "Pervomaisk"])
        #expect(city.variants.map(\.articles) == [["b", "c"], ["a"]])
        #expect(String(a.text(of: city.variants[1].occurrences[0].span)) == "Pervomaisk")
        #expect(forms(choices).contains(["Oleksii", "Oleksiy"]))
    }

    /// Inflections, other names with similar letters, words that also appear in lowercase, forms always used
    /// together and names outside any shared context are not variants.
    @Test func keepsApartWhatIsNotOneNameSpelledTwoWays() {
        let a = testDocument(
            "Troops left Ukraine on Monday, a Navy spokesman said. Sergei Shoigu praised Danny Brown of the Navy.",
            id: "a")
        let b = testDocument(
            "Ukrainian troops left on Monday, the navy said. Sergei Shoigu met Dean Brian near the border.",
            id: "b")
        let c = testDocument("Sergei Shoigu spoke. Lake Vantor froze over as Ukrainian troops rested.", id: "c")
        let d = testDocument("Snow fell near Lake Ventor on Monday, far from any troops.", id: "d")
        #expect(Self.finder.variants(in: [a, b, c, d]).isEmpty)
    }

    /// Spans a lexicon matched are left to the lexicon; discovered choices follow the lexicon's in the analyzer.
    @Test func lexiconNamesAreNotRediscoveredAndDiscoveriesComeAfterThem() throws {
        let a = ArticleAnnotator(outlets: .bundled).annotate(
            testDocument("Shelling hit Kyiv and the city of Pervomaisk overnight, officials in Kyiv said.", id: "a").article)
        let b = ArticleAnnotator(outlets: .bundled).annotate(
            testDocument("Shelling hit Kiev and the city of Pervomaysk overnight, officials in Kiev said.", id: "b").article)
        let choices = NamingAnalyzer().choices(from: [a, b])
        #expect(choices.map(\.discovered) == [false, true])
        #expect(choices.first?.entity == "Kyiv")
        #expect(choices.last?.variants.map(\.form).sorted() == ["Pervomaisk", "Pervomaysk"])
    }

    @Test func editDistanceStopsAtItsBound() {
        #expect(NameVariantFinder.distance(Array("kremencuk"), Array("kremencuh"), bound: 2) == 1)
        #expect(NameVariantFinder.distance(Array("abcdef"), Array("uvwxyz"), bound: 2) == 3)
        #expect(NameVariantFinder.distance([], Array("abc"), bound: 5) == 3)
        #expect(NameVariantFinder.isInflection(Array("ukraine"), Array("ukrainian")))
        #expect(!NameVariantFinder.isInflection(Array("dmitry"), Array("dmitri")))
        #expect(!NameVariantFinder.isInflection(Array("ecuadorian"), Array("ecuadorean")))
    }
}
