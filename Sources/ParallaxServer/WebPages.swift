import Foundation
import Hummingbird
import ParallaxCore
import ParallaxReport

/// Server-rendered pages from the mustache templates of ``PageTemplates``: the story list (search and filters), a
/// story's whole comparison (the HTML report's content in the story frame) and an article with every finding
/// highlighted. Pages work without JavaScript (`/static/parallax.js` only adds filter boxes); all article text is
/// escaped; article text carries `dir="auto"` and its `lang`.
struct WebPages: Sendable {
    let server: ParallaxServer
    private var templates: PageTemplates { server.templates }

    func register(on router: Router<BasicRequestContext>) {
        router.get("/") { request, _ in
            try await server.cached("page " + request.uri.description, request: request) { try await storyList(request) }
        }
        router.get("stories/:id") { request, context in
            let id = try context.parameters.require("id")
            let all = request.uri.queryParameters.get("all") == "1"
            return try await server.cached("page story " + id + (all ? " all" : ""), request: request) { try await story(id, all: all) }
        }
        router.get("articles/:id") { _, context in try await article(try context.parameters.require("id")) }
    }

    static func e(_ s: some StringProtocol) -> String { HTMLEscaping.escape(s) }

    /// What the story list template shows of one story.
    struct StoryItem {
        struct Group {
            let label: String
            let outlets: String
        }
        let id: String
        let title: String
        let articles: String
        let span: String?
        let countries: String?
        let groups: [Group]
        let first: String?
    }

    struct StoryList {
        let q, outlet, country, since, until: String
        let stories: [StoryItem]
    }

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
        func value(_ key: String) -> String { q.get(key).map { String($0) } ?? "" }
        let items = stories.map { s in
            let days: [String] = [s.firstDay, s.lastDay].compactMap { (d: Day?) in d.map { $0.description } }
            let first = firsts[s.id] ?? []
            return StoryItem(
                id: s.id, title: s.title, articles: "\(s.articleCount) article" + (s.articleCount == 1 ? "" : "s"),
                span: days.isEmpty ? nil : (days.first == days.last ? days[0] : days.joined(separator: " – ")),
                countries: s.countries.isEmpty ? nil : s.countries.joined(separator: ", "),
                groups: outletGroups(s.outlets).map {
                    StoryItem.Group(label: $0.0, outlets: $0.1.joined(separator: ", "))
                },
                first: first.isEmpty ? nil : first.joined(separator: ", "))
        }
        let list = StoryList(
            q: value("q"), outlet: value("outlet"), country: value("country"), since: value("since"),
            until: value("until"), stories: items)
        return .html(try templates.page(title: "Stories", main: try templates.render(list, "stories")))
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

    /// Outlet names grouped by what the registry knows of their country and ownership
    /// (`[("GB · public", ["BBC"]), ("RU · state-owned", ["RT"])]`), unknown ones last.
    func outletGroups(_ outlets: [String]) -> [(String, [String])] {
        var groups: [(known: Bool, label: String, outlets: [String])] = []
        for name in outlets {
            let (known, label) = server.settings.outlets.countryAndOwnership(ofOutlet: name)
            if let i = groups.firstIndex(where: { $0.label == label }) {
                groups[i].outlets.append(name)
            } else {
                groups.append((known, label, [name]))
            }
        }
        return groups.sorted { ($0.known ? 0 : 1, $0.label) < ($1.known ? 0 : 1, $1.label) }
            .map { ($0.label, $0.outlets) }
    }

    /// The error page: `heading` and `message` in the page shell.
    static func errorPage(_ templates: PageTemplates, heading: String, message: String) -> String? {
        struct ErrorView {
            let heading: String
            let message: String
        }
        let view = ErrorView(heading: heading, message: message)
        return try? templates.page(title: heading, main: templates.render(view, "error"))
    }

    private func notFound(_ message: String) -> Response {
        let page = Self.errorPage(templates, heading: "Not found", message: message) ?? Self.e(message)
        return .html(page, status: .notFound)
    }

    /// A story's comparison: the content of the HTML report of `parallax story ID --format html` in the story frame.
    /// Claims, quotes, citations, dates and synthesis points shown on a story page before "show all" (`?all=1`).
    static let storyItemLimit = 50

    func story(_ id: String, all: Bool = false) async throws -> Rendered {
        guard let live = try await server.store.read({ try $0.resolveStory(id) }) else {
            return .response(notFound("No story \(id)."))
        }
        if live != id { return .response(API.redirect("/stories/\(live)")) }
        guard let analysis = try await server.analysis(ofStory: live) else {
            return .response(notFound("No story \(id)."))
        }
        let articles = try await server.store.read { try $0.articles(ids: analysis.articles) }
        let report = AnalysisReport(articles: articles, stories: [analysis], issues: [])
        var content = ""
        let limit = all ? nil : Self.storyItemLimit
        // A big story stays compact with ?all=1 too: every item listed, but no matrix of claims x articles and no
        // texts inlined (a story of thousands of articles would make a page of hundreds of MB).
        HTMLRenderer(
            outlets: server.settings.outlets, itemLimit: limit, allHref: "/stories/\(live)?all=1",
            articlePages: "/articles/", compactAbove: Self.storyItemLimit
        ).renderContent(report, to: &content)
        struct Frame {
            let id: String
            /// HTMLRenderer's content, which escapes all article-derived text.
            let report: String
        }
        let main = try templates.render(Frame(id: live, report: content), "story")
        return .html(try templates.page(title: analysis.title, main: main, report: true))
    }

