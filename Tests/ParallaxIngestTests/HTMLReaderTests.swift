import Testing

@testable import ParallaxIngest

struct HTMLReaderTests {
    let reader = HTMLReader()

    /// gzip of `<html><head><title>T</title></head><body><p>Hello gzip world, this is a paragraph long enough to
    /// keep.</p></body></html>` (written by Python's gzip module, mtime 0).
    static let gzipPage: [UInt8] = [
        0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0x03, 0x25, 0x8D, 0xC1, 0x09, 0xC3, 0x30, 0x0C, 0x45,
        0x57, 0xD1, 0x00, 0xA1, 0x5E, 0x40, 0xE8, 0xDC, 0x01, 0xBA, 0x80, 0x8A, 0x85, 0x65, 0xAA, 0x46, 0xC2, 0x51,
        0x29, 0xC9, 0xF4, 0x09, 0x31, 0xFC, 0xC3, 0xE3, 0x1D, 0xDE, 0x47, 0xCD, 0xAF, 0x11, 0xAA, 0x70, 0x25, 0xCC,
        0x9E, 0x26, 0xF4, 0xC2, 0x32, 0x01, 0xCB, 0xD4, 0x6F, 0xAF, 0x3B, 0x61, 0xD0, 0x53, 0xCC, 0x1C, 0xDA, 0xD1,
        0x03, 0xFE, 0x3E, 0xAC, 0x2E, 0x90, 0xDA, 0x37, 0xB8, 0xC6, 0x10, 0x3C, 0xB8, 0x0D, 0x0E, 0x05, 0xF3, 0xB5,
        0x81, 0xAC, 0xFE, 0x6B, 0x0A, 0xE9, 0xF0, 0x11, 0x89, 0x07, 0x96, 0xB8, 0x6A, 0xB3, 0x53, 0xEE, 0xC7, 0x13,
        0x21, 0x61, 0x29, 0x8F, 0x78, 0x00, 0x00, 0x00,
    ]

    func events(_ bytes: [UInt8], name: String = "page.html") -> (articles: [Article], issues: [IngestIssue]) {
        var articles: [Article] = []
        var issues: [IngestIssue] = []
        do {
            try reader.read(.bytes(bytes, name: name)) { event in
                switch event {
                case .article(let a): articles.append(a)
                case .issue(let i): issues.append(i)
                }
            }
        } catch {
            issues.append(error)
        }
        return (articles, issues)
    }

    @Test func readsAnArticleWithTitleLanguageAndURL() throws {
        let html = """
            <html lang="en-GB"><head><title>Fallback title</title>
            <meta property="og:title" content="Council expands buses">
            <link rel="canonical" href="https://example.org/buses"></head>
            <body><article><p>The council voted on Tuesday to expand the bus network, adding four routes.</p>
            <p>Officials said the plan would be paid for by a regional grant, officials said.</p></article></body></html>
            """
        let result = events(Array(html.utf8), name: "dir/042bb7.html")
        let article = try #require(result.articles.first)
        #expect(result.issues.isEmpty)
        #expect(article.id == ArticleIdentity.id(url: article.url, text: "") && article.url != nil)
        #expect(article.source == "dir/042bb7.html")
        #expect(article.title == "Council expands buses")
        #expect(article.url == "https://example.org/buses")
        #expect(article.language?.hasPrefix("en") == true)
        #expect(article.text.hasPrefix("The council voted"))
    }

    @Test func readsGzipPages() throws {
        let result = events(Self.gzipPage, name: "x/abc.html.gz")
        let article = try #require(result.articles.first)
        #expect(article.id == ArticleIdentity.id(url: nil, text: article.text))
        #expect(article.text == "Hello gzip world, this is a paragraph long enough to keep.")
    }

    @Test func truncatedGzipIsAnIssue() {
        let result = events(Array(Self.gzipPage.prefix(60)), name: "cut.html.gz")
        #expect(result.articles.isEmpty)
        #expect(result.issues.first?.description.contains("cut.html.gz") == true)
        #expect(result.issues.first?.message.contains("cannot decompress") == true)
    }

    @Test func corruptGzipIsAnIssue() {
        var bytes = Self.gzipPage
        for i in 12..<40 { bytes[i] ^= 0x5A }
        let result = events(bytes, name: "bad.html.gz")
        #expect(result.articles.isEmpty)
        #expect(result.issues.count == 1)
    }

    @Test func emptyFileIsAnIssue() {
        let result = events([], name: "empty.html")
        #expect(result.articles.isEmpty)
        #expect(result.issues.first?.description == "empty.html: empty file")
    }

    @Test func binaryJunkIsAnIssue() {
        var generator = SystemRandomNumberGenerator()
        let junk = (0..<10_000).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let result = events(junk, name: "junk.html")
        #expect(result.articles.isEmpty)
        #expect(result.issues.first?.message == "not HTML (binary data)")
    }

    @Test func pageWithoutTextIsAnIssueWithItsMetadata() throws {
        let html = """
            <html><head><title>Council votes on buses</title>
            <meta property="article:published_time" content="2024-03-05T10:00:00Z">
            <meta property="og:site_name" content="The Courier"></head>
            <body><nav><a href='/'>Home</a></nav></body></html>
            """
        let result = events(Array(html.utf8))
        #expect(result.issues.first?.kind == .noMainText)
        let record = try #require(result.articles.first)
        #expect(record.text.isEmpty)
        #expect(record.title == "Council votes on buses")
        #expect(record.outlet == "The Courier")
        #expect(record.published == Day(year: 2024, month: 3, day: 5))
    }

    @Test func dateOnlyInAScriptIsFound() {
        let html = """
            <html><head><title>T</title><script>window.page = {"datePublished": "2023-11-02T08:00:00Z"};</script>
            </head><body><article><p>The council voted on Tuesday to expand the bus network, adding seven routes \
            and longer evening hours across the northern districts.</p></article></body></html>
            """
        #expect(events(Array(html.utf8)).articles.first?.published == Day(year: 2023, month: 11, day: 2))
    }

    @Test func nulBytesAndAnUnclosedNoscriptLoseNoText() {
        let body = "The council voted on Tuesday to expand the bus network, adding seven routes and later buses."
        var bytes = Array("<html><body><noscript><p>Enable JavaScript.</p><article><p>".utf8)
        bytes += Array(body.prefix(40).utf8) + [0] + Array(body.dropFirst(40).utf8)
        bytes += Array("</p></article></body></html>".utf8)
        let text = events(bytes).articles.first?.text ?? ""
        #expect(text.contains("expand the bus network"))
        #expect(text.contains("later buses"))
    }

    @Test func hugePageIsCutWithAnIssue() throws {
        let paragraph = Array("<p>The council voted on Tuesday to expand the bus network, adding routes.</p>\n".utf8)
        var bytes = Array("<html><body><article>".utf8)
        bytes.reserveCapacity(50 << 20 + 100)
        while bytes.count < 50 << 20 { bytes += paragraph }
        let small = HTMLReader(maxPageBytes: 1 << 20, cleansText: false)
        var issues: [IngestIssue] = []
        var articles: [Article] = []
        try small.read(.bytes(bytes, name: "big.html")) { event in
            switch event {
            case .article(let a): articles.append(a)
            case .issue(let i): issues.append(i)
            }
        }
        #expect(issues.first?.message.contains("only the first 1 MiB") == true)
        let article = try #require(articles.first, "issues: \(issues)")
        #expect(article.text.utf8.count < 1 << 20)
        #expect(article.text.hasPrefix("The council voted"))
    }
}
