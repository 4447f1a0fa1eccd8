import ArgumentParser
import Foundation
import ParallaxAnalysis
import ParallaxCore
import ParallaxIngest
import ParallaxReport

/// `parallax ingest`: add articles to the corpus database, group them into its stories and bring the comparisons
/// of the stories that changed up to date.
///
/// Articles are read, cleaned and annotated on all cores and stored by one writer, in transactions of
/// `--batch` articles: a run killed at any moment loses the batch in flight only, and running the same command
/// again stores exactly what is missing (an article already stored is recognised by its id and content hash).
struct IngestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Add articles to the corpus database and group them into its stories.",
        discussion: """
            Reads plain text (the seed format), JSON Lines, HTML pages, RSS/Atom/JSON feeds and WARC archives \
            (also gzip-compressed). An article already in the corpus is skipped; a changed text under the same URL \
            replaces it. Prints a summary on standard output; progress goes to standard error when it is a terminal.
            Examples:
              parallax ingest examples/corpus
              parallax ingest --db news.sqlite crawl-*.warc.gz
              curl -s https://example.org/feed.xml | parallax ingest -
            """)

    @Argument(help: "Files, directories (read recursively) or - for standard input (the default when piped).")
    var paths: [String] = []

    @OptionGroup var corpus: CorpusOptions
    @OptionGroup var input: InputOptions
    @OptionGroup var lexicons: LexiconOptions

    @Option(help: "Summary format: text or json.")
    var format: SummaryFormat = .text

    @Option(help: "Articles stored per transaction.")
    var batch: Int = 1000

    @Option(help: "Worker threads (default: all cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(help: "Do not recompute the comparisons of changed stories now (`parallax story` does it on demand).")
    var noAnalyze = false

    @Flag(name: .shortAndLong, help: "No progress messages on standard error.")
    var quiet = false

    enum SummaryFormat: String, ExpressibleByArgument, CaseIterable { case text, json }

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1.") }
        guard batch >= 1 else { throw ValidationError("--batch must be at least 1.") }
        if paths.isEmpty, isatty(STDIN_FILENO) != 0 {
            throw ValidationError("Give files or directories to read, or pipe articles into standard input.")
        }
    }

    func run() async throws {
        let console = Console(quiet: quiet)
        let registry = try input.registry()
        let pipeline = try lexicons.pipeline(registry: registry, jobs: jobs)
        let store = try await corpus.openForWriting()
        let ingester = CorpusIngester(pipeline: pipeline, outlets: registry)
        let inputs = paths.isEmpty ? ["-"] : paths
        var meter = ProgressMeter(totalBytes: ProgressMeter.size(of: inputs))

        var summary = IngestSummary()
        var pending: [ArticleAnnotation] = []
        var issues: [IngestIssue] = []
        var lastFlush = Date()
        // One batch is written while the next is read and annotated: the store's single writer works beside the
        // annotation workers. Batches are written one after another, in input order.
        var writing: Task<IngestSummary, any Error>?
        func flush() async throws {
            guard !pending.isEmpty || !issues.isEmpty else { return }
            let (batch, batchIssues) = (pending, issues)
            pending.removeAll(keepingCapacity: true)
            issues.removeAll()
            if let previous = writing { summary += try await previous.value }
            writing = Task { try await ingester.ingest(batch, issues: batchIssues, into: store) }
            lastFlush = Date()
        }
        let articles = input.articles(inputs, registry: registry, jobs: jobs, console: console) { issues.append($0) }
        try await pipeline.annotate(articles) { annotation in
            meter.count(annotation.article)
            pending.append(annotation)
            // Batches close by size, or after two seconds, so a slow input still reaches the disk.
            if pending.count >= batch || Date().timeIntervalSince(lastFlush) > 2 { try await flush() }
            if meter.shouldReport() { console.progress("ingest: \(meter.line(stored: summary.read))", transient: true) }
        }
        try await flush()
        if let last = writing { summary += try await last.value }
        console.progress("ingest: \(meter.line(stored: summary.read, final: true))")
        var refreshed = 0
        if !noAnalyze {
            // This process ingests nothing more: the writer's caches make room for the comparisons.
            refreshed = try await ingester.refreshAnalyses(in: store, releasingCaches: true) { done, total in
                console.progress("comparisons: \(done)/\(total)", transient: done < total)
            }
        }
        var out = StandardOutput()
        switch format {
        case .json: out.write(RecordJSON.line(SummaryJSON(summary: summary, analysesRefreshed: refreshed, database: corpus.location)) + "\n")
        case .text: out.write(Self.text(of: summary, refreshed: refreshed, database: corpus.location))
        }
        out.flush()
        if summary.read == 0, !summary.skipped.isEmpty {
            throw ExitCode.failure.withMessage("parallax: no article could be read from \(Console.inputList(inputs))", console: console)
        }
    }

    /// The summary as a few lines for people.
    static func text(of s: IngestSummary, refreshed: Int, database: String) -> String {
        func n(_ v: Int) -> String { v.formatted(.number) }
        var lines = [
            "read \(n(s.read)) articles: \(n(s.new)) new, \(n(s.unchanged)) already stored, \(n(s.updated)) updated, "
                + "\(n(s.copies)) copies",
            "stories: \(n(s.storiesCreated)) created, \(n(s.storiesGrown)) grown, \(n(s.storiesMerged)) merged"
                + (refreshed > 0 ? "; \(n(refreshed)) comparisons brought up to date" : ""),
        ]
        let skipped = s.skipped.values.reduce(0, +)
        if skipped > 0 {
            let kinds = s.skipped.sorted { ($0.value, $1.key.rawValue) > ($1.value, $0.key.rawValue) }
                .map { "\($0.value) \($0.key.rawValue)" }
            lines.append("skipped \(n(skipped)) inputs (\(kinds.joined(separator: ", ")))")
        }
        lines.append("corpus: \(database)")
        return lines.joined(separator: "\n") + "\n"
    }
}

