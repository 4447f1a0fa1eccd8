import Foundation
import Testing

@testable import ParallaxIngest

struct IngestorTests {
    /// A temporary directory tree, removed when the test ends.
    final class Tree {
        let root: URL
        init(_ files: [String: [UInt8]]) throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("ingestor-\(UUID())")
            for (path, bytes) in files {
                let url = root.appendingPathComponent(path)
                try FileManager.default.createDirectory(
                    at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(bytes).write(to: url)
            }
        }
        deinit { try? FileManager.default.removeItem(at: root) }
        func path(_ p: String) -> String { root.appendingPathComponent(p).path }
    }

    static func text(_ s: String) -> [UInt8] { Array(s.utf8) }

    /// The file name (and line) an article was read from: `two.txt`, `three.jsonl:1`.
    static func name(_ a: Article) -> String { (a.source as NSString).lastPathComponent }

    @Test func walksDirectoriesSortedSkippingHiddenFiles() throws {
        let tree = try Tree([
            "b/two.txt": Self.text("Second story text, the officials said."),
            "a.txt": Self.text("First story text, the officials said."),
            ".hidden.txt": Self.text("Hidden text."),
            ".git/c.txt": Self.text("Hidden directory text."),
            "b/c/three.jsonl": Self.text(#"{"text": "Third story text."}"#),
        ])
        let result = Ingestor().ingest(paths: [tree.root.path])
        #expect(result.issues.isEmpty)
        #expect(result.articles.map(Self.name) == ["a.txt", "three.jsonl:1", "two.txt"])
    }

    @Test func missingPathsAndUnknownFormatsAreIssues() throws {
        let tree = try Tree(["page.html": Self.text("<html><body><p>Hi</p></body></html>")])
        let result = Ingestor(readers: Ingestor.defaultReaders()).ingest(paths: ["/no/such/file.txt", tree.path("page.html")])
        #expect(result.articles.isEmpty)
        #expect(result.issues.map(\.input) == ["/no/such/file.txt", tree.path("page.html")])
        #expect(result.issues.map(\.kind) == [.unreadable, .noReader])
        #expect(result.issues[1].message.contains("no html reader"))
    }

    @Test func idsComeFromTheArticleNotTheFileOrTheRun() throws {
        let tree = try Tree([
            "x/story.txt": Self.text("One text of the story, said the mayor."),
            "y/story.txt": Self.text("Another text of the story, said the mayor."),
            "z/copy.txt": Self.text("One  text of the story, said the mayor.\n"),
            "w/linked.txt": Self.text("https://Example.com/a?utm_source=x\n\nA linked text, said the mayor."),
            "v/other.jsonl": Self.text(#"{"url": "https://example.com/a#top", "text": "Other words, said the mayor."}"#),
        ])
        let result = Ingestor().ingest(paths: [tree.root.path])
        #expect(result.articles.count == 5)
        // Same cleaned text: same article, whatever the file is called; no "-2" suffixes.
        let byPath = Dictionary(uniqueKeysWithValues: result.articles.map { ($0.source, $0.id) })
        #expect(byPath[tree.path("z/copy.txt")] == byPath[tree.path("x/story.txt")])
        #expect(byPath[tree.path("y/story.txt")] != byPath[tree.path("x/story.txt")])
        // Same canonical URL: same article, whatever the text.
        #expect(byPath[tree.path("w/linked.txt")] == byPath[tree.path("v/other.jsonl") + ":1"])
        #expect(byPath[tree.path("w/linked.txt")]?.hasPrefix("u") == true)
        #expect(byPath[tree.path("x/story.txt")]?.hasPrefix("t") == true)
        // The same run again gives the same ids.
        #expect(Ingestor().ingest(paths: [tree.root.path]).articles.map(\.id) == result.articles.map(\.id))
    }

    @Test func detectsFormatByContentAndAcceptsGzip() throws {
        let jsonl = try #require(Gzip.compress(Self.text(#"{"id": "g1", "text": "Zipped article text."}"#)))
        let tree = try Tree(["batch.jsonl.gz": jsonl, "noext": Self.text(#"{"text": "Sniffed as JSON Lines."}"#)])
        let result = Ingestor().ingest(paths: [tree.path("batch.jsonl.gz"), tree.path("noext")])
        #expect(result.issues.isEmpty)
        #expect(result.articles.map(\.text) == ["Zipped article text.", "Sniffed as JSON Lines."])
    }

    @Test func forcedFormatOverridesDetection() throws {
        let tree = try Tree(["notes.jsonl": Self.text(#"{"text": "Read as plain text, braces and all."}"#)])
        let result = Ingestor(format: .text).ingest(paths: [tree.path("notes.jsonl")])
        #expect(result.articles.first.map(Self.name) == "notes.jsonl")
        #expect(result.articles.first?.text.hasPrefix("{") == true)
    }

    @Test func extraReadersArePluggable() throws {
        struct FakeHTMLReader: ArticleReader {
            func read(_ input: InputSource, emit: (IngestEvent) -> Void) throws(IngestIssue) {
                emit(.article(Article(id: "html", source: input.name, text: "From HTML.")))
            }
        }
        let tree = try Tree(["p.html": Self.text("<html></html>")])
        var readers = Ingestor.defaultReaders()
        readers[.html] = FakeHTMLReader()
        let result = Ingestor(readers: readers).ingest(paths: [tree.path("p.html")])
        #expect(result.articles.map(\.text) == ["From HTML."])
    }

    @Test func unreadableAndBinaryFilesDoNotStopTheRun() throws {
        let tree = try Tree([
            "1.txt": [0x00, 0x01, 0x02, 0x00, 0xFE, 0xFF, 0x00, 0x07],
            "2.txt": Self.text("Good article text, the spokesman said."),
        ])
        let result = Ingestor().ingest(paths: [tree.root.path])
        #expect(result.articles.map(Self.name) == ["2.txt"])
        #expect(result.issues.map(\.input) == [tree.path("1.txt")])
        #expect(result.issues.map(\.kind) == [.binary])
    }

    @Test func specialFilesAndBrokenLinksInADirectoryAreSkippedWithAnIssue() throws {
        let tree = try Tree(["a.txt": Self.text("The bridge reopened on Friday, the mayor said.")])
        #expect(mkfifo(tree.path("pipe.txt"), 0o644) == 0)
        try FileManager.default.createSymbolicLink(atPath: tree.path("x.txt"), withDestinationPath: "y.txt")
        try FileManager.default.createSymbolicLink(atPath: tree.path("y.txt"), withDestinationPath: "x.txt")
        try FileManager.default.createSymbolicLink(atPath: tree.path("gone.txt"), withDestinationPath: "nowhere")
        try FileManager.default.createSymbolicLink(atPath: tree.path("self"), withDestinationPath: ".")
        let result = Ingestor().ingest(paths: [tree.root.path])
        #expect(result.articles.map(Self.name) == ["a.txt"])
        let messages = Dictionary(uniqueKeysWithValues: result.issues.map { ($0.input, $0.message) })
        #expect(messages[tree.path("pipe.txt")]?.contains("not a regular file") == true)
        #expect(messages[tree.path("x.txt")]?.contains("symbolic link loop") == true)
        #expect(messages[tree.path("gone.txt")]?.contains("broken symbolic link") == true)
        let kinds = Dictionary(uniqueKeysWithValues: result.issues.map { ($0.input, $0.kind) })
        #expect(kinds[tree.path("pipe.txt")] == .notRegularFile)
        #expect(kinds[tree.path("gone.txt")] == .unreadable)
    }

    @Test func parallelReadingKeepsInputOrder() throws {
        var files: [String: [UInt8]] = [:]
        for n in 0..<12 { files[String(format: "%02d.txt", n)] = Self.text("Story number \(n) was told, officials said.") }
        files["05.txt"] = []
        // A file of `streamedBytes` is read alone, between the batches, still in order.
        files["07.txt"] = [UInt8](repeating: 0x20, count: Ingestor.streamedBytes)
        let tree = try Tree(files)
        var events: [String] = []
        Ingestor().ingest(paths: [tree.root.path], jobs: 3) { event in
            switch event {
            case .article(let a): events.append(String(Self.name(a).dropLast(4)))
            case .issue(let i): events.append("issue:" + (i.input as NSString).lastPathComponent)
            }
        }
        #expect(events == ["00", "01", "02", "03", "04", "issue:05.txt", "06", "issue:07.txt", "08", "09", "10", "11"])
    }
}
