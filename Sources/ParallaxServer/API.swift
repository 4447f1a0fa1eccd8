import Foundation
import Hummingbird
import ParallaxAnalysis
import ParallaxCore
import ParallaxIngest
import ParallaxReport

/// The JSON API under `/api`. Errors are JSON (`{"error": {"message": ...}}`) with the right status.
struct API: Sendable {
    typealias Query = Parameters

    let server: ParallaxServer

    func register(on router: Router<BasicRequestContext>) {
        let api = router.group("api")
        api.get("openapi.json") { _, _ in Response.json(OpenAPIDocument.json) }
        api.get("stats") { _, _ in try await stats() }
        api.get("stories") { request, _ in
            try await server.cached("api " + request.uri.description, request: request) { try await stories(request) }
        }
        api.get("stories/:id") { request, context in
            let id = try context.parameters.require("id")
            let limit = try request.uri.queryParameters.get("limit").map { _ in
                try Self.pageSize(request.uri.queryParameters, settings: server.settings)
            }
            return try await server.cached("api story " + id + (limit.map { " limit \($0)" } ?? ""), request: request) {
                try await story(id, limit: limit)
            }
        }
        api.get("stories/:id/citations") { request, context in
            try await citations(try context.parameters.require("id"), request: request)
        }
        api.get("articles/:id") { _, context in try await article(try context.parameters.require("id")) }
        api.get("search") { request, _ in try await search(request) }
        api.get("outlets") { _, _ in try await outlets() }
        api.get("export/:what") { request, context in try await export(try context.parameters.require("what"), request) }
        api.post("ingest") { request, context in try await ingest(request, context: context) }
    }

    // MARK: Reading

    func stats() async throws -> Response {
        let stats = try await server.store.read { try $0.stats() }
        return .json(RecordJSON.line(stats))
    }

    /// One page of live stories in creation order; `next` is the cursor of the following page (null at the end).
    func stories(_ request: Request) async throws -> Rendered {
        var filter = try Self.storyFilter(request.uri.queryParameters)
        let limit = try Self.pageSize(request.uri.queryParameters, settings: server.settings)
        filter.limit = limit + 1
        if let cursor = request.uri.queryParameters.get("cursor") {
            guard let key = Int64(cursor), key >= 0 else { throw HTTPError(.badRequest, message: "bad cursor \(cursor)") }
            filter.afterKey = key
        }
        let query = filter
        let page = try await server.store.read { reader in
            var found: [StoryRecord] = []
            try reader.forEachStory(query) { found.append($0); return true }
            return found
        }
        let shown = Array(page.prefix(limit))
        let next = page.count > limit ? shown.last.map { String($0.key) } : nil
        return .json(RecordJSON.line(StoryPage(stories: shown, next: next)))  // Rendered
    }

    /// A story's whole comparison (the `stories[]` object of `analyze --format json`, with its articles); with
    /// `limit`, each list cut to its `limit` most shared items and a `totals` object saying how many each held. A
    /// merged id redirects to the story it went into.
    func story(_ id: String, limit: Int? = nil) async throws -> Rendered {
        guard let live = try await server.store.read({ try $0.resolveStory(id) }) else {
            throw HTTPError(.notFound, message: "no story \(id)")
        }
        if live != id {
            return .response(Self.redirect("/api/stories/\(live)" + (limit.map { "?limit=\($0)" } ?? "")))
        }
        guard let analysis = try await server.analysis(ofStory: live) else {
            throw HTTPError(.notFound, message: "no story \(id)")
        }
        let articles = try await server.store.read { try $0.articles(ids: analysis.articles) }
        guard let limit else {
            return .json(ReportRenderer.json(AnalysisReport(articles: articles, stories: [analysis], issues: [])))
        }
        let report = AnalysisReport(articles: articles, stories: [analysis.mostShared(limit)], issues: [])
        return .json(ReportRenderer.json(report, totals: [live: analysis.listSizes]))
    }

