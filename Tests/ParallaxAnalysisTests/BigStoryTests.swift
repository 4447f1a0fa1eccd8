import ParallaxCore
import Testing

@testable import ParallaxAnalysis

/// Story stages on stories with many copies and variants: the blocked comparisons find what comparing every pair
/// finds, and copies of one text are counted, not compared again.
struct BigStoryTests {
    /// Statements with variants (a word dropped, a partial quotation, another speaker, reported speech).
    static let statements = [
        "We will rebuild every home that the flood destroyed before the winter comes",
        "The breach was caused by months of neglected maintenance on the old dam",
        "Rescue teams reached the last cut-off villages late on Wednesday night",
        "Our first duty now is to the families who have lost their homes and livelihoods",
        "The government will pay compensation to farmers whose fields were flooded",
        "Nobody warned us that the water level had been rising for three days",
    ]
    static let speakers = ["Minister Ilse Varga", "Mayor Tomas Brandt", "a regional official", "Varga"]

    /// A deterministic story of `count` articles, each with two or three quotations drawn from the statements.
    static func quotedStory(count: Int) -> [Document] {
        var seed: UInt64 = 42
        func next(_ n: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int((seed >> 33) % UInt64(n))
        }
        return (0..<count).map { a in
            let lines = (0..<(2 + next(2))).map { _ -> String in
                var words = statements[next(statements.count)].split(separator: " ").map(String.init)
                switch next(4) {
                case 0: words.remove(at: 1 + next(words.count - 2))
                case 1: words = Array(words.prefix(6))
                default: break
                }
                let speaker = speakers[next(speakers.count)]
                let text = words.joined(separator: " ")
                return next(3) == 0 ? "\(speaker) said that \(text.prefix(1).lowercased() + text.dropFirst())."
                    : "“\(text),” \(speaker) said."
            }
            return makeDocument(lines.joined(separator: "\n"), id: String(format: "art-%03d", a))
        }
    }

    @Test func blockedQuoteGroupsEqualComparingEveryPair() {
        let aligner = QuoteAligner()
        let extractor = QuoteExtractor(lexicon: aligner.lexicon)
        let candidates = Self.quotedStory(count: 60).flatMap { extractor.extract(from: $0) }
        #expect(candidates.count > 120)
        let (groups, _) = aligner.statementGroups(candidates)
        // Every pair of different articles, as the aligner compared them before blocking.
        var sets = DisjointSets(count: candidates.count)
        let units = candidates.map(aligner.sentenceKeys)
        let words = candidates.map(aligner.wordSequence)
        for i in candidates.indices {
            for j in (i + 1)..<candidates.count where candidates[i].article != candidates[j].article {
                if aligner.related(candidates[i], candidates[j], units: (units[i], units[j]), words: (words[i], words[j])) {
                    sets.union(i, j)
                }
            }
        }
        var expected: [Int: [Int]] = [:]
        for i in candidates.indices { expected[sets.root(i), default: []].append(i) }
        #expect(Set(groups) == Set(expected.values))
        #expect(groups.contains { $0.count > 10 })
    }

    @Test func copiesOfOneQuoteAreOneQuoteWithEveryOccurrence() throws {
        let text = "“We will rebuild every home that the flood destroyed,” Minister Ilse Varga said."
        let copies = (0..<300).map { makeDocument(text, id: String(format: "copy-%03d", $0)) }
        let variant = makeDocument("“We will rebuild every home the flood destroyed,” Varga said.", id: "variant")
        let quotes = QuoteAligner().align(copies + [variant])
        let q = try #require(quotes.first)
        #expect(quotes.count == 1)
        #expect(q.occurrences.count == 301)
        #expect(q.occurrences.last?.diff.contains { $0.kind == .removed && $0.text == "that" } == true)
        #expect(q.occurrences.first?.diff.allSatisfy { $0.kind == .same } == true)
    }

    @Test func copiesOfOneTextMakeClaimsWithEveryArticleInAnyOrder() throws {
        let text = """
            The dam on the Stavar river burst on Tuesday, flooding three villages.
            At least 1,200 people were evacuated from their homes overnight, officials said.
            Rescue teams in boats searched the flooded streets of Riverton into the night.
            """
        let documents =
            (0..<250).map { StoryFixtures.documents([("copy-\($0)", "Outlet \($0 % 40)", "2024-05-28", text)])[0] }
            + StoryFixtures.documents([
                ("other", "Other News", "2024-05-28",
                 "More than 1,200 people were evacuated overnight after the Stavar dam burst, officials said."),
            ])
        let story = Story(id: "s", title: "Dam", articles: documents.map(\.id).sorted())
        let claims = ClaimAligner().align(story: story, documents: documents)
        let evacuated = try #require(claims.first { $0.text.contains("evacuated from their homes") })
        #expect(evacuated.articles.count >= 250)
        #expect(claims.filter { $0.articles.count >= 250 }.count == 3)
        let reversed = ClaimAligner().align(story: story, documents: documents.reversed())
        #expect(reversed == claims)
        // 250 articles in the same words are one source, whatever their 40 outlets: no claim has two sources.
        let points = SynthesisBuilder().build(claims: claims, story: story, documents: documents)
        #expect(points.isEmpty)
    }

    @Test func copiesOfOneDatedSentenceAreOneEvent() throws {
        let copies = (0..<300).map {
            testDocument(
                "The dam on the Stavar river burst on Tuesday after days of heavy rain.", id: "c\($0)",
                published: "2024-05-30")
        }
        let other = testDocument(
            "The central bank in Frankfurt held interest rates steady on Tuesday, economists noted.", id: "bank",
            published: "2024-05-30")
        let events = TimelineBuilder().build(copies + [other])
        #expect(events.count == 2)
        let dam = try #require(events.first { $0.articles.count == 300 })
        #expect(dam.text.hasPrefix("The dam on the Stavar river burst"))
        #expect(events.contains { $0.articles == ["bank"] })
    }
}
