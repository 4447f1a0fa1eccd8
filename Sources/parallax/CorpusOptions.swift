import ArgumentParser
import Foundation
import ParallaxAnalysis
import ParallaxCore
import ParallaxReport
import ParallaxSQLite

/// `--db FILE`: the corpus database shared by `ingest`, `stories`, `story`, `articles`, `search`, `export` and
/// `stats`.
struct CorpusOptions: ParsableArguments {
    @Option(help: "The corpus database (SQLite; default: $PARALLAX_DB, else parallax.sqlite in this directory).")
    var db: String = ProcessInfo.processInfo.environment["PARALLAX_DB"] ?? "parallax.sqlite"

    /// Opens the corpus for a command that adds to it (creating the file when absent).
    func openForWriting() throws -> SQLiteStore {
        do { return try SQLiteStore(path: db) } catch let error as StoreError {
            throw CommandLineError(path: db, problem: error.message)
        }
    }

    /// Opens an existing corpus for a command that reads it; a missing file is an error, not an empty corpus.
    func openExisting() throws -> SQLiteStore {
        guard FileManager.default.fileExists(atPath: db) else {
            throw CommandLineError(path: db, problem: "no corpus here (make one with `parallax ingest --db \(db) FILES`)")
        }
        return try openForWriting()
    }
}

/// The lexicon files that change what an annotation finds (`--aliases`, `--framing`).
struct LexiconOptions: ParsableArguments {
    @Option(help: "A JSON file of extra name variants (format: docs/LEXICONS.md) added to the bundled aliases.")
    var aliases: String?

    @Option(help: "A JSON file of extra stance-marked phrases (format: docs/LEXICONS.md) added to the bundled ones.")
    var framing: String?

    /// The pipeline with the user's lexicon files; a missing or malformed file fails before any input is read.
    func pipeline(registry: OutletRegistry, jobs: Int) throws -> AnalysisPipeline {
        var pipeline = AnalysisPipeline(outlets: registry, concurrency: jobs)
        if let aliases {
            let lexicon = try load(aliases) { try NamingLexicon(contentsOf: $0) }
            pipeline.annotator.namingAnalyzer = NamingAnalyzer(lexicon: NamingLexicon.bundled.merging(lexicon))
            pipeline.annotator.timelineBuilder = TimelineBuilder(naming: NamingLexicon.bundled.merging(lexicon))
        }
        if let framing {
            let lexicon = try load(framing) { try FramingLexicon(contentsOf: $0) }
            pipeline.annotator.framingDetector = FramingDetector(lexicon: FramingLexicon.bundled.merging(lexicon))
        }
        return pipeline
    }

    private func load<L>(_ path: String, _ load: (URL) throws -> L) throws -> L {
        do { return try load(URL(fileURLWithPath: path)) } catch {
            let reason = (error as? LexiconError)?.reason ?? "\(error)"
            throw CommandLineError(path: path, problem: "cannot load the lexicon: \(reason)")
        }
    }
}

/// A day on the command line (`2024-05-31`).
extension Day: ExpressibleByArgument {
    public init?(argument: String) { self.init(iso: argument) }
}

/// Formats of the listing commands (`stories`, `articles`, `search`, `stats`).
enum ListFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, ndjson, md, markdown, html, csv

    var table: RecordTable.Format? {
        switch self {
        case .text: .text
        case .md, .markdown: .markdown
        case .html: .html
        case .csv: .csv
        case .json, .ndjson: nil
        }
    }
}

/// A reference that may cross into `@Sendable` store closures: used only by the task that owns it, while it
/// awaits the closure.
final class Exclusive<Value>: @unchecked Sendable {
    var value: Value
    init(_ value: Value) { self.value = value }
}
