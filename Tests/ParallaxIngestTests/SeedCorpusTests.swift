import Foundation
import Testing

@testable import ParallaxIngest

/// End-to-end checks of the text reader on the five seed articles, read from `../shared/corpus/seeds`.
///
/// The seeds are real articles and are never copied into the repository; the test is skipped without them.
struct SeedCorpusTests {
    static let seedDirectory: String = {
        let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus/seeds").path
    }()
    static let seedsPresent = FileManager.default.fileExists(atPath: seedDirectory)
    static let skipMessage: Comment = "seed corpus not found at ../shared/corpus/seeds"

    /// The seed articles keyed by their three-digit prefix ("000").
    static func articles() throws -> [String: Article] {
        let result = Ingestor().ingest(paths: [seedDirectory])
        #expect(result.issues.isEmpty, "\(result.issues)")
        var byPrefix: [String: Article] = [:]
        for article in result.articles {
            byPrefix[String((article.source as NSString).lastPathComponent.prefix(3))] = article
        }
        try #require(byPrefix.count == 5)
        return byPrefix
    }

    @Test(.enabled(if: seedsPresent, skipMessage))
    func idsComeFromTheURLElseTheTextAndSourcesFromFileNames() throws {
        let articles = try Self.articles()
        for (prefix, article) in articles {
            #expect((article.source as NSString).lastPathComponent.hasPrefix(prefix + "_"))
            #expect(article.id == ArticleIdentity.id(url: article.url, text: article.text))
        }
        #expect(Set(articles.values.map(\.id)).count == 5)
    }

    @Test(.enabled(if: seedsPresent, skipMessage))
    func outletsComeFromDatelineURLAndCopyrightOnly() throws {
        let articles = try Self.articles()
        #expect(articles["000"]?.outlet == "TASS")
        #expect(articles["001"]?.outlet == "Sputnik")
        #expect(articles["002"]?.outlet == "Euromaidan Press")
        #expect(articles["003"]?.outlet == nil)
        #expect(articles["004"]?.outlet == "Tasnim")
    }

    @Test(.enabled(if: seedsPresent, skipMessage))
    func datesPreferTheDateLine() throws {
        let articles = try Self.articles()
        let expected = ["000": "2024-05-30", "001": "2024-05-31", "002": "2024-05-31", "003": "2024-05-31"]
        for (prefix, day) in expected { #expect(articles[prefix]?.published?.description == day, "\(prefix)") }
    }

    @Test(.enabled(if: seedsPresent, skipMessage))
    func titlesAndDatelines() throws {
        let articles = try Self.articles()
        #expect(articles["001"]?.title == "Biden Allows Ukraine to Use US-Supplied Weapons Near Kharkov")
        let title002 = "Politico: US quietly allowed Ukraine to strike inside Russia, but solely near Kharkiv"
        #expect(articles["002"]?.title == title002)
        #expect(articles["004"]?.title == "Biden Allows Ukraine to Hit Russian Targets with US Arms")
        #expect(articles["000"]?.dateline == "WASHINGTON")
        #expect(articles["001"]?.dateline == "WASHINGTON")
        #expect(articles["004"]?.dateline == "TEHRAN")
        #expect(articles["002"]?.authors == ["Yuri Zoria"])
        #expect(articles["001"]?.url?.hasPrefix("https://sputnikglobe.com/20240531/") == true)
        // The title is metadata, not repeated in the body.
        #expect(articles["002"]?.text.contains("Politico: US quietly") == false)
    }

    @Test(.enabled(if: seedsPresent, skipMessage))
    func boilerplateIsGone() throws {
        let articles = try Self.articles()
        let euromaidan = try #require(articles["002"]?.text)
        for junk in ["Copyright", "Cookie", "Patron", "ad blocker", "Read also", "Related Posts", "minute read",
            "Photo:", "correction", "Ctrl + Enter", "Eng", "Esp", "supported by", "fb_img"]
        {
            #expect(!euromaidan.contains(junk), "\(junk)")
        }
        let sputnik = try #require(articles["001"]?.text)
        for junk in ["2024-05-31T", "GMT", "Being updated"] { #expect(!sputnik.contains(junk), "\(junk)") }
        #expect(articles["003"]?.text.contains("Getty Images") == false)
    }

    @Test(.enabled(if: seedsPresent, skipMessage))
    func everyReportSentenceIsKept() throws {
        let articles = try Self.articles()
        let text003 = try #require(articles["003"]?.text)
        #expect(text003.hasPrefix("The administration has given Ukraine permission"))
        #expect(text003.contains("\nThe president recently directed his team to ensure"))
        #expect(text003.contains("\nWe are aware of the interest expressed by President Zelensky"))
        #expect(text003.hasSuffix("And we will continue to talk to them almost daily about what they need."))
        let text001 = try #require(articles["001"]?.text)
        #expect(text001.contains("can hit with US weapons, the New York Times has reported."))
        #expect(text001.contains("with one insider adding: “This is a new reality,” in the Ukraine conflict."))
        #expect(text001.contains("around Kharkov around May 10, wrote the publication."))
        let text002 = try #require(articles["002"]?.text)
        #expect(text002.hasPrefix("The Biden administration secretly allows Ukraine"))
        #expect(text002.hasSuffix("such as using ATACMS missiles on military targets."))
        // Dateline stripped from the text, the sentence after it kept.
        #expect(articles["000"]?.text.hasPrefix("US President Joe Biden gave the Kiev government") == true)
        #expect(articles["004"]?.text.hasPrefix("US President Joe Biden has eased a ban") == true)
        // Paragraph counts: every body paragraph of the inputs survives as one paragraph.
        let paragraphs = articles.mapValues { $0.text.split(separator: "\n").count }
        #expect(paragraphs["000"] == 9)
        #expect(paragraphs["003"] == 6)
        #expect(paragraphs["004"] == 9)
    }
}
