import ArgumentParser
import Foundation
import ParallaxAnalysis
import ParallaxCore
import ParallaxReport

/// `parallax story ID`: one story's whole comparison, in every format `analyze` writes.
///
/// The stored comparison is shown when it is up to date; otherwise it is recomputed from the members' stored
/// annotations (no article is parsed again) and stored. An id of a story that was merged into another shows the
/// story it went into.
struct StoryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "story", abstract: "Show one story's comparison of its outlets.",
        discussion: "Example: parallax story s-3f9a0c1b2d4e5f60 --format html --output story.html")

    @Argument(help: "The story id (from `parallax stories`).") var id: String
    @OptionGroup var corpus: CorpusOptions
    @OptionGroup var input: InputOptions
    @Option(name: .shortAndLong, help: "Output format: text, json, ndjson, md (markdown) or html.") var format: OutputFormat = .text
    @Option(name: .shortAndLong, help: "Write the report to this file instead of standard output.") var output: String?
    @Flag(name: .shortAndLong, help: "No messages on standard error.") var quiet = false
    @Flag(help: "Color the text report even when standard output is not a terminal.") var color = false

    @Flag(
        help: """
            Text, Markdown and HTML reports: list every claim, quote, citation and synthesis point (default: the 50 \
            most shared of each) and draw a story of more than 50 articles whole (default: its first 50 articles, \
            claims counted by articles and outlets, cited sources counted, a few article numbers per finding).
            """)
    var all = false

    func run() async throws {
        let console = Console(quiet: quiet)
        let store = try await corpus.openExisting()
        if let output, output != "-" { try CommandLineError.checkWritable(output) }
        let requested = id
        guard let live = try await store.read({ try $0.resolveStory(requested) }) else {
            throw CommandLineError(path: corpus.location, problem: "no story \(id) (list them with `parallax stories`)")
        }
        if live != id { console.note("story \(id) was merged into \(live); showing \(live)") }
        // The stored comparison when up to date; the pipeline (and its lexicons) only when it must be recomputed.
        let found = try await CorpusIngester.analysis(ofStory: live, in: store) {
            let registry = try input.registry()
            return CorpusIngester(pipeline: AnalysisPipeline(outlets: registry), outlets: registry)
        }
        guard let analysis = found else { throw CommandLineError(path: corpus.location, problem: "no story \(id)") }
        let members = analysis.articles
        let articles = try await store.read { try $0.articles(ids: members) }
        let out = try ReportOutput(path: output)
        var stream = out
        let useColor = color || (output == nil && format == .text && isatty(STDOUT_FILENO) != 0)
        ReportRenderer.render(
            AnalysisReport(articles: articles, stories: [analysis], issues: []), format: format.reportFormat,
            color: useColor, itemLimit: all ? nil : 50, to: &stream)
        try out.close()
    }
}
