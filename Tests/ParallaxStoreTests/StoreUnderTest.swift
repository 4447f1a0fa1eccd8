import Foundation
import ParallaxCore
import ParallaxPostgres
import ParallaxSQLite
import Testing

/// The drivers the conformance suite runs on.
enum StoreKind: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case memory, sqlite, postgres

    /// The server the PostgreSQL runs use (`scripts/test-postgres.sh` starts one and sets it), or `nil`.
    static let postgresURL = ProcessInfo.processInfo.environment["PARALLAX_TEST_POSTGRES"].flatMap {
        $0.isEmpty ? nil : $0
    }

    /// The kinds this run can test: PostgreSQL only with a server.
    static let available: [StoreKind] = postgresURL == nil ? [.memory, .sqlite] : allCases
    /// The kinds that keep a corpus after the store is closed.
    static let persistent: [StoreKind] = available.filter { $0 != .memory }

    var testDescription: String { rawValue }
}

/// A fresh, empty store of one kind: a new SQLite file in a temporary directory, or a new database on the test
/// PostgreSQL server. ``remove()`` deletes it.
final class StoreUnderTest: @unchecked Sendable {
    let kind: StoreKind
    /// The file path or the database URL (nil in memory).
    let address: String?
    private(set) var store: any CorpusStore

    private init(kind: StoreKind, address: String?, store: any CorpusStore) {
        self.kind = kind
        self.address = address
        self.store = store
    }

    static func make(_ kind: StoreKind) async throws -> StoreUnderTest {
        switch kind {
        case .memory:
            return StoreUnderTest(kind: kind, address: nil, store: InMemoryStore())
        case .sqlite:
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("parallax-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let path = directory.appendingPathComponent("corpus.sqlite").path
            return StoreUnderTest(kind: kind, address: path, store: try SQLiteStore(path: path))
        case .postgres:
            let url = try freshDatabaseURL()
            return StoreUnderTest(kind: kind, address: url, store: try await PostgresStore(url: url, createDatabase: true))
        }
    }

    /// A URL on the test server naming a database that does not exist yet.
    static func freshDatabaseURL() throws -> String {
        guard let base = StoreKind.postgresURL, var components = URLComponents(string: base) else {
            throw StoreError(.cannotOpen, location: "PARALLAX_TEST_POSTGRES", message: "not set")
        }
        components.path = "/parallax_test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        return components.string ?? base
    }

    /// The same corpus opened again (a new connection pool or file handle); not for memory.
    func reopen() async throws {
        switch kind {
        case .memory: break
        case .sqlite: store = try SQLiteStore(path: address ?? "")
        case .postgres:
            (store as? PostgresStore)?.close()
            store = try await PostgresStore(url: address ?? "")
        }
    }

    /// Another handle on the same corpus, as a second process would open it; the same store in memory.
    func another() async throws -> any CorpusStore {
        switch kind {
        case .memory: return store
        case .sqlite: return try SQLiteStore(path: address ?? "")
        case .postgres: return try await PostgresStore(url: address ?? "")
        }
    }

    /// Deletes the file or the database.
    func remove() async {
        guard let address else { return }
        switch kind {
        case .memory: break
        case .sqlite: try? FileManager.default.removeItem(atPath: (address as NSString).deletingLastPathComponent)
        case .postgres:
            (store as? PostgresStore)?.close()
            try? await PostgresStore.dropDatabase(url: address)
        }
    }

    /// What ``StoreError/location`` names for this store.
    var location: String {
        switch kind {
        case .memory: ":memory:"
        case .sqlite: address ?? ""
        case .postgres: address.flatMap { PostgresLocation(url: $0)?.description } ?? ""
        }
    }
}

/// Runs `body` on a fresh store of `kind` and removes it afterwards.
func withStore<T>(_ kind: StoreKind, _ body: (StoreUnderTest) async throws -> T) async throws -> T {
    let t = try await StoreUnderTest.make(kind)
    do {
        let result = try await body(t)
        await t.remove()
        return result
    } catch {
        await t.remove()
        throw error
    }
}
