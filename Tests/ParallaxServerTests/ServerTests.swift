import Foundation
import Hummingbird
import HummingbirdTesting
import ParallaxAnalysis
import ParallaxCore
import ParallaxIngest
import ParallaxReport
import Testing

@testable import ParallaxServer

/// The API and pages through the router, without a socket, over an in-memory corpus of invented articles.
struct ServerTests {
    static let token = "secret-token"

    /// Articles written for these tests: two events, three outlets each, and one hostile article.
    static func articles() -> [Article] {
        let dam = [
            ("BBC", "The Harlow dam burst on Tuesday, flooding three villages in the Calder valley. About 1,200 people were evacuated, the regional office said."),
            ("Reuters", "A dam in the Calder valley burst on Tuesday and flooded three villages. Around 1,200 residents were evacuated overnight, officials said."),
            ("RT", "The Harlow dam collapsed on Tuesday, flooding three Calder valley villages, and 1,200 people left their homes, the regional office said."),
        ]
        let strike = [
            ("BBC", "Dock workers at Port Elsby began a 48-hour strike on Thursday over pay. “We have not had a raise in four years,” union leader Tomas Brandt said."),
            ("Reuters", "Container traffic at Elsby stopped on Thursday as dockers began a strike over pay, union leader Tomas Brandt said."),
        ]
        var out: [Article] = []
        for (i, (outlet, text)) in dam.enumerated() {
            out.append(Article(id: "dam-\(i)", source: "test", outlet: outlet, url: "https://example.org/dam/\(i)",
                title: "Harlow dam bursts (\(outlet))", published: Day(iso: "2025-03-11"), text: text))
        }
        for (i, (outlet, text)) in strike.enumerated() {
            out.append(Article(id: "strike-\(i)", source: "test", outlet: outlet, url: "https://example.org/strike/\(i)",
                title: "Elsby dockers strike (\(outlet))", published: Day(iso: "2025-03-14"), text: text))
        }
        out.append(Article(
            id: "hostile", source: "test", outlet: "BBC", url: "javascript:alert(1)",
            title: "<script>alert('t')</script> Harlow dam", published: Day(iso: "2025-03-11"),
            text: "The Harlow dam <img src=x onerror=alert(1)> burst on Tuesday, flooding three villages. </style><script>alert(2)</script> About 1,200 people were evacuated, the regional office said."))
        return out
    }

    static func makeServer(freshness: Duration? = nil) async throws -> ParallaxServer {
        let store = InMemoryStore()
        let pipeline = AnalysisPipeline(outlets: .bundled, concurrency: 2)
        let ingester = CorpusIngester(pipeline: pipeline, outlets: .bundled)
        let annotations = articles().map { pipeline.annotator.annotate($0) }
        _ = try await ingester.ingest(annotations, issues: [], into: store)
        _ = try await ingester.refreshAnalyses(in: store) { _, _ in }
        var settings = ServerSettings(token: token, outlets: .bundled)
        settings.maxBodyBytes = 64 << 10
        if let freshness { settings.freshness = freshness }
        return ParallaxServer(store: store, settings: settings)
    }

    static func app(_ server: ParallaxServer) -> some ApplicationProtocol {
        Application(router: server.makeRouter())
    }

