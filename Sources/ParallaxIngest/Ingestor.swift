import Foundation

/// Reads every article from a list of paths: files, directories (recursively) and `-` for standard input.
///
/// Each input's format is detected from its name and content unless a format is forced; the input is handed to
/// the reader registered for that format. Problems (missing files, unknown formats, bad records) become
/// `IngestIssue`s and everything else is read. Article ids are made unique within one run.
public struct Ingestor: Sendable {
    /// The result of one run.
    public struct Result: Sendable {
        /// Articles in input order (directories sorted by path).
        public var articles: [Article]
        /// Problems, in the order met.
        public var issues: [IngestIssue]
    }

    /// The reader for each format; formats without a reader are reported and skipped.
    public var readers: [InputFormat: any ArticleReader]
    /// Read every input as this format instead of detecting it.
    public var format: InputFormat?

    /// Creates an ingestor.
    /// - Parameters:
    ///   - readers: reader per format; by default the plain-text and JSON Lines readers.
    ///   - format: forces one format for all inputs.
    public init(readers: [InputFormat: any ArticleReader] = Ingestor.defaultReaders(), format: InputFormat? = nil) {
        self.readers = readers
        self.format = format
    }

    /// The readers this target provides without HTML: `.text` and `.jsonl`, sharing one filter.
    public static func defaultReaders(
        filter: BoilerplateFilter = BoilerplateFilter()
    ) -> [InputFormat: any ArticleReader] {
        [.text: PlainTextReader(filter: filter), .jsonl: JSONLinesReader(filter: filter)]
    }

    /// Reads all `paths` and collects the articles and issues.
    public func ingest(paths: [String]) -> Result {
        var result = Result(articles: [], issues: [])
        ingest(paths: paths) { event in
            switch event {
            case .article(let a): result.articles.append(a)
            case .issue(let i): result.issues.append(i)
            }
        }
        return result
    }

    /// Reads all `paths`, calling `emit` for each article (with a unique id) and each issue, in input order.
    public func ingest(paths: [String], emit: (IngestEvent) -> Void) {
        let (inputs, problems) = expand(paths)
        problems.forEach { emit(.issue($0)) }
        var seen: [String: Int] = [:]
        for input in inputs {
            read(input) { event in
                guard case .article(var article) = event else { return emit(event) }
                article.id = Self.unique(article.id, seen: &seen)
                emit(.article(article))
            }
        }
    }

    /// Reads one input with the reader of its format.
    public func read(_ input: InputSource, emit: (IngestEvent) -> Void) {
        var input = input
        let chosen: InputFormat?
        if let format {
            chosen = format
        } else {
            var head: [UInt8] = []
            switch input.location {
            case .file(let path): head = Self.head(of: path)
            case .bytes(let bytes): head = Array(bytes.prefix(4096))
            case .standardInput:
                // Standard input can be read only once: keep its bytes for the reader.
                do { input = InputSource.bytes(try input.readAll(), name: input.name) } catch {
                    return emit(.issue(error))
                }
                if case .bytes(let b) = input.location { head = Array(b.prefix(4096)) }
            }
            chosen = InputFormat.detect(path: input.name == "-" ? "" : input.name, head: head)
        }
        guard let chosen else {
            return emit(.issue(IngestIssue(input: input.name, message: "unknown format (not text); skipped")))
        }
        guard let reader = readers[chosen] else {
            let message = "\(chosen.rawValue) input, but no \(chosen.rawValue) reader is available; skipped"
            return emit(.issue(IngestIssue(input: input.name, message: message)))
        }
        do { try reader.read(input, emit: emit) } catch { emit(.issue(error)) }
    }

    /// The inputs named by `paths`: files as given, directories walked recursively in path order without hidden
    /// files, `-` as standard input; missing paths are issues.
    public func expand(_ paths: [String]) -> (inputs: [InputSource], issues: [IngestIssue]) {
        var inputs: [InputSource] = []
        var issues: [IngestIssue] = []
        let fm = FileManager.default
        for path in paths {
            if path == "-" {
                inputs.append(InputSource(name: "-", location: .standardInput))
                continue
            }
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else {
                issues.append(IngestIssue(input: path, message: "no such file or directory"))
                continue
            }
            guard isDirectory.boolValue else {
                inputs.append(.file(path))
                continue
            }
            guard let walker = fm.enumerator(atPath: path) else {
                issues.append(IngestIssue(input: path, message: "cannot list directory"))
                continue
            }
            var files: [String] = []
            while let relative = walker.nextObject() as? String {
                let name = (relative as NSString).lastPathComponent
                let full = (path as NSString).appendingPathComponent(relative)
                var childIsDirectory: ObjCBool = false
                _ = fm.fileExists(atPath: full, isDirectory: &childIsDirectory)
                if name.hasPrefix(".") {
                    if childIsDirectory.boolValue { walker.skipDescendants() }
                    continue
                }
                if !childIsDirectory.boolValue { files.append(full) }
            }
            inputs += files.sorted().map(InputSource.file)
        }
        return (inputs, issues)
    }

    /// Up to 4 KiB from the start of a file (empty when unreadable; the reader then reports it).
    static func head(of path: String) -> [UInt8] {
        guard let handle = FileHandle(forReadingAtPath: path) else { return [] }
        defer { try? handle.close() }
        return (try? handle.read(upToCount: 4096)).map { Array($0) } ?? []
    }

    /// `id`, or `id-2`, `id-3`, ... when it was already used.
    static func unique(_ id: String, seen: inout [String: Int]) -> String {
        guard let count = seen[id] else {
            seen[id] = 1
            return id
        }
        var n = count + 1
        while seen["\(id)-\(n)"] != nil { n += 1 }
        seen[id] = n
        seen["\(id)-\(n)"] = 1
        return "\(id)-\(n)"
    }
}
