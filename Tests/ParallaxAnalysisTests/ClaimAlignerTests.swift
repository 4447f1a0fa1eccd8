@testable import ParallaxAnalysis
import Testing

struct ClaimAlignerTests {
    func claim(containing phrase: String, in claims: [Claim], documents: [Document]) -> Claim? {
        claims.first { c in c.occurrences.contains { sentence($0, in: documents).contains(phrase) } }
    }

    @Test func alignsTheSameFactInOtherWords() throws {
        let (story, documents) = StoryFixtures.quakeStory()
        let claims = ClaimAligner().align(story: story, documents: documents)
        let toll = try #require(claim(containing: "killing at least 37", in: claims, documents: documents))
        #expect(Set(toll.articles) == ["quake-a", "quake-b", "quake-c"])
        let epicentre = try #require(claim(containing: "20 kilometres south", in: claims, documents: documents))
        #expect(Set(epicentre.articles) == ["quake-a", "quake-b", "quake-c"])
        let emergency = try #require(claim(containing: "state of emergency across", in: claims, documents: documents))
        #expect(Set(emergency.articles) == ["quake-a", "quake-b"])
        let rescue = try #require(claim(containing: "Rescue teams", in: claims, documents: documents))
        #expect(rescue.articles.count >= 2)
    }

    /// A statement and its negation are two claims; double negation and names under a negation do not split.
    @Test func aStatementAndItsNegationAreTwoClaims() throws {
        let documents = StoryFixtures.documents([
            ("a", "Post", "2026-03-02", "The Lorval Front has claimed responsibility for the bombing of the Varna rail depot."),
            ("b", "Herald", "2026-03-02", "The Lorval Front stopped short of claiming responsibility for the Varna rail depot bombing."),
            ("c", "Gazette", "2026-03-02", "The Lorval Front claimed responsibility on Monday for bombing the rail depot at Varna."),
            ("d", "Courier", "2026-03-02", "The Lorval Front did not deny responsibility for the bombing of the Varna rail depot."),
        ])
        let story = Story(id: "s", title: "Varna", articles: documents.map(\.id))
        let claims = ClaimAligner().align(story: story, documents: documents)
        let claimed = try #require(claim(containing: "has claimed", in: claims, documents: documents))
        #expect(claimed.articles.contains("c"))
        #expect(!claimed.articles.contains("b"))
        let denied = try #require(claim(containing: "stopped short", in: claims, documents: documents))
        #expect(denied.articles == ["b"])
    }

    /// "Could not be verified" lines are notes on the reporting, aligned with each other and marked.
    @Test func verificationNotesAreMarked() throws {
        let documents = StoryFixtures.documents([
            ("a", "Post", "2026-03-02",
             "Rebels said they shot down two army helicopters near Varna. The rebels' claim about the helicopters could not be independently verified."),
            ("b", "Herald", "2026-03-02",
             "Rebels claimed to have downed two army helicopters near Varna. Reporters were unable to verify the rebel claim about the helicopters."),
        ])
        let story = Story(id: "s", title: "Varna", articles: documents.map(\.id))
        let claims = ClaimAligner().align(story: story, documents: documents)
        let note = try #require(claim(containing: "could not", in: claims, documents: documents))
        #expect(note.isVerificationNote)
        let fact = try #require(claim(containing: "shot down", in: claims, documents: documents))
        #expect(!fact.isVerificationNote)
        #expect(fact.articles == ["a", "b"])
    }

    @Test func headlinesAndCreditLinesAreNotClaims() {
        let documents = StoryFixtures.documents([
            ("ferry-a", "Harbour Post", "2026-04-02",
             "Ferry runs aground off Tallby island\nThe ferry Northern Star ran aground off Tallby island on Tuesday with 240 passengers aboard.\n(Reporting by Jane Doe; editing by Tom Roe)"),
            ("ferry-b", "Island News", "2026-04-02",
             "Island News, Tuesday 1 Apr 2026\nThe ferry Northern Star ran aground near Tallby island on Tuesday, carrying 240 passengers."),
        ])
        let story = Story(id: "story-1", title: "Ferry", articles: documents.map(\.id))
        let claims = ClaimAligner().align(story: story, documents: documents)
        #expect(claims.count == 1)
        #expect(Set(claims.first?.articles ?? []) == ["ferry-a", "ferry-b"])
    }

