import ArgumentParser
import Foundation
import ParallaxIngest

/// `parallax extract`: read inputs and print the extracted articles (text and metadata), one JSON object a line.
struct ExtractCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract", abstract: "Extract articles (main text and metadata) from inputs.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case ndjson, json
    }

    @Argument(help: "HTML files (.html, .htm, .html.gz) or directories (read recursively).")
    var paths: [String] = []

    @Option(help: "Output format: ndjson (one object a line) or json (one array).")
    var format: Format = .ndjson

    @Option(help: "Pages extracted in parallel (default: all cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(help: "Print HTML main text as extracted, without the plain-text boilerplate cleaning (for evaluation).")
    var mainTextOnly = false

    @Flag(help: "With --main-text-only: skip metadata too (to time the main-text extraction alone).")
    var noMetadata = false

    func validate() throws {
        guard !paths.isEmpty else { throw ValidationError("Give at least one HTML file or directory.") }
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1.") }
    }

    func run() async throws {
        let files = try Self.expand(paths)
        let reader = HTMLReader(cleansText: !mainTextOnly, readsMetadata: !noMetadata)
        let results = Self.readAll(files, reader: reader, jobs: jobs)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let out = FileHandle.standardOutput
        var first = true
        if format == .json { out.write(Data("[".utf8)) }
        for events in results {
            for event in events {
                switch event {
                case .issue(let issue):
                    FileHandle.standardError.write(Data("parallax: \(issue.description)\n".utf8))
                case .article(let article):
                    var line = try encoder.encode(ExtractRecord(article))
                    if format == .json, !first { line.insert(UInt8(ascii: ","), at: 0) }
                    line.append(UInt8(ascii: "\n"))
                    out.write(line)
                    first = false
                }
            }
        }
        if format == .json { out.write(Data("]\n".utf8)) }
    }

    /// Reads every file with `reader`, `jobs` at a time; results in input order.
    static func readAll(_ files: [String], reader: HTMLReader, jobs: Int) -> [[IngestEvent]] {
        let results = ResultSlots(count: files.count)
        let workers = min(jobs, max(files.count, 1))
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var k = worker
            while k < files.count {
                var events: [IngestEvent] = []
                do throws(IngestIssue) {
                    try reader.read(.file(files[k])) { events.append($0) }
                } catch {
                    events.append(.issue(error))
                }
                results.set(k, events)
                k += workers
            }
        }
        return results.values
    }

    /// Files named by `paths`; directories are walked for HTML files, in sorted order.
    static func expand(_ paths: [String]) throws -> [String] {
        var files: [String] = []
        let manager = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw ValidationError("\(path): no such file or directory.")
            }
            guard isDirectory.boolValue else {
                files.append(path)
                continue
            }
            let found = (manager.enumerator(atPath: path)?.allObjects as? [String] ?? [])
                .filter(isHTMLName).sorted()
            files += found.map { path.hasSuffix("/") ? path + $0 : path + "/" + $0 }
        }
        return files
    }

    static func isHTMLName(_ name: String) -> Bool {
        let lower = name.lowercased()
        return [".html", ".htm", ".xhtml", ".html.gz", ".htm.gz"].contains { lower.hasSuffix($0) }
    }
}

/// Result slots filled by concurrent workers, each slot written once.
private final class ResultSlots: @unchecked Sendable {
    private var slots: [[IngestEvent]]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: [], count: count) }

    func set(_ index: Int, _ events: [IngestEvent]) {
        lock.lock()
        slots[index] = events
        lock.unlock()
    }

    var values: [[IngestEvent]] {
        lock.lock()
        defer { lock.unlock() }
        return slots
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
