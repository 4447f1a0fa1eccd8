import Testing

@testable import ParallaxIngest

struct MainTextExtractorTests {
    let extractor = MainTextExtractor()

    func extract(_ html: String) throws -> ExtractedText {
        let document = try HTMLDocument(bytes: Array(html.utf8), encoding: "UTF-8")
        return extractor.extract(from: document)
    }

    static let prose = [
        "The city council voted on Tuesday to expand the bus network, adding four routes to the eastern districts.",
        "Officials said the plan, which costs about 12 million euros, would be paid for by a regional grant.",
        "Residents had asked for better connections for years, and the vote passed with a large majority.",
    ]

    static func page(body: String) -> String {
        """
        <html><head><title>Bus network</title></head><body>
        <nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav>
        <header class="site-header"><a href="/">The Daily Example</a></header>
        \(body)
        <aside class="sidebar"><h3>Most read</h3><p>Another story about something else entirely, with many words.</p></aside>
        <footer><p>Copyright 2024 The Daily Example. All rights reserved. Contact us for licensing.</p></footer>
        </body></html>
        """
    }

    @Test func keepsArticleParagraphsAndDropsNavigationAndFooter() throws {
        let body = "<article><h1>Bus network grows</h1>" + Self.prose.map { "<p>\($0)</p>" }.joined() + "</article>"
        let result = try extract(Self.page(body: body))
        #expect(result.method == .mainContainer)
        for paragraph in Self.prose { #expect(result.text.contains(paragraph)) }
        #expect(!result.text.contains("Home"))
        #expect(!result.text.contains("Copyright"))
        #expect(!result.text.contains("Another story"))
        #expect(!result.text.contains("The Daily Example"))
    }

    @Test func paragraphsAreSeparatedByOneNewline() throws {
        let body = "<div class=\"article-body\">" + Self.prose.map { "<p>\n  \($0)  \n</p>" }.joined() + "</div>"
        let result = try extract(Self.page(body: body))
        #expect(result.text.split(separator: "\n").map(String.init).suffix(3) == Self.prose[...])
    }

    @Test func dropsShareBarsAdsCommentsAndRelatedLinks() throws {
        let body = """
            <div class="story-body">
            <div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Tweet</a></div>
            <p>\(Self.prose[0])</p>
            <div class="ad-slot">Advertisement</div>
            <p>\(Self.prose[1])</p>
            <div class="related-articles"><p>Related: the tram network also grew last year, the report said.</p></div>
            <p>\(Self.prose[2])</p>
            </div>
            <section id="comments"><p>Great news, finally something is done about the buses in this town!</p></section>
            """
        let result = try extract(Self.page(body: body))
        for paragraph in Self.prose { #expect(result.text.contains(paragraph)) }
        #expect(!result.text.contains("Share on Facebook"))
        #expect(!result.text.contains("Advertisement"))
        #expect(!result.text.contains("tram network"))
        #expect(!result.text.contains("Great news"))
    }

    @Test func keepsListsBlockquotesAndHeadingsAsSeparateParagraphs() throws {
        let body = """
            <article><p>\(Self.prose[0])</p>
            <h2>What changes</h2>
            <ul><li>Route 12 runs every ten minutes.</li><li>Route 14 reaches the airport.</li></ul>
            <blockquote>We listened to the residents, and this is the result of that work.</blockquote>
            <p>\(Self.prose[1])</p></article>
            """
        let lines = try extract(Self.page(body: body)).text.split(separator: "\n").map(String.init)
        #expect(lines.contains("What changes"))
        #expect(lines.contains("Route 12 runs every ten minutes."))
        #expect(lines.contains("Route 14 reaches the airport."))
        #expect(lines.contains("We listened to the residents, and this is the result of that work."))
    }

    @Test func dropsCaptionsAndCredits() throws {
        let body = """
            <article><p>\(Self.prose[0])</p>
            <figure><img src="bus.jpg"><figcaption>A new bus at the depot on Monday.</figcaption></figure>
            <p>\(Self.prose[1])</p><div class="image-credit">Photo: Jane Doe / Agency</div>
            <p>\(Self.prose[2])</p></article>
            """
        let text = try extract(Self.page(body: body)).text
        #expect(text.contains(Self.prose[2]))
        #expect(!text.contains("depot"))
        #expect(!text.contains("Jane Doe"))
    }

    /// A slideshow whose captions are the article: the captions are kept, since nothing else on the page is text.
    @Test func keepsTheCaptionsOfASlideshowThatAreTheArticle() throws {
        let captions = [
            "Crews lift the first of four new carriages onto the rails at the Eastgate depot on Monday morning.",
            "The carriages, built in Tallinn, seat 180 passengers each and have room for twelve bicycles.",
            "Engineers test the brakes on the viaduct, where the old trains had to slow to walking pace.",
            "The mayor, Ilse Varga, rides the first trip and says the line will reopen fully in June.",
        ]
        let body = "<main><h1>In pictures: new trains for the Eastgate line</h1>"
            + captions.map { "<figure class=\"slide\"><img src=\"x.jpg\"><figcaption>\($0)</figcaption></figure>" }.joined()
            + "</main>"
        let text = try extract(Self.page(body: body)).text
        for caption in captions { #expect(text.contains(caption), "\(caption)") }
        #expect(!text.contains("Copyright"))
    }

    @Test func joinsBodySplitIntoSameTemplateChunks() throws {
        let chunk = { (a: String, b: String) in "<div class=\"chunk\"><p>\(a)</p><p>\(b)</p></div>" }
        let body = """
            <main><div class="wrap">\(chunk(Self.prose[0], Self.prose[1]))
            <div class="promo-box"><a href="/x">Subscribe now</a></div>
            \(chunk(Self.prose[2], Self.prose[0].replacingOccurrences(of: "Tuesday", with: "Friday")))</div></main>
            """
        let text = try extract(Self.page(body: body)).text
        #expect(text.contains(Self.prose[1]))
        #expect(text.contains(Self.prose[2]))
        #expect(!text.contains("Subscribe"))
    }

    @Test func fallsBackToJSONLDArticleBody() throws {
        let html = """
            <html><head><script type="application/ld+json">
            {"@context":"https://schema.org","@graph":[{"@type":"NewsArticle","articleBody":"\(Self.prose.joined(separator: " "))"}]}
            </script></head><body><div id="app">Loading</div></body></html>
            """
        let result = try extract(html)
        #expect(result.method == .jsonLD)
        #expect(result.text.contains(Self.prose[2]))
    }

    @Test func emptyBodyGivesNoText() throws {
        let result = try extract("<html><body><nav><a href='/'>Home</a></nav></body></html>")
        #expect(result.text.isEmpty)
        #expect(result.method == .none)
    }

    @Test func hiddenElementsAreDropped() throws {
        let body = """
            <article><p>\(Self.prose[0])</p><div style="display: none">Secret text of a hidden popup box.</div>
            <p hidden>Another hidden paragraph that should not appear.</p><p>\(Self.prose[1])</p></article>
            """
        let text = try extract(Self.page(body: body)).text
        #expect(text.contains(Self.prose[1]))
        #expect(!text.contains("Secret"))
        #expect(!text.contains("Another hidden"))
    }

    @Test func bundledConfigurationLoads() {
        let configuration = ExtractionConfiguration.bundled
        #expect(configuration.removedTags.contains("script"))
        #expect(!configuration.hints.discard.isEmpty)
        #expect(configuration.thresholds.minTextChars > 0)
    }

    @Test(arguments: [
        ("pager", "APageRoot", false), ("pager", "pager-bottom", true), ("-promo", "node-promoted", false),
        ("-promo", "box-promo", true), ("sidebar", "has-sidebar", false), ("sidebar", "sidebarWidget", true),
        ("sidebar", "sidebar_left", true), ("comments", "comments", true), ("comments", "commentsCount x", true),
    ])
    func discardHintsMatchWholeTokensFromTheNameStart(pattern: String, name: String, matches: Bool) {
        let matcher = HintMatcher(
            patterns: HintMatcher.anchored(pattern, atNameStart: true, toTokenEnd: true).map { ($0, 1) }, tokens: true)
        #expect((matcher.roles(in: name) == 1) == matches)
    }

    @Test func wrapperWithAFurnitureNameHoldingThePageIsKept() throws {
        let body = "<div class=\"APageRoot has-sidebar node-promoted\"><div class=\"story\">"
            + Self.prose.map { "<p>\($0)</p>" }.joined() + "</div></div>"
        let result = try extract(Self.page(body: body))
        for paragraph in Self.prose { #expect(result.text.contains(paragraph)) }
    }

    @Test func articleHeaderWithTheLeadIsKept() throws {
        let lead = "A short lead that sums the story up: the eastern districts get four new bus routes next year."
        let body = "<article><header><h1>Bus network grows</h1><p>\(lead)</p></header>"
            + Self.prose.map { "<p>\($0)</p>" }.joined() + "</article>"
        let result = try extract(Self.page(body: body))
        #expect(result.text.contains(lead))
        #expect(!result.text.contains("The Daily Example"))
    }

    @Test func prunedAwayBodyIsRescuedFromTheUnprunedPage() throws {
        // The whole story sits in an element with a discard hint and no large share guard can save it (the page
        // around it is long), so the pruned view finds little; the unpruned view finds the story.
        let story = (Self.prose + Self.prose.map { $0.replacingOccurrences(of: "council", with: "assembly") })
            .map { "<p>\($0)</p>" }.joined()
        let filler = (0..<30).map { "<li><a href=\"/s\($0)\">Headline of another story number \($0) today</a></li>" }
        let body = "<div class=\"related-story\">\(story)</div><ul>\(filler.joined())</ul>"
        let result = try extract(Self.page(body: body))
        #expect(result.method == .unprunedContainer)
        #expect(result.text.contains(Self.prose[0]))
    }
}
