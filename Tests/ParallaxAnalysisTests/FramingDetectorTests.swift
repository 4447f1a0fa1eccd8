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