    /// A story's citation graph: JSON (nodes and weighted edges) or GEXF (`?format=gexf`).
    func citations(_ id: String, request: Request) async throws -> Response {
        guard let live = try await server.store.read({ try $0.resolveStory(id) }),
            let analysis = try await server.analysis(ofStory: live)
        else { throw HTTPError(.notFound, message: "no story \(id)") }
        let articles = try await server.store.read { try $0.articles(ids: analysis.articles) }
        let outletOf = Dictionary(articles.map { ($0.id, $0.outlet ?? $0.id) }, uniquingKeysWith: { a, _ in a })
        switch request.uri.queryParameters.get("format") ?? "json" {
        case "gexf":
            var graph = CitationGEXF()
            for c in analysis.citations { graph.add(c, outlet: outletOf[c.article] ?? c.article, story: live) }
            var out = ""
            graph.write(to: &out)
            return .text(out, type: "application/gexf+xml; charset=utf-8")
        case "json":
            var weights: [CitationEdge: Int] = [:]
            for c in analysis.citations {
                weights[CitationEdge(outlet: outletOf[c.article] ?? c.article, source: c.source, kind: c.sourceKind.rawValue, citations: 0), default: 0] += 1
            }
            let edges = weights.map { e, n in
                var edge = e
                edge.citations = n
                return edge
            }.sorted { ($0.outlet, $0.source) < ($1.outlet, $1.source) }
            return .json(RecordJSON.line(CitationGraphJSON(story: live, originalSource: analysis.originalSource, edges: edges)))
        case let other: throw HTTPError(.badRequest, message: "unknown format \(other) (json or gexf)")
        }
    }

    /// One article with its text and every finding's span (UTF-8 offsets into `text`).
    func article(_ id: String) async throws -> Response {
        let found = try await server.store.read { reader -> (ArticleRecord, ArticleAnnotation)? in
            guard let record = try reader.article(id: id), let annotation = try reader.annotation(of: id) else { return nil }
            return (record, annotation)
        }
        guard let (record, annotation) = found else { throw HTTPError(.notFound, message: "no article \(id)") }
        return .json(RecordJSON.line(ArticleSpans(record: record, annotation: annotation)))
    }

    func search(_ request: Request) async throws -> Response {
        guard let query = request.uri.queryParameters.get("q"), !query.trimmingCharacters(in: .whitespaces).isEmpty
        else { throw HTTPError(.badRequest, message: "give the words to search for as q") }
        let limit = try Self.pageSize(request.uri.queryParameters, settings: server.settings)
        let hits = try await server.store.read { try $0.search(query, limit: limit) }
        return .json(RecordJSON.line(SearchPage(query: query, hits: hits)))
    }

    /// The corpus's outlets with their article counts, and what the registry knows of each.
    func outlets() async throws -> Response {
        let stats = try await server.store.read { try $0.stats() }
        let registry = server.settings.outlets
        let list = stats.outlets.map { o in
            let known = registry.outlet(named: o.outlet)
            return OutletJSON(
                name: o.outlet, articles: o.articles, country: known?.country, ownership: known?.ownership?.rawValue,
                kind: known?.kind.rawValue)
        }
        return .json(RecordJSON.line(["outlets": list]))
    }

