import ParallaxCore
import Testing

@testable import ParallaxAnalysis

struct QuoteAlignerTests {
    let docs = [
        makeDocument(
            "“We will open the new harbour terminal in September and hire two hundred local workers,” port director Eva Lind said.\nThe weather was calm.",
            id: "x"),
        makeDocument(
            "The port will “open the new harbour terminal in September,” a port spokesman said.\nFishermen said the catch had doubled this year.",
            id: "y"),
        makeDocument(
            "We will open the new harbor terminal in September and hire 200 local workers, Lind said.", id: "z"),
    ]

    @Test func sameStatementAcrossArticlesIsOneQuote() throws {
        let quotes = QuoteAligner().align(docs)
        let q = try #require(quotes.first)
        #expect(q.id == StableID.make("q", "Eva Lind", q.text))
        #expect(q.occurrences.map(\.article) == ["x", "y", "z"])
        #expect(q.occurrences.map(\.quoted) == [true, true, false])
        #expect(q.text.hasPrefix("We will open the new harbour terminal"))
        #expect(q.speaker == "Eva Lind")
        #expect(q.speakerRole == "port director")
        // The fullest wording has no changes; the partial one misses the rest.
        #expect(q.occurrences[0].diff.allSatisfy { $0.kind == .same })
        #expect(q.occurrences[1].diff.contains { $0.kind == .removed && $0.text.contains("hire") })
        #expect(q.occurrences[2].diff.contains { $0.kind == .added && $0.text.contains("harbor") })
    }

    @Test func differentStatementsStaySeparateWithStableIds() {
        let quotes = QuoteAligner().align(docs)
        // Ids come from content: the same quotes from the documents in another order keep their ids.
        #expect(quotes.count == 2 && Set(quotes.map(\.id)).count == 2)
        #expect(quotes.allSatisfy { $0.id.hasPrefix("q-") })
        #expect(Set(QuoteAligner().align(Array(docs.reversed())).map(\.id)) == Set(quotes.map(\.id)))
        #expect(quotes.last?.occurrences.map(\.article) == ["y"])
        #expect(quotes.last?.speaker == "Fishermen")
    }

    @Test func shorterDescriptionOfTheSameSourceAlignsAShortStatement() {
        let a = makeDocument("Three sailors were missing, the regional coast guard office said.", id: "a")
        let b = makeDocument(
            "Three sailors were missing and nine were rescued from the water, the coast guard office said.", id: "b")
        let quotes = QuoteAligner().align([a, b])
        #expect(quotes.count == 1)
        #expect(quotes.first?.occurrences.map(\.article) == ["a", "b"])
    }

    @Test func differentHeadsAreDifferentSpeakers() {
        let aligner = QuoteAligner()
        let span = TextSpan(start: 0, end: 1)
        let office = SpeakerResolver.Speaker(
            name: "the coast guard office", role: nil, kind: .organization, mention: span, isAnaphor: false)
        let chief = SpeakerResolver.Speaker(
            name: "the coast guard", role: nil, kind: .organization, mention: span, isAnaphor: false)
        #expect(!aligner.sameSpeaker(office, chief))
        #expect(aligner.sameSpeaker(office, office))
    }

    @Test func sharedTopicWordsAloneDoNotAlign() {
        let a = makeDocument("The harbour terminal is too expensive, a council member said.", id: "a")
        let b = makeDocument("The harbour terminal opened with a concert, the organizers said.", id: "b")
        #expect(QuoteAligner().align([a, b]).count == 2)
    }

    @Test func outletReportsAreLeftToCitationsByDefault() {
        let doc = makeDocument("The terminal will cost 40 million euros, Reuters reported.")
        #expect(QuoteAligner().align([doc]).isEmpty)
        var aligner = QuoteAligner()
        aligner.includeOutletReports = true
        #expect(aligner.align([doc]).count == 1)
    }

    @Test func stemmingIsSymmetric() {
        #expect(QuoteAligner.stem("attacking") == QuoteAligner.stem("attacked"))
        #expect(QuoteAligner.stem("weapons") == "weapon")
        #expect(QuoteAligner.stem("press") == "press")
    }
}

extension QuoteAlignerTests {
    @Test func differentNamedSpeakersNeverAlign() {
        let a = makeDocument("Mayor Ana Lopez said the new harbour terminal will open in September with two hundred jobs.", id: "a")
        let b = makeDocument("Governor Tom Reyes said the new harbour terminal will open in September with two hundred jobs.", id: "b")
        #expect(QuoteAligner().align([a, b]).count == 2)
    }
}

extension QuoteAlignerTests {
    @Test func shortVerbatimQuotationJoinsTheFullOne() throws {
        let a = makeDocument(
            "“The breach was caused by months of neglected maintenance, and those responsible will answer for it,” the minister said.", id: "a")
        let b = makeDocument("The minister blamed “months of neglected maintenance” for the breach, her office said.", id: "b")
        let c = makeDocument("“Those responsible will answer for it,” she said.", id: "c")
        let quotes = QuoteAligner().align([a, b, c])
        let q = try #require(quotes.first)
        #expect(q.occurrences.map(\.article) == ["a", "b", "c"])
    }
}
