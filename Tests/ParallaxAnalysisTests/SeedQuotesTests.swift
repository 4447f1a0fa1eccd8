import ParallaxCore
import Foundation
import Testing

@testable import ParallaxAnalysis

/// Checks on the five seed articles (read from `../shared/corpus/seeds`; skipped when absent).
struct SeedQuotesTests {
    static let seedDirectory = "../shared/corpus/seeds"
    static let available = FileManager.default.fileExists(atPath: seedDirectory)

    /// The seed documents, built simply: the ` date YYYY-MM-DD` prefix of the first line is dropped and the rest
    /// is taken as is (boilerplate lines included). Ids are the file numbers ("000" ... "004").
    static func documents() throws -> [Document] {
        let files = try FileManager.default.contentsOfDirectory(atPath: seedDirectory).filter { $0.hasSuffix(".txt") }
            .sorted()
        return try files.map { file in
            var text = try String(contentsOfFile: seedDirectory + "/" + file, encoding: .utf8)
            if text.hasPrefix(" date ") { text = String(text.dropFirst(" date YYYY-MM-DD".count)) }
            let article = Article(id: String(file.prefix(3)), source: file, text: TextNormalizer().normalize(text))
            return DocumentBuilder().build(article)
        }
    }

    static func quotes() throws -> [Quote] { QuoteAligner().align(try documents()) }

    @Test(.enabled(if: available, "seed corpus not found at ../shared/corpus/seeds"))
    func officialStatementIsOneQuoteAcrossAllFiveArticles() throws {
        let quotes = try Self.quotes()
        let q = try #require(quotes.first { $0.text.contains("directed his team to ensure") })
        #expect(q.id.hasPrefix("q-"))
        #expect(q.occurrences.map(\.article) == ["000", "001", "002", "003", "004"])
        let byArticle = Dictionary(uniqueKeysWithValues: q.occurrences.map { ($0.article, $0) })
        #expect(byArticle["003"]?.quoted == false)
        #expect(byArticle["001"]?.quoted == true)
        // 002 carries only a partial quotation.
        #expect(byArticle["002"]?.text.hasPrefix("ensure that Ukraine") == true)
        // Wording differences show in the diffs: "Kharkov" (000) and "retaliate" (003).
        #expect(byArticle["000"]?.diff.contains { $0.kind == .added && $0.text.contains("Kharkov") } == true)
        #expect(byArticle["003"]?.diff.contains { $0.kind == .added && $0.text.contains("retaliate") } == true)
        // Every quote keeps one occurrence per article.
        for quote in quotes { #expect(Set(quote.occurrences.map(\.article)).count == quote.occurrences.count) }
    }

    @Test(.enabled(if: available, "seed corpus not found at ../shared/corpus/seeds"))
    func atacmsStatementIsIn001AndNotIn004() throws {
        let quotes = try Self.quotes()
        let atacms = quotes.filter { q in
            q.occurrences.contains { $0.text.contains("Our policy with respect to prohibiting the use of ATACMS") }
        }
        let q = try #require(atacms.first)
        #expect(atacms.count == 1)
        let byArticle = Dictionary(uniqueKeysWithValues: q.occurrences.map { ($0.article, $0) })
        // 003's unquoted "Our policy regarding prohibiting the use of ATACMS ..." is the same statement.
        #expect(byArticle["003"]?.text.contains("Our policy regarding prohibiting the use of ATACMS") == true)
        // 004 has the first sentence only: the ATACMS sentence shows as removed.
        let o004 = try #require(byArticle["004"])
        #expect(!o004.text.contains("ATACMS"))
        #expect(o004.diff.contains { $0.kind == .removed && $0.text.contains("ATACMS") })
    }

    @Test(.enabled(if: available, "seed corpus not found at ../shared/corpus/seeds"))
    func kirbyAndPutinAreTheSpeakers() throws {
        let quotes = try Self.quotes()
        let kirby = try #require(quotes.first { $0.text.contains("We neither encourage nor permit") })
        #expect(kirby.speaker == "John Kirby")
        #expect(kirby.speakerRole == "National Security Council spokesman")
        #expect(kirby.occurrences.first?.quoted == false)
        let putin = try #require(quotes.first { $0.text.contains("should be aware of what they are playing with") })
        #expect(putin.speaker == "Vladimir Putin")
        #expect(putin.occurrences.map(\.article) == ["000"])
    }

    @Test(.enabled(if: available, "seed corpus not found at ../shared/corpus/seeds"))
    func citationsAndOriginalSource() throws {
        let documents = try Self.documents()
        let citations = documents.flatMap { CitationExtractor().extract(from: $0) }
        let graph = ProvenanceGraph(citations: citations)
        #expect(graph.sources(citedBy: "000").contains("Politico"))
        #expect(graph.sources(citedBy: "001").contains("The New York Times"))
        #expect(graph.sources(citedBy: "002").contains("Politico"))
        let cited004 = Set(graph.sources(citedBy: "004"))
        #expect(cited004.isSuperset(of: ["Reuters", "Al Jazeera", "RIA"]))
        #expect(graph.originalSource == "Politico")
        // Every citation points at its own sentence.
        for c in citations {
            let doc = try #require(documents.first { $0.id == c.article })
            #expect(c.sentenceSpan.contains(c.span))
            #expect(doc.sentenceIndex(containing: c.sentenceSpan.start) != nil)
        }
    }
}
