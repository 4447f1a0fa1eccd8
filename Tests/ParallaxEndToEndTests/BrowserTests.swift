import Foundation
import Testing

/// The web UI of `parallax serve` in a real browser (headless Chromium), over `examples/corpus` plus a hostile corpus
/// (`HostileCorpus`): pages show what they should, show every payload as text and run none of it, work with scripts
/// off, never scroll sideways on a phone; the server sends its security headers, refuses path traversal, long queries
/// and ingest without the token. Runs only with PARALLAX_BROWSER_TEST=1 and `chromium` on PATH
/// (`bash scripts/browser-test.sh`); screenshots go to docs/screenshots/ only with PARALLAX_SCREENSHOTS=1.
@Suite(.enabled(if: BrowserFixture.enabled, BrowserFixture.skipReason), .browserFixture)
struct BrowserTests {
    private var current: BrowserFixture {
        get throws { try #require(BrowserFixture.current, "the browser fixture did not start") }
    }

    // MARK: - Pages (the DOM after scripts ran)

    /// A page to load and what it must show; `{name}` in the path and selectors stands for an id of the fixture.
    struct PageCase: Sendable, CustomTestStringConvertible {
        let name: String
        let path: String
        let audit: PageAudit

        var testDescription: String { name }
    }

    static let pages: [PageCase] = [
        PageCase(
            name: "story list", path: "/",
            audit: PageAudit(
                texts: ["Stories", "Harlow", "Elsby", "Brenmoor", "Northgate Herald", "first to report"],
                elements: ["ol.stories", "input[name=q]", "a[dir=auto]", "input.filter"])),
        // A search through the list's form, and one whose words try to break out of the input's value attribute.
        PageCase(
            name: "search", path: "/?q=dam",
            audit: PageAudit(texts: ["Harlow"], absentTexts: ["Elsby"], elements: ["input[value=dam]"])),
        PageCase(
            name: "search (hostile words)", path: "/?q=" + BrowserFixture.percentEncoded(HostileCorpus.hostileQuery),
            audit: PageAudit(elements: ["input[name=q]"])),
        // The examples' story page: the whole comparison.
        PageCase(
            name: "story page", path: "/stories/{dam}",
            audit: PageAudit(
                texts: [
                    "Coverage", "Quotes", "Citations", "Calder Ledger", "paraphrased", "copy of",
                    "original (most-cited) source",
                ],
                elements: [
                    "table.matrix", "div.matrix-wrap", "svg.graph", "tr.groups", "article[dir=auto][lang=en]",
                    "link[href=/static/report.css]", "input.filter",
                ])),
        // The hostile story page and articles: shown as text, nothing runs.
        PageCase(
            name: "hostile story page", path: "/stories/{brenmoor}",
            audit: PageAudit(
                texts: ["Brenmoor", "<script>document.title='PWNED'", "onerror="], elements: ["table.matrix"])),
        PageCase(
            name: "hostile article", path: "/articles/{gazette}",
            audit: PageAudit(
                texts: ["</style><script>", "Tamsin Gazette <img src=x"],
                elements: ["article[dir=auto][lang=en]", "a[href=/stories/{brenmoor}]"])),
        PageCase(
            name: "hostile article 2", path: "/articles/{post}",
            audit: PageAudit(texts: ["</textarea><script>"], elements: ["article[dir=auto]"])),
        PageCase(
            name: "story page (Arabic)", path: "/stories/{arabicStory}",
            audit: PageAudit(texts: ["انهيار جسر برينمور"], elements: ["article[dir=auto][lang=ar]"])),
        PageCase(
            name: "article (Arabic)", path: "/articles/{arabic}",
            audit: PageAudit(texts: ["انهيار جسر برينمور"], elements: ["article[dir=auto][lang=ar]"])),
        PageCase(
            name: "error page", path: "/articles/%3Cscript%3Edocument.title%3D'PWNED'%3C%2Fscript%3E",
            audit: PageAudit(texts: ["Not found"])),
    ]

    @Test("page shows what it should and runs nothing planted", arguments: pages)
    func page(_ check: PageCase) throws {
        let fixture = try current
        let page = try fixture.dumpDOM(fixture.base + fixture.resolve(check.path))
        var audit = check.audit
        audit.elements = audit.elements.map(fixture.resolve)
        let problems = audit.problems(page)
        #expect(problems.isEmpty, "\(check.name): \(problems.joined(separator: "; "))")
    }

    /// The page checker's controls: a clean page passes, and a page whose script ran is caught by its title alone
    /// (a page of ours has the same title ending), so a checker that sees nothing cannot pass.
    @Test func pageCheckerControls() throws {
        let fixture = try current
        let clean = try fixture.dumpDOM("data:text/html,<title>x · Parallax</title><p>plain text</p>")
        #expect(PageAudit(texts: ["plain text"]).problems(clean).isEmpty, "a clean page was refused")
        let ran = try fixture.dumpDOM(
            "data:text/html,<title>x · Parallax</title><body><script>document.title=\"PWNED\"</script>")
        #expect(!PageAudit.titleProblems(ran.title).isEmpty, "a script that ran went unnoticed (title \(ran.title))")
        #expect(!PageAudit().problems(ran).isEmpty)
    }

    /// Without JavaScript the story page shows everything (only the filter box, which the script adds, is missing).
    @Test func storyPageWithoutJavaScript() throws {
        let fixture = try current
        let probe = try LayoutProbe.measure(
            fixture.base + fixture.resolve("/stories/{dam}"), size: .phone, scriptsOff: true, keepDOM: true,
            profile: fixture.profile())
        #expect(probe.problems.isEmpty, "phone, no JavaScript: \(probe.problems.joined(separator: "; "))")
        let page = DumpedPage(probe.dom ?? "")
        let problems = PageAudit(texts: ["Coverage", "Quotes"], elements: ["table.matrix", "svg.graph"]).problems(page)
        #expect(problems.isEmpty, "story page without JavaScript: \(problems.joined(separator: "; "))")
        #expect(!page.elements.contains { DumpedPage.matches("input.filter", $0) == true }, "the script ran")
    }

    /// A story of more articles than the page shows whole is drawn compact: a matrix column per outlet (at most 50),
    /// no texts in the page, findings linking to the article's page, where the linked sentence's anchor exists.
    @Test func bigStoryIsCompactAndItsLinksReachTheSentence() throws {
        let fixture = try current
        let page = try fixture.dumpDOM(fixture.base + fixture.resolve("/stories/{big}"))
        let problems = PageAudit(
            texts: [
                "\(BigStoryCorpus.count) articles", "each article's text is on its own page",
                "for the 50 outlets with most articles of \(BigStoryCorpus.count)",
            ],
            elements: ["table.matrix", "div.matrix-wrap"]
        ).problems(page)
        #expect(problems.isEmpty, "big story page: \(problems.joined(separator: "; "))")
        #expect(!page.elements.contains { DumpedPage.matches("section.texts", $0) == true }, "texts are in the page")
        let links = page.elements.compactMap { $0.tag == "a" ? $0.attributes["href"] : nil }
            .filter { $0.hasPrefix("/articles/") && $0.contains("#s-") }
        let link = try #require(links.first, "no finding links to an article page")
        let parts = link.split(separator: "#", maxSplits: 1)
        let article = try fixture.dumpDOM(fixture.base + link)
        #expect(
            article.elements.contains { $0.attributes["id"] == String(parts[1]) },
            "\(parts[0]) has no anchor \(parts[1])")
        // "Show all" lists every item and stays compact: a story of thousands of articles must not become a page of
        // claims x articles with every text in it.
        let whole = try fixture.dumpDOM(fixture.base + fixture.resolve("/stories/{big}?all=1"))
        #expect(!whole.elements.contains { DumpedPage.matches("section.texts", $0) == true })
        #expect(whole.text.contains("Which outlet reports which claim"), "show all: no matrix by outlet")
        #expect(!whole.text.contains("for the 50 outlets"), "show all: outlets left out")
    }