    /// Articles or stories as JSON Lines or CSV, streamed page by page from the store (constant memory).
    func export(_ what: String, _ request: Request) async throws -> Response {
        guard let format = ExportRow.Format(rawValue: request.uri.queryParameters.get("format") ?? "jsonl") else {
            throw HTTPError(.badRequest, message: "format is jsonl or csv")
        }
        guard ["articles", "stories"].contains(what) else {
            throw HTTPError(.notFound, message: "export what: articles or stories")
        }
        let store = server.store
        let body = ResponseBody { writer in
            let columns = what == "articles" ? ExportRow.articleColumns(withText: false) : ExportRow.storyColumns
            if format == .csv { try await writer.write(ByteBuffer(string: CSV.row(columns))) }
            var after: Int64?
            while true {
                let cursor = after
                let rows: [(Int64, String)] = try await store.read { reader in
                    var out: [(Int64, String)] = []
                    if what == "articles" {
                        var filter = ArticleFilter(limit: 1_000)
                        filter.afterSequence = cursor
                        try reader.forEachArticle(filter) { a in
                            out.append((a.sequence, ExportRow.line(ExportRow.article(a), columns: columns, format: format)))
                            return true
                        }
                    } else {
                        try reader.forEachStory(StoryFilter(limit: 1_000, afterKey: cursor)) { s in
                            out.append((s.key, ExportRow.line(ExportRow.story(s), columns: columns, format: format)))
                            return true
                        }
                    }
                    return out
                }
                guard let last = rows.last else { break }
                try await writer.write(ByteBuffer(string: rows.map(\.1).joined()))
                after = last.0
            }
            try await writer.finish(nil)
        }
        let type = format == .csv ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8"
        return Response(status: .ok, headers: [.contentType: type], body: body)
    }

    // MARK: Writing

    /// Ingests the request body (any input format; `?format=` or the content type says which, else it is sniffed)
    /// and answers the ingest summary. Requires `Authorization: Bearer <token>`.
    func ingest(_ request: Request, context: BasicRequestContext) async throws -> Response {
        guard let token = server.settings.token else {
            throw HTTPError(.forbidden, message: "this server was started without --token: ingest is off")
        }
        guard request.headers[.authorization] == "Bearer \(token)" else {
            throw HTTPError(.unauthorized, message: "ingest needs the header Authorization: Bearer <token>")
        }
        let body = try await request.body.collect(upTo: server.settings.maxBodyBytes)
        let format = try Self.inputFormat(request)
        let name = "parallax-ingest-\(UUID().uuidString)" + (format.map { "." + Self.fileExtension($0) } ?? "")
        let path = FileManager.default.temporaryDirectory.appendingPathComponent(name).path
        guard FileManager.default.createFile(atPath: path, contents: Data(buffer: body)) else {
            throw HTTPError(.internalServerError, message: "cannot write the upload to a temporary file")
        }
        defer { try? FileManager.default.removeItem(atPath: path) }
        let registry = server.settings.outlets
        let ingestor = Ingestor(readers: Ingestor.allReaders(registry: registry), format: format)
        let pipeline = AnalysisPipeline(outlets: registry)
        let ingester = CorpusIngester(pipeline: pipeline, outlets: registry)
        var annotations: [ArticleAnnotation] = []
        var issues: [IngestIssue] = []
        for await event in ingestor.events(paths: [path]) {
            switch event {
            case .article(let article): annotations.append(pipeline.annotator.annotate(article))
            case .issue(var issue):
                issue.input = "request body"
                issues.append(issue)
            }
        }
        defer { server.generation.forget() }  // this server's own write shows at once
        let summary = try await ingester.ingest(annotations, issues: issues, into: server.store)
        let refreshed = try await ingester.refreshAnalyses(in: server.store) { _, _ in }
        let status: HTTPResponse.Status = summary.read == 0 && !issues.isEmpty ? .unprocessableContent : .ok
        return .json(RecordJSON.line(IngestAnswer(summary: summary, analysesRefreshed: refreshed, issues: issues)), status: status)
    }

    // MARK: Parameters

    static func fileExtension(_ format: InputFormat) -> String {
        switch format {
        case .text: "txt"
        case .jsonl: "jsonl"
        case .html: "html"
        case .feed: "rss"
        case .warc: "warc"
        }
    }