    @Test(arguments: [true, false])
    func factsCreditedToTheSameSourceDoNotAlignOnItsName(_ creditAware: Bool) {
        let documents = StoryFixtures.documents([
            ("hike-a", "Alp Post", "2026-02-02", "Four hikers were still missing, the Bergtal mountain rescue service said."),
            ("hike-b", "Valley News", "2026-02-02",
             "The cable car will stay closed until spring, the Bergtal mountain rescue service said.\nFour hikers remain missing on the ridge, rescuers said."),
        ])
        let story = Story(id: "story-1", title: "Hikers", articles: documents.map(\.id))
        let aligner = creditAware ? ClaimAligner() : ClaimAligner(attributions: nil)
        let claims = aligner.align(story: story, documents: documents)
        let cable = claims.first { c in c.occurrences.contains { sentence($0, in: documents).contains("cable car") } }
        if creditAware {
            #expect(cable?.articles == ["hike-b"])
            let missing = claims.first { c in c.occurrences.contains { sentence($0, in: documents).contains("Four hikers were") } }
            #expect(missing?.occurrences.map { sentence($0, in: documents) }.contains { $0.contains("remain missing") } == true)
        } else {
            // Without the credit left out, the shared source name alone aligns the two facts.
            #expect(cable?.articles.count == 2)
        }
    }

    @Test func sharedNamesAloneDoNotAlign() {
        let documents = StoryFixtures.documents([
            ("port-a", "Harbour Post", "2026-02-02", "Transport Minister Ada Lindqvist Holm arrived in Port Varne shortly after noon."),
            ("port-b", "Island News", "2026-02-02", "Transport Minister Ada Lindqvist Holm blamed the closure on Port Varne managers."),
            ("port-c", "Coast Daily", "2026-02-02", "Transport Minister Ada Lindqvist Holm blamed managers for the closure."),
        ])
        let story = Story(id: "story-1", title: "Port", articles: documents.map(\.id))
        let claims = ClaimAligner().align(story: story, documents: documents)
        let arrival = claims.first { c in c.occurrences.contains { sentence($0, in: documents).contains("arrived") } }
        #expect(arrival?.articles == ["port-a"])
        let blame = claims.first { c in c.occurrences.contains { sentence($0, in: documents).contains("blamed the closure") } }
        #expect(blame.map { Set($0.articles) } == ["port-b", "port-c"])
    }

    @Test func unrelatedSentenceDoesNotAlign() throws {
        let (story, documents) = StoryFixtures.quakeStory()
        let claims = ClaimAligner().align(story: story, documents: documents)
        let football = try #require(claim(containing: "football team", in: claims, documents: documents))
        #expect(football.articles == ["quake-a"])
        let aftershocks = try #require(claim(containing: "Aftershocks", in: claims, documents: documents))
        #expect(aftershocks.articles == ["quake-c"])
    }

