import Testing

@testable import ParallaxAnalysis

struct FramingDetectorTests {
    static let detector = FramingDetector()

    func use(_ phrase: String, in uses: [FramingUse]) -> FramingUse? { uses.first { $0.phrase == phrase } }

    @Test func matchesCaseInsensitivelyAcrossHyphensAndSpaces() throws {
        let a = testDocument("Since the Full Scale Invasion, exports fell.", id: "a")
        let b = testDocument("Two years into the full-scale invasion, talks resumed.", id: "b")
        let uses = Self.detector.detect([a, b])
        let invasion = try #require(use("full-scale invasion", in: uses))
        #expect(invasion.articles == ["a", "b"])
        #expect(invasion.note != nil)
        #expect(invasion.occurrences.map(\.article) == ["a", "b"])
        #expect(String(a.text(of: invasion.occurrences[0].span)) == "Full Scale Invasion")
    }

    /// A use after a distancing qualifier is qualified, one inside quotation marks quoted, the rest bare; an outlet
    /// that only distances itself is not among the phrase's bare users.
    @Test func qualifiedAndQuotedUsesAreToldApartFromBareOnes() throws {
        let a = testDocument("Troops of the self-proclaimed Donetsk People's Republic shelled the town.", id: "a")
        let b = testDocument("Officials of what Kyiv calls the Donetsk People's Republic denied it.", id: "b")
        let c = testDocument("“The Donetsk People's Republic will not yield,” its leader said.", id: "c")
        let d = testDocument("The Donetsk People's Republic militia repelled an attack on Friday.", id: "d")
        let dpr = try #require(use("Donetsk People's Republic", in: Self.detector.detect([a, b, c, d])))
        #expect(dpr.articles == ["a", "b", "c", "d"])
        #expect(dpr.occurrences.map(\.usage) == [.qualified, .qualified, .quoted, .bare])
        #expect(dpr.occurrences.map(\.qualifier) == ["self-proclaimed", "what Kyiv calls", nil, nil])
        #expect(dpr.bareArticles == ["d"])
        #expect(dpr.distancing(in: "a") == "“self-proclaimed”")
        #expect(dpr.distancing(in: "c") == "quoted")
        #expect(dpr.distancing(in: "d") == nil)
    }

    @Test func possessiveFormsCount() throws {
        let a = testDocument("The Kiev regime’s losses mounted, officials said.", id: "a")
        let regime = try #require(use("Kiev regime", in: Self.detector.detect([a])))
        #expect(String(a.text(of: regime.occurrences[0].span)) == "Kiev regime")
        #expect(sentence(regime.occurrences[0], in: [a]) == "The Kiev regime’s losses mounted, officials said.")
    }

    @Test func liberatedCountsOnlyAboutPlaces() {
        let a = testDocument("Troops liberated the village of Ocheretino, the ministry said.", id: "a")
        let b = testDocument("The hostages were liberated after talks.", id: "b")
        let uses = Self.detector.detect([a, b])
        #expect(use("liberated", in: uses)?.articles == ["a"])
    }

    @Test func wordsInsideOtherWordsDoNotMatch() {
        let a = testDocument("The smartyr app and the regimented schedule were so calledly odd.", id: "a")
        #expect(Self.detector.detect([a]).isEmpty)
    }

    @Test func longestPhraseWinsOverItsParts() {
        let a = testDocument("He denounced the neo-Nazi regime in Kiev again.", id: "a")
        let uses = Self.detector.detect([a])
        #expect(uses.map(\.phrase) == ["Nazi regime in Kiev"])
    }

    @Test func customLexiconEntriesAreUsed() {
        let lexicon = FramingLexicon(entries: [
            FramingLexicon.Entry(phrase: "death tax", forms: ["death tax*"], note: "Opponents' name for the estate tax")
        ])
        let a = testDocument("Critics attacked the death taxes again.", id: "a")
        let uses = FramingDetector(lexicon: lexicon).detect([a])
        #expect(uses.map(\.phrase) == ["death tax"])
        #expect(uses.first?.note == "Opponents' name for the estate tax")
    }
}