    struct ArticleView {
        let title: String
        let lang: String?
        let meta: String
        let story: String?
        let url: String?
        /// Paragraphs made by ``WebPages/highlighted(_:findings:)`` (escaped text and `<mark>` elements).
        let text: String
    }

    /// An article with its findings highlighted (quotes, speakers, citations, names, framing, dates).
    func article(_ id: String) async throws -> Response {
        let found = try await server.store.read { reader -> (ArticleRecord, ArticleAnnotation)? in
            guard let record = try reader.article(id: id), let annotation = try reader.annotation(of: id) else { return nil }
            return (record, annotation)
        }
        guard let (record, annotation) = found else { return notFound("No article \(id).") }
        let spans = ArticleSpans(record: record, annotation: annotation)
        let meta = [record.outlet, record.published?.description, record.authors.joined(separator: ", ")]
            .compactMap { $0 }.filter { !$0.isEmpty }
        let view = ArticleView(
            title: record.title ?? record.id, lang: record.language, meta: meta.joined(separator: " · "),
            story: record.story, url: record.url.flatMap(HTMLEscaping.safeURL),
            text: Self.highlighted(
                spans.text, findings: spans.findings, anchors: annotation.document.sentences.map(\.span)))
        let main = try templates.render(view, "article")
        return .html(try templates.page(title: record.title ?? record.id, main: main))
    }

    /// `text` as escaped paragraphs with non-overlapping findings wrapped in `<mark>` (the earlier, then the
    /// longer finding wins an overlap), and an empty `<span id="s-START-END">` where each of `anchors` (the
    /// sentences) starts, which the story page links to (an anchor inside a finding goes just before it).
    /// Offsets are UTF-8; a span off a character boundary or past the end is skipped.
    static func highlighted(_ text: String, findings: [ArticleSpans.Finding], anchors: [TextSpan] = []) -> String {
        let bytes = Array(text.utf8)
        var out = "<p>"
        var position = 0
        func piece(_ from: Int, _ to: Int) -> String? {
            // Whole scalars only: both ends inside the text and not on a continuation byte. O(to - from).
            func boundary(_ i: Int) -> Bool { i == bytes.count || (i < bytes.count && bytes[i] & 0xC0 != 0x80) }
            guard 0 <= from, from <= to, to <= bytes.count, boundary(from), boundary(to) else { return nil }
            return String(decoding: bytes[from..<to], as: UTF8.self)
        }
        func plain(_ s: String) -> String { e(s).replacingOccurrences(of: "\n", with: "</p><p>") }
        let starts = anchors.filter { !$0.isEmpty && $0.start >= 0 && $0.start < bytes.count }
            .sorted { ($0.start, $0.end) < ($1.start, $1.end) }
        var next = 0  // the first anchor not written yet
        // The text from `position` to `end`, with the anchors that start before `end` (those inside a finding that
        // began earlier come first, at `position`).
        func plainAnchored(to end: Int) -> String? {
            var result = ""
            var at = position
            while next < starts.count, starts[next].start < end {
                let a = starts[next]
                if a.start > at, let text = piece(at, a.start) {
                    result += plain(text)
                    at = a.start
                }
                result += "<span class=\"s\" id=\"s-\(a.start)-\(a.end)\"></span>"
                next += 1
            }
            guard let rest = piece(at, end) else { return nil }
            return result + plain(rest)
        }
        let ordered = findings.sorted { ($0.span.start, -$0.span.end) < ($1.span.start, -$1.span.end) }
        for f in ordered where f.span.start >= position && f.span.end > f.span.start {
            guard piece(position, f.span.start) != nil, let inside = piece(f.span.start, f.span.end),
                let before = plainAnchored(to: f.span.start)
            else { continue }
            out += before
            // Sentences starting inside the finding are anchored just before it.
            while next < starts.count, starts[next].start < f.span.end {
                out += "<span class=\"s\" id=\"s-\(starts[next].start)-\(starts[next].end)\"></span>"
                next += 1
            }
            out += "<mark class=\"\(e(f.kind))\" title=\"\(e(f.kind + ": " + f.label))\">\(plain(inside))</mark>"
            position = f.span.end
        }
        out += (plainAnchored(to: bytes.count) ?? plain(piece(position, bytes.count) ?? "")) + "</p>"
        return out
    }
}
