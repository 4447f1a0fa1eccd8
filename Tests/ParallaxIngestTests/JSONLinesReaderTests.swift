import Foundation
import Testing

@testable import ParallaxIngest

struct JSONLinesReaderTests {
    func read(
        _ text: String, name: String = "/data/batch.jsonl"
    ) throws -> (articles: [Article], issues: [IngestIssue]) {
        var articles: [Article] = []
        var issues: [IngestIssue] = []
        try JSONLinesReader().read(.bytes(Array(text.utf8), name: name)) { event in
            switch event {
            case .article(let a): articles.append(a)
            case .issue(let i): issues.append(i)
            }
        }
        return (articles, issues)
    }

    @Test func truncatedGzipYieldsTheLinesBeforeTheCut() throws {
        let lines = (1...3).map { #"{"id": "r\#($0)", "text": "Record \#($0) tells of the harbor bridge repairs."}"# }
        let long = #"{"id": "r4", "text": ""# + String(repeating: "A long record that is cut. ", count: 200) + #""}"#
        let gz = try #require(Gzip.compress(Array((lines + [long]).joined(separator: "\n").utf8)))
        var articles: [Article] = []
        var issues: [IngestIssue] = []
        try JSONLinesReader().read(.bytes(Array(gz.prefix(gz.count - 2_000)), name: "cut.jsonl.gz")) { event in
            switch event {
            case .article(let a): articles.append(a)
            case .issue(let i): issues.append(i)
            }
        }
        #expect(articles.count == 3)
        #expect(issues.first?.kind == .truncated)
        #expect(issues.first?.message.contains("cannot decompress") == true)
        #expect(issues.contains { $0.location == "line 4" })
    }

    @Test func readsFieldsAndAliases() throws {
        let lines = [
            #"{"id": "a1", "outlet": "the guardian", "url": "https://www.theguardian.com/x", "title": "Floods", "#
                + #""date": "2023-10-02T08:00:00Z", "text": "Rivers burst their banks on Monday.", "#
                + #""authors": ["Ann Lee", "Bo Chan"]}"#,
            #"{"headline": "Fire", "published": "October 3, 2023", "body": "A fire broke out in the old mill.", "#
                + #""author": "By Carl Moss and Dee Park", "source": {"name": "Reuters"}}"#,
            #"{"content": "Talks continue.", "publisher": "Riverside Gazette", "id": 42, "timestamp": 1696291200}"#,
        ]
        let result = try read(lines.joined(separator: "\n"))
        #expect(result.issues.isEmpty)
        try #require(result.articles.count == 3)
        let (a, b, c) = (result.articles[0], result.articles[1], result.articles[2])
        #expect(a.id == ArticleIdentity.id(url: a.url, text: a.text) && a.outlet == "The Guardian" && a.title == "Floods")
        #expect(a.published?.description == "2023-10-02" && a.authors == ["Ann Lee", "Bo Chan"])
        #expect(a.source == "/data/batch.jsonl:1")
        #expect(b.source == "/data/batch.jsonl:2" && b.title == "Fire" && b.published?.description == "2023-10-03")
        #expect(b.authors == ["Carl Moss", "Dee Park"] && b.outlet == "Reuters")
        #expect(c.id == ArticleIdentity.id(url: nil, text: "Talks continue.") && c.outlet == "Riverside Gazette" && c.text == "Talks continue.")
        #expect(c.published?.description == "2023-10-03")
    }

    @Test func badLinesAreIssuesAndTheRestIsRead() throws {
        let text = """
            {"text": "First article text here."}
            not json at all
            [1, 2, 3]
            {"title": "No body"}

            {"text": "Last article text here."}
            """
        let result = try read(text, name: "mixed.jsonl")
        #expect(result.articles.map(\.source) == ["mixed.jsonl:1", "mixed.jsonl:6"])
        #expect(result.issues.map(\.location) == ["line 2", "line 3", "line 4"])
        #expect(result.issues.allSatisfy { $0.input == "mixed.jsonl" })
        #expect(result.issues[2].description.contains("mixed.jsonl (line 4): no article text"))
    }

    @Test func bodyIsCleanedLikePlainText() throws {
        let body = "Storm Hits Coast\\nKIEL (dpa) - Ferries stayed in port\\n, officials said.\\nRead more:\\n"
            + "Advertisement\\n3 min read\\nThe storm is expected to ease on Sunday."
        let result = try read(#"{"title": "Storm Hits Coast", "text": "\#(body)"}"#)
        let article = try #require(result.articles.first)
        #expect(article.text == "Ferries stayed in port, officials said.\nThe storm is expected to ease on Sunday.")
        #expect(article.dateline == "KIEL" && article.outlet == "dpa")
    }

    @Test func givenOutletWinsOverDateline() throws {
        let result = try read(#"{"outlet": "Kyiv Post", "text": "KYIV (Reuters) - The metro reopened on Monday."}"#)
        #expect(result.articles.first?.outlet == "Kyiv Post")
    }

    @Test func urlDomainWinsOverAGivenName() throws {
        // Domain first: a site name that is another outlet's ("The Times") or a longer form does not override the
        // URL's host; a subdomain finds its outlet; a site name with more words finds its longest outlet name.
        let lines = [
            #"{"outlet": "The Times", "url": "https://www.washingtontimes.com/news/x/", "text": "The vote passed on Monday."}"#,
            #"{"outlet": "RT Russian", "url": "https://russian.rt.com/world/news/1", "text": "The vote passed on Monday."}"#,
            #"{"outlet": "New York Post | Breaking News", "text": "The vote passed on Monday."}"#,
            #"{"outlet": "Washington Times", "text": "The vote passed on Monday."}"#,
        ]
        let result = try read(lines.joined(separator: "\n"))
        #expect(result.articles.map(\.outlet) == ["The Washington Times", "RT", "New York Post", "The Washington Times"])
    }

    @Test func emptyFileIsAnIssue() throws {
        let result = try read("\n\n", name: "none.jsonl")
        #expect(result.articles.isEmpty && result.issues.count == 1)
    }
}
