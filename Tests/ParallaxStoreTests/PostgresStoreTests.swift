import Foundation
import ParallaxCore
import PostgresNIO
import Testing

@testable import ParallaxPostgres

/// What only the PostgreSQL driver does (the shared contract: ``CorpusStoreConformanceTests``). Tests that need a
/// server skip without `PARALLAX_TEST_POSTGRES`.
struct PostgresStoreTests {
    static let server = StoreKind.postgresURL != nil
    static let noServer: Comment = "PARALLAX_TEST_POSTGRES is not set (run under scripts/test-postgres.sh)"

    @Test func urlsParseAndPrintWithoutTheirPassword() throws {
        let full = try #require(PostgresLocation(url: "postgresql://ann:s%40cret@db.example:6543/news%20corpus?sslmode=require"))
        #expect(full.host == "db.example" && full.port == 6543 && full.username == "ann")
        #expect(full.password == "s@cret" && full.database == "news corpus" && full.tls == .require)
        #expect(!full.description.contains("cret"))
        #expect(full.description.hasPrefix("postgres://ann@db.example:6543/news%20corpus"))
        let plain = try #require(PostgresLocation(url: "postgres://127.0.0.1/corpus"))
        #expect(plain.port == 5432 && plain.username == "postgres" && plain.password == nil && plain.tls == .disable)
        let v6 = try #require(PostgresLocation(url: "postgres://u@[::1]:5433/c"))
        #expect(v6.host == "::1" && v6.description == "postgres://u@[::1]:5433/c")
        for bad in ["postgres://", "postgres://host", "postgres://host/", "postgres://host/a/b", "corpus.sqlite",
                    "postgres://h/db?sslmode=sometimes", "http://host/db"] {
            #expect(PostgresLocation(url: bad) == nil, "\(bad)")
        }
        #expect(PostgresLocation.isURL("PostgreSQL://x/y") && !PostgresLocation.isURL("./postgres://x"))
        #expect(PostgresLocation.redacted("postgres://ann:secret@h/db") == "postgres://ann@h/db")
        #expect(PostgresLocation.redacted("nonsense:secret@") == "nonsense:secret@")
    }

    @Test func aServerThatCannotBeReachedCannotOpenAndTheMessageHasNoPassword() async throws {
        // Port 1 on loopback: nothing listens there.
        let url = "postgres://ann:hunter2@127.0.0.1:1/corpus"
        await #expect { try await PostgresStore(url: url) } throws: { error in
            guard let e = error as? StoreError else { return false }
            return e.kind == .cannotOpen && e.location == "postgres://ann@127.0.0.1:1/corpus"
                && !e.description.contains("hunter2")
        }
        await #expect { try await PostgresStore(url: "postgres://ann:hunter2@/") } throws: { error in
            (error as? StoreError)?.kind == .cannotOpen && !"\(error)".contains("hunter2")
        }
    }

    @Test(.enabled(if: server, noServer))
    func aMissingDatabaseCannotOpenUnlessAskedToCreateIt() async throws {
        let url = try StoreUnderTest.freshDatabaseURL()
        await #expect { try await PostgresStore(url: url) } throws: { error in
            (error as? StoreError)?.kind == .cannotOpen
        }
        let store = try await PostgresStore(url: url, createDatabase: true)
        #expect(try await store.read { r in try r.meta("schema_version") } == "2")
        store.close()
        try await PostgresStore.dropDatabase(url: url)
    }

    @Test(.enabled(if: server, noServer))
    func aDatabaseFromANewerParallaxIsIncompatible() async throws {
        try await withStore(.postgres) { t in
            try await Self.execute(t.address ?? "", "INSERT INTO migrations (identifier) VALUES ('v99-future')")
            await #expect { try await PostgresStore(url: t.address ?? "") } throws: { error in
                (error as? StoreError)?.kind == .incompatible && (error as? StoreError)?.location == t.location
            }
        }
    }

    @Test(.enabled(if: server, noServer))
    func aDamagedAnnotationBlobIsCorrupt() async throws {
        try await withStore(.postgres) { t in
            let a = Fixture.annotation(id: "a-1", text: Fixture.text)
            try await t.store.write { w in try w.putArticle(a, record: Fixture.record(a)) }
            try await Self.execute(t.address ?? "", "UPDATE annotation SET blob = '\\x01ff00ff'::bytea")
            await #expect { try await t.store.read { r in try r.annotation(of: "a-1") } } throws: { error in
                (error as? StoreError)?.kind == .corrupt && (error as? StoreError)?.location == t.location
            }
        }
    }

    /// Writers of several stores (as of several processes) run one at a time: read-then-write transactions that
    /// race lose no update.
    @Test(.enabled(if: server, noServer))
    func writersOfSeveralProcessesRunOneAtATime() async throws {
        try await withStore(.postgres) { t in
            let stores = [t.store, try await t.another(), try await t.another()]
            let rounds = 10
            try await withThrowingTaskGroup(of: Void.self) { group in
                for store in stores {
                    group.addTask {
                        for _ in 0..<rounds {
                            try await store.write { w in
                                let n = Int(try w.meta("counter") ?? "0") ?? 0
                                Thread.sleep(forTimeInterval: 0.002)
                                try w.setMeta("counter", "\(n + 1)")
                            }
                        }
                    }
                }
                try await group.waitForAll()
            }
            let (counter, generation) = try await t.store.read { r in (try r.meta("counter"), try r.writeGeneration()) }
            #expect(counter == "\(stores.count * rounds)")
            #expect(generation == stores.count * rounds)
        }
    }

    /// Runs one statement on the database of `url` outside any store.
    static func execute(_ url: String, _ sql: String) async throws {
        let location = try #require(PostgresLocation(url: url))
        let configuration = PostgresConnection.Configuration(
            host: location.host, port: location.port, username: location.username, password: location.password,
            database: location.database, tls: .disable)
        let logger = Logger(label: "parallax.test")
        let connection = try await PostgresConnection.connect(configuration: configuration, id: 1, logger: logger)
        do {
            try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger)
        } catch {
            try? await connection.close()
            throw error
        }
        try await connection.close()
    }
}
