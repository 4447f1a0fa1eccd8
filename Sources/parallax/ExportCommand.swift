import ArgumentParser
import Foundation
import ParallaxAnalysis
import ParallaxCore
import ParallaxReport

/// `parallax export`: the corpus's articles, stories or findings as JSON Lines or CSV, streamed and uncapped; the
/// citation graph as GEXF for Gephi.
///
/// Rows are read one at a time from the store and written at once, so memory stays flat at any corpus size.
/// Findings (quotes, citations, claims, timeline) come from the stories' stored comparisons; stories whose
/// comparison is out of date are brought up to date first.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Export articles, stories or findings (JSON Lines, CSV, GEXF).",
        discussion: """
            One row per article, story, quote occurrence, citation, claim or timeline event.
            Examples:
              parallax export --what articles --format csv > articles.csv
              parallax export --what quotes --story s-3f9a0c1b2d4e5f60
              parallax export --what citations --format gexf --output citations.gexf
            """)

    enum What: String, ExpressibleByArgument, CaseIterable { case articles, stories, quotes, citations, claims, timeline }
    enum Format: String, ExpressibleByArgument, CaseIterable { case jsonl, csv, gexf }

    @OptionGroup var corpus: CorpusOptions
    @OptionGroup var input: InputOptions
    @Option(help: "What to export: articles, stories, quotes, citations, claims or timeline.") var what: What
    @Option(name: .shortAndLong, help: "jsonl (one JSON object a line), csv, or gexf (with --what citations).")
    var format: Format = .jsonl
    @Option(help: "Only this story (a merged story's id works too).") var story: String?
    @Option(name: .shortAndLong, help: "Write to this file instead of standard output.") var output: String?
    @Flag(name: .shortAndLong, help: "No progress messages on standard error.") var quiet = false

    func validate() throws {
        if format == .gexf, what != .citations { throw ValidationError("--format gexf is for --what citations.") }
    }

    func run() async throws {
        let console = Console(quiet: quiet)
        let store = try await corpus.openExisting()
        if let output, output != "-" { try CommandLineError.checkWritable(output) }
        let storyID = try await resolve(story, in: store)
        if [.quotes, .citations, .claims, .timeline].contains(what) {
            let registry = try input.registry()
            let ingester = CorpusIngester(pipeline: AnalysisPipeline(outlets: registry), outlets: registry)
            if let storyID {
                _ = try await ingester.analysis(ofStory: storyID, in: store)
            } else {
                _ = try await ingester.refreshAnalyses(in: store) { done, total in
                    console.progress("comparisons: \(done)/\(total)", transient: done < total)
                }
            }
        }
        let out = try ReportOutput(path: output)
        let sink = Exclusive(RowSink(format: format, what: what, out: out))
        do {
            let what = self.what
            try await store.read { reader in
                try sink.value.begin()
                switch what {
                case .articles:
                    try reader.forEachArticle(ArticleFilter(story: storyID)) { record in
                        guard let annotation = try reader.annotation(of: record.id) else { return true }
                        sink.value.article(record, text: annotation.article.text)
                        return true
                    }
                case .stories:
                    try Self.eachStory(storyID, reader) { record in sink.value.story(record) }
                case .quotes, .citations, .claims, .timeline:
                    var outlets = OutletCache()
                    try Self.eachStory(storyID, reader) { record in
                        guard let stored = try reader.analysis(ofStory: record.id) else { return }
                        let analysis = try CorpusIngester.decode(stored.data)
                        try sink.value.findings(of: analysis, outlet: { try outlets.outlet(of: $0, reader) })
                    }
                }
                sink.value.finish()
            }
            try out.close()
        } catch {
            out.discard()
            throw error
        }
    }

    /// The live story `id` names (through merges); `nil` for no id; an unknown id is an error.
    private func resolve(_ id: String?, in store: some CorpusStore) async throws -> String? {
        guard let id else { return nil }
        guard let live = try await store.read({ try $0.resolveStory(id) }) else {
            throw CommandLineError(path: corpus.location, problem: "no story \(id)")
        }
        return live
    }

    /// Calls `body` with the one story, or with every live story in creation order.
    private static func eachStory(
        _ id: String?, _ reader: any CorpusReader, _ body: (StoryRecord) throws -> Void
    ) throws {
        if let id {
            if let record = try reader.story(id: id) { try body(record) }
            return
        }
        try reader.forEachStory(StoryFilter()) { record in
            try body(record)
            return true
        }
    }
}

