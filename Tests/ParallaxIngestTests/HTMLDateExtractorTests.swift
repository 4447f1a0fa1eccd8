import Testing

@testable import ParallaxIngest

struct HTMLDateExtractorTests {
    static let latest = Day(year: 2025, month: 1, day: 1)!
    let extractor = HTMLDateExtractor(latest: latest)

    func dates(_ html: String, url: String? = nil, extensive: Bool = true) throws -> HTMLDateExtractor.Dates {
        let doc = try HTMLDocument(bytes: Array(html.utf8))
        return HTMLDateExtractor(latest: Self.latest, extensive: extensive).extract(from: doc, url: url)
    }

    func day(_ s: String) -> Day? { Day(iso: s) }

    // MARK: Structured evidence

    @Test func jsonLDDatePublishedAndModified() throws {
        let d = try dates(
            """
            <html><head><script type="application/ld+json">
            {"@context":"https://schema.org","@type":"NewsArticle","headline":"X",
             "datePublished":"2024-05-31T10:00:00+03:00","dateModified":"2024-06-02T08:00:00+03:00"}
            </script></head><body><p>Text.</p></body></html>
            """)
        #expect(d.published == day("2024-05-31"))
        #expect(d.modified == day("2024-06-02"))
        #expect(d.source == "json-ld")
    }

    @Test func jsonLDNestedGraphAndTypeArrays() throws {
        let d = try dates(
            """
            <script type="application/ld+json">
            {"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"S"},
              {"@type":["Article","NewsArticle"],"datePublished":["2023-11-04"]}]}
            </script><p>Body</p>
            """)
        #expect(d.published == day("2023-11-04"))
    }