    static func inputFormat(_ request: Request) throws -> InputFormat? {
        if let name = request.uri.queryParameters.get("format") {
            guard let format = InputFormat(rawValue: String(name)) else {
                throw HTTPError(.badRequest, message: "unknown input format \(name)")
            }
            return format
        }
        let type = request.headers[.contentType]?.lowercased() ?? ""
        if type.contains("html") { return .html }
        if type.contains("ndjson") || type.contains("jsonl") || type.contains("json") { return .jsonl }
        if type.contains("rss") || type.contains("atom") || type.contains("xml") { return .feed }
        if type.contains("warc") { return .warc }
        if type.hasPrefix("text/plain") { return .text }
        return nil
    }

    static func storyFilter(_ q: Query) throws -> StoryFilter {
        func day(_ key: String) throws -> Day? {
            guard let value = q.get(key) else { return nil }
            guard let day = Day(iso: String(value)) else {
                throw HTTPError(.badRequest, message: "\(key) must be a date YYYY-MM-DD, not \(value)")
            }
            return day
        }
        let minimum: Int = q.get("minArticles").flatMap { Int($0) } ?? 1
        let outlet: String? = q.get("outlet").map { String($0) }
        let country: String? = q.get("country").map { String($0) }
        let search: String? = q.get("q").map { String($0) }
        let since = try day("since")
        let until = try day("until")
        return StoryFilter(
            since: since, until: until, outlet: outlet, country: country, search: search, minArticles: max(1, minimum))
    }

    static func pageSize(_ q: Query, settings: ServerSettings) throws -> Int {
        guard let value = q.get("limit") else { return settings.pageSize }
        guard let n = Int(value), n >= 1 else { throw HTTPError(.badRequest, message: "limit must be a positive number") }
        return min(n, settings.maxPageSize)
    }

    static func redirect(_ location: String) -> Response {
        Response(status: .permanentRedirect, headers: [.location: location])
    }
}

// MARK: JSON shapes

struct StoryPage: Encodable {
    var stories: [StoryRecord]
    var next: String?

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(stories, forKey: .stories)
        try c.encode(next, forKey: .next)  // null at the end, not left out
    }

    enum CodingKeys: String, CodingKey { case stories, next }
}

struct SearchPage: Encodable {
    var query: String
    var hits: [SearchHit]
}

struct OutletJSON: Encodable {
    var name: String
    var articles: Int
    var country: String?
    var ownership: String?
    var kind: String?
}

struct CitationEdge: Hashable, Encodable {
    var outlet: String
    var source: String
    var kind: String
    var citations: Int
}

struct CitationGraphJSON: Encodable {
    var story: String
    var originalSource: String?
    var edges: [CitationEdge]
}

struct IngestAnswer: Encodable {
    var summary: IngestSummary
    var analysesRefreshed: Int
    var issues: [IngestIssue]
}

/// An article and the spans of what was found in it.
struct ArticleSpans: Encodable {
    struct Finding: Encodable {
        var kind: String
        var span: TextSpan
        var label: String
    }

    var article: ArticleRecord
    var text: String
    var findings: [Finding]

    init(record: ArticleRecord, annotation: ArticleAnnotation) {
        article = record
        text = annotation.document.text
        var found: [Finding] = []
        for s in annotation.statements {
            found.append(Finding(kind: s.quoted ? "quote" : "reported", span: s.contentSpan, label: s.speaker?.name ?? ""))
            if let speaker = s.speaker { found.append(Finding(kind: "speaker", span: speaker.mention, label: speaker.name)) }
        }
        for c in annotation.citations { found.append(Finding(kind: "citation", span: c.span, label: c.source)) }
        for n in annotation.names { found.append(Finding(kind: "name", span: n.span, label: n.entry)) }
        for f in annotation.framing { found.append(Finding(kind: "framing", span: f.span, label: f.entry)) }
        for d in annotation.dates {
            found.append(Finding(kind: "date", span: d.mention.mention.span, label: d.mention.day.description))
        }
        findings = found.sorted { ($0.span.start, $0.span.end, $0.kind) < ($1.span.start, $1.span.end, $1.kind) }
    }
}
