import ArgumentParser
import Foundation
import ParallaxAnalysis
import ParallaxIngest
import ParallaxReport

/// `parallax analyze`: read articles, group them into stories and compare the outlets of each story.
struct AnalyzeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Group articles into stories and compare how outlets covered each.",
        discussion: """
            Reads plain text (the seed format), JSON Lines, HTML pages, RSS/Atom/JSON feeds and WARC archives \
            (also gzip-compressed). Prints, per story: the coverage matrix of claims, quotes and their drift, \
            citations (provenance), naming choices and framing, the timeline and a synthesis of shared claims.
            Examples:
              parallax analyze examples/corpus
              parallax analyze --format html --output report.html crawl.warc.gz
              cat articles.jsonl | parallax analyze --format json -
            """)

    @Argument(help: "Files, directories (read recursively) or - for standard input (the default when piped).")
    var paths: [String] = []

    @OptionGroup var input: InputOptions

    @Option(name: .shortAndLong, help: "Output format: text, json, ndjson, md (markdown) or html.")
    var format: OutputFormat = .text

    @Option(name: .shortAndLong, help: "Write the report to this file instead of standard output.")
    var output: String?

    @Option(help: "A JSON file of extra name variants (format: docs/LEXICONS.md) added to the bundled aliases.")
    var aliases: String?

    @Option(help: "A JSON file of extra stance-marked phrases (format: docs/LEXICONS.md) added to the bundled ones.")
    var framing: String?

    @Option(help: "Only show stories with at least this many articles.")
    var minArticles: Int = 1

    @Option(help: "Worker threads (default: all cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(name: .shortAndLong, help: "No progress messages on standard error.")
    var quiet = false

    @Flag(help: "Color the text report even when standard output is not a terminal.")
    var color = false

    func validate() throws {
        guard minArticles >= 1 else { throw ValidationError("--min-articles must be at least 1.") }
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1.") }
        if paths.isEmpty, isatty(STDIN_FILENO) != 0 {
            throw ValidationError("Give files or directories to read, or pipe articles into standard input.")
        }
    }

    func run() async throws {
        let console = Console(quiet: quiet)
        // Every file the run needs besides its inputs is checked first, so a bad one fails before any reading.
        let registry = try input.registry()
        let extraAliases = try aliases.map { path in try loadLexicon(path) { try NamingLexicon(contentsOf: $0) } }
        let extraFraming = try framing.map { path in try loadLexicon(path) { try FramingLexicon(contentsOf: $0) } }
        if let output, output != "-" { try CommandLineError.checkWritable(output) }
        let started = Date()
        var articles: [Article] = []
        var issues: [IngestIssue] = []
        input.ingestor(registry: registry).ingest(paths: paths.isEmpty ? ["-"] : paths, jobs: jobs) { event in
            switch event {
            case .article(let article):
                articles.append(article)
                if articles.count % 500 == 0 { console.progress("read \(articles.count) articles", transient: true) }
            case .issue(let issue):
                issues.append(issue)
                console.warn(issue.description)
            }
        }
        guard !articles.isEmpty else {
            throw ExitCode.failure.withMessage("parallax: no article could be read", console: console)
        }
        console.progress("read \(articles.count) articles (\(issues.count) problems)")

        var pipeline = AnalysisPipeline(outlets: registry, concurrency: jobs)
        if let lexicon = extraAliases {
            pipeline.namingAnalyzer = NamingAnalyzer(lexicon: NamingLexicon.bundled.merging(lexicon))
            pipeline.timelineBuilder = TimelineBuilder(naming: NamingLexicon.bundled.merging(lexicon))
        }
        if let lexicon = extraFraming {
            pipeline.framingDetector = FramingDetector(lexicon: FramingLexicon.bundled.merging(lexicon))
        }
        let analyses = pipeline.run(articles) { step, done, total in
            console.progress("\(step.rawValue): \(done)/\(total)", transient: done < total)
        }
        let shown = analyses.filter { $0.articles.count >= minArticles }
        let seconds = Date().timeIntervalSince(started)
        console.progress(
            "\(analyses.count) stories (\(shown.count) shown) from \(articles.count) articles "
                + "in \(String(format: "%.1f", seconds)) s")

        let report = AnalysisReport(articles: articles, stories: shown, issues: issues)
        let useColor = color || (output == nil && format == .text && isatty(STDOUT_FILENO) != 0)
        let rendered = ReportRenderer.render(report, format: format.reportFormat, color: useColor)
        try write(rendered)
    }

    private func loadLexicon<L>(_ path: String, _ load: (URL) throws -> L) throws -> L {
        do { return try load(URL(fileURLWithPath: path)) } catch {
            let reason = (error as? LexiconError)?.reason ?? "\(error)"
            throw CommandLineError(path: path, problem: "cannot load the lexicon: \(reason)")
        }
    }

    private func write(_ text: String) throws {
        guard let output, output != "-" else {
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
        } catch {
            throw CommandLineError(path: output, problem: "cannot write: \(error.localizedDescription)")
        }
    }
}

/// Output formats as spelled on the command line.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, ndjson, md, markdown, html

    var reportFormat: ReportFormat {
        switch self {
        case .text: .text
        case .json: .json
        case .ndjson: .ndjson
        case .md, .markdown: .markdown
        case .html: .html
        }
    }
}

extension ExitCode {
    /// Prints `message` to standard error and returns the exit code, for `throw`.
    func withMessage(_ message: String, console: Console) -> ExitCode {
        console.error(message)
        return self
    }
}
