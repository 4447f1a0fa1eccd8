import Foundation
import ParallaxCore
import ParallaxStorage
import PostgresNIO

/// A ``CorpusStore`` on a PostgreSQL server (PostgresNIO): several processes may ingest into one corpus and serve
/// it at once.
///
/// Opened from a `postgres://user[:password]@host[:port]/database` URL (``PostgresLocation``). The tables, columns
/// and named migrations are those of the SQLite store, in PostgreSQL types (docs/SCHEMA.md); full-text search is a
/// `tsvector` column with a GIN index. Each transaction takes one connection from a small pool and runs its body
/// on a Dispatch thread, waiting on each query. A write transaction first takes `pg_advisory_xact_lock` on a fixed
/// key: writers, in any process, run one at a time, so a batch's grouping never interleaves with another's (reads
/// in a write transaction see every write committed before it). Reads run in `REPEATABLE READ READ ONLY`
/// transactions: a consistent snapshot that never waits for the writer.
public final class PostgresStore: CorpusStore {
    /// The server and database (its description has no password).
    public let location: PostgresLocation
    private let pool: PostgresConnectionPool
    private let cache = PostgresWriterCache()

    /// Connections kept at most (one per transaction running): twice the cores, between 4 and 16.
    public static let defaultPoolSize = min(16, max(4, 2 * ProcessInfo.processInfo.activeProcessorCount))

    /// Opens the corpus at `url`, creating its tables when they do not exist (and the database itself when
    /// `createDatabase` is set and the user may create one).
    ///
    /// Throws ``StoreError`` `.cannotOpen` (naming the URL without its password) when the URL is not a PostgreSQL
    /// URL or the server cannot be reached or refuses the login, and `.incompatible` when the database was written
    /// by a newer Parallax (migrations this build does not know) or holds other tables of the same names.
    public convenience init(url: String, createDatabase: Bool = false, poolSize: Int = defaultPoolSize) async throws
    {
        guard let location = PostgresLocation(url: url) else {
            throw StoreError(
                .cannotOpen, location: PostgresLocation.redacted(url),
                message: "not a PostgreSQL URL (postgres://user[:password]@host[:port]/database)")
        }
        try await self.init(location: location, createDatabase: createDatabase, poolSize: poolSize)
    }

    public init(location: PostgresLocation, createDatabase: Bool = false, poolSize: Int = defaultPoolSize) async throws {
        self.location = location
        do {
            pool = try PostgresConnectionPool(location: location, capacity: poolSize)
        } catch {
            throw StoreError(.cannotOpen, location: location.description, message: "TLS: \(error)")
        }
        let pool = pool
        do {
            try await Self.onDispatch {
                do {
                    try Self.migrate(pool)
                } catch let error as PSQLError where createDatabase && Self.sqlState(error) == "3D000" {
                    try Self.create(location)
                    try Self.migrate(pool)
                }
            }
        } catch {
            pool.shutdown()
            throw Self.storeError(error, location: location.description, opening: true)
        }
    }

    deinit { pool.shutdown() }

    /// Closes the pooled connections (a later transaction fails).
    public func close() { pool.shutdown() }

    public func write<T: Sendable>(_ body: @escaping @Sendable (any CorpusWriter) throws -> T) async throws -> T {
        let (pool, location, cache) = (pool, location.description, cache)
        return try await mapped {
            try pool.withConnection { session in
                try session.transaction("BEGIN", lock: PostgresSchema.writerLockKey) {
                    let transaction = PostgresTransaction(session: session, location: location, cache: cache)
                    do {
                        cache.begin(generation: try transaction.counter(PostgresTransaction.generationKey))
                        let result = try body(transaction)
                        try transaction.writePendingFrequencies()
                        let next: Int? = try transaction.rows(
                            """
                            INSERT INTO meta (key, value) VALUES ($1, '1')
                            ON CONFLICT (key) DO UPDATE SET value = (meta.value::bigint + 1)::text
                            RETURNING value::bigint
                            """, PostgresTransaction.generationKey
                        ).first?(0)
                        cache.finish(generation: next ?? 0)
                        return result
                    } catch {
                        cache.reset()
                        throw error
                    }
                }
            }
        }
    }

    public func read<T: Sendable>(_ body: @escaping @Sendable (any CorpusReader) throws -> T) async throws -> T {
        let (pool, location) = (pool, location.description)
        return try await mapped {
            try pool.withConnection { session in
                try session.transaction("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY") {
                    try body(PostgresTransaction(session: session, location: location))
                }
            }
        }
    }

