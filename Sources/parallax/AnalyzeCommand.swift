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

    @OptionGroup var lexicons: LexiconOptions

    @Option(help: "Only show stories with at least this many articles.")
    var minArticles: Int = 1

    @Option(help: "Worker threads (default: all cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(name: .shortAndLong, help: "No progress messages on standard error.")
    var quiet = false

    @Flag(help: "Color the text report even when standard output is not a terminal.")
    var color = false

    @Flag(
        help: """
            Text, Markdown and HTML reports: list every claim, quote, citation and synthesis point (default: the 50 \
            most shared of each) and draw a story of more than 50 articles whole (default: its first 50 articles, \
            claims counted by articles and outlets, cited sources counted, a few article numbers per finding).
            """)
    var all = false

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
        let pipeline = try lexicons.pipeline(registry: registry, jobs: jobs)
        if let output, output != "-" { try CommandLineError.checkWritable(output) }
        // The output is created (as a temporary file beside it) before any input is read.
        let out = try ReportOutput(path: output)
        let started = Date()
        do {
            // Articles are annotated as they are read (reading and annotating overlap, each off the cooperative
            // pool); an annotation is the only thing kept of an article.
            var issues: [IngestIssue] = []
            var annotations: [ArticleAnnotation] = []
            let articles = input.articles(paths.isEmpty ? ["-"] : paths, registry: registry, jobs: jobs, console: console) {
                issues.append($0)
            }
            try await pipeline.annotate(articles) { annotation in
                annotations.append(annotation)
                if annotations.count % 500 == 0 { console.progress("read \(annotations.count) articles", transient: true) }
            }
            guard !annotations.isEmpty else {
                throw ExitCode.failure.withMessage("parallax: no article could be read from \(Console.inputList((paths.isEmpty ? ["-"] : paths)))", console: console)
            }
            // A summary of what was skipped, by kind ("3 notJSON, 1 empty"), whether or not stderr is a terminal.
            var tally = IngestIssue.Tally()
            issues.forEach { tally.add($0) }
            if tally.total > 0 { console.warn("\(annotations.count) articles read, \(tally.total) inputs skipped (\(tally))") }
            console.progress("read \(annotations.count) articles")
            try await analyze(annotations, issues: issues, pipeline: pipeline, console: console, to: out)
            try out.close()
        } catch {
            out.discard()
            throw error
        }
        console.progress("done in \(String(format: "%.1f", Date().timeIntervalSince(started))) s")
    }

    /// Groups the annotations and writes each story's analysis as soon as it is ready: JSON and NDJSON stream
    /// story by story; the other formats render the whole report at the end. Articles are reported one per id,
    /// in id order, so the report does not depend on the order of the inputs.
    private func analyze(
        _ annotations: [ArticleAnnotation], issues: [IngestIssue], pipeline: AnalysisPipeline, console: Console,
        to out: ReportOutput
    ) async throws {
        let annotations = AnalysisPipeline.canonical(annotations)
        let articles = annotations.map(\.article)
        let progress: @Sendable (AnalysisPipeline.Step, Int, Int) -> Void = { step, done, total in
            console.progress("\(step.rawValue): \(done)/\(total)", transient: done < total)
        }
        var output = out
        if var writer = StoryStreamWriter(format.reportFormat) {
            writer.begin(articles: articles, issues: issues, to: &output)
            try await pipeline.analyze(annotations: annotations, progress: progress) { story in
                guard story.articles.count >= minArticles else { return }
                writer.write(story, to: &output)
            }
            writer.finish(to: &output)
            return
        }
        var stories: [StoryAnalysis] = []
        try await pipeline.analyze(annotations: annotations, progress: progress) { story in
            if story.articles.count >= minArticles { stories.append(story) }
        }
        let useColor = color || (self.output == nil && format == .text && isatty(STDOUT_FILENO) != 0)
        ReportRenderer.render(
            AnalysisReport(articles: articles, stories: stories, issues: issues), format: format.reportFormat,
            color: useColor, itemLimit: all ? nil : 50, to: &output)
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
