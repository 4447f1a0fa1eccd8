import Foundation
import Testing

@testable import ParallaxIngest

/// Every format goes through one assembly: the same article body gives the same article.
struct IngestFunnelTests {
    /// A wire report with a dateline, a newsletter prompt and a copyright line, as agencies publish it.
    static let paragraphs = [
        "MOSCOW, May 31. /TASS/. The Russian Foreign Ministry said on Friday that talks on the grain corridor would resume next week in Istanbul.",
        "The ministry's spokeswoman told reporters that the delegations had agreed on an agenda for the meeting.",
        "Sign up for our daily newsletter to get the news in your inbox.",
        "The talks were suspended in April after a dispute over inspections of ships in the Black Sea, officials said.",
        "© 2024 TASS. All rights reserved.",
    ]
    static let url = "https://example.org/news/grain-talks"
    static let title = "Grain corridor talks to resume next week"

    static func html(_ ps: [String]) -> String {
        ps.map { "<p>\($0)</p>" }.joined(separator: "\n")
    }

    static func escaped(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }

    static func inputs() throws -> [(format: String, name: String, bytes: String)] {
        let body = paragraphs.joined(separator: "\n\n")
        let jsonText = String(decoding: try JSONEncoder().encode(body), as: UTF8.self)
        let jsonHTML = String(decoding: try JSONEncoder().encode(html(paragraphs)), as: UTF8.self)
        return [
            ("text", "a.txt", "date 2024-05-31 \(url)\n\n\(title)\n\n\(body)\n"),
            ("jsonl", "a.jsonl", #"{"url": "\#(url)", "title": "\#(title)", "date": "2024-05-31", "text": \#(jsonText)}"#),
            (
                "html", "a.html",
                """
                <html lang="en"><head><title>\(title)</title>
                <meta property="article:published_time" content="2024-05-31T10:00:00+03:00">
                <link rel="canonical" href="\(url)"></head>
                <body><article><h1>\(title)</h1>\n\(html(paragraphs))</article></body></html>
                """
            ),
            (
                "rss", "a.rss",
                """
                <rss version="2.0"><channel><title>Wire feed</title><link>https://example.org/</link>
                <item><title>\(title)</title><link>\(url)</link><pubDate>Fri, 31 May 2024 10:00:00 +0300</pubDate>
                <description>\(escaped(html(paragraphs)))</description></item></channel></rss>
                """
            ),
            (
                "atom", "a.atom",
                """
                <feed xmlns="http://www.w3.org/2005/Atom"><title>Wire feed</title>
                <entry><title>\(title)</title><link href="\(url)"/><published>2024-05-31T10:00:00+03:00</published>
                <content type="html">\(escaped(html(paragraphs)))</content></entry></feed>
                """
            ),
            (
                "json feed", "a.json",
                """
                {"version": "https://jsonfeed.org/version/1.1", "title": "Wire feed",
                 "items": [{"id": "1", "url": "\(url)", "title": "\(title)", "date_published": "2024-05-31T10:00:00+03:00",
                            "content_html": \(jsonHTML)}]}
                """
            ),
        ]
    }

    static func read(_ name: String, _ text: String, format: InputFormat? = nil) -> (articles: [Article], issues: [IngestIssue]) {
        var articles: [Article] = []
        var issues: [IngestIssue] = []
        Ingestor(format: format).read(.bytes(Array(text.utf8), name: name)) { event in
            switch event {
            case .article(let a): articles.append(a)
            case .issue(let i): issues.append(i)
            }
        }
        return (articles, issues)
    }

    @Test func everyFormatGivesTheSameArticle() throws {
        let expectedText = [Self.paragraphs[0].replacingOccurrences(of: "MOSCOW, May 31. /TASS/. ", with: ""),
            Self.paragraphs[1], Self.paragraphs[3]].joined(separator: "\n")
        var ids: Set<String> = []
        for (format, name, bytes) in try Self.inputs() {
            let forced: InputFormat? = format == "json feed" ? .feed : nil
            let (articles, issues) = Self.read(name, bytes, format: forced)
            let article = try #require(articles.first, "\(format): \(issues)")
            #expect(articles.count == 1, "\(format)")
            #expect(article.text == expectedText, "\(format)")
            #expect(article.outlet == "TASS", "\(format)")
            #expect(article.published == Day(year: 2024, month: 5, day: 31), "\(format)")
            #expect(article.dateline == "MOSCOW", "\(format)")
            #expect(article.title == Self.title, "\(format)")
            #expect(article.url == Self.url, "\(format)")
            // Normalized once, and the result is normalized text.
            #expect(TextNormalizer().normalize(article.text) == article.text, "\(format)")
            ids.insert(article.id)
        }
        #expect(ids == [ArticleIdentity.id(url: Self.url, text: "")])
    }

    @Test func issuesCarryAKind() throws {
        let cases: [(String, String, InputFormat?, IngestIssue.Kind)] = [
            ("empty.txt", "  \n", nil, .empty),
            ("bad.jsonl", "{not json\n", .jsonl, .notJSON),
            ("notext.jsonl", #"{"title": "x"}"#, .jsonl, .noText),
            ("broken.rss", "<rss><channel><item>", .feed, .malformedFeed),
            ("page.xml", "<html><body>x</body></html>", .feed, .notFeed),
            ("empty.json", #"{"version": "https://jsonfeed.org/version/1.1", "items": []}"#, .feed, .noItems),
            ("nav.txt", "Read more\n\nSubscribe\n", nil, .onlyBoilerplate),
            ("blob.bin", "\u{0}\u{1}\u{2}\u{0}", nil, .unknownFormat),
        ]
        for (name, text, format, kind) in cases {
            let (_, issues) = Self.read(name, text, format: format)
            #expect(issues.map(\.kind).contains(kind), "\(name): \(issues)")
            #expect(issues.allSatisfy { $0.input == name }, "\(name)")
        }
        var tally = IngestIssue.Tally()
        for kind in [IngestIssue.Kind.empty, .notJSON, .notJSON, .binary] {
            tally.add(IngestIssue(input: "a", kind: kind, message: ""))
        }
        #expect(tally.summary.map(\.kind) == [.notJSON, .empty, .binary])
        #expect(tally.summary.map(\.count) == [2, 1, 1])
        #expect(tally.total == 4 && tally.description == "2 notJSON, 1 empty, 1 binary")
    }

    @Test func kindsRoundTripAsJSON() throws {
        let issue = IngestIssue(input: "a.jsonl", location: "line 3", kind: .tooLarge, message: "too large")
        let data = try JSONEncoder().encode(issue)
        #expect(String(decoding: data, as: UTF8.self).contains(#""kind":"tooLarge""#))
        #expect(try JSONDecoder().decode(IngestIssue.self, from: data) == issue)
        let old = try JSONDecoder().decode(IngestIssue.self, from: Data(#"{"input": "x", "message": "m"}"#.utf8))
        #expect(old.kind == .other)
        let future = try JSONDecoder().decode(
            IngestIssue.self, from: Data(#"{"input": "x", "kind": "fromTheFuture", "message": "m"}"#.utf8))
        #expect(future.kind == .other)
    }

    @Test func asyncEventsMatchTheCallbackForAnyJobs() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("funnel-\(UUID())")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for n in 0..<15 {
            let text = n == 6 ? "" : "Story number \(n) was told on Friday, officials said in a statement."
            try Data(text.utf8).write(to: root.appendingPathComponent(String(format: "%02d.txt", n)))
        }
        for (format, name, bytes) in try Self.inputs() where format != "json feed" {
            try Data(bytes.utf8).write(to: root.appendingPathComponent("z-" + name))
        }
        func describe(_ e: IngestEvent) -> String {
            switch e {
            case .article(let a): "article \(a.id) \(a.source)"
            case .issue(let i): "issue \(i.kind) \(i.input)"
            }
        }
        var callback: [String] = []
        Ingestor().ingest(paths: [root.path], jobs: 1) { callback.append(describe($0)) }
        for jobs in [1, 2] {
            var streamed: [String] = []
            for await event in Ingestor().events(paths: [root.path], jobs: jobs, bufferSize: 2) {
                streamed.append(describe(event))
            }
            #expect(streamed == callback, "jobs \(jobs)")
        }
        #expect(callback.count == 20)
        #expect(callback.filter { $0.hasPrefix("issue") } == ["issue empty \(root.path)/06.txt"])
        // Stopping early ends the reading without waiting for the rest.
        var first: [String] = []
        for await event in Ingestor().events(paths: [root.path], jobs: 2, bufferSize: 1) {
            first.append(describe(event))
            if first.count == 3 { break }
        }
        #expect(first == Array(callback.prefix(3)))
    }
}
