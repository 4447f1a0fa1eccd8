import ArgumentParser
import Foundation
import ParallaxIngest
import ParallaxReport

/// `parallax extract`: read inputs and print the extracted articles (text and metadata), one JSON object a line.
///
/// Inputs go through the same ``Ingestor`` as `parallax analyze`: plain text, JSON Lines, HTML, feeds and WARC
/// archives (also gzip-compressed), files, directories or `-` for standard input. Each article is written as the
/// reports write it (``ArticleJSON``). An HTML page without main text is printed too, with its metadata (title,
/// date, outlet, URL) and an empty text, after a `no main text found` warning. Articles are read as an
/// asynchronous sequence (``Ingestor/events(paths:jobs:bufferSize:)``), so reading never blocks Swift's
/// cooperative pool.
struct ExtractCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract", abstract: "Extract articles (main text and metadata) from inputs.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case ndjson, json
    }

    @Argument(help: "Files (text, JSON Lines, HTML, feeds, WARC), directories (read recursively) or - for stdin.")
    var paths: [String] = []

    @OptionGroup var input: InputOptions

    @Option(help: "Output format: ndjson (one object a line) or json (one array).")
    var format: Format = .ndjson

    @Option(help: "Inputs read in parallel (default: all cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(help: "Print HTML main text as extracted, without the plain-text boilerplate cleaning (for evaluation).")
    var mainTextOnly = false

    @Flag(help: "With --main-text-only: skip metadata too (to time the main-text extraction alone).")
    var noMetadata = false

    func validate() throws {
        guard !paths.isEmpty else { throw ValidationError("Give at least one file or directory (or - for stdin).") }
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1.") }
    }

    func run() async throws {
        let registry = try input.registry()
        var ingestor = input.ingestor(registry: registry, jobs: jobs)
        if mainTextOnly {
            let builder = HTMLArticleBuilder(filter: BoilerplateFilter(registry: registry))
            ingestor.readers[.html] = HTMLReader(builder: builder, cleansText: false, readsMetadata: !noMetadata)
        }
        let out = FileHandle.standardOutput
        var count = 0
        var issues = IngestIssue.Tally()
        if format == .json { out.write(Data("[".utf8)) }
        for await event in ingestor.events(paths: paths, jobs: jobs) {
            switch event {
            case .issue(let issue):
                issues.add(issue)
                FileHandle.standardError.write(Data("parallax: warning: \(Console.visible(issue.description))\n".utf8))
            case .article(let article):
                var line = (format == .json && count > 0 ? "," : "") + ArticleJSON.line(article)
                line += "\n"
                out.write(Data(line.utf8))
                count += 1
            }
        }
        if format == .json { out.write(Data("]\n".utf8)) }
        if issues.total > 0 {
            FileHandle.standardError.write(Data("parallax: \(count) articles, \(issues.total) issues (\(issues))\n".utf8))
        }
        guard count > 0 else {
            FileHandle.standardError.write(Data("parallax: no article could be read from \(Console.inputList(paths))\n".utf8))
            throw ExitCode.failure
        }
    }
}