    @Test func claimsAreOrderedAndTraceable() {
        let (story, documents) = StoryFixtures.quakeStory()
        let claims = ClaimAligner().align(story: story, documents: documents)
        #expect(Set(claims.map(\.id)).count == claims.count)
        #expect(claims.allSatisfy { $0.id.hasPrefix("c-") })
        #expect(zip(claims, claims.dropFirst()).allSatisfy { $0.articles.count >= $1.articles.count })
        let byID = Dictionary(uniqueKeysWithValues: documents.map { ($0.id, $0) })
        for claim in claims {
            #expect(Set(claim.occurrences.map(\.article)).count == claim.occurrences.count)
            #expect(claim.occurrences.contains { sentence($0, in: documents) == claim.text })
            for o in claim.occurrences { #expect(String(byID[o.article]!.text(of: o.span)) == sentence(o, in: documents)) }
        }
    }

    @Test func skipsQuestionsShortLinesAndRepeats() {
        let documents = StoryFixtures.documents([
            (
                "x", nil, nil,
                "Will the dam hold this winter?\nRead more.\nEngineers inspected the dam walls on Monday.\n"
                    + "Engineers inspected the dam walls on Monday."
            )
        ])
        let story = Story(id: "s", title: "", articles: ["x"])
        let claims = ClaimAligner().align(story: story, documents: documents)
        #expect(claims.map(\.text) == ["Engineers inspected the dam walls on Monday."])
    }

    @Test func reusedMarksFindTheSameCandidatesAsFreshOnes() {
        var index = CandidateIndex<Int>()
        var state: UInt64 = 12_345
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        let keys = (0..<300).map { _ in Set((0..<6).map { _ in next(40) }) }
        for (item, k) in keys.enumerated() { index.insert(item, keys: k.sorted()) }
        var marks = CandidateMarks(count: keys.count)
        for (item, k) in keys.enumerated() {
            for limit in [3, 50, 1_000] {
                var freshMarks = CandidateMarks(count: keys.count)
                let fresh = index.candidates(of: k.sorted(), limit: limit, marks: &freshMarks, accept: { $0 != item })
                let reused = index.candidates(of: k.sorted(), limit: limit, marks: &marks, accept: { $0 != item })
                #expect(fresh == reused)
            }
        }
    }

    /// Edges built in blocks and appended are the edges built in one pass.
    @Test func appendedBlocksOfEdgesAreTheEdgesOfOnePass() {
        var whole = ClassEdges()
        var first = ClassEdges()
        var second = ClassEdges()
        for x in 0..<6 {
            for y in stride(from: 5, to: x, by: -2) {
                whole.add(Int32(y), UInt32(10 * x + y))
                if x < 3 { first.add(Int32(y), UInt32(10 * x + y)) } else { second.add(Int32(y), UInt32(10 * x + y)) }
            }
            whole.close()
            if x < 3 { first.close() } else { second.close() }
        }
        first.append(second)
        whole.transpose()
        first.transpose()
        for x in 0..<6 {
            #expect(first.outgoing(x).map(\.other) == whole.outgoing(x).map(\.other))
            #expect(first.outgoing(x).map(\.scaled) == whole.outgoing(x).map(\.scaled))
            #expect(first.incoming(x).map(\.other) == whole.incoming(x).map(\.other))
        }
    }

    /// A story big enough for the pair search to run in blocks on several threads gets the same claims as on one.
    @Test func aBigStoryGetsTheSameClaimsOnOneThreadAndOnSeveral() {
        var state: UInt64 = 0xC1A1
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        // 240 articles of 12 sentences (over 200 articles and 2,048 distinct sentences and claims: the thresholds of
        // the threaded feature pass, pair search and representatives) drawn from 1,500 facts, retold with a few
        // words changed.
        let words = (0..<400).map { CorpusFixtures.word(100 + $0) }
        let facts = (0..<1_500).map { _ in (0..<9).map { _ in words[next(words.count)] } }
        let documents = (0..<240).map { a in
            let sentences = (0..<12).map { _ -> String in
                var fact = facts[next(facts.count)]
                for _ in 0..<next(3) { fact[next(fact.count)] = words[next(words.count)] }
                return fact.joined(separator: " ").capitalized + "."
            }
            return DocumentBuilder().build(
                Article(id: "a\(a)", source: "test", published: Day(iso: "2024-05-31"), text: sentences.joined(separator: " ")))
        }
        let story = Story(id: "s", title: "t", articles: documents.map(\.id))
        var aligner = ClaimAligner(attributions: nil)
        let one = aligner.align(story: story, documents: documents)
        aligner.concurrency = 2
        let two = aligner.align(story: story, documents: documents)
        #expect(one.count >= 2_048)
        #expect(one == two)
    }

    @Test func classEdgesListEachClassNeighboursInClassOrder() {
        var edges = ClassEdges()
        // Class 0 pairs with 2 then 1; class 1 with 3; class 2 with 3; class 3 with none.
        edges.add(2, 20)
        edges.add(1, 10)
        edges.close()
        edges.add(3, 13)
        edges.close()
        edges.add(3, 23)
        edges.close()
        edges.close()
        edges.transpose()
        #expect(edges.outgoing(0).map(\.other) == [1, 2])
        #expect(edges.outgoing(0).map(\.scaled) == [10, 20])
        #expect((0..<4).map { edges.source(ofEntry: $0) } == [0, 0, 1, 2])
        #expect(edges.incoming(0).isEmpty)
        #expect(edges.incoming(3).map(\.other) == [1, 2])
        #expect(edges.incoming(3).map(\.scaled) == [13, 23])
        #expect(edges.incoming(1).map(\.other) == [0])
        #expect(edges.outgoing(3).isEmpty)
    }
}