    // MARK: - Layout (DevTools protocol)

    struct LayoutCase: Sendable, CustomTestStringConvertible {
        let path: String
        let size: LayoutProbe.Size

        var testDescription: String { "\(path) at \(size)" }
    }

    /// No page scrolls sideways on a phone (the matrix scrolls in its own box), nor the story page on a laptop.
    static let layouts: [LayoutCase] =
        [
            "/", "/?q=dam", "/stories/{dam}", "/stories/{brenmoor}", "/stories/{arabicStory}", "/stories/{big}",
            "/articles/{gazette}",
            "/articles/{post}", "/articles/{arabic}",
        ].map { LayoutCase(path: $0, size: .phone) }
        + [LayoutCase(path: "/stories/{dam}", size: .laptop)]

    @Test("page fits the window", arguments: layouts)
    func layout(_ check: LayoutCase) throws {
        let fixture = try current
        let probe = try LayoutProbe.measure(
            fixture.base + fixture.resolve(check.path), size: check.size, profile: fixture.profile())
        #expect(probe.problems.isEmpty, "\(check.testDescription): \(probe.problems.joined(separator: "; "))")
    }

    /// The layout checker's control: a page 900 px wide on the phone is caught.
    @Test func layoutCheckerControl() throws {
        let fixture = try current
        let wide =
            "data:text/html,<meta name=\"viewport\" content=\"width=device-width\"><title>x · Parallax</title>"
            + "<div style=\"width:900px\">x</div>"
        let probe = try LayoutProbe.measure(wide, size: .phone, profile: fixture.profile())
        #expect(
            probe.problems.contains { $0.hasPrefix("scrolls sideways") }, "a page wider than the phone went unnoticed")
    }

    // MARK: - Screenshots

    /// Screenshots of the examples' story page at laptop and phone sizes: PNGs of the window's width. Written to
    /// docs/screenshots/ with PARALLAX_SCREENSHOTS=1, else to the fixture's temporary folder.
    @Test(arguments: [("story-laptop", LayoutProbe.Size.laptop), ("story-phone", LayoutProbe.Size.phone)])
    func screenshot(_ name: String, _ size: LayoutProbe.Size) throws {
        let fixture = try current
        let png = try LayoutProbe.screenshot(
            fixture.base + fixture.resolve("/stories/{dam}"), size: size, profile: fixture.profile())
        let bytes = [UInt8](png)
        try #require(bytes.count > 24 && bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]), "\(name): not a PNG")
        let width = bytes[16..<20].reduce(0) { $0 << 8 | Int($1) }
        #expect(width == size.width, "\(name): \(width) px wide, wanted \(size.width)")
        var folder = fixture.work
        if ProcessInfo.processInfo.environment["PARALLAX_SCREENSHOTS"] == "1", let root = BrowserFixture.root {
            folder = root.appendingPathComponent("docs/screenshots")
        }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try png.write(to: folder.appendingPathComponent("\(name).png"))
    }

    // MARK: - HTTP (a real socket, paths sent as written)

    @Test(
        "Content-Security-Policy on pages, static files, errors and the API",
        arguments: ["/", "/stories/{dam}", "/articles/{gazette}", "/static/parallax.css", "/nothing", "/api/stats"])
    func contentSecurityPolicy(_ path: String) throws {
        let fixture = try current
        let csp = try fixture.http.request(fixture.resolve(path)).headers["content-security-policy"] ?? ""
        #expect(csp.contains("default-src 'none'") && csp.contains("script-src 'self'"), "\(path): CSP \(csp)")
    }

    @Test(
        "no path traversal under /static/",
        arguments: [
            "/static/../Package.swift", "/static/%2e%2e/Package.swift", "/static/..%2fPackage.swift",
            "/static/%2e%2e%2fPackage.swift", "/static/..%5cPackage.swift", "/static/%252e%252e%252fPackage.swift",
            "/static//etc/passwd", "/static/../../../../etc/passwd",
        ])
    func noTraversal(_ path: String) throws {
        #expect(try current.http.request(path).status == 404)
    }

    @Test func querySizeLimit() throws {
        #expect(try current.http.request("/?q=" + String(repeating: "a", count: 6000)).status == 414)
    }

    @Test("ingest refused without the right token", arguments: [[:], ["Authorization": "Bearer nope"]])
    func ingestNeedsToken(_ headers: [String: String]) throws {
        let fixture = try current
        let article = try #require(BrowserFixture.root).appendingPathComponent("examples/corpus/herald-harlow-dam.txt")
        let response = try fixture.http.request(
            "/api/ingest", method: "POST", headers: headers, body: [UInt8](try Data(contentsOf: article)))
        #expect(response.status == 401)
    }
}