/// The JSON shape of the ingest summary.
private struct SummaryJSON: Encodable {
    var summary: IngestSummary
    var analysesRefreshed: Int
    var database: String
}

/// Articles per second, elapsed time and, when the inputs' size is known, the time left.
struct ProgressMeter {
    private let started = Date()
    private var lastReport = Date.distantPast
    private(set) var articles = 0
    /// Input bytes (regular files only; `nil` when an input is standard input or compressed).
    let totalBytes: Int64?
    private var bytesSeen: Int64 = 0

    init(totalBytes: Int64?) { self.totalBytes = totalBytes }

    /// Total size of the inputs when every one is a plain (uncompressed) file or folder of them, else `nil`.
    static func size(of paths: [String]) -> Int64? {
        var total: Int64 = 0
        let files = FileManager.default
        for path in paths {
            guard path != "-" else { return nil }
            var isFolder: ObjCBool = false
            guard files.fileExists(atPath: path, isDirectory: &isFolder) else { continue }
            let items: [String] =
                isFolder.boolValue
                ? (files.enumerator(atPath: path)?.compactMap { ($0 as? String).map { path + "/" + $0 } } ?? [])
                : [path]
            for item in items {
                if item.hasSuffix(".gz") { return nil }
                if let size = (try? files.attributesOfItem(atPath: item))?[.size] as? NSNumber { total += size.int64Value }
            }
        }
        return total
    }

    /// Counts one article (its text and metadata stand for the input bytes it came from).
    mutating func count(_ article: Article) {
        articles += 1
        bytesSeen += Int64(article.text.utf8.count + (article.title?.utf8.count ?? 0) + (article.url?.utf8.count ?? 0) + 64)
    }

    /// Whether a progress line is due (at most four a second).
    mutating func shouldReport() -> Bool {
        let now = Date()
        guard now.timeIntervalSince(lastReport) >= 0.25 else { return false }
        lastReport = now
        return true
    }

    /// "2,000 read, 1,000 done (244/s), 0:08, about 0:04 left": the rate counts the articles the store has taken
    /// (written, or found there already); the time left is shown once 2% of the input bytes are read.
    func line(stored: Int, final: Bool = false) -> String {
        let elapsed = Date().timeIntervalSince(started)
        let rate = elapsed > 0 ? Double(stored) / elapsed : 0
        var s = final ? "" : "\(articles.formatted(.number)) read, "
        s += "\(stored.formatted(.number)) done (\(Int(rate.rounded()).formatted(.number))/s), \(Self.clock(elapsed))"
        if !final, let totalBytes, totalBytes > 0 {
            let fraction = min(0.99, Double(bytesSeen) / Double(totalBytes))
            if fraction >= 0.02 { s += ", about \(Self.clock(elapsed / fraction - elapsed)) left" }
        }
        return s
    }

    static func clock(_ seconds: Double) -> String {
        let s = max(0, Int(seconds.rounded()))
        return s >= 3600 ? String(format: "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60) : String(format: "%d:%02d", s / 60, s % 60)
    }
}

/// Standard output, buffered, for listings.
struct StandardOutput: TextOutputStream {
    private var buffer: [UInt8] = []

    mutating func write(_ string: String) {
        buffer.append(contentsOf: string.utf8)
        if buffer.count >= 1 << 16 { flush() }
    }

    mutating func flush() {
        guard !buffer.isEmpty else { return }
        FileHandle.standardOutput.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }
}
