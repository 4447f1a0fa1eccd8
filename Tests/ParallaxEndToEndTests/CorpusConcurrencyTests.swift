import Foundation
import ParallaxPostgres
import Testing

/// Several `parallax ingest` processes writing one PostgreSQL corpus at once (skipped without
/// `PARALLAX_TEST_POSTGRES`: run under scripts/test-postgres.sh).
extension CommandLineTests {
    static let postgresURL = ProcessInfo.processInfo.environment["PARALLAX_TEST_POSTGRES"].flatMap {
        $0.isEmpty ? nil : $0
    }

    /// What a corpus holds, as `parallax articles --format ndjson` lists it: each story's member set (story ids
    /// depend on which article founded a story, so they are left out) and every stored article id, in order.
    struct CorpusContents: Equatable {
        var stories: Set<Set<String>>
        var articleIDs: [String]
    }

    func contents(of db: String, in workspace: Workspace) throws -> CorpusContents {
        let run = try parallax(["articles", "--db", db, "--format", "ndjson"], in: workspace)
        #expect(run.status == 0, "\(run)")
        let rows = try run.lines(ArticleRow.self)
        var members: [String: Set<String>] = [:]
        for row in rows { members[row.story ?? "none", default: []].insert(row.id) }
        return CorpusContents(stories: Set(members.values), articleIDs: rows.map(\.id).sorted())
    }

    /// `--db` with a PostgreSQL URL that cannot be used fails with a message naming the URL, never its password.
    @Test func anUnreachablePostgresURLFailsWithoutShowingThePassword() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        for arguments in [["stories"], ["stats"], ["search", "dam"]] {
            let run = try parallax(arguments + ["--db", "postgres://ann:hunter2@127.0.0.1:1/corpus"], in: workspace)
            #expect(run.failedWithoutUsage, "\(run)")
            #expect(run.stderr.contains("postgres://ann@127.0.0.1:1/corpus"), "\(run)")
            #expect(!run.stderr.contains("hunter2"), "\(run)")
        }
        let malformed = try parallax(["stories", "--db", "postgres://ann:hunter2@"], in: workspace)
        #expect(malformed.failedWithoutUsage && !malformed.stderr.contains("hunter2"), "\(malformed)")
        #expect(!FileManager.default.fileExists(atPath: workspace.path("postgres:")))
    }

    @Test(.enabled(if: postgresURL != nil, "PARALLAX_TEST_POSTGRES is not set (run under scripts/test-postgres.sh)"))
    func concurrentIngestProcessesStoreEveryArticleOnceAndTheStoriesOfOneProcess() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.examples).sorted()
            .map { Self.examples + "/" + $0 }
        #expect(files.count >= 6)
        // Three overlapping parts that together hold every file; each file is in two parts.
        let parts = (0..<3).map { part in files.enumerated().filter { $0.offset % 3 != part }.map(\.element) }
        let base = try #require(Self.postgresURL.flatMap { URLComponents(string: $0) })
        func database(_ name: String) -> String {
            var url = base
            url.path = "/parallax_e2e_\(name)_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
            return url.string ?? ""
        }
        let shared = database("shared")
        let single = database("single")
        defer {
            let done = DispatchSemaphore(value: 0)
            Task {
                try? await PostgresStore.dropDatabase(url: shared)
                try? await PostgresStore.dropDatabase(url: single)
                done.signal()
            }
            done.wait()
        }

        // One article per transaction, so the processes' batches interleave.
        let runs = Locked<[Run]>([])
        DispatchQueue.concurrentPerform(iterations: parts.count) { n in
            let run = Result { try parallax(["ingest", "--db", shared, "--batch", "1", "--quiet"] + parts[n], in: workspace) }
            runs.withLock { $0.append((try? run.get()) ?? Run(status: -1, stdout: "", stderr: "\(run)")) }
        }
        for run in runs.value { #expect(run.status == 0, "\(run)") }

        let alone = try parallax(["ingest", "--db", single, "--quiet"] + files, in: workspace)
        #expect(alone.status == 0, "\(alone)")

        let together = try contents(of: shared, in: workspace)
        let reference = try contents(of: single, in: workspace)
        #expect(together.articleIDs.count >= 8)
        #expect(Set(together.articleIDs).count == together.articleIDs.count, "an article was stored twice")
        #expect(together == reference)
    }
}

/// A value shared by threads, behind a lock.
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value

    init(_ value: Value) { stored = value }

    func withLock<T>(_ body: (inout Value) -> T) -> T { lock.withLock { body(&stored) } }

    var value: Value { withLock { $0 } }
}
