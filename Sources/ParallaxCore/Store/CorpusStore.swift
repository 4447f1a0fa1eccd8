import Foundation

/// Where a corpus lives: articles with their annotations, copy links, stories and their members, the grouping
/// index, story analyses, merges and ingest issues.
///
/// The protocol is asynchronous at its boundary (storage may be a file, a server or memory) and synchronous inside a
/// transaction: ``write(_:)`` runs a closure against a ``CorpusWriter`` in one transaction (all of its changes are
/// kept, or none: a process killed mid-batch loses that batch only), ``read(_:)`` against a consistent
/// ``CorpusReader`` snapshot. Drivers: `InMemoryStore` (Core; tests and the one-shot `analyze`) and the SQLite
/// store (`ParallaxSQLite`, GRDB). Higher-level operations (ingest, grouping, analysis) are written once, against
/// these two protocols, in `ParallaxAnalysis`.
public protocol CorpusStore: Sendable {
    /// Runs `body` in one write transaction (one writer at a time). When `body` throws, nothing it wrote is kept.
    func write<T: Sendable>(_ body: @escaping @Sendable (any CorpusWriter) throws -> T) async throws -> T

    /// Runs `body` against a consistent read-only snapshot (readers may run concurrently with the writer).
    func read<T: Sendable>(_ body: @escaping @Sendable (any CorpusReader) throws -> T) async throws -> T

    /// The bytes this store keeps for an annotation, made outside any transaction, so that a batch is encoded on
    /// all cores before the single writer stores it (``CorpusWriter/putArticle(_:record:storedForm:)``); `nil`
    /// when the store keeps annotations as values (the default).
    func storedForm(of annotation: ArticleAnnotation) throws -> Data?
}

extension CorpusStore {
    public func storedForm(of annotation: ArticleAnnotation) throws -> Data? { nil }
}

/// A failure of the store itself (never of one article: bad articles are ``IngestIssue``s).
public struct StoreError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, as a closed list.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// The database cannot be opened or created (path, permissions, not a database).
        case cannotOpen
        /// The database was written by a newer Parallax (unknown migrations) or is damaged.
        case incompatible
        /// A read or write failed (disk full, I/O error, locked for too long).
        case io
        /// A stored value could not be decoded (damaged row, annotation of an unknown shape).
        case corrupt
        /// The caller broke a precondition (a member of an unknown story, a merge of a story into itself).
        case invalidOperation
    }

    public var kind: Kind
    /// The database (a path, `:memory:` or a server address).
    public var location: String
    /// What happened, for a person.
    public var message: String

    public init(_ kind: Kind, location: String, message: String) {
        self.kind = kind
        self.location = location
        self.message = message
    }

    public var description: String { "\(location): \(message)" }
}
