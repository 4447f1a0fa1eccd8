import Foundation
import Hummingbird
import ParallaxCore
import ParallaxReport

/// Server-rendered pages: the story list (search and filters), a story's whole comparison (the self-contained HTML
/// report) and an article with every finding highlighted. No JavaScript; all article text is escaped; article text
/// carries `dir="auto"` and its `lang`.
struct WebPages: Sendable {
    let server: ParallaxServer

    func register(on router: Router<BasicRequestContext>) {
        router.get("/") { request, _ in
            try await server.cached("page " + request.uri.description) { try await storyList(request) }
        }
        router.get("stories/:id") { _, context in
            let id = try context.parameters.require("id")
            return try await server.cached("page story " + id) { try await story(id) }
        }
        router.get("articles/:id") { _, context in try await article(try context.parameters.require("id")) }
    }

    static func e(_ s: some StringProtocol) -> String { HTMLEscaping.escape(s) }

    static func page(title: String, body: String) -> String {
        """
        <!doctype html><html lang="en"><head><meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(e(title)) · Parallax</title><style>\(style)</style></head>
        <body><header><a href="/">Parallax</a></header><main>\(body)</main></body></html>
        """
    }

    static let style = """
        body{font:16px/1.5 system-ui,sans-serif;margin:0;color:#222;background:#fafafa}
        header{background:#223;padding:.6em 1em}header a{color:#fff;text-decoration:none;font-weight:600}
        main{max-width:60em;margin:0 auto;padding:1em}
        form{display:flex;flex-wrap:wrap;gap:.5em;margin-bottom:1em}input{padding:.4em;font-size:1em}
        ol.stories{list-style:none;padding:0}ol.stories li{background:#fff;border:1px solid #ddd;border-radius:6px;
        padding:.7em 1em;margin:.6em 0}.meta{color:#667;font-size:.9em}
        article p{white-space:pre-wrap}mark{padding:0 .1em}mark.quote,mark.reported{background:#ffe9a8}
        mark.speaker{background:#cde4ff}mark.citation{background:#d9f2d9}mark.framing{background:#f8c8c8}
        mark.name{background:#e6dcf7}mark.date{background:#e0e0e0}
        @media (max-width:40em){main{padding:.5em}}
        """

    /// The live stories, largest first, filtered by the query's words, dates, outlet and country.
    func storyList(_ request: Request) async throws -> Rendered {
        let q = request.uri.queryParameters
        var filter = try API.storyFilter(q)
        filter.limit = try API.pageSize(q, settings: server.settings)
        let query = filter
        let (stories, firsts) = try await server.store.read { reader -> ([StoryRecord], [String: [String]]) in
            let stories = try reader.stories(query)
            var firsts: [String: [String]] = [:]
            for s in stories { firsts[s.id] = try Self.firstReporters(of: s.id, in: reader) }
            return (stories, firsts)
        }
        func value(_ key: String) -> String {
            let raw: String = q.get(key).map { String($0) } ?? ""
            return Self.e(raw)
        }
        var body = """
            <h1>Stories</h1>
            <form method="get" action="/">
            <input type="search" name="q" placeholder="Search words" value="\(value("q"))" aria-label="Search">
            <input type="text" name="outlet" placeholder="Outlet" value="\(value("outlet"))" aria-label="Outlet">
            <input type="text" name="country" placeholder="Country (US)" value="\(value("country"))" size="8" aria-label="Country">
            <input type="date" name="since" value="\(value("since"))" aria-label="Since">
            <input type="date" name="until" value="\(value("until"))" aria-label="Until">
            <button type="submit">Show</button></form>
            """
        if stories.isEmpty { body += "<p>No story matches.</p>" }
        body += "<ol class=\"stories\">"
        for s in stories {
            let days: [String] = [s.firstDay, s.lastDay].compactMap { (d: Day?) in d.map { $0.description } }
            let span = days.isEmpty ? "" : (days.first == days.last ? days[0] : days.joined(separator: " – "))
            body += """
                <li><a href="/stories/\(Self.e(s.id))" dir="auto">\(Self.e(s.title))</a>
                <div class="meta">\(s.articleCount) article\(s.articleCount == 1 ? "" : "s") · \(Self.e(span))
                \(s.countries.isEmpty ? "" : " · " + Self.e(s.countries.joined(separator: ", ")))</div>
                <div class="meta" dir="auto">\(ownershipGroups(s.outlets))</div>
                \((firsts[s.id] ?? []).isEmpty ? "" : "<div class=\"meta\" dir=\"auto\">first to report: " + Self.e((firsts[s.id] ?? []).joined(separator: ", ")) + "</div>")</li>
                """
        }
        body += "</ol>"
        return .html(Self.page(title: "Stories", body: body))
    }

    /// The outlets of the story's earliest day (members are ordered by day; the first few are read).
    static func firstReporters(of story: String, in reader: any CorpusReader) throws -> [String] {
        var outlets: [String] = []
        var firstDay: Day?
        for id in try reader.members(ofStory: story).prefix(8) {
            guard let a = try reader.article(id: id) else { continue }
            if firstDay == nil { firstDay = a.published }
            guard a.published == firstDay, let outlet = a.outlet, !outlets.contains(outlet) else { continue }
            outlets.append(outlet)
        }
        return outlets
    }

