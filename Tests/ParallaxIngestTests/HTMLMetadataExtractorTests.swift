import Testing

@testable import ParallaxIngest

struct HTMLMetadataExtractorTests {
    let extractor = HTMLMetadataExtractor(latest: Day(year: 2025, month: 1, day: 1))

    func metadata(_ html: String, url: String? = nil) throws -> HTMLMetadata {
        extractor.extract(from: try HTMLDocument(bytes: Array(html.utf8)), url: url)
    }

    // MARK: Title

    @Test func openGraphTitleComesFirst() throws {
        let m = try metadata(
            """
            <head><title>Other | Site</title><meta property="og:title" content="US lets Ukraine strike Russia">
            </head><body><h1>US lets Ukraine strike Russia</h1></body>
            """)
        #expect(m.title == "US lets Ukraine strike Russia")
    }

    @Test func siteNameIsDroppedFromTheTitleTag() throws {
        let bySiteName = try metadata(
            """
            <head><title>Biden allows strikes near Kharkiv | Daily Planet</title>
            <meta property="og:site_name" content="Daily Planet"></head><body></body>
            """)
        #expect(bySiteName.title == "Biden allows strikes near Kharkiv")
        #expect(bySiteName.siteName == "Daily Planet")
        let byDomain = try metadata(
            "<title>Planet News :: Kyiv hit by missiles overnight</title>", url: "https://www.planetnews.org/a/1")
        #expect(byDomain.title == "Kyiv hit by missiles overnight")
        let guessed = try metadata("<title>Kyiv hit by missiles overnight, officials say - PN</title>")
        #expect(guessed.title == "Kyiv hit by missiles overnight, officials say")
    }

    @Test func headlineMatchingTheTitleTagIsPreferred() throws {
        let m = try metadata(
            """
            <head><title>Storm closes ports along the coast — Coastal Times</title></head>
            <body><h1>Coastal Times</h1><h1>Storm closes ports along the coast</h1></body>
            """)
        #expect(m.title == "Storm closes ports along the coast")
    }

    @Test func jsonLDHeadlineWhenNoMetaTitle() throws {
        let m = try metadata(#"<script type="application/ld+json">{"@type":"NewsArticle","headline":"H"}</script>"#)
        #expect(m.title == "H")
    }

    // MARK: Authors

    @Test func jsonLDAuthorsAsObjectsAndStrings() throws {
        let m = try metadata(
            """
            <script type="application/ld+json">{"@type":"NewsArticle",
             "author":[{"@type":"Person","name":"Jane Doe"},"John Smith",{"@type":"Person","name":"Jane Doe"}]}
            </script><meta name="author" content="Someone Else">
            """)
        #expect(m.authors == ["Jane Doe", "John Smith"])
    }

    @Test func metaAuthorIsCleanedAndSplit() throws {
        let m = try metadata(#"<meta name="author" content="By Jane Doe and John Smith">"#)
        #expect(m.authors == ["Jane Doe", "John Smith"])
    }

    @Test func bylineElementsAndRelAuthor() throws {
        let byline = try metadata(#"<body><div class="article-byline">By: Olena Petrenko, Ivan Shevchuk</div></body>"#)
        #expect(byline.authors == ["Olena Petrenko", "Ivan Shevchuk"])
        let rel = try metadata(#"<p>Words <a rel="author" href="/people/jd">Jane Doe</a></p>"#)
        #expect(rel.authors == ["Jane Doe"])
    }

    @Test func authorURLsAndSiteNameAreNotAuthors() throws {
        let m = try metadata(
            """
            <meta property="og:site_name" content="TASS"><meta property="article:author"
            content="https://www.facebook.com/someone"><meta name="author" content="TASS">
            """)
        #expect(m.authors.isEmpty)
    }

    // MARK: Outlet, canonical URL, language, description

    @Test func siteNameFromJSONLDPublisher() throws {
        let m = try metadata(
            """
            <script type="application/ld+json">{"@type":"NewsArticle","publisher":{"@type":"Organization",
            "name":"Euromaidan Press"}}</script><meta name="application-name" content="EP app">
            """)
        #expect(m.siteName == "Euromaidan Press")
    }

    @Test func canonicalURLIsResolved() throws {
        let m = try metadata(#"<link rel="canonical" href="/news/2024/05/31/story">"#, url: "https://example.com/amp/x")
        #expect(m.canonicalURL == "https://example.com/news/2024/05/31/story")
        let og = try metadata(#"<meta property="og:url" content="https://example.com/a">"#)
        #expect(og.canonicalURL == "https://example.com/a")
    }

    @Test func languageFromHTMLOrOpenGraph() throws {
        #expect(try metadata(#"<html lang="uk-UA"><body></body></html>"#).language == "uk-ua")
        #expect(try metadata(#"<meta property="og:locale" content="en_US">"#).language == "en-us")
        #expect(try metadata(#"<html lang="not a language"><body></body></html>"#).language == nil)
    }

    @Test func descriptionAndDates() throws {
        let m = try metadata(
            """
            <meta property="og:description" content="Summary."><meta property="article:published_time"
            content="2024-05-31T10:00:00+03:00"><meta property="article:modified_time" content="2024-06-01">
            """)
        #expect(m.description == "Summary.")
        #expect(m.published == Day(iso: "2024-05-31"))
        #expect(m.modified == Day(iso: "2024-06-01"))
        #expect(m.publishedSource == "meta")
    }

    @Test(arguments: ["<html></html>", "<p>", "<<<>>>", "\u{0}\u{1}junk", #"<script type="application/ld+json">[1,"#])
    func oddPagesGiveEmptyMetadataWithoutCrashing(html: String) throws {
        guard let doc = try? HTMLDocument(bytes: Array(html.utf8)) else { return }
        let m = extractor.extract(from: doc, url: "not a url")
        #expect(m.published == nil)
        #expect(m.authors.isEmpty)
    }

    @Test func everyTruncationOfARichPageIsHandled() throws {
        let page = """
            <html lang="de"><head><title>Titel | Zeitung</title><meta property="og:site_name" content="Zeitung">
            <meta property="article:published_time" content="2024-05-31T10:00:00+02:00">
            <script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","headline":"Titel",
            "datePublished":"2024-05-31","author":[{"name":"Anna Muster"}],"publisher":{"name":"Zeitung"}}]}</script>
            </head><body><h1>Titel</h1><div class="byline">Von Anna Muster</div>
            <time datetime="2024-05-31">31. Mai 2024</time><p>Text vom 30.05.2024.</p></body></html>
            """
        let bytes = Array(page.utf8)
        var dated = 0
        for end in stride(from: 1, through: bytes.count, by: 7) {
            guard let doc = try? HTMLDocument(bytes: Array(bytes[..<end])) else { continue }
            let m = extractor.extract(from: doc, url: nil)
            if m.published != nil { dated += 1 }
            #expect(
                m.published == nil || m.published == Day(iso: "2024-05-31") || m.published == Day(iso: "2024-05-30"))
        }
        #expect(dated > 0)
    }
}
