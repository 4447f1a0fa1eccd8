import ArgumentParser
import Foundation
import ParallaxIngest

/// `parallax extract`: read inputs and print the extracted articles (text and metadata), one JSON object a line.
///
/// Inputs go through the same ``Ingestor`` as `parallax analyze`: plain text, JSON Lines, HTML, feeds and WARC
/// archives (also gzip-compressed), files, directories or `-` for standard input.
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
        var ingestor = input.ingestor(registry: registry)
        if mainTextOnly {
            let builder = HTMLArticleBuilder(filter: BoilerplateFilter(registry: registry))
            ingestor.readers[.html] = HTMLReader(builder: builder, cleansText: false, readsMetadata: !noMetadata)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let out = FileHandle.standardOutput
        var count = 0
        var failure: (any Error)?
        if format == .json { out.write(Data("[".utf8)) }
        ingestor.ingest(paths: paths, jobs: jobs) { event in
            switch event {
            case .issue(let issue):
                FileHandle.standardError.write(Data("parallax: warning: \(issue.description)\n".utf8))
            case .article(let article):
                guard failure == nil else { return }
                do {
                    var line = try encoder.encode(ExtractRecord(article))
                    if format == .json, count > 0 { line.insert(UInt8(ascii: ","), at: 0) }
                    line.append(UInt8(ascii: "\n"))
                    out.write(line)
                    count += 1
                } catch {
                    failure = error
                }
            }
        }
        if format == .json { out.write(Data("]\n".utf8)) }
        if let failure { throw failure }
        guard count > 0 else {
            FileHandle.standardError.write(Data("parallax: no article could be read\n".utf8))
            throw ExitCode.failure
        }
    }
}

/// The JSON shape of one extracted article.
private struct ExtractRecord: Encodable {
    var id: String
    var source: String
    var url: String?
    var title: String?
    var published: String?
    var authors: [String]
    var outlet: String?
    var language: String?
    var text: String

    init(_ article: Article) {
        id = article.id
        source = article.source
        url = article.url
        title = article.title
        published = article.published?.description
        authors = article.authors
        outlet = article.outlet
        language = article.language
        text = article.text
    }

    func encode(to encoder: any Encoder) throws {
        enum Key: String, CodingKey { case id, source, url, title, published, authors, outlet, language, text }
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(id, forKey: .id)
        try c.encode(source, forKey: .source)
        try c.encode(url, forKey: .url)
        try c.encode(title, forKey: .title)
        try c.encode(published, forKey: .published)
        try c.encode(authors, forKey: .authors)
        try c.encode(outlet, forKey: .outlet)
        try c.encode(language, forKey: .language)
        try c.encode(text, forKey: .text)
    }
}