/// Outlet names of articles, remembered for the articles of the story being exported.
private struct OutletCache {
    private var names: [String: String] = [:]

    mutating func outlet(of article: String, _ reader: any CorpusReader) throws -> String {
        if names.count > 10_000 { names.removeAll(keepingCapacity: true) }
        if let name = names[article] { return name }
        let name = try reader.article(id: article)?.outlet ?? article
        names[article] = name
        return name
    }
}

/// Writes export rows in one format.
private struct RowSink {
    let format: ExportCommand.Format
    let what: ExportCommand.What
    let out: ReportOutput
    var gexf = CitationGEXF()

    private static let columns: [ExportCommand.What: [String]] = [
        .articles: ExportRow.articleColumns(withText: true),
        .stories: ExportRow.storyColumns,
        .quotes: ["story", "quote", "speaker", "article", "outlet", "quoted", "cue", "text"],
        .citations: ["story", "article", "outlet", "source", "source_kind", "cue"],
        .claims: ["story", "claim", "text", "articles", "outlets"],
        .timeline: ["story", "date", "text", "articles", "outlets"],
    ]

    func begin() throws {
        if format == .csv { out.write(CSV.row(Self.columns[what] ?? [])) }
    }

    /// One row: a JSON object with the columns as keys (JSON Lines) or a CSV line.
    private func emit(_ values: [JSONValue]) {
        let columns = Self.columns[what] ?? []
        switch format {
        case .jsonl: out.write(ExportRow.line(values, columns: columns, format: .jsonl))
        case .csv: out.write(ExportRow.line(values, columns: columns, format: .csv))
        case .gexf: break
        }
    }

    func article(_ a: ArticleRecord, text: String) { emit(ExportRow.article(a, text: text)) }

    func story(_ s: StoryRecord) { emit(ExportRow.story(s)) }

    mutating func findings(of story: StoryAnalysis, outlet: (String) throws -> String) throws {
        func outlets(_ articles: [String]) throws -> JSONValue {
            .array(try Array(Set(try articles.map(outlet))).sorted().map { .string($0) })
        }
        switch what {
        case .quotes:
            for quote in story.quotes {
                for o in quote.occurrences {
                    emit([
                        .string(story.id), .string(quote.id), .optional(o.speaker ?? quote.speaker), .string(o.article),
                        .string(try outlet(o.article)), .bool(o.quoted), .optional(o.cue), .string(o.text),
                    ])
                }
            }
        case .citations:
            for c in story.citations {
                let name = try outlet(c.article)
                if format == .gexf {
                    gexf.add(c, outlet: name, story: story.id)
                } else {
                    emit([
                        .string(story.id), .string(c.article), .string(name), .string(c.source),
                        .string(c.sourceKind.rawValue), .string(c.cue),
                    ])
                }
            }
        case .claims:
            for claim in story.claims {
                emit([
                    .string(story.id), .string(claim.id), .string(claim.text),
                    .array(claim.articles.map { .string($0) }), try outlets(claim.articles),
                ])
            }
        case .timeline:
            for event in story.timeline {
                emit([
                    .string(story.id), .string(event.date.description), .string(event.text),
                    .array(event.articles.map { .string($0) }), try outlets(event.articles),
                ])
            }
        case .articles, .stories: break
        }
    }

    func finish() {
        if format == .gexf {
            var stream = out
            gexf.write(to: &stream)
        }
    }
}
