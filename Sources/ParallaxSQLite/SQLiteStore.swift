import Foundation
import GRDB
import ParallaxCore
import ParallaxStorage

/// The default ``CorpusStore``: one SQLite file through GRDB (a `DatabasePool`: WAL, one writer, concurrent
/// readers), with named migrations, foreign keys and FTS5 over article titles and texts.
///
/// The rows are meant to be read with the `sqlite3` shell too: see docs/SCHEMA.md.
public final class SQLiteStore: CorpusStore {
    /// The database file.
    public let path: String
    private let pool: DatabasePool
    private let cache = WriterCache()

    /// Opens the corpus at `path`, creating the file and its tables when they do not exist.
    ///
    /// Throws ``StoreError`` `.cannotOpen` (naming the path) when the file cannot be opened or created, and
    /// `.incompatible` when it is not a database or was written by a newer Parallax (migrations this build does not
    /// know).
    public init(path: String) throws {
        self.path = path
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(10)
        config.label = "parallax"
        config.prepareDatabase { db in
            // A bigger page cache and memory-mapped reads: the grouping index is read and written for every
            // article; checkpoints every 16 MiB of WAL rather than 4 MiB (fewer rewrites of hot pages). The map
            // is 64 MiB: mapped pages count in the process's RSS, and 256 MiB gave no faster ingest at 100k
            // articles (5:29 and 665 MB peak against 5:15 and 489 MB, docs/BENCHMARKS.md).
            try db.execute(
                sql: """
                    PRAGMA synchronous = NORMAL; PRAGMA cache_size = -65536; PRAGMA mmap_size = 67108864;
                    PRAGMA wal_autocheckpoint = 4096
                    """)
        }
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty, !FileManager.default.isWritableFile(atPath: directory),
            !FileManager.default.fileExists(atPath: path)
        {
            throw StoreError(.cannotOpen, location: path, message: "cannot create a database in \(directory)")
        }
        do {
            pool = try DatabasePool(path: path, configuration: config)
            let migrator = SQLiteSchema.migrator
            try pool.write { db in
                if try migrator.hasBeenSuperseded(db) {
                    throw StoreError(
                        .incompatible, location: path,
                        message: "written by a newer Parallax (unknown migrations); upgrade Parallax to open it")
                }
            }
            try migrator.migrate(pool)
        } catch let error as StoreError {
            throw error
        } catch {
            throw Self.storeError(error, location: path, opening: true)
        }
    }

    public func write<T: Sendable>(_ body: @escaping @Sendable (any CorpusWriter) throws -> T) async throws -> T {
        let path = path
        let cache = cache
        return try await mapped {
            try await self.pool.write { db in
                do {
                    try cache.begin(db)
                    let result = try body(SQLiteTransaction(db: db, location: path, cache: cache))
                    try cache.finish(db)
                    return result
                } catch {
                    cache.reset()
                    throw error
                }
            }
        }
    }

    public func read<T: Sendable>(_ body: @escaping @Sendable (any CorpusReader) throws -> T) async throws -> T {
        let path = path
        return try await mapped { try await self.pool.read { db in try body(SQLiteTransaction(db: db, location: path)) } }
    }

    /// The annotation's binary, deflated form (``AnnotationCodec``), as `putArticle` stores it.
    public func storedForm(of annotation: ArticleAnnotation) throws -> Data? { try AnnotationCodec.encode(annotation) }

    private func mapped<T>(_ operation: () async throws -> T) async throws -> T {
        do { return try await operation() } catch { throw Self.storeError(error, location: path, opening: false) }
    }

    /// Maps a GRDB error to a ``StoreError`` naming the database; other errors (the caller's own) pass through.
    static func storeError(_ error: any Error, location: String, opening: Bool) -> any Error {
        guard let db = error as? DatabaseError else { return error }
        let message = db.message ?? "\(db.resultCode)"
        switch db.resultCode.primaryResultCode {
        case .SQLITE_NOTADB, .SQLITE_CORRUPT:
            return StoreError(.incompatible, location: location, message: "not a Parallax database: \(message)")
        case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_READONLY, .SQLITE_AUTH:
            return StoreError(opening ? .cannotOpen : .io, location: location, message: message)
        case .SQLITE_FULL:
            return StoreError(.io, location: location, message: "disk full: \(message)")
        case .SQLITE_CONSTRAINT, .SQLITE_MISMATCH, .SQLITE_RANGE:
            return StoreError(.invalidOperation, location: location, message: message)
        default:
            return StoreError(opening ? .cannotOpen : .io, location: location, message: message)
        }
    }
}
