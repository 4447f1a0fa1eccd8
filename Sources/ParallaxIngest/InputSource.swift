import Foundation

/// One input to read: a file, standard input, or bytes already in memory (for tests and archives).
public struct InputSource: Sendable, Hashable {
    public enum Location: Sendable, Hashable {
        case file(String)
        case standardInput
        case bytes([UInt8])
    }

    /// The name used in messages and in `Article.source` (a path, `-`, or a label).
    public var name: String
    public var location: Location

    public init(name: String, location: Location) {
        self.name = name
        self.location = location
    }

    public static func file(_ path: String) -> InputSource { InputSource(name: path, location: .file(path)) }
    public static func bytes(_ bytes: [UInt8], name: String) -> InputSource {
        InputSource(name: name, location: .bytes(bytes))
    }

    /// Reads the whole input, refusing more than `maxBytes` (bounded memory on huge or hostile inputs).
    public func readAll(maxBytes: Int = 256 << 20) throws(IngestIssue) -> [UInt8] {
        switch location {
        case .bytes(let b):
            guard b.count <= maxBytes else { throw tooLarge(b.count, maxBytes) }
            return b
        case .standardInput:
            return try read(handle: FileHandle.standardInput, maxBytes: maxBytes)
        case .file(let path):
            guard let handle = FileHandle(forReadingAtPath: path) else {
                throw IngestIssue(input: name, kind: .unreadable, message: "cannot open file (missing or not readable)")
            }
            defer { try? handle.close() }
            return try read(handle: handle, maxBytes: maxBytes)
        }
    }

    private func read(handle: FileHandle, maxBytes: Int) throws(IngestIssue) -> [UInt8] {
        var out: [UInt8] = []
        while true {
            let chunk: Data?
            do { chunk = try handle.read(upToCount: 1 << 20) } catch {
                throw IngestIssue(input: name, kind: .unreadable, message: "read failed: \(error.localizedDescription)")
            }
            guard let chunk, !chunk.isEmpty else { break }
            out.append(contentsOf: chunk)
            if out.count > maxBytes { throw tooLarge(out.count, maxBytes) }
        }
        return out
    }

    private func tooLarge(_ count: Int, _ maxBytes: Int) -> IngestIssue {
        IngestIssue(input: name, kind: .tooLarge, message: "larger than the \(maxBytes >> 20) MiB limit for one input; skipped")
    }
}

/// What a reader reports: an article, or a problem with part of the input that was skipped.
public enum IngestEvent: Sendable {
    case article(Article)
    case issue(IngestIssue)
}

/// Reads articles from one kind of input (plain text, JSON Lines, HTML, feed, WARC).
///
/// Readers stream: they call `emit` once per article or problem, in input order, so a multi-GB archive never sits
/// in memory. A reader throws only when nothing in the input can be read at all (e.g. the file cannot be opened);
/// a bad record is an `.issue` event and reading goes on.
public protocol ArticleReader: Sendable {
    func read(_ input: InputSource, emit: (IngestEvent) -> Void) throws(IngestIssue)
}
