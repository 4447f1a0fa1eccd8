import ArgumentParser
import Foundation
import ParallaxAnalysis
import ParallaxCore
import ParallaxPostgres
import ParallaxReport
import ParallaxSQLite

/// `--db FILE|URL`: the corpus shared by `ingest`, `stories`, `story`, `articles`, `search`, `export`, `stats` and
/// `serve`. The one place that decides which store a `--db` value names: a `postgres://` (or `postgresql://`) URL
/// is a PostgreSQL database, anything else a SQLite file.
struct CorpusOptions: ParsableArguments {
    @Option(
        help: """
            The corpus: a SQLite file, or a PostgreSQL URL postgres://user[:password]@host[:port]/database \
            (default: $PARALLAX_DB, else parallax.sqlite in this directory).
            """)
    var db: String = ProcessInfo.processInfo.environment["PARALLAX_DB"] ?? "parallax.sqlite"

    /// Whether `--db` names a PostgreSQL server.
    var isPostgres: Bool { PostgresLocation.isURL(db) }

    /// What messages name: the path, or the URL without its password.
    var location: String {
        guard isPostgres else { return db }
        return PostgresLocation(url: db)?.description ?? PostgresLocation.redacted(db)
    }

    /// Opens the corpus for a command that adds to it (creating the file, or the PostgreSQL database and its
    /// tables, when absent).
    func openForWriting() async throws -> any CorpusStore {
        try await open(creating: true)
    }

    /// Opens an existing corpus for a command that reads it; a missing file or database is an error, not an empty
    /// corpus.
    func openExisting() async throws -> any CorpusStore {
        if !isPostgres, !FileManager.default.fileExists(atPath: db) {
            throw CommandLineError(path: db, problem: "no corpus here (make one with `parallax ingest --db \(db) FILES`)")
        }
        return try await open(creating: false)
    }

    private func open(creating: Bool) async throws -> any CorpusStore {
        do {
            if isPostgres { return try await PostgresStore(url: db, createDatabase: creating) }
            return try SQLiteStore(path: db)
        } catch let error as StoreError {
            throw CommandLineError(path: location, problem: error.message)
        }
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