    /// Outlet names grouped by what the registry knows of their ownership ("state-owned: RT · other: BBC, CNN").
    func ownershipGroups(_ outlets: [String]) -> String {
        var groups: [(String, [String])] = []
        for name in outlets {
            let ownership = server.settings.outlets.outlet(named: name)?.ownership?.rawValue ?? "unknown ownership"
            if let i = groups.firstIndex(where: { $0.0 == ownership }) { groups[i].1.append(name) } else { groups.append((ownership, [name])) }
        }
        return groups.sorted { $0.0 < $1.0 }.map { Self.e($0.0) + ": " + Self.e($0.1.joined(separator: ", ")) }
            .joined(separator: " · ")
    }

    /// A story's comparison: the HTML report of `parallax story ID --format html`.
    func story(_ id: String) async throws -> Rendered {
        let missing = Rendered.response(
            .html(Self.page(title: "Not found", body: "<p>No story \(Self.e(id)).</p>"), status: .notFound))
        guard let live = try await server.store.read({ try $0.resolveStory(id) }) else { return missing }
        if live != id { return .response(API.redirect("/stories/\(live)")) }
        guard let analysis = try await server.analysis(ofStory: live) else { return missing }
        let articles = try await server.store.read { try $0.articles(ids: analysis.articles) }
        let report = AnalysisReport(articles: articles, stories: [analysis], issues: [])
        return .html(ReportRenderer.render(report, format: .html))
    }

    /// An article with its findings highlighted (quotes, speakers, citations, names, framing, dates).
    func article(_ id: String) async throws -> Response {
        let found = try await server.store.read { reader -> (ArticleRecord, ArticleAnnotation)? in
            guard let record = try reader.article(id: id), let annotation = try reader.annotation(of: id) else { return nil }
            return (record, annotation)
        }
        guard let (record, annotation) = found else {
            return .html(Self.page(title: "Not found", body: "<p>No article \(Self.e(id)).</p>"), status: .notFound)
        }
        let spans = ArticleSpans(record: record, annotation: annotation)
        let lang = record.language.map { " lang=\"\(Self.e($0))\"" } ?? ""
        var body = "<article\(lang) dir=\"auto\"><h1>\(Self.e(record.title ?? record.id))</h1>"
        let meta = [record.outlet, record.published?.description, record.authors.joined(separator: ", ")]
            .compactMap { $0 }.filter { !$0.isEmpty }
        body += "<p class=\"meta\">\(Self.e(meta.joined(separator: " · ")))"
        if let story = record.story { body += " · <a href=\"/stories/\(Self.e(story))\">its story</a>" }
        if let url = record.url, let safe = HTMLEscaping.safeURL(url) {
            body += " · <a href=\"\(Self.e(safe))\" rel=\"noopener noreferrer nofollow\">original</a>"
        }
        body += "</p>" + Self.highlighted(spans.text, findings: spans.findings) + "</article>"
        body += "<p class=\"meta\">Highlighted: <mark class=\"quote\">quotes and reported speech</mark> "
            + "<mark class=\"speaker\">speakers</mark> <mark class=\"citation\">cited sources</mark> "
            + "<mark class=\"name\">names</mark> <mark class=\"framing\">stance-marked phrases</mark> "
            + "<mark class=\"date\">dates</mark></p>"
        return .html(Self.page(title: record.title ?? record.id, body: body))
    }

    /// `text` as escaped paragraphs with non-overlapping findings wrapped in `<mark>` (the earlier, then the
    /// longer finding wins an overlap). Offsets are UTF-8; a span off a character boundary or past the end is skipped.
    static func highlighted(_ text: String, findings: [ArticleSpans.Finding]) -> String {
        let utf8 = text.utf8
        var out = "<p>"
        var position = 0
        func piece(_ from: Int, _ to: Int) -> String? {
            guard from <= to, to <= utf8.count else { return nil }
            let a = utf8.index(utf8.startIndex, offsetBy: from)
            let b = utf8.index(utf8.startIndex, offsetBy: to)
            guard let s = String(utf8[a..<b]) else { return nil }
            return s
        }
        func plain(_ s: String) -> String { e(s).replacingOccurrences(of: "\n", with: "</p><p>") }
        let ordered = findings.sorted { ($0.span.start, -$0.span.end) < ($1.span.start, -$1.span.end) }
        for f in ordered where f.span.start >= position && f.span.end > f.span.start {
            guard let before = piece(position, f.span.start), let inside = piece(f.span.start, f.span.end) else {
                continue
            }
            out += plain(before)
            out += "<mark class=\"\(e(f.kind))\" title=\"\(e(f.kind + ": " + f.label))\">\(plain(inside))</mark>"
            position = f.span.end
        }
        out += plain(piece(position, utf8.count) ?? "") + "</p>"
        return out
    }
}
