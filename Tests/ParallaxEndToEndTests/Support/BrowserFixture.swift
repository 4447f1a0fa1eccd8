import Foundation
import Testing

/// What the browser test runs against: `examples/corpus`, the hostile corpus and a big story ingested into a temporary database,
/// `parallax serve` on a free loopback port, and the ids of the stories and articles the checks load. Started once
/// for the suite by the `.browserFixture` trait and stopped when the suite ends, also when a check failed.
final class BrowserFixture: Sendable {
    @TaskLocal static var current: BrowserFixture?

    /// Whether the browser test should run: PARALLAX_BROWSER_TEST=1 and `chromium` on PATH.
    static let enabled = ProcessInfo.processInfo.environment["PARALLAX_BROWSER_TEST"] == "1" && Chromium.installed
    static let skipReason: Comment =
        "browser test off: set PARALLAX_BROWSER_TEST=1 with chromium on PATH (bash scripts/browser-test.sh does)"

    /// The bearer token the server is started with.
    static let token = "browser-test"

    let work: URL
    let http: LoopbackHTTP
    private let server: ChildProcess
    /// Placeholders in paths and selectors (`{dam}`) and the ids they stand for.
    let ids: [String: String]

    var base: String { "http://127.0.0.1:\(http.port)" }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    private init(work: URL, http: LoopbackHTTP, server: ChildProcess, ids: [String: String]) {
        self.work = work
        self.http = http
        self.server = server
        self.ids = ids
    }

    /// This package's root (the folder that holds `examples/`).
    static let root: URL? = {
        var directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while directory.path != "/" {
            if FileManager.default.fileExists(atPath: directory.appendingPathComponent("examples/outlets.json").path) {
                return directory
            }
            directory.deleteLastPathComponent()
        }
        return nil
    }()

    /// Ingests both corpora, starts the server and looks up the ids. Throws (and leaves nothing running) on failure.
    static func start() throws -> BrowserFixture {
        let binary = try #require(ParallaxBinary.url, "parallax executable not built: run `swift build` first")
        let root = try #require(Self.root, "examples/ not found above \(#filePath)")
        let fm = FileManager.default
        let work = fm.temporaryDirectory.appendingPathComponent("parallax-browser-\(UUID().uuidString)")
        try fm.createDirectory(at: work, withIntermediateDirectories: true)
        let hostile = work.appendingPathComponent("hostile.jsonl")
        try HostileCorpus.write(to: hostile)
        let big = work.appendingPathComponent("big.jsonl")
        try BigStoryCorpus.write(to: big)
        let database = work.appendingPathComponent("corpus.sqlite").path
        let outlets = root.appendingPathComponent("examples/outlets.json").path
        let ingest = try ChildProcess.spawn(
            binary.path,
            [
                "ingest", "--db", database, "--outlets", outlets, "-q",
                root.appendingPathComponent("examples/corpus").path,
                hostile.path, big.path,
            ],
            stderr: work.appendingPathComponent("ingest.log").path)
        guard ingest.wait(timeout: 120) == 0 else {
            throw Failure(description: "parallax ingest failed: \(log(work, "ingest.log"))")
        }
        let port = try LoopbackHTTP.freePort()
        let server = try ChildProcess.spawn(
            binary.path,
            [
                "serve", "--db", database, "--outlets", outlets, "--host", "127.0.0.1", "--port", "\(port)", "--token",
                token,
            ],
            stdout: work.appendingPathComponent("server.log").path,
            stderr: work.appendingPathComponent("server.err").path)
        let http = LoopbackHTTP(port: port)
        do {
            try waitUntilServing(http)
            let ids = try lookUpIDs(http)
            return BrowserFixture(work: work, http: http, server: server, ids: ids)
        } catch {
            server.stop()
            throw Failure(description: "\(error); server said: \(log(work, "server.err"))")
        }
    }

    /// Stops the server and removes the temporary folder.
    func stop() {
        server.stop()
        try? FileManager.default.removeItem(at: work)
    }