    /// The annotation's binary, deflated form (``AnnotationCodec``), as `putArticle` stores it.
    public func storedForm(of annotation: ArticleAnnotation) throws -> Data? { try AnnotationCodec.encode(annotation) }

    /// Drops the database `url` names (its connections are ended first): for tests and tools that made one.
    public static func dropDatabase(url: String) async throws {
        guard let location = PostgresLocation(url: url) else {
            throw StoreError(.cannotOpen, location: PostgresLocation.redacted(url), message: "not a PostgreSQL URL")
        }
        do {
            try await onDispatch {
                let admin = try PostgresConnectionPool(location: location.with(database: "postgres"), capacity: 1)
                defer { admin.shutdown() }
                try admin.withConnection { session in
                    try session.query("DROP DATABASE IF EXISTS \(quoted(location.database)) WITH (FORCE)")
                }
            }
        } catch {
            throw storeError(error, location: location.description, opening: false)
        }
    }

    // MARK: Opening

    /// Applies the migrations this database lacks, under the migration lock, in one transaction.
    private static func migrate(_ pool: PostgresConnectionPool) throws {
        try pool.withConnection { session in
            try session.transaction("BEGIN", lock: PostgresSchema.migrationLockKey) {
                try session.query(PostgresSchema.createMigrationsTable)
                var applied = Set<String>()
                for row in try session.query("SELECT identifier FROM migrations").rows {
                    applied.insert(try row.decode(String.self))
                }
                let known = Set(PostgresSchema.migrations.map(\.name))
                if let unknown = applied.subtracting(known).sorted().first {
                    throw StoreError(
                        .incompatible, location: pool.location.description,
                        message: "written by a newer Parallax (unknown migration \(unknown)); upgrade Parallax to open it")
                }
                for migration in PostgresSchema.migrations where !applied.contains(migration.name) {
                    for statement in migration.statements { try session.query(statement) }
                    var name = PostgresBindings()
                    name.append(migration.name)
                    try session.query("INSERT INTO migrations (identifier) VALUES ($1)", name)
                }
            }
        }
    }

    /// Creates the database of `location` from the server's maintenance database; another process creating it at
    /// the same moment is fine.
    private static func create(_ location: PostgresLocation) throws {
        let admin = try PostgresConnectionPool(location: location.with(database: "postgres"), capacity: 1)
        defer { admin.shutdown() }
        try admin.withConnection { session in
            do {
                try session.query("CREATE DATABASE \(quoted(location.database)) ENCODING 'UTF8' TEMPLATE template0")
            } catch let error as PSQLError where ["42P04", "23505"].contains(sqlState(error)) {
                return  // created by someone else meanwhile
            }
        }
    }

    /// An SQL identifier, quoted.
    private static func quoted(_ identifier: String) -> String {
        "\"" + identifier.replacingOccurrences(of: "\u{0}", with: "").replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Runs blocking work on a Dispatch thread: not the caller's (a Swift concurrency thread must not block) and
    /// not an NIO event loop (whose futures it waits on).
    static func onDispatch<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(with: Result { try work() }) }
        }
    }

    private func mapped<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        let location = location.description
        do { return try await Self.onDispatch(work) } catch {
            throw Self.storeError(error, location: location, opening: false)
        }
    }

    // MARK: Errors

    static func sqlState(_ error: PSQLError) -> String? { error.serverInfo?[.sqlState] }

    /// Maps a PostgresNIO error to a ``StoreError`` naming the database; other errors (the caller's own, and
    /// ``StoreError``s) pass through.
    static func storeError(_ error: any Error, location: String, opening: Bool) -> any Error {
        guard let error = error as? PSQLError else { return error }
        let failure: StoreError.Kind = opening ? .cannotOpen : .io
        guard error.code == .server, let state = sqlState(error) else {
            let reason = error.underlying.map { "\($0)" } ?? error.code.description
            return StoreError(failure, location: location, message: "cannot reach the server: \(reason)")
        }
        let message = error.serverInfo?[.message] ?? "SQLSTATE \(state)"
        switch state.prefix(2) {
        case "28", "3D": return StoreError(.cannotOpen, location: location, message: message)
        case "23", "22": return StoreError(.invalidOperation, location: location, message: message)
        case "42" where state != "42501": return StoreError(.incompatible, location: location, message: message)
        case "XX" where state == "XX001" || state == "XX002":
            return StoreError(.corrupt, location: location, message: message)
        default: return StoreError(failure, location: location, message: message)
        }
    }
}
