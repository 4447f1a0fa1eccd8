import Foundation

/// Reads every article from a list of paths: files, directories (recursively) and `-` for standard input.
///
/// Each input's format is detected from its name and content unless a format is forced; the input is handed to
/// the reader registered for that format. Problems (missing files, unknown formats, bad records) become
/// `IngestIssue`s and everything else is read. Article ids follow ``ArticleIdentity`` (canonical URL, else content),
/// so two inputs of one article carry the same id; both are reported and the consumer keeps one.
///
/// Three ways to read: ``events(paths:jobs:bufferSize:)`` (an `AsyncSequence` for async code: reading runs on
/// threads of its own, never on Swift's cooperative pool), ``ingest(paths:jobs:emit:)`` (a callback on the calling
/// thread) and ``ingest(paths:)`` (everything collected).
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
    ///   - readers: reader per format; by default a reader for every format with the bundled outlet registry, as
    ///     `parallax` runs (``allReaders(registry:)``).
    ///   - format: forces one format for all inputs.
    public init(readers: [InputFormat: any ArticleReader] = Ingestor.allReaders(), format: InputFormat? = nil) {
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

    /// Reads all `paths`, calling `emit` for each article and each issue, in input order.
    public func ingest(paths: [String], emit: (IngestEvent) -> Void) {
        ingest(paths: paths, jobs: 1, emit: emit)
    }

    /// Reads all `paths` like ``ingest(paths:emit:)``, up to `jobs` small files at a time; `emit` is still called
    /// on the caller's thread, in input order, so the events do not depend on `jobs`. Events of small files are
    /// held per batch of `4 * jobs` files; files of ``streamedBytes`` or more, standard input and pipes are read
    /// one at a time and streamed, so memory stays bounded on large archives. Blocks the calling thread: from
    /// async code use ``events(paths:jobs:bufferSize:)``.
    public func ingest(paths: [String], jobs: Int, emit: (IngestEvent) -> Void) {
        ingest(paths: paths, jobs: jobs, stop: { false }, emit: emit)
    }

    /// ``ingest(paths:jobs:emit:)`` that stops before the next input (or batch) once `stop` returns true.
    func ingest(paths: [String], jobs: Int, stop: () -> Bool, emit: (IngestEvent) -> Void) {
        let (inputs, problems) = expand(paths)
        problems.forEach { emit(.issue($0)) }
        var next = 0
        while next < inputs.count, !stop() {
            guard jobs > 1, Self.isSmallFile(inputs[next]) else {
                read(inputs[next], emit: emit)
                next += 1
                continue
            }
            var end = next
            while end < inputs.count, end - next < 4 * jobs, Self.isSmallFile(inputs[end]) { end += 1 }
            let batch = Array(inputs[next..<end])
            next = end
            let events = ParallelMap.map(batch, concurrency: jobs) { input in
                var events: [IngestEvent] = []
                read(input) { events.append($0) }
                return events
            }
            events.joined().forEach(emit)
        }
    }

    /// Files at least this large are read alone and their articles streamed (``ingest(paths:jobs:emit:)``).
    public static let streamedBytes = 8 << 20

    /// A regular file smaller than ``streamedBytes`` (or one that cannot be examined: its reader reports why).
    static func isSmallFile(_ input: InputSource) -> Bool {
        guard case .file(let path) = input.location else { return false }
        var info = stat()
        guard stat(path, &info) == 0 else { return true }
        return info.st_mode & S_IFMT == S_IFREG && Int(info.st_size) < streamedBytes
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
            case .file(let path):
                if case .special = FileKind(path: path) {
                    // A pipe (`<(zcat a.gz)`) can be read only once: keep its bytes for the reader.
                    do { input = InputSource.bytes(try input.readAll(), name: input.name) } catch {
                        return emit(.issue(error))
                    }
                    if case .bytes(let b) = input.location { head = Array(b.prefix(4096)) }
                } else {
                    head = Self.head(of: path)
                }
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
            return emit(.issue(IngestIssue(input: input.name, kind: .unknownFormat, message: "unknown format (not text); skipped")))
        }
        guard let reader = readers[chosen] else {
            let message = "\(chosen.rawValue) input, but no \(chosen.rawValue) reader is available; skipped"
            return emit(.issue(IngestIssue(input: input.name, kind: .noReader, message: message)))
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
                var link = stat()
                let isLink = lstat(path, &link) == 0
                if isLink, case .unresolvable(let reason) = FileKind(path: path) {
                    issues.append(IngestIssue(input: path, kind: .unreadable, message: "cannot read: \(reason)"))
                } else {
                    issues.append(IngestIssue(input: path, kind: .unreadable, message: "no such file or directory"))
                }
                continue
            }
            guard isDirectory.boolValue else {
                inputs.append(.file(path))
                continue
            }
            guard let walker = fm.enumerator(atPath: path) else {
                issues.append(IngestIssue(input: path, kind: .unreadable, message: "cannot list directory"))
                continue
            }
            var files: [String] = []
            var skipped: [IngestIssue] = []
            while let relative = walker.nextObject() as? String {
                let name = (relative as NSString).lastPathComponent
                let full = (path as NSString).appendingPathComponent(relative)
                let kind = FileKind(path: full)
                if name.hasPrefix(".") {
                    if kind == .directory { walker.skipDescendants() }
                    continue
                }
                switch kind {
                case .regular: files.append(full)
                case .directory: continue
                case .special:
                    // Opening a FIFO found in a directory would wait for a writer forever.
                    skipped.append(IngestIssue(input: full, kind: .notRegularFile, message: "not a regular file (a FIFO, socket or device); skipped"))
                case .unresolvable(let reason):
                    skipped.append(IngestIssue(input: full, kind: .unreadable, message: "cannot read: \(reason); skipped"))
                }
            }
            issues += skipped.sorted { $0.input < $1.input }
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
}

/// What a path names, following symbolic links.
enum FileKind: Equatable {
    case regular
    case directory
    /// A FIFO, socket or device.
    case special
    /// The path cannot be resolved: a dangling link, a link loop, no permission.
    case unresolvable(String)

    init(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else {
            let code = errno
            switch code {
            case ELOOP: self = .unresolvable("symbolic link loop")
            case ENOENT: self = .unresolvable("broken symbolic link")
            default: self = .unresolvable(String(cString: strerror(code)))
            }
            return
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: self = .regular
        case S_IFDIR: self = .directory
        default: self = .special
        }
    }
}