    static func json(_ buffer: ByteBuffer) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(buffer: buffer))
        return try #require(object as? [String: Any])
    }

    /// Every required key of the OpenAPI schema `name` is in `object` (one level, with `$ref`s of arrays' items).
    static func conforms(_ object: [String: Any], to name: String, in document: [String: Any]) -> Bool {
        let schemas = (document["components"] as? [String: Any])?["schemas"] as? [String: Any]
        guard let schema = schemas?[name] as? [String: Any] else { return false }
        let required = schema["required"] as? [String] ?? []
        return required.allSatisfy { object[$0] != nil }
    }

    @Test func storiesPageThroughEverythingAndMatchTheOpenAPIDocument() async throws {
        let server = try await Self.makeServer()
        try await Self.app(server).test(.router) { client in
            let document = try await client.execute(uri: "/api/openapi.json", method: .get) { try Self.json($0.body) }
            #expect(document["openapi"] as? String == "3.1.0")
            var cursor: String?
            var seen: [String] = []
            repeat {
                let uri = "/api/stories?limit=1" + (cursor.map { "&cursor=\($0)" } ?? "")
                let page = try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .ok)
                    #expect(response.headers[.init("Content-Security-Policy")!]?.contains("default-src 'none'") == true)
                    return try Self.json(response.body)
                }
                #expect(Self.conforms(page, to: "StoryPage", in: document))
                let stories = try #require(page["stories"] as? [[String: Any]])
                #expect(stories.count <= 1)
                for s in stories { #expect(Self.conforms(s, to: "Story", in: document)) }
                seen += stories.compactMap { $0["id"] as? String }
                cursor = page["next"] as? String
            } while cursor != nil
            let stats = try await client.execute(uri: "/api/stats", method: .get) { try Self.json($0.body) }
            #expect(Self.conforms(stats, to: "Stats", in: document))
            #expect(seen.count == stats["stories"] as? Int)
            #expect(Set(seen).count == seen.count)

            let first = try #require(seen.first)
            let report = try await client.execute(uri: "/api/stories/\(first)", method: .get) { try Self.json($0.body) }
            #expect(Self.conforms(report, to: "Report", in: document))
            #expect(((report["stories"] as? [[String: Any]])?.first?["id"] as? String) == first)
            let graph = try await client.execute(uri: "/api/stories/\(first)/citations", method: .get) { try Self.json($0.body) }
            #expect(Self.conforms(graph, to: "CitationGraph", in: document))
            try await client.execute(uri: "/api/stories/\(first)/citations?format=gexf", method: .get) { response in
                #expect(String(buffer: response.body).contains("<gexf"))
            }
            let article = try await client.execute(uri: "/api/articles/dam-0", method: .get) { try Self.json($0.body) }
            #expect(Self.conforms(article, to: "ArticleSpans", in: document))
            let text = try #require(article["text"] as? String)
            for f in article["findings"] as? [[String: Any]] ?? [] {
                let span = try #require(f["span"] as? [String: Int])
                #expect((span["start"] ?? -1) >= 0 && (span["end"] ?? .max) <= text.utf8.count)
            }
            let search = try await client.execute(uri: "/api/search?q=dockers", method: .get) { try Self.json($0.body) }
            #expect(Self.conforms(search, to: "SearchPage", in: document))
            #expect((search["hits"] as? [Any])?.isEmpty == false)
            let outlets = try await client.execute(uri: "/api/outlets", method: .get) { try Self.json($0.body) }
            #expect(Self.conforms(outlets, to: "Outlets", in: document))
        }
    }

    @Test func exportsStreamEveryRecordWithTheCLIColumns() async throws {
        try await Self.app(try await Self.makeServer()).test(.router) { client in
            try await client.execute(uri: "/api/export/articles?format=csv", method: .get) { response in
                let lines = String(buffer: response.body).split(separator: "\r\n")
                #expect(lines.first.map(String.init) == ExportRow.articleColumns(withText: false).joined(separator: ","))
                #expect(lines.count == 1 + Self.articles().count)
            }
            try await client.execute(uri: "/api/export/stories", method: .get) { response in
                let rows = try String(buffer: response.body).split(separator: "\n").map { line in
                    try #require(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
                }
                #expect(!rows.isEmpty)
                for row in rows { #expect(Set(row.keys) == Set(ExportRow.storyColumns)) }
            }
            try await client.execute(uri: "/api/export/stories?format=xml", method: .get) { #expect($0.status == .badRequest) }
        }
    }

    @Test func errorsAreJSONWithTheRightStatus() async throws {
        let server = try await Self.makeServer()
        try await Self.app(server).test(.router) { client in
            try await client.execute(uri: "/api/stories/s-nothing", method: .get) { response in
                #expect(response.status == .notFound)
                let error = try Self.json(response.body)["error"] as? [String: Any]
                #expect((error?["message"] as? String)?.contains("s-nothing") == true)
            }
            try await client.execute(uri: "/api/stories?since=yesterday", method: .get) { #expect($0.status == .badRequest) }
            try await client.execute(uri: "/api/stories?cursor=-4", method: .get) { #expect($0.status == .badRequest) }
            try await client.execute(uri: "/api/search", method: .get) { #expect($0.status == .badRequest) }
            let long = String(repeating: "a", count: 5_000)
            try await client.execute(uri: "/api/search?q=\(long)", method: .get) { #expect($0.status == .uriTooLong) }
            try await client.execute(uri: "/../../etc/passwd", method: .get) { #expect($0.status == .notFound) }
        }
    }

    @Test func ingestNeedsTheTokenAndStaysWithinTheBodyLimit() async throws {
        let server = try await Self.makeServer()
        let line = #"{"id":"new-1","outlet":"AP","title":"Elsby strike ends","published":"2025-03-16","text":"The dockers' strike at Port Elsby ended on Sunday after a pay deal, union leader Tomas Brandt said."}"#
        try await Self.app(server).test(.router) { client in
            func articlesInStories() async throws -> Int {
                let page = try await client.execute(uri: "/api/stories?limit=500", method: .get) { try Self.json($0.body) }
                return (page["stories"] as? [[String: Any]] ?? []).compactMap { $0["articleCount"] as? Int }.reduce(0, +)
            }
            let before = try await articlesInStories()
            #expect(try await articlesInStories() == before)  // served from the cache, the same
            try await client.execute(uri: "/api/ingest?format=jsonl", method: .post, body: ByteBuffer(string: line)) {
                #expect($0.status == .unauthorized)
            }
            try await client.execute(
                uri: "/api/ingest?format=jsonl", method: .post, headers: [.authorization: "Bearer wrong"],
                body: ByteBuffer(string: line)
            ) { #expect($0.status == .unauthorized) }
            let answer = try await client.execute(
                uri: "/api/ingest?format=jsonl", method: .post, headers: [.authorization: "Bearer \(Self.token)"],
                body: ByteBuffer(string: line)
            ) { response in
                #expect(response.status == .ok)
                return try Self.json(response.body)
            }
            #expect((answer["summary"] as? [String: Any])?["new"] as? Int == 1)
            #expect(try await articlesInStories() == before + 1)  // the write made the cached page stale
            let search = try await client.execute(uri: "/api/search?q=deal", method: .get) { try Self.json($0.body) }
            let hit = try #require((search["hits"] as? [[String: Any]])?.first?["article"] as? [String: Any])
            let id = try #require(hit["id"] as? String)
            try await client.execute(uri: "/api/articles/\(id)", method: .get) { #expect($0.status == .ok) }
            let big = String(repeating: line + "\n", count: 1_000)
            try await client.execute(
                uri: "/api/ingest?format=jsonl", method: .post, headers: [.authorization: "Bearer \(Self.token)"],
                body: ByteBuffer(string: big)
            ) { #expect($0.status == .contentTooLarge) }
            try await client.execute(
                uri: "/api/ingest", method: .post, headers: [.authorization: "Bearer \(Self.token)"],
                body: ByteBuffer(string: "\u{0}\u{1}not an article")
            ) { #expect($0.status == .unprocessableContent || $0.status == .ok) }
        }
    }

    @Test func pagesEscapeArticleTextAndLinkBack() async throws {
        let server = try await Self.makeServer()
        try await Self.app(server).test(.router) { client in
            let list = try await client.execute(uri: "/?q=Harlow", method: .get) { response in
                #expect(response.headers[.contentType]?.hasPrefix("text/html") == true)
                return String(buffer: response.body)
            }
            #expect(list.contains("Stories"))
            #expect(!list.contains("<script>alert"))
            let storyID = try #require(list.components(separatedBy: "href=\"/stories/").dropFirst().first?.prefix { $0 != "\"" })
            let story = try await client.execute(uri: "/stories/\(storyID)", method: .get) { String(buffer: $0.body) }
            #expect(story.contains("Harlow"))
            #expect(!story.contains("<script>alert") && !story.contains("<img src=x"))
            let article = try await client.execute(uri: "/articles/hostile", method: .get) { String(buffer: $0.body) }
            #expect(article.contains("&lt;script&gt;alert(2)&lt;/script&gt;"))
            #expect(!article.contains("<script>") && !article.contains("javascript:"))
            #expect(article.contains("dir=\"auto\""))
            #expect(article.contains("href=\"/stories/"))
            try await client.execute(uri: "/articles/none", method: .get) { #expect($0.status == .notFound) }
        }
    }

    @Test func templatesLoadAndEscapePerUnicodeScalar() async throws {
        let templates = PageTemplates.bundled
        #expect(templates.problem == nil)
        // A quote or `<` followed by a combining mark is one Character: swift-mustache's own escaping lets it through.
        let hostile = "\"\u{301} autofocus onfocus=\"x\" <\u{301}b>"
        let page = try templates.page(title: hostile, main: "<p>ours</p>")
        #expect(page.contains("<p>ours</p>"))
        #expect(page.contains("&quot;\u{301} autofocus onfocus=&quot;x&quot; &lt;\u{301}b&gt;"))
        let rawQuote = "\"\u{301}"
        #expect(!page.contains(rawQuote))
        let server = try await Self.makeServer()
        try await Self.app(server).test(.router) { client in
            let q = hostile.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
            let list = try await client.execute(uri: "/?q=\(q)", method: .get) { String(buffer: $0.body) }
            #expect(list.contains("value=\"&quot;\u{301} autofocus"))
            #expect(!list.contains("autofocus onfocus=\"x\""))
        }
    }

    @Test func staticFilesByExactNameOnly() async throws {
        let server = try await Self.makeServer()
        try await Self.app(server).test(.router) { client in
            for (path, type) in [("/static/parallax.css", "text/css"), ("/static/report.css", "text/css"),
                                 ("/static/parallax.js", "text/javascript")] {
                try await client.execute(uri: path, method: .get) { response in
                    #expect(response.status == .ok, "\(path)")
                    #expect(response.headers[.contentType]?.hasPrefix(type) == true, "\(path)")
                    #expect(response.body.readableBytes > 100, "\(path)")
                }
            }
            let traversals = [
                "/static/../Package.swift", "/static/%2e%2e/Package.swift", "/static/..%2fPackage.swift",
                "/static/%2e%2e%2fPackage.swift", "/static/..%5cPackage.swift", "/static/%252e%252e%252fPackage.swift",
                "/static/", "/static/.", "/static/..", "/static/Static", "/static/page.mustache",
                "/static/%2fetc%2fpasswd", "/static/parallax.css%00.js",
            ]
            for path in traversals {
                try await client.execute(uri: path, method: .get) { response in
                    #expect(response.status == .notFound, "\(path)")
                    #expect(!String(buffer: response.body).contains("swift-tools-version"), "\(path)")
                }
            }
        }
    }

    @Test func everyResponseCarriesTheContentSecurityPolicy() async throws {
        let server = try await Self.makeServer()
        try await Self.app(server).test(.router) { client in
            let list = try await client.execute(uri: "/", method: .get) { String(buffer: $0.body) }
            let storyID = try #require(list.components(separatedBy: "href=\"/stories/").dropFirst().first?.prefix { $0 != "\"" })
            let long = String(repeating: "a", count: 5_000)
            let paths: [(String, HTTPResponse.Status)] = [
                ("/", .ok), ("/stories/\(storyID)", .ok), ("/articles/hostile", .ok), ("/static/parallax.js", .ok),
                ("/api/stats", .ok), ("/nothing/here", .notFound), ("/articles/none", .notFound),
                ("/stories/none", .notFound), ("/api/stories/none", .notFound), ("/?q=\(long)", .uriTooLong),
                ("/?since=never", .badRequest),
            ]
            for (path, status) in paths {
                try await client.execute(uri: path, method: .get) { response in
                    #expect(response.status == status, "\(path)")
                    let policy = response.headers[.init("Content-Security-Policy")!] ?? ""
                    #expect(policy.contains("default-src 'none'") && policy.contains("script-src 'self'"), "\(path)")
                    #expect(!policy.contains("unsafe-inline"), "\(path)")
                    let html = response.headers[.contentType]?.hasPrefix("text/html") == true
                    #expect(html == (!path.hasPrefix("/api/") && !path.hasPrefix("/static/")), "\(path)")
                }
            }
            // The pages load no inline script or style, which the policy would block.
            for path in ["/", "/stories/\(storyID)", "/articles/dam-0", "/articles/none"] {
                let page = try await client.execute(uri: path, method: .get) { String(buffer: $0.body) }
                #expect(!page.contains("<style") && !page.contains(" style=") && !page.contains("<script>"), "\(path)")
            }
            try await client.execute(uri: "/api/ingest", method: .post, body: ByteBuffer(string: "x")) {
                #expect($0.status == .unauthorized)
                #expect($0.headers[.init("Content-Security-Policy")!] != nil)
            }
        }
    }

    @Test func storyPageShowsTheComparisonInTheFrame() async throws {
        let server = try await Self.makeServer()
        try await Self.app(server).test(.router) { client in
            let list = try await client.execute(uri: "/?q=Harlow", method: .get) { String(buffer: $0.body) }
            // Outlets by country and ownership, as the registry knows them.
            #expect(list.contains("GB · public:"))
            let storyID = try #require(list.components(separatedBy: "href=\"/stories/").dropFirst().first?.prefix { $0 != "\"" })
            let story = try await client.execute(uri: "/stories/\(storyID)", method: .get) { String(buffer: $0.body) }
            #expect(story.hasPrefix("<!doctype html>"))
            #expect(story.components(separatedBy: "<html").count == 2)  // one page, the report's content inside
            #expect(story.contains("<link rel=\"stylesheet\" href=\"/static/report.css\">"))
            #expect(story.contains("class=\"matrix\""))
            #expect(story.contains("<tr class=\"groups\">"))
            #expect(story.contains("dir=\"auto\""))
            #expect(story.contains("href=\"/api/stories/\(storyID)\""))
        }
    }

    /// Spans off a character boundary, past the end, before the start, empty or overlapping are skipped, never trap.
    @Test(arguments: [
        [(0, 5)], [(1, 3)], [(4, 400)], [(-3, 2)], [(6, 6)], [(0, 9), (2, 5), (0, 9)], [(7, 12), (9, 20)], [(12, 13)],
    ])
    func highlightingSurvivesAnySpan(_ spans: [(Int, Int)]) {
        let text = "é<b>x</b>\nمرحبا & \"q\""
        let findings = spans.map {
            ArticleSpans.Finding(kind: "quote", span: TextSpan(start: $0.0, end: $0.1), label: "<i>")
        }
        // The same spans as sentence anchors too: anchors inside marks, off boundaries or past the end.
        let anchors = spans.map { TextSpan(start: $0.0, end: $0.1) }
        for html in [WebPages.highlighted(text, findings: findings), WebPages.highlighted(text, findings: findings, anchors: anchors)] {
            #expect(!html.contains("<b>") && !html.contains("<i>"))
            #expect(html.hasPrefix("<p>") && html.hasSuffix("</p>"))
            // With the marks and anchors taken out, the text is all there, once.
            let plain = html.replacingOccurrences(
                of: #"<mark[^>]*>|</mark>|<span class="s" id="s-[0-9]+-[0-9]+"></span>"#, with: "", options: .regularExpression)
            #expect(plain == "<p>" + HTMLEscaping.escape(text).replacingOccurrences(of: "\n", with: "</p><p>") + "</p>")
        }
    }

    /// `?limit=N` cuts each list of a story's comparison to its N most shared items and says how many each held.
    @Test func storyJSONCanBeCutToTheMostShared() async throws {
        let server = try await Self.makeServer()
        try await Self.app(server).test(.router) { client in
            let list = try await client.execute(uri: "/api/stories", method: .get) { try Self.json($0.body) }
            let id = try #require((list["stories"] as? [[String: Any]])?.first?["id"] as? String)
            let whole = try await client.execute(uri: "/api/stories/\(id)", method: .get) { try Self.json($0.body) }
            let story = try #require((whole["stories"] as? [[String: Any]])?.first)
            let claims = try #require(story["claims"] as? [[String: Any]])
            try #require(claims.count > 1, "the fixture story needs two claims")
            #expect(whole["totals"] == nil)
            let cut = try await client.execute(uri: "/api/stories/\(id)?limit=1", method: .get) { try Self.json($0.body) }
            let cutStory = try #require((cut["stories"] as? [[String: Any]])?.first)
            #expect((cutStory["claims"] as? [Any])?.count == 1)
            #expect((cutStory["articles"] as? [Any])?.count == (story["articles"] as? [Any])?.count)
            let totals = try #require((cut["totals"] as? [String: Any])?[id] as? [String: Int])
            #expect(totals["claims"] == claims.count)
            #expect(totals["quotes"] == (story["quotes"] as? [Any])?.count)
            // The most shared claim is the one kept.
            func reach(_ claim: [String: Any]) -> Int { Set((claim["articles"] as? [String]) ?? []).count }
            let kept = try #require((cutStory["claims"] as? [[String: Any]])?.first)
            #expect(reach(kept) == claims.map(reach).max())
            // Each kept item's occurrences are cut too; the articles that carry it stay whole.
            #expect(((kept["occurrences"] as? [Any])?.count ?? 0) <= 1)
            for quote in (cutStory["quotes"] as? [[String: Any]]) ?? [] { #expect(((quote["occurrences"] as? [Any])?.count ?? 0) <= 1) }
            for bad in ["0", "-1", "x"] {
                try await client.execute(uri: "/api/stories/\(id)?limit=\(bad)", method: .get) { #expect($0.status == .badRequest) }
            }
        }
    }

    /// A client that takes gzip gets the cached page gzipped, the same bytes once inflated; one that does not (or
    /// refuses it with q=0) gets them plain; both responses vary on Accept-Encoding.
    @Test func pagesAreGzippedForClientsThatTakeIt() async throws {
        let server = try await Self.makeServer()
        try await Self.app(server).test(.router) { client in
            let list = try await client.execute(uri: "/api/stories", method: .get) { try Self.json($0.body) }
            let story = try #require((list["stories"] as? [[String: Any]])?.first?["id"] as? String)
            for uri in ["/", "/api/stories/\(story)"] {
                let plain = try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.headers[.contentEncoding] == nil)
                    #expect(response.headers[.vary] == "Accept-Encoding")
                    return Array(response.body.readableBytesView)
                }
                for refused in ["identity", "gzip;q=0", "br"] {
                    try await client.execute(uri: uri, method: .get, headers: [.acceptEncoding: refused]) {
                        #expect($0.headers[.contentEncoding] == nil)
                    }
                }
                for taken in ["gzip", "deflate, gzip;q=0.5", "*"] {
                    let packed = try await client.execute(uri: uri, method: .get, headers: [.acceptEncoding: taken]) {
                        response in
                        #expect(response.headers[.contentEncoding] == "gzip")
                        return Array(response.body.readableBytesView)
                    }
                    #expect(packed.count < plain.count)
                    #expect(try GzipStream.decompress(packed) == plain)
                }
            }
        }
    }

    /// Another writer's change shows once the write generation is read again (at once with zero freshness, not
    /// within an hour's); a write through this server shows at once either way.
    @Test func pagesFollowOtherWritersWithinTheFreshnessAndOwnWritesAtOnce() async throws {
        let story = Article(
            id: "late", source: "t", outlet: "AP", title: "Quarry blast shakes Elmvale",
            published: Day(year: 2025, month: 3, day: 20),
            text: "A blast at the Elmvale quarry shook homes on Thursday. No one was hurt, the quarry operator said.")
        for (freshness, seesOtherWriter) in [(Duration.zero, true), (.seconds(3_600), false)] {
            let server = try await Self.makeServer(freshness: freshness)
            try await Self.app(server).test(.router) { client in
                let before = try await client.execute(uri: "/", method: .get) { String(buffer: $0.body) }
                #expect(!before.contains("Quarry blast"))
                // Another process's write: straight into the store, not through the server.
                let pipeline = AnalysisPipeline(outlets: .bundled, concurrency: 1)
                _ = try await CorpusIngester(pipeline: pipeline, outlets: .bundled)
                    .ingest([pipeline.annotator.annotate(story)], issues: [], into: server.store)
                let after = try await client.execute(uri: "/", method: .get) { String(buffer: $0.body) }
                #expect(after.contains("Quarry blast") == seesOtherWriter)
                // A write through the server shows at once.
                let body = #"{"id":"own","title":"Harbour crane collapses in Westport","text":"A crane collapsed at the Westport harbour on Friday. Two workers were hurt, the port authority said.","date":"2025-03-21"}"#
                try await client.execute(
                    uri: "/api/ingest?format=jsonl", method: .post,
                    headers: [.authorization: "Bearer \(Self.token)"], body: ByteBuffer(string: body)
                ) { #expect($0.status == .ok) }
                let own = try await client.execute(uri: "/", method: .get) { String(buffer: $0.body) }
                #expect(own.contains("Harbour crane collapses"))
            }
        }
    }

    /// Every sentence gets the anchor the story page links to, just before the finding it starts in.
    @Test func sentencesAreAnchoredForTheStoryPagesLinks() {
        let text = "One said so. \"Two,\" she said. Three."
        let quote = ArticleSpans.Finding(kind: "quote", span: TextSpan(start: 14, end: 17), label: "")
        let sentences = [TextSpan(start: 0, end: 12), TextSpan(start: 13, end: 29), TextSpan(start: 30, end: 36)]
        let html = WebPages.highlighted(text, findings: [quote], anchors: sentences)
        #expect(
            html == "<p><span class=\"s\" id=\"s-0-12\"></span>One said so. <span class=\"s\" id=\"s-13-29\"></span>"
                + "&quot;<mark class=\"quote\" title=\"quote: \">Two</mark>,&quot; she said. "
                + "<span class=\"s\" id=\"s-30-36\"></span>Three.</p>")
    }
}
