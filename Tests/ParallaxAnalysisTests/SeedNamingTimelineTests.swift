import Foundation
import Testing

@testable import ParallaxAnalysis

/// The seed story (five real articles, read from `../shared/corpus/seeds`, never copied into the repository):
/// naming, framing and timeline findings the methods must produce on real input.
struct SeedNamingTimelineTests {
    static let seedDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("../shared/corpus/seeds").standardizedFileURL
    static let seedsPresent = FileManager.default.fileExists(atPath: seedDirectory.path)

    /// The seed articles as documents. A first line that starts with ` date YYYY-MM-DD` gives the publication day
    /// (and is removed); the rest is the text as is.
    static func seedDocuments() throws -> [Document] {
        let files = try FileManager.default.contentsOfDirectory(atPath: seedDirectory.path)
            .filter { $0.hasSuffix(".txt") }.sorted()
        return try files.map { name in
            var text = try String(contentsOf: seedDirectory.appendingPathComponent(name), encoding: .utf8)
            var published: Day?
            if text.hasPrefix(" date "), let day = Day(iso: text.dropFirst(6)) {
                published = day
                text = String(text.dropFirst(16))
            }
            let article = Article(
                id: String(name.dropLast(4)), source: name, published: published, text: text)
            return DocumentBuilder().build(article)
        }
    }

    static func article(_ prefix: String, in documents: [Document]) -> String? {
        documents.first { $0.id.hasPrefix(prefix) }?.id
    }

    static let skipMessage: Comment = "seed corpus not found at ../shared/corpus/seeds; skipped"

    @Test(.enabled(if: seedsPresent, skipMessage))
    func namingFindsKievKyivAndKharkovKharkiv() throws {
        let docs = try Self.seedDocuments()
        let choices = NamingAnalyzer().analyze(docs)
        let id = { (prefix: String) in Self.article(prefix, in: docs) }
        let kyiv = try #require(choices.first { $0.entity == "Kyiv" })
        #expect(
            Set(try #require(kyiv.variants.first { $0.form == "Kiev" }).articles)
                == Set([id("000"), id("001")].compactMap { $0 }))
        #expect(try #require(kyiv.variants.first { $0.form == "Kyiv" }).articles == [id("004")].compactMap { $0 })
        let kharkiv = try #require(choices.first { $0.entity == "Kharkiv" })
        let kharkov = try #require(kharkiv.variants.first { $0.form == "Kharkov" })
        #expect(Set(kharkov.articles) == Set([id("000"), id("001")].compactMap { $0 }))
        #expect(try #require(kharkiv.variants.first { $0.form == "Kharkiv" }).articles.count == 4)
        // Every occurrence points at its form, inside its sentence.
        for choice in choices {
            for variant in choice.variants {
                for o in variant.occurrences {
                    let doc = try #require(docs.first { $0.id == o.article })
                    #expect(doc.text(of: o.span).lowercased() == variant.form.lowercased())
                    #expect(o.sentenceSpan.contains(o.span))
                }
            }
        }
    }

    @Test(.enabled(if: seedsPresent, skipMessage))
    func framingFindsKievRegimeAndFullScaleInvasion() throws {
        let docs = try Self.seedDocuments()
        let uses = FramingDetector().detect(docs)
        let regime = try #require(uses.first { $0.phrase == "Kiev regime" })
        #expect(regime.articles == [Self.article("001", in: docs)].compactMap { $0 })
        let doc = try #require(docs.first { $0.id == regime.articles.first })
        #expect(regime.occurrences.map { String(doc.text(of: $0.span)) } == ["Kiev regime"])
        #expect(regime.occurrences.first.map { sentence($0, in: docs).contains("losses") } == true)
        let invasion = try #require(uses.first { $0.phrase == "full-scale invasion" })
        #expect(invasion.articles == [Self.article("002", in: docs)].compactMap { $0 })
        #expect(uses.allSatisfy { $0.note != nil })
    }

    @Test(.enabled(if: seedsPresent, skipMessage))
    func timelineHoldsTheAssaultPutinsWarningAndTheStatement() throws {
        let docs = try Self.seedDocuments()
        let a000 = try #require(Self.article("000", in: docs))
        let a001 = try #require(Self.article("001", in: docs))
        let a003 = try #require(Self.article("003", in: docs))
        let a004 = try #require(Self.article("004", in: docs))
        let timeline = TimelineBuilder().build(docs)
        #expect(timeline.map(\.date) == timeline.map(\.date).sorted())
        func events(on iso: String) -> [TimelineEvent] { timeline.filter { $0.date == Day(iso: iso) } }

        // The Russian assault: "around May 10" (001) and "since May 10" (004), one event.
        let assault = events(on: "2024-05-10")
        #expect(assault.count == 1)
        #expect(Set(assault.flatMap(\.articles)) == Set([a001, a004]))

        // Putin's warning: "On May 28" (000) and "on Tuesday" in the undated 004, resolved against the story's
        // median day; Kirby's "Tuesday" briefing (003, published Friday 2024-05-31) is another event that day.
        let tuesday = events(on: "2024-05-28")
        let putin = try #require(tuesday.first { $0.articles.contains(a000) })
        #expect(putin.articles.contains(a004))
        #expect(!putin.articles.contains(a003))
        #expect(tuesday.contains { $0.articles.contains(a003) })
        let undated = try #require(putin.occurrences.first { $0.article == a004 })
        #expect(undated.resolution == .relative)
        #expect(undated.anchor == Day(iso: "2024-05-31"))

        // 003's photo caption (dated April 4, closed by an AFP via Getty Images credit) is no event.
        #expect(events(on: "2024-04-04").isEmpty)

        // The State Department statement "on Thursday" (001, published 2024-05-31).
        #expect(events(on: "2024-05-30").contains { $0.articles.contains(a001) })

        // Metadata lines ("04:06 GMT 31.05.2024") and bylines make no events; event texts are whole sentences.
        for event in timeline {
            #expect(!event.text.contains("GMT"))
            #expect(!event.text.contains("\n"))
            for o in event.occurrences {
                let doc = try #require(docs.first { $0.id == o.article })
                #expect(String(doc.text(of: o.span)) == o.expression)
                #expect(o.sentenceSpan.contains(o.span))
            }
        }
    }
}
