import Foundation
import Testing

import ParallaxIngest

struct FeedReaderTests {
    private static let feeds = "../shared/eval/feeds"
    private static let haveFeeds = FileManager.default.fileExists(atPath: feeds + "/feed.json")

    private func read(_ text: String, name: String = "test.feed", reader: FeedReader = FeedReader())
        -> (articles: [Article], issues: [IngestIssue])
    {
        var articles: [Article] = []
        var issues: [IngestIssue] = []
        try? reader.read(.bytes(Array(text.utf8), name: name)) { event in
            switch event {
            case .article(let a): articles.append(a)
            case .issue(let i): issues.append(i)
            }
        }
        return (articles, issues)
    }

    @Test func rssItemsBecomeArticles() throws {
        let rss = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
                 xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">
            <channel>
              <title>The Daily Bugle</title>
              <link>https://bugle.example/</link>
              <atom:link href="https://bugle.example/feed" rel="self"/>
              <language>en</language>
              <item>
                <title>Bridge reopens &amp; traffic returns</title>
                <link>/news/bridge</link>
                <guid isPermaLink="false">bugle-1</guid>
                <pubDate>Fri, 31 May 2024 23:30:00 -0700</pubDate>
                <dc:creator>Ann Reporter</dc:creator>
                <description>Short teaser.</description>
                <content:encoded><![CDATA[<p>The bridge reopened on Friday.</p><script>track()</script>
                  <p>Drivers   returned
                  quickly.</p>]]></content:encoded>
              </item>
              <item>
                <title>Second</title>
                <link>https://bugle.example/news/second</link>
                <author>ed@bugle.example (Ed Itor)</author>
                <description>&lt;p&gt;Only a description.&lt;/p&gt;</description>
              </item>
              <item><title>No body at all</title></item>
            </channel>
            </rss>
            """
        let (articles, issues) = read(rss, name: "bugle.rss")
        try #require(articles.count == 2)
        let first = articles[0]
        // The id comes from the item's address (not the guid): the same page read from any format is one article.
        #expect(first.id == ArticleIdentity.id(url: "https://bugle.example/news/bridge", text: ""))
        #expect(first.source == "bugle.rss#item-1")
        #expect(first.outlet == "The Daily Bugle")
        #expect(first.url == "https://bugle.example/news/bridge")
        #expect(first.title == "Bridge reopens & traffic returns")
        #expect(first.published == Day(year: 2024, month: 5, day: 31))
        #expect(first.authors == ["Ann Reporter"])
        #expect(first.language == "en")
        #expect(first.text == "The bridge reopened on Friday.\nDrivers returned quickly.")
        #expect(articles[1].id == ArticleIdentity.id(url: "https://bugle.example/news/second", text: ""))
        #expect(articles[1].authors == ["Ed Itor"])
        #expect(articles[1].text == "Only a description.")
        #expect(issues.count == 1)
        #expect(issues.first?.location == "item 3")
        #expect(issues.first?.kind == .noText)
    }

    @Test func atomEntriesBecomeArticles() throws {
        let atom = """
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="de">
              <title type="text">Atom Times</title>
              <link rel="alternate" href="https://atom.example/blog/"/>
              <author><name>Feed Author</name></author>
              <entry>
                <title>XHTML entry</title>
                <link rel="self" href="https://atom.example/self/1"/>
                <link rel="alternate" href="posts/1"/>
                <id>tag:atom.example,2024:1</id>
                <published>2024-05-30T10:00:00+03:00</published>
                <updated>2024-06-02T10:00:00Z</updated>
                <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>First <b>para</b>.</p><p>Second.</p></div></content>
              </entry>
              <entry>
                <title>HTML entry</title>
                <link href="https://atom.example/2"/>
                <id>tag:atom.example,2024:2</id>
                <updated>2024-06-01T00:00:00Z</updated>
                <author><name>Bea</name></author>
                <summary>Plain summary.</summary>
                <content type="html">&lt;p&gt;Escaped &lt;em&gt;HTML&lt;/em&gt; body.&lt;/p&gt;</content>
              </entry>
            </feed>
            """
        let (articles, issues) = read(atom)
        #expect(issues.isEmpty)
        try #require(articles.count == 2)
        #expect(articles[0].url == "https://atom.example/blog/posts/1")
        #expect(articles[0].id == ArticleIdentity.id(url: "https://atom.example/blog/posts/1", text: ""))
        #expect(articles[0].published == Day(year: 2024, month: 5, day: 30))
        #expect(articles[0].authors == ["Feed Author"])
        #expect(articles[0].outlet == "Atom Times")
        #expect(articles[0].language == "de")
        #expect(articles[0].text == "First para.\nSecond.")
        #expect(articles[1].published == Day(year: 2024, month: 6, day: 1))
        #expect(articles[1].authors == ["Bea"])
        #expect(articles[1].text == "Escaped HTML body.")
    }

    @Test func jsonFeedResolvesRelativeLinks() throws {
        let json = """
            {"version": "https://jsonfeed.org/version/1.1", "title": "JSON News",
             "home_page_url": "https://json.example/news/", "authors": [{"name": "Desk"}],
             "items": [
               {"id": 7, "url": "story/7", "title": "Seven", "content_text": "Line one.\\n\\nLine two.",
                "date_published": "2024-05-31T08:00:00Z"},
               {"id": "8", "url": "https://other.example/8", "content_html": "<p>Eight</p>", "summary": "s",
                "author": {"name": "Old Style"}}
             ]}
            """
        let (articles, issues) = read(json)
        #expect(issues.isEmpty)
        try #require(articles.count == 2)
        #expect(articles[0].id == ArticleIdentity.id(url: "https://json.example/news/story/7", text: ""))
        #expect(articles[0].url == "https://json.example/news/story/7")
        #expect(articles[0].text == "Line one.\nLine two.")
        #expect(articles[0].authors == ["Desk"])
        #expect(articles[0].published == Day(year: 2024, month: 5, day: 31))
        #expect(articles[1].url == "https://other.example/8")
        #expect(articles[1].text == "Eight")
        #expect(articles[1].authors == ["Old Style"])
    }

    @Test(arguments: [
        ("this is just text, not a feed", "not XML"),
        ("<html><body><p>A web page</p></body></html>", "not a feed"),
        ("{\"name\": \"not a feed\"}", "not a JSON Feed"),
        ("{broken json", "not a JSON Feed"),
        ("   ", "empty feed"),
    ])
    func nonFeedsAreOneIssueNamingTheFile(input: String, expected: String) {
        let (articles, issues) = read(input, name: "bad.xml")
        #expect(articles.isEmpty)
        #expect(issues.count == 1)
        #expect(issues.first?.input == "bad.xml")
        #expect(issues.first?.message.contains(expected) == true, "\(issues)")
    }

    @Test func gzippedFeed() throws {
        let rss = "<rss><channel><title>T</title><item><description>Zipped body.</description></item></channel></rss>"
        var texts: [String] = []
        try FeedReader().read(.bytes(CompressionFixture.compress(rss), name: "f.rss.gz")) { event in
            if case .article(let a) = event { texts.append(a.text) }
        }
        #expect(texts == ["Zipped body."])
    }

    @Test func injectedExtractorIsUsed() throws {
        struct Shouting: HTMLBodyExtractor {
            func text(fromHTML html: [UInt8], url: String?, charset: String?) -> String {
                String(decoding: html, as: UTF8.self).uppercased()
            }
        }
        let rss = """
            <rss><channel><title>T</title><item><description>the council met on friday and voted.</description>\
            </item></channel></rss>
            """
        let (articles, _) = read(rss, reader: FeedReader(extractor: Shouting()))
        #expect(articles.map(\.text) == ["THE COUNCIL MET ON FRIDAY AND VOTED."])
    }

    @Test(.enabled(if: haveFeeds, "needs /work/shared/eval/feeds"))
    func nprJSONFeedHas25AbsoluteLinks() throws {
        let reader = FeedReader(feedURL: "https://npr.org")
        var articles: [Article] = []
        try reader.read(.file(Self.feeds + "/feed.json")) { if case .article(let a) = $0 { articles.append(a) } }
        #expect(articles.count == 25)
        for a in articles {
            #expect(a.url?.hasPrefix("https://") == true)
            #expect(a.title?.isEmpty == false)
            #expect(a.published != nil)
            #expect(!a.text.isEmpty)
        }
    }

    @Test(.enabled(if: haveFeeds, "needs /work/shared/eval/feeds"), arguments: ["feed1.atom", "feed2.rss"])
    func sharedXMLFeedsHaveItems(name: String) throws {
        var articles: [Article] = []
        try FeedReader().read(.file(Self.feeds + "/" + name)) { if case .article(let a) = $0 { articles.append(a) } }
        #expect(!articles.isEmpty)
        for a in articles {
            #expect(a.title?.isEmpty == false)
            #expect(a.url?.hasPrefix("http://") == true)
            #expect(a.published != nil)
        }
    }
}
