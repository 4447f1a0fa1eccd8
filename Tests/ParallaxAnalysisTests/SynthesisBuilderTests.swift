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
            ("b", "Paper", nil, "On Tuesday 12 people were rescued alive from the ruins of the Marenza hospital."),
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

    /// Two outlets with one claim in the same narrative words are one source for it; a sentence mostly in quotation
    /// marks is not reuse (outlets quote one statement alike); notes that something could not be verified are no
    /// points; every listed outlet carries the claim.
    @Test func reusedWordingCountsOnceAndNotesAreNoFacts() {
        let reused = "Rescue teams pulled 12 survivors from the collapsed Marenza hospital on Tuesday."
        let quoted = "\"We pulled 12 survivors from the collapsed Marenza hospital on Tuesday night,\" the chief said."
        let note = "The figure of 12 survivors could not be independently verified by reporters on Tuesday."
        let otherNote = "Reporters were unable to verify on Tuesday that 12 survivors were found."
        let documents = StoryFixtures.documents([
            ("a", "Wire", nil, reused + " " + quoted + " " + note),
            ("b", "Paper", nil, reused + " " + quoted + " " + otherNote),
            ("c", "Gazette", nil, "Twelve survivors, 12 in all, were pulled by rescue teams from Marenza's hospital."),
            ("d", "Herald", nil, "Nothing else happened here today in the quiet town of Lorval, the mayor said."),
        ])
        func claim(_ id: String, sentence: Int, of articles: [String], note: Bool = false) -> Claim {
            let occurrences = documents.filter { articles.contains($0.id) }.map { d in
                let i = d.id == "c" ? 0 : sentence
                return SpanReference(article: d.id, span: d.sentences[i].span, sentenceSpan: d.sentences[i].span)
            }
            return Claim(id: id, text: "", articles: articles, occurrences: occurrences, isVerificationNote: note)
        }
        let claims = [
            claim("told", sentence: 0, of: ["a", "b", "c"]),
            claim("quoted", sentence: 1, of: ["a", "b"]),
            claim("note", sentence: 2, of: ["a", "b"], note: true),
        ]
        let story = Story(id: "s", title: "", articles: ["a", "b", "c", "d"])
        let points = SynthesisBuilder().build(claims: claims, story: story, documents: documents)
        #expect(points.map(\.claim) == ["told", "quoted"])
        #expect(points.first?.independentSources == 2)
        #expect(points.first?.outlets == ["Wire", "Paper", "Gazette"])
        #expect(points.last?.independentSources == 2)
    }

    /// Articles that share two or more narrative sentences word for word (reused paragraphs) are one source for
    /// every claim they share, also one they word differently.
    @Test func partialCopiesAreOneSource() {
        let shared =
            "The dam on the Stavar river burst early on Tuesday after a week of heavy rain. "
            + "About 1,200 people from three villages spent the night in school halls and churches."
        let documents = StoryFixtures.documents([
            ("a", "Wire", nil, shared + " Water levels were falling by Wednesday morning, the district office said."),
            ("b", "Paper", nil, shared + " By Wednesday morning the water was receding, according to the district."),
        ])
        let claims = [
            Claim(
                id: "c1", text: "", articles: ["a", "b"],
                occurrences: documents.map { d in
                    SpanReference(article: d.id, span: d.sentences[2].span, sentenceSpan: d.sentences[2].span)
                })
        ]
        let story = Story(id: "s", title: "", articles: ["a", "b"])
        #expect(SynthesisBuilder().build(claims: claims, story: story, documents: documents).isEmpty)
        var loose = SynthesisBuilder.Configuration()
        loose.partialCopySentences = 3
        let points = SynthesisBuilder(configuration: loose).build(claims: claims, story: story, documents: documents)
        #expect(points.first?.independentSources == 2)
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
