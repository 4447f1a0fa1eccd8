import Foundation
import GRDB
import ParallaxCore
import ParallaxStorage
import Testing

@testable import ParallaxSQLite

/// A SQLite store in a fresh temporary directory, removed with the value.
final class TemporaryStore: @unchecked Sendable {
    let directory: URL
    let path: String
    let store: SQLiteStore

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("parallax-sqlite-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        path = directory.appendingPathComponent("corpus.sqlite").path
        store = try SQLiteStore(path: path)
    }

    deinit { try? FileManager.default.removeItem(at: directory) }
}

/// What only the SQLite driver does (the shared contract: ``CorpusStoreConformanceTests``).
struct SQLiteStoreTests {
    @Test func blobDoesNotRepeatTheTextAndIsSmallerThanJSON() throws {
        let text = Array(repeating: Fixture.text, count: 20).joined(separator: "\n")
        let annotation = Fixture.annotation(id: "a-1", text: text)
        let blob = try AnnotationCodec.encode(annotation)
        let json = try JSONEncoder().encode(annotation)
        #expect(blob.count * 10 < json.count)
        #expect(try AnnotationCodec.decode(blob, text: text) == annotation)
        // Any damage is a thrown error, never a trap.
        var damaged = blob
        damaged[damaged.count / 2] ^= 0xFF
        #expect(throws: (any Error).self) { try AnnotationCodec.decode(damaged, text: text) }
        #expect(throws: (any Error).self) { try AnnotationCodec.decode(Data(blob.prefix(5)), text: text) }
        #expect(throws: (any Error).self) { try AnnotationCodec.decode(Data(), text: text) }
    }

    @Test func jsonListsOfStringsRoundTrip() throws {
        let values = ["a\"b", "c\\d", "e\u{1}f\u{1F}", "東京\n\t\r", "", "🙂 é"]
        let json = SQLiteTransaction.json(values)
        #expect(try JSONDecoder().decode([String].self, from: Data(json.utf8)) == values)
        #expect(SQLiteTransaction.json([]) == "[]")
    }

    @Test func annotationDecodesAgainstAShorterTextWithoutTrapping() throws {
        let annotation = Fixture.annotation(id: "a-1", text: Fixture.text)
        let blob = try AnnotationCodec.encode(annotation)
        #expect(throws: (any Error).self) { try AnnotationCodec.decode(blob, text: "short") }
    }

    @Test func aFileThatIsNotADatabaseIsIncompatible() throws {
        let t = try TemporaryStore()
        let path = t.directory.appendingPathComponent("notes.sqlite").path
        try Data(repeating: 0x41, count: 8192).write(to: URL(fileURLWithPath: path))
        do {
            _ = try SQLiteStore(path: path)
            Issue.record("opened a text file as a database")
        } catch let error as StoreError {
            #expect(error.kind == .incompatible)
            #expect(error.location == path)
        }
    }

    @Test func aDatabaseFromANewerParallaxIsIncompatible() throws {
        let t = try TemporaryStore()
        let queue = try DatabaseQueue(path: t.path)
        try queue.write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-future')")
        }
        try queue.close()
        #expect { try SQLiteStore(path: t.path) } throws: { error in
            (error as? StoreError)?.kind == .incompatible && (error as? StoreError)?.location == t.path
        }
    }

    @Test func aVersionOneDatabaseIsUpgradedInPlaceKeepingItsRows() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("v1-\(UUID().uuidString).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let queue = try DatabaseQueue(path: path)
        try SQLiteSchema.migrator.migrate(queue, upTo: "v1-corpus")
        try queue.close()
        let store = try SQLiteStore(path: path)
        let a = Fixture.annotation(id: "a-1", text: Fixture.text, outlet: "Herald")
        try await store.write { w in
            _ = try w.createStory(StoryRecord(id: "s-1", title: "t", articleCount: 1), state: StoryGroupingState(size: 1))
            try w.putArticle(a, record: Fixture.record(a, story: "s-1"))
        }
        let (version, found) = try await store.read { r in
            (try r.meta("schema_version"), try r.stories(StoryFilter(search: "dam")).map(\.id))
        }
        #expect(version == "2")
        #expect(found == ["s-1"])
    }

    @Test func aPathThatCannotBeCreatedCannotOpen() throws {
        let path = "/nonexistent-\(UUID().uuidString)/corpus.sqlite"
        #expect { try SQLiteStore(path: path) } throws: { error in
            guard let e = error as? StoreError else { return false }
            return e.kind == .cannotOpen && e.location == path && e.description.contains(path)
        }
    }

    @Test func aDamagedAnnotationBlobIsCorrupt() async throws {
        let t = try TemporaryStore()
        let a = Fixture.annotation(id: "a-1", text: Fixture.text)
        try await t.store.write { w in try w.putArticle(a, record: Fixture.record(a)) }
        let queue = try DatabaseQueue(path: t.path)
        try await queue.write { db in try db.execute(sql: "UPDATE annotation SET blob = x'01ff00ff'") }
        try queue.close()
        await #expect { try await t.store.read { r in try r.annotation(of: "a-1") } } throws: { error in
            (error as? StoreError)?.kind == .corrupt && (error as? StoreError)?.location == t.path
        }
    }
}