    /// `text` with each `{name}` replaced by its id.
    func resolve(_ text: String) -> String {
        ids.reduce(text) { $0.replacingOccurrences(of: "{\($1.key)}", with: $1.value) }
    }

    /// A fresh directory for one Chromium profile.
    func profile() -> URL {
        work.appendingPathComponent("profile-\(UUID().uuidString)")
    }

    /// The DOM of `url` after its scripts ran (`chromium --dump-dom`), as Chromium serialized it.
    func dumpDOM(_ url: String) throws -> DumpedPage {
        let out = work.appendingPathComponent("dom-\(UUID().uuidString).html")
        let chromium = try ChildProcess.spawn(
            "chromium",
            Chromium.flags + ["--user-data-dir=\(profile().path)", "--virtual-time-budget=3000", "--dump-dom", url],
            stdout: out.path)
        guard chromium.wait(timeout: 60) == 0 else { throw Failure(description: "chromium --dump-dom \(url) failed") }
        return DumpedPage(try String(contentsOf: out, encoding: .utf8))
    }

    private static func waitUntilServing(_ http: LoopbackHTTP) throws {
        for _ in 0..<150 {
            if (try? http.request("/api/stats", timeout: 2))?.status == 200 { return }
            usleep(100_000)
        }
        throw Failure(description: "the server did not start")
    }

    /// Ids: the examples' dam story, the hostile story and two of its articles, the Arabic story and article, the
    /// big story.
    private static func lookUpIDs(_ http: LoopbackHTTP) throws -> [String: String] {
        func story(_ words: String) throws -> String {
            let list = try http.json("/api/stories?q=\(percentEncoded(words))") as? [String: Any]
            guard let first = (list?["stories"] as? [[String: Any]])?.first, let id = first["id"] else {
                throw Failure(description: "no story for \(words)")
            }
            return "\(id)"
        }
        func article(of story: String, titled words: String) throws -> String {
            let report = try http.json("/api/stories/\(story)") as? [String: Any]
            let articles = report?["articles"] as? [[String: Any]] ?? []
            guard let found = articles.first(where: { ($0["title"] as? String ?? "").contains(words) }),
                let id = found["id"]
            else { throw Failure(description: "no article \(words) in story \(story)") }
            return "\(id)"
        }
        let brenmoor = try story("Brenmoor")
        let arabicStory = try story("برينمور")
        return [
            "dam": try story("Harlow"), "brenmoor": brenmoor,
            "gazette": try article(of: brenmoor, titled: "Brenmoor bridge collapses"),
            "post": try article(of: brenmoor, titled: "Bridge collapse in Brenmoor"),
            "arabicStory": arabicStory, "arabic": try article(of: arabicStory, titled: "برينمور"),
            "big": try story("Kelmora"),
        ]
    }

    private static func log(_ work: URL, _ name: String) -> String {
        String(decoding: (try? Data(contentsOf: work.appendingPathComponent(name))) ?? Data(), as: UTF8.self)
    }

    /// Percent-encodes everything but ASCII letters, digits and `-._~` (UTF-8 bytes, as a query wants).
    static func percentEncoded(_ text: String) -> String {
        text.utf8.map { byte in
            let unreserved =
                (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
                || [UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~")].contains(byte)
            return unreserved ? String(UnicodeScalar(byte)) : String(format: "%%%02X", byte)
        }.joined()
    }
}

/// Runs a suite inside one `BrowserFixture` (started before its first test, stopped after its last).
struct BrowserFixtureTrait: SuiteTrait, TestScoping {
    var isRecursive: Bool { false }

    func provideScope(
        for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void
    ) async throws {
        let fixture = try BrowserFixture.start()
        defer { fixture.stop() }
        try await BrowserFixture.$current.withValue(fixture) { try await function() }
    }
}

extension Trait where Self == BrowserFixtureTrait {
    /// Starts `parallax serve` over the browser test's corpora for the suite.
    static var browserFixture: Self { Self() }
}
