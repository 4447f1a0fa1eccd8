import ParallaxAnalysis
import Testing

struct SynthesisBuilderTests {
    @Test func keepsClaimsOfTwoOrMoreIndependentSources() throws {
        let (story, documents) = StoryFixtures.quakeStory()
        let claims = ClaimAligner().align(story: story, documents: documents)
        let points = SynthesisBuilder().build(claims: claims, story: story, documents: documents)
        #expect(!points.isEmpty)
        #expect(points.allSatisfy { $0.independentSources >= 2 })
        #expect(points.first?.independentSources == 3)
        #expect(zip(points, points.dropFirst()).allSatisfy { $0.independentSources >= $1.independentSources })
        #expect(!points.contains { $0.text.contains("football") })
        let toll = try #require(points.first { $0.text.contains("37") })
        #expect(toll.outlets.sorted() == ["Coastal Times", "Daily Ledger", "World Wire"])
    }

    @Test func copiesAndSameOutletCountOnce() {
        let documents = StoryFixtures.documents([
            ("a", "Wire", nil, "Rescue teams pulled 12 survivors from the collapsed Marenza hospital on Tuesday."),
            ("b", "Paper", nil, "Rescue teams pulled 12 survivors from the collapsed Marenza hospital on Tuesday."),
            (
                "c", "Wire", nil,
                "Twelve survivors, 12 in all, were pulled by rescue teams from Marenza's collapsed hospital."
            ),
        ])
        let claims = [
            Claim(
                id: "c1", text: "", articles: ["a", "b", "c"],
                occurrences: documents.map { d in
                    SpanReference(
                        article: d.id, span: d.sentences[0].span,
                        sentenceSpan: d.sentences[0].span)
                })
        ]
        let copies = Story(id: "s", title: "", articles: ["a", "b", "c"], copies: [["a", "b"]])
        #expect(SynthesisBuilder().build(claims: claims, story: copies, documents: documents).isEmpty)
        let independent = Story(id: "s", title: "", articles: ["a", "b", "c"])
        let points = SynthesisBuilder().build(claims: claims, story: independent, documents: documents)
        #expect(points.map(\.independentSources) == [2])
        #expect(points.first?.outlets == ["Wire", "Paper"])
        #expect(points.first?.articles == ["a", "b", "c"])
    }

    @Test func prefersWordingThatDoesNotOpenWithAPronoun() {
        let documents = StoryFixtures.documents([
            ("a", "Wire", nil, "She said the ferry to Tallby island would resume sailing on Friday."),
            ("b", "Paper", nil, "Mayor Ines Moll said the ferry to Tallby island would resume sailing on Friday."),
        ])
        let claims = [
            Claim(
                id: "c1", text: "", articles: ["a", "b"],
                occurrences: documents.map { d in
                    SpanReference(
                        article: d.id, span: d.sentences[0].span,
                        sentenceSpan: d.sentences[0].span)
                })
        ]
        let story = Story(id: "s", title: "", articles: ["a", "b"])
        let points = SynthesisBuilder().build(claims: claims, story: story, documents: documents)
        #expect(points.first?.text.hasPrefix("Mayor Ines Moll said") == true)
    }

    @Test func prefersWordingWithoutLoadedTermsOrQuotes() {
        let texts = [
            "The brutal regime shelled the village of Orlin on Monday, killing 4 people.",
            "\u{201C}They shelled Orlin on Monday and killed 4 of our people,\u{201D} the mayor said.",
            "Artillery shelled the village of Orlin on Monday, killing 4 people, officials said.",
        ]
        let documents = StoryFixtures.documents(
            texts.enumerated().map { ("d\($0.offset)", "Outlet \($0.offset)", nil, $0.element) })
        let claim = Claim(
            id: "c1", text: texts[0], articles: documents.map(\.id),
            occurrences: documents.map { d in
                SpanReference(
                    article: d.id, span: d.sentences[0].span,
                    sentenceSpan: d.sentences[0].span)
            })
        let story = Story(id: "s", title: "", articles: documents.map(\.id))
        let points = SynthesisBuilder().build(claims: [claim], story: story, documents: documents)
        #expect(points.first?.text == texts[2])
    }

    @Test func cutsWireDatelines() {
        let documents = StoryFixtures.documents([
            ("a", "A", nil, "MARENZA (Wire) \u{2013} Rescue teams pulled 12 survivors from the collapsed hospital."),
            ("b", "B", nil, "Rescue teams pulled 12 survivors from the collapsed hospital, officials said on Tuesday."),
        ])
        let claim = Claim(
            id: "c1", text: "", articles: ["a", "b"],
            occurrences: [documents[0]].map { d in
                SpanReference(
                    article: d.id, span: d.sentences[0].span,
                    sentenceSpan: d.sentences[0].span)
            })
        let story = Story(id: "s", title: "", articles: ["a", "b"])
        let points = SynthesisBuilder().build(claims: [claim], story: story, documents: documents)
        #expect(points.first?.text == "Rescue teams pulled 12 survivors from the collapsed hospital.")
    }
}
