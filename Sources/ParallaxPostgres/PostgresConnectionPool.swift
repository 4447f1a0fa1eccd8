import Foundation
import Logging
import ParallaxCore
import PostgresNIO

/// A small pool of PostgreSQL connections used synchronously: a transaction of ``PostgresStore`` runs on a
/// Dispatch thread (never an NIO event-loop thread), takes one connection for its whole life and waits on each
/// query's future. At most `capacity` connections are open; a caller beyond that waits for one to come back.
final class PostgresConnectionPool: @unchecked Sendable {
    let location: PostgresLocation
    private let configuration: PostgresConnection.Configuration
    private let logger: Logger
    private let capacity: Int
    private let condition = NSCondition()
    private var idle: [PostgresConnection] = []
    private var open = 0
    private var nextID = 0
    private var closed = false

    init(location: PostgresLocation, capacity: Int) throws {
        self.location = location
        self.capacity = max(1, capacity)
        var logger = Logger(label: "parallax.postgres")
        logger.logLevel = .critical
        self.logger = logger
        let tls: PostgresConnection.Configuration.TLS
        switch location.tls {
        case .disable: tls = .disable
        case .prefer, .require:
            let context = try NIOSSLContext(configuration: .makeClientConfiguration())
            tls = location.tls == .prefer ? .prefer(context) : .require(context)
        }
        var configuration = PostgresConnection.Configuration(
            host: location.host, port: location.port, username: location.username, password: location.password,
            database: location.database, tls: tls)
        configuration.options.connectTimeout = .seconds(10)
        self.configuration = configuration
    }

    deinit { shutdown() }

    /// Runs `body` with a connection of the pool, on the calling thread (which must not be an event loop).
    /// A connection that failed below SQL (closed, broken) is dropped rather than given back.
    func withConnection<T>(_ body: (PostgresSession) throws -> T) throws -> T {
        let connection = try acquire()
        let session = PostgresSession(connection: connection, logger: logger)
        defer { release(connection, broken: session.isBroken || connection.isClosed) }
        return try body(session)
    }

    /// Closes the idle connections; the pool opens no more.
    func shutdown() {
        condition.lock()
        closed = true
        let connections = idle
        idle.removeAll()
        open -= connections.count
        condition.unlock()
        for c in connections { Self.close(c) }
    }

    /// Closes a connection without waiting; the callback keeps it alive until it is closed (PostgresNIO requires
    /// a connection to be closed before it is released).
    private static func close(_ connection: PostgresConnection) {
        connection.close().whenComplete { _ in withExtendedLifetime(connection) {} }
    }

    private func acquire() throws -> PostgresConnection {
        condition.lock()
        while idle.isEmpty, open >= capacity, !closed { condition.wait() }
        if closed {
            condition.unlock()
            throw StoreError(.io, location: location.description, message: "the store is closed")
        }
        if let connection = idle.popLast() {
            condition.unlock()
            return connection
        }
        open += 1
        nextID += 1
        let id = nextID
        condition.unlock()
        do {
            return try PostgresConnection.connect(
                on: PostgresConnection.defaultEventLoopGroup.next(), configuration: configuration, id: id,
                logger: logger
            ).wait()
        } catch {
            condition.lock()
            open -= 1
            condition.signal()
            condition.unlock()
            throw error
        }
    }

    private func release(_ connection: PostgresConnection, broken: Bool) {
        condition.lock()
        let drop = broken || closed
        if drop { open -= 1 } else { idle.append(connection) }
        condition.signal()
        condition.unlock()
        if drop { Self.close(connection) }
    }
}

/// One connection, used synchronously by one transaction.
final class PostgresSession {
    let connection: PostgresConnection
    let logger: Logger
    /// Set when a query failed below SQL (the connection may be unusable).
    private(set) var isBroken = false

    init(connection: PostgresConnection, logger: Logger) {
        self.connection = connection
        self.logger = logger
    }

    /// Runs one statement and returns all its rows (callers bound their size with `LIMIT`).
    @discardableResult
    func query(_ sql: String, _ binds: PostgresBindings = PostgresBindings()) throws -> PostgresQueryResult {
        do {
            return try connection.query(PostgresQuery(unsafeSQL: sql, binds: binds), logger: logger).wait()
        } catch let error as PSQLError where error.code != .server {
            isBroken = true
            throw error
        }
    }

    /// Runs `body` in one transaction opened by `begin`, first taking the advisory lock `lock` (held until the
    /// end of the transaction) when given; commits, or rolls back when anything throws.
    func transaction<T>(_ begin: String, lock: Int64? = nil, _ body: () throws -> T) throws -> T {
        try query(begin)
        do {
            if let lock {
                var key = PostgresBindings()
                key.append(lock)
                try query("SELECT pg_advisory_xact_lock($1)", key)
            }
            let result = try body()
            try query("COMMIT")
            return result
        } catch {
            _ = try? query("ROLLBACK")
            throw error
        }
    }
}