    @Test func brokenJSONLDIsReadByKeyOrIgnored() throws {
        // A raw line break inside a string and a trailing comma: not JSON, but the key is still found.
        let broken = try dates(
            """
            <script type="application/ld+json">{"@type":"NewsArticle","headline":"a
            b","datePublished":"2022-03-15T09:00:00Z",}</script><p>Body</p>
            """)
        #expect(broken.published == day("2022-03-15"))
        let garbage = try dates(#"<script type="application/ld+json">{{{ "datePublished": </script><p>x</p>"#)
        #expect(garbage.published == nil)
    }

    @Test func metaPublishedWinsOverModifiedWhateverTheOrder() throws {
        let d = try dates(
            """
            <head><meta property="article:modified_time" content="2024-06-03T12:00:00Z">
            <meta property="article:published_time" content="2024-05-31T12:00:00Z"></head><body></body>
            """)
        #expect(d.published == day("2024-05-31"))
        #expect(d.modified == day("2024-06-03"))
        #expect(d.source == "meta")
    }

    @Test(arguments: [
        "og:published_time", "pubdate", "publishdate", "date", "dc.date", "dc.date.issued", "sailthru.date",
        "parsely-pub-date", "citation_publication_date",
    ])
    func metaNames(name: String) throws {
        let d = try dates(#"<head><meta name="\#(name)" content="2021-07-09"></head><body></body>"#)
        #expect(d.published == day("2021-07-09"))
    }

    @Test func metaWithUnixTimestamp() throws {
        // 1717150000 s = 2024-05-31T10:06:40Z
        let d = try dates(#"<meta name="timestamp" content="1717150000"><p>x</p>"#)
        #expect(d.published == day("2024-05-31"))
    }

    @Test func itempropDatePublishedOnAnElement() throws {
        let d = try dates(#"<article><span itemprop="datePublished" content="2020-02-01">1 Feb</span></article>"#)
        #expect(d.published == day("2020-02-01"))
        #expect(d.source == "itemprop")
    }

    @Test func localOffsetBeatsUTCOnTheDayBoundary() throws {
        // The same moment: 22:30 UTC on the 30th is 01:30 on the 31st where the publisher is.
        let d = try dates(
            """
            <meta property="article:published_time" content="2024-05-30T22:30:00+00:00">
            <script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2024-05-31T01:30:00+03:00"}
            </script><p>x</p>
            """)
        #expect(d.published == day("2024-05-31"))
    }

    @Test func printedLocalDayBeatsAUTCTimestampOneDayLater() throws {
        let d = try dates(
            """
            <head><meta name="date" content="2019-11-19T01:48:03Z"></head>
            <body><h1>H</h1><div class="timestamp">November 18, 2019 at 2:26 PM HST</div></body>
            """)
        #expect(d.published == day("2019-11-18"))
        let far = try dates(
            """
            <head><meta name="date" content="2019-11-19T01:48:03Z"></head>
            <body><h1>H</h1><div class="timestamp">November 12, 2019</div></body>
            """)
        #expect(far.published == day("2019-11-19"))
    }

    // MARK: URL

    @Test(arguments: [
        ("https://example.com/news/2024/05/31/story-title/", "2024-05-31"),
        ("https://example.com/20240531/story.html", "2024-05-31"),
        ("https://example.com/world/2024-05-31-story", "2024-05-31"),
        ("https://example.com/story-123456", nil),
        ("https://example.com/2024/05/story", nil),
    ])
    func datesInURLs(url: String, want: String?) throws {
        let d = try dates("<p>No date here.</p>", url: url, extensive: false)
        #expect(d.published == want.flatMap { Day(iso: $0) })
    }

    @Test func urlDateComesBeforeMeta() throws {
        let d = try dates(
            #"<meta property="article:published_time" content="2024-06-01T01:00:00Z"><p>x</p>"#,
            url: "https://example.com/2024/05/31/story/")
        #expect(d.published == day("2024-05-31"))
        #expect(d.source == "url")
    }

    // MARK: Elements and text

    @Test func timeElementMarkedPublishedBeatsOthers() throws {
        let d = try dates(
            """
            <body><header><time datetime="2024-06-02" class="updated">2 June</time>
            <time datetime="2024-05-31T09:00" class="entry-date published">31 May</time></header>
            <article><p>Text</p></article></body>
            """)
        #expect(d.published == day("2024-05-31"))
        #expect(d.modified == day("2024-06-02"))
    }

    @Test func datesInRelatedListsAndCaptionsAreIgnored() throws {
        let d = try dates(
            """
            <body><div class="related-posts"><time datetime="2019-01-01">1 Jan 2019</time></div>
            <h1>Headline</h1><figure><img src="a.jpg"><figcaption>Photo taken on 3 March 2020</figcaption></figure>
            <p>Posted 12 April 2020</p></body>
            """)
        #expect(d.published == day("2020-04-12"))
    }

    @Test func siteDateWidgetBeforeTheHeadlineLosesToTheArticleDate() throws {
        let d = try dates(
            """
            <body><div class="top-date">Friday, 20 December 2024</div><h1>Headline</h1>
            <div class="post-meta">3 December 2024</div><p>Text</p></body>
            """)
        #expect(d.published == day("2024-12-03"))
        #expect(d.source == "element")
    }

    @Test func titleAttributeInsideADateElement() throws {
        let d = try dates(
            #"<h1>H</h1><ul class="post-meta"><li><a href="/t" title="13 Oct 2020">Politics</a></li></ul>"#)
        #expect(d.published == day("2020-10-13"))
    }

    @Test func abbrPublishedTitle() throws {
        let d = try dates(#"<p><abbr class="published" title="2010-10-21T08:00:00+02:00">Oct 21</abbr></p>"#)
        #expect(d.published == day("2010-10-21"))
    }

    @Test func updatedLabelIsSkippedInADateElement() throws {
        let d = try dates(#"<div class="article-meta">Updated: 2 June 2024 · Published: 31 May 2024</div>"#)
        #expect(d.published == day("2024-05-31"))
    }

    @Test func visibleTextAfterHeadlineOnlyInExtensiveMode() throws {
        let html = """
            <body><p>Site news 1 January 2020</p><h1>Headline</h1><p>Kyiv, 31 травня 2024 року</p></body>
            """
        #expect(try dates(html).published == day("2024-05-31"))
        #expect(try dates(html).source == "text")
        #expect(try dates(html, extensive: false).published == nil)
    }

    @Test func modifiedIsTheLastResortForPublished() throws {
        let d = try dates(#"<meta property="article:modified_time" content="2024-06-03"><p>x</p>"#)
        #expect(d.published == day("2024-06-03"))
        #expect(d.source == "modified")
    }

    @Test func dateInCommentOrScriptAsLastResort() throws {
        let d = try dates(#"<body><p>x</p><script>showDate("2020/04/17 01:43:09")</script></body>"#)
        #expect(d.published == day("2020-04-17"))
    }

    // MARK: Parsing and plausibility

    @Test(arguments: [
        ("31 травня 2024", "2024-05-31"), ("31 мая 2024 г.", "2024-05-31"), ("7 Haziran 2020", "2020-06-07"),
        ("07 Mayıs 2020 Perşembe", "2020-05-07"), ("31. Mai 2024", "2024-05-31"), ("May 31st, 2024", "2024-05-31"),
        ("Sunday, July 05, 2020", "2020-07-05"), ("2024年5月31日", "2024-05-31"), ("2020. június 7.", "2020-06-07"),
        ("7 de junio de 2020", "2020-06-07"), ("31 mai 2024", "2024-05-31"), ("31 maggio 2024", "2024-05-31"),
        ("31 maja 2024", "2024-05-31"), ("31. května 2024", "2024-05-31"), ("31.05.2024 u 10:52", "2024-05-31"),
        ("31/05/2024", "2024-05-31"), ("2024-05-31 16:52:59", "2024-05-31"), ("31.05.24", "2024-05-31"),
        ("31-May-2024", "2024-05-31"), ("2020 m. birželio 7 d.", "2020-06-07"),
        ("7 Ιουνίου 2020", "2020-06-07"),
    ])
    func multilingualTextDates(text: String, want: String) {
        let parser = DateExpressionParser(lexicon: .bundled, latest: Self.latest)
        #expect(parser.first(in: text)?.day == Day(iso: want), "\(text)")
    }

    @Test func ambiguousSlashDatesFollowTheLanguage() {
        let dayFirst = DateExpressionParser(lexicon: .bundled, latest: Self.latest)
        let monthFirst = DateExpressionParser(lexicon: .bundled, latest: Self.latest, monthFirst: true)
        #expect(dayFirst.first(in: "04/05/2024")?.day == day("2024-05-04"))
        #expect(monthFirst.first(in: "04/05/2024")?.day == day("2024-04-05"))
        #expect(monthFirst.first(in: "31/05/2024")?.day == day("2024-05-31"))
    }

    @Test(arguments: ["2030-01-01", "1990-05-05", "2024-02-30", "0000-00-00", "1.2.2024.5", "99/99/9999", "", "T"])
    func implausibleOrBrokenDatesAreRejected(text: String) {
        let parser = DateExpressionParser(lexicon: .bundled, latest: Self.latest)
        #expect(parser.first(in: text) == nil)
        #expect(parser.machineDate(text) == nil)
    }

    @Test func emptyLexiconStillReadsISODates() throws {
        let doc = try HTMLDocument(bytes: Array("<h1>Title</h1><p>31 May 2024</p><p>2024-05-30</p>".utf8))
        let plain = HTMLDateExtractor(lexicon: HTMLMetadataLexicon(), latest: Self.latest)
        #expect(plain.extract(from: doc, url: nil).published == day("2024-05-30"))
        #expect(extractor.extract(from: doc, url: nil).published == day("2024-05-31"))
        #expect(HTMLMetadataLexicon.bundled.monthNumbers["травня"] == 5)
    }
}