/// The browser test's checkers on markup written here (no browser): they must see what Chromium's serializer writes,
/// and catch every kind of fault the hostile corpus could cause. Runs in every `swift test`.
struct BrowserCheckerTests {
    static let serialized = """
        <!DOCTYPE html><html lang="en"><head><title>Story · Parallax</title><style>p > a { x: "<b id=pwned>" }</style>\
        <script src="/static/parallax.js"></script></head><body><!-- <script>x</script> -->\
        <svg class="graph"><title>graph title</title></svg>\
        <article dir="auto" lang="ar" class="text  long">&lt;script&gt;document.title='PWNED'&amp;&nbsp;x</article>\
        <input name="q" value="&quot; onfocus=&quot;x" class="filter">\
        <a href="/stories/7">a &#x27;b&#39;</a></body></html>
        """

    @Test func readsChromiumSerialization() {
        let page = DumpedPage(Self.serialized)
        #expect(page.title == "Story · Parallax")
        #expect(page.text.contains("<script>document.title='PWNED'& x"))
        #expect(page.text.contains("a 'b'"))
        #expect(!page.text.contains("pwned"))  // style and comments are not text
        #expect(page.text.contains("graph title"))  // an SVG's <title> is text, not the document's title
        #expect(page.elements.map(\.tag).filter { $0 == "script" || $0 == "b" } == ["script"])
        let input = page.elements.first { $0.tag == "input" }
        #expect(input?.attributes["value"] == "\" onfocus=\"x")
        #expect(
            PageAudit(
                texts: ["PWNED"],
                elements: [
                    "article[dir=auto][lang=ar]", "article.long.text", "a[href]",
                    "input.filter[name=q]",
                ]
            ).problems(page) == [])
    }

    @Test(arguments: [
        ("<p id=Pwned-x>", "planted element"), ("<iframe srcdoc=x></iframe>", "forbidden element"),
        ("<script>x</script>", "unexpected script"), ("<img src=x onerror=y>", "injected attribute onerror"),
        ("<input autofocus>", "injected attribute autofocus"), ("<a href=\" \tJaVaScRiPt:x\">", "script URL in href"),
        ("<a href='data:text/html,x'>", "script URL in href"),
    ])
    func catchesFault(_ markup: String, _ fault: String) {
        let page = DumpedPage("<html><head><title>x · Parallax</title></head><body>\(markup)</body></html>")
        let problems = PageAudit().problems(page)
        #expect(problems.contains { $0.hasPrefix(fault) }, "\(markup): \(problems)")
    }

    @Test func catchesMissingAndChangedPages() {
        let page = DumpedPage("<html><head><title>PWNED · Parallax</title></head><body><p>shown</p></body></html>")
        let problems = PageAudit(texts: ["hidden"], absentTexts: ["shown"], elements: ["table.matrix", "p[x"])
            .problems(page)
        for fault in [
            "a planted script ran", "text not shown", "text shown that should not be", "no element",
            "bad selector",
        ] {
            #expect(problems.contains { $0.hasPrefix(fault) }, "\(fault) not reported: \(problems)")
        }
        #expect(PageAudit().problems(DumpedPage("")).contains("empty DOM"))
    }
}
