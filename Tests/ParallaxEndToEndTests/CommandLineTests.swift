import Foundation
import ParallaxIngest
import Testing

/// Runs the built `parallax` executable on inputs written into a temporary directory: bad input of every kind
/// mixed with good articles, every output format, standard input, `--output`, and `parallax extract`.
///
/// The product rule checked here: bad input gets a warning on standard error naming the input (and line or
/// record), costs nothing else (the good articles are all read and analysed), never crashes or hangs, and
/// `parallax analyze` fails only when nothing at all could be read.
@Suite(.enabled(if: ParallaxBinary.url != nil, "parallax executable not built: run `swift build` first"))
struct CommandLineTests {
    /// What one run of `parallax` did.
    struct Run: CustomStringConvertible {
        var status: Int32
        var stdout: String
        var stderr: String
        /// The process was killed after hanging.
        var hung = false

        var description: String { "exit \(status)\(hung ? " (hung)" : "")\nstderr:\n\(stderr)" }

        /// Standard output as the JSON report of `analyze --format json`; throws when it is not one.
        var report: JSONReport {
            get throws { try JSONDecoder().decode(JSONReport.self, from: Data(stdout.utf8)) }
        }

        /// Readable names of the articles in the JSON report (``CommandLineTests/name(of:)``): ids are hashes of
        /// content. Throws when standard output is not a report.
        var articleNames: Set<String> {
            get throws { Set(try report.articles.map(CommandLineTests.name(of:))) }
        }

        /// Standard output decoded as `T` a line (NDJSON); throws at the first line that is not a `T`.
        func lines<T: Decodable>(_ type: T.Type) throws -> [T] {
            try stdout.split(separator: "\n").map { try JSONDecoder().decode(T.self, from: Data($0.utf8)) }
        }

        /// Whether the run failed the way a bad file or an empty input should: exit status 1, without the usage
        /// text meant for mistakes in the arguments.
        var failedWithoutUsage: Bool { status == 1 && !hung && !stderr.contains("Usage:") }
    }

    /// A readable name for an article: the last path component of its URL for an item of a feed or an archive,
    /// else the stem of the file it was read from, with the line for JSON Lines (`lines:3`).
    static func name(of article: JSONReport.Article) -> String {
        name(source: article.source, url: article.url)
    }

    static func name(source: String, url: String?) -> String {
        if source.contains("#"), let url { return (url as NSString).lastPathComponent }
        var file = (source as NSString).lastPathComponent
        var line = ""
        if let colon = file.lastIndex(of: ":"), Int(file[file.index(after: colon)...]) != nil {
            line = String(file[colon...])
            file = String(file[..<colon])
        }
        if file.hasSuffix(".gz") { file = String(file.dropLast(3)) }
        if let dot = file.firstIndex(of: "."), dot != file.startIndex { file = String(file[..<dot]) }
        return file + line
    }

    /// One NDJSON line of `analyze --format ndjson`: the report line, an article, story or issue object with its
    /// `type`.
    struct ReportLine: Decodable {
        var type: String
    }

    /// One record of `parallax extract`.
    struct ExtractedArticle: Decodable {
        var id: String
        var source: String
        var title: String?
        var url: String?
        var text: String
    }

    /// Exit status of a run that failed (nothing could be read, a bad data file or output).
    static let failure: Int32 = 1
    /// Exit status of a mistake in the arguments (Argument Parser's validation failure, with the usage text).
    static let usageError: Int32 = 64

    /// Runs `parallax` with `arguments`, standard input from `stdin` (empty when nil), outputs captured in files.
    /// A run still going after `limit` seconds (default two minutes) is killed and marked `hung`.
    func parallax(
        _ arguments: [String], stdin: [UInt8] = [], in workspace: Workspace, limit: TimeInterval = 120
    ) throws -> Run {
        let executable = try #require(ParallaxBinary.url)
        let id = UUID().uuidString
        let inPath = workspace.url.appendingPathComponent(".stdin-\(id)")
        let outPath = workspace.url.appendingPathComponent(".stdout-\(id)")
        let errPath = workspace.url.appendingPathComponent(".stderr-\(id)")
        try Data(stdin).write(to: inPath)
        _ = FileManager.default.createFile(atPath: outPath.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errPath.path, contents: nil)
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.standardInput = try FileHandle(forReadingFrom: inPath)
        process.standardOutput = try FileHandle(forWritingTo: outPath)
        process.standardError = try FileHandle(forWritingTo: errPath)
        try process.run()
        var hung = false
        let deadline = Date().addingTimeInterval(limit)
        while process.isRunning {
            if Date() > deadline {
                hung = true
                process.terminate()
                break
            }
            usleep(10_000)
        }
        process.waitUntilExit()
        let out = try Data(contentsOf: outPath)
        let err = try Data(contentsOf: errPath)
        return Run(
            status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
            stderr: String(decoding: err, as: UTF8.self), hung: hung)
    }

    // MARK: - Inputs

    /// A temporary directory for one test's inputs.
    struct Workspace: Sendable {
        let url: URL

        init() throws {
            url = FileManager.default.temporaryDirectory.appendingPathComponent("parallax-cli-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        }

        func path(_ name: String) -> String { url.appendingPathComponent(name).path }

        @discardableResult
        func write(_ name: String, _ bytes: [UInt8]) throws -> String {
            let file = url.appendingPathComponent(name)
            try FileManager.default.createDirectory(
                at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: file)
            return file.path
        }

        @discardableResult
        func write(_ name: String, _ text: String) throws -> String { try write(name, Array(text.utf8)) }

        func remove() {
            // Undo permission changes so the directory can be removed.
            if let all = FileManager.default.enumerator(atPath: url.path)?.allObjects as? [String] {
                for relative in all { chmod(path(relative), 0o755) }
            }
            try? FileManager.default.removeItem(at: url)
        }
    }

    /// Two small invented articles on different events, as plain text: `good-bridge.txt`, `good-library.txt`.
    static let goodArticles: [(name: String, text: String)] = [
        (
            "good-bridge.txt",
            """
            date 2024-03-12
            Harbor bridge reopens after six weeks of repairs

            The harbor bridge in Lindenport reopened on Tuesday after six weeks of repairs, city officials said.

            "Traffic is flowing again and the ferries can rest," Mayor Ana Ruiz told reporters at the bridge.

            Engineers replaced corroded cables and resurfaced the deck, according to the city transport office, \
            which put the cost at four million euros.

            """
        ),
        (
            "good-library.txt",
            """
            date 2024-03-13
            Library extends opening hours in Brenholt

            The public library in Brenholt will stay open until ten in the evening on weekdays from April, the \
            council announced on Wednesday.

            Librarian Tomas Veld said the change followed a survey in which most readers asked for evening hours.

            The council said the extra hours would be paid for from the culture budget.

            """
        ),
    ]
    static let goodNames: Set<String> = ["good-bridge", "good-library"]

    /// A workspace holding the two good articles.
    func workspaceWithGoodArticles() throws -> Workspace {
        let workspace = try Workspace()
        for article in Self.goodArticles { try workspace.write(article.name, article.text) }
        return workspace
    }

    /// An invented HTML page.
    static func page(_ title: String, _ paragraphs: [String], published: String = "2024-03-14") -> String {
        let body = paragraphs.map { "<p>\($0)</p>" }.joined(separator: "\n")
        return """
            <!DOCTYPE html><html lang="en"><head><title>\(title)</title>
            <meta property="article:published_time" content="\(published)T09:00:00Z">
            <script>var tracker = 1;</script></head>
            <body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
            <article><h1>\(title)</h1>
            \(body)
            </article><footer>Contact us</footer></body></html>
            """
    }

    static let ferryPage = page(
        "Ferry service resumes on the northern route",
        [
            "The ferry service on the northern route resumed on Thursday after a storm damaged the pier in Oskvik.",
            "Harbour master Lena Brandt said the repaired pier could take the largest vessels again.",
            "Passengers had used buses through the mountains for nine days, the operator said in a statement.",
        ])

    static let marketPage = page(
        "Farmers market moves to the old station square",
        [
            "The weekly farmers market in Tallby will move to the old station square next month, the town said.",
            "Stall holders had asked for more space and a roof against the rain, market manager Ivo Stern said.",
            "The town council approved the move on Monday without a vote against it.",
        ])

    // MARK: - Bad input, each kind mixed with the two good articles

    /// One kind of bad input: how to make it, what standard error must say about it, and which articles it may
    /// still yield.
    struct BadInput: Sendable, CustomTestStringConvertible {
        var label: String
        /// The name standard error must mention (a file name).
        var name: String
        /// Further words standard error must contain (a line or record, a reason).
        var mentions: [String] = []
        /// Article ids the input still yields besides the good articles.
        var yields: Set<String> = []
        /// Whether a warning is expected at all (damaged but readable text is read silently).
        var reported = true
        var make: @Sendable (Workspace) throws -> Void

        var testDescription: String { label }
    }

    static let badInputs: [BadInput] = [
        BadInput(label: "binary junk named .html", name: "junk.html", mentions: ["binary"]) { w in
            var junk: [UInt8] = []
            var state: UInt32 = 12345
            for _ in 0..<20_000 {
                state = state &* 1_103_515_245 &+ 12345
                junk.append(UInt8(truncatingIfNeeded: state >> 16))
            }
            try w.write("junk.html", junk)
        },
        BadInput(label: "mostly invalid UTF-8 text", name: "garbage.txt", mentions: ["not text"]) { w in
            var bytes: [UInt8] = []
            var state: UInt32 = 777
            for _ in 0..<5_000 {
                state = state &* 1_103_515_245 &+ 12345
                bytes.append(0x80 | UInt8(truncatingIfNeeded: state >> 16))
                if bytes.count % 40 == 0 { bytes.append(0x0A) }
            }
            try w.write("garbage.txt", bytes)
        },
        BadInput(
            label: "a few invalid UTF-8 bytes in text", name: "damaged.txt", yields: ["damaged"], reported: false
        ) { w in
            var bytes = Array(
                "Café owners in Marlow protest new parking rules\n\nCafé owners in Marlow protested on Friday ".utf8)
            bytes += [0xFF, 0xFE]
            bytes += Array("against parking rules that they say keep customers away from the old town.\n\n".utf8)
            bytes += Array("The town council said the rules would be reviewed in the autumn after a survey.\n".utf8)
            try w.write("damaged.txt", bytes)
        },
        BadInput(label: "text in a legacy non-Latin encoding", name: "legacy.txt", mentions: ["encoding"]) { w in
            // Windows-1251 Cyrillic: lowercase letters are 0xE0-0xFF, which Windows-1252 would turn into mojibake.
            var bytes: [UInt8] = []
            var state: UInt32 = 99
            for word in 0..<400 {
                for _ in 0..<(3 + word % 6) {
                    state = state &* 1_103_515_245 &+ 12345
                    bytes.append(0xE0 + UInt8(truncatingIfNeeded: state >> 16) % 32)
                }
                bytes += word % 12 == 11 ? [0x2E, 0x0A] : [0x20]
            }
            try w.write("legacy.txt", bytes)
        },
        BadInput(label: "empty text file", name: "empty.txt", mentions: ["empty"]) { w in
            try w.write("empty.txt", [])
        },
        BadInput(label: "blank text file", name: "blank.txt", mentions: ["empty"]) { w in
            try w.write("blank.txt", "   \n\n\t\n")
        },
        BadInput(label: "XML that is not a feed", name: "settings.xml", mentions: ["feed"]) { w in
            try w.write(
                "settings.xml",
                "<?xml version=\"1.0\"?>\n<settings><option name=\"a\">1</option><option name=\"b\">2</option>"
                    + "</settings>\n")
        },
        BadInput(label: "feed that is not XML", name: "news.rss", mentions: ["XML"]) { w in
            try w.write("news.rss", "this is not a feed at all { \"items\": [ } <<<\n")
        },
        BadInput(label: "truncated gzip", name: "cut.txt.gz", mentions: ["decompress"]) { w in
            let text = Array(String(repeating: "A truncated article about the harbor. ", count: 200).utf8)
            let gz = CLIFixture.gzip(text)
            try w.write("cut.txt.gz", Array(gz.prefix(gz.count / 2)))
        },
        BadInput(
            label: "JSONL gzip truncated midway", name: "cut.jsonl.gz", mentions: ["decompress"],
            yields: ["cut:1", "cut:2"]
        ) { w in
            let lines = [
                CLIFixture.jsonLine(id: "gz-one", title: "Port strike ends after talks",
                    text: "Dock workers in Velden ended their strike on Friday after talks with the port authority."),
                CLIFixture.jsonLine(id: "gz-two", title: "New tram line opens",
                    text: "The new tram line between the university and the main station opened on Saturday."),
                CLIFixture.jsonLine(id: "gz-three", title: "Long record cut in the middle",
                    text: CLIFixture.prose(bytes: 4_000)),
            ]
            let gz = CLIFixture.gzip(Array(lines.joined(separator: "\n").utf8))
            try w.write("cut.jsonl.gz", Array(gz.prefix(gz.count - 1_000)))
        },
        BadInput(
            label: "JSONL line that is not JSON", name: "lines.jsonl", mentions: ["line 2", "JSON"],
            yields: ["lines:1", "lines:3"]
        ) { w in
            let one = CLIFixture.jsonLine(id: "jsonl-one", title: "Port strike ends after talks",
                text: "Dock workers in Velden ended their strike on Friday after talks with the port authority.")
            let three = CLIFixture.jsonLine(id: "jsonl-three", title: "New tram line opens",
                text: "The new tram line between the university and the main station opened on Saturday morning.")
            try w.write("lines.jsonl", one + "\n{\"id\": \"jsonl-two\", \"text\": \"unterminated\n" + three + "\n")
        },
        BadInput(
            label: "broken WARC record", name: "crawl.warc", mentions: ["record"], yields: ["ferry", "market"]
        ) { w in
            let broken = Array("WARC/1.0\r\nWARC-Type: response\r\nContent-Length: banana\r\n\r\nxx\r\n\r\n".utf8)
            try w.write(
                "crawl.warc",
                CLIFixture.pageRecord(id: "ferry", uri: "https://a.example/ferry", html: ferryPage) + broken
                    + CLIFixture.pageRecord(id: "market", uri: "https://b.example/market", html: marketPage))
        },
        BadInput(
            label: "WARC gzip truncated midway", name: "cut.warc.gz", mentions: ["cut.warc.gz"],
            yields: ["ferry", "market"]
        ) { w in
            let third = page("Third page is cut", ["This record is cut in the middle of its gzip member, sadly."])
            let members = [
                CLIFixture.gzip(CLIFixture.pageRecord(id: "ferry", uri: "https://a.example/ferry", html: ferryPage)),
                CLIFixture.gzip(
                    CLIFixture.pageRecord(id: "market", uri: "https://b.example/market", html: marketPage)),
                CLIFixture.gzip(CLIFixture.pageRecord(id: "third", uri: "https://c.example/third", html: third)),
            ]
            let cut = Array(members[2].prefix(members[2].count / 2))
            try w.write("cut.warc.gz", members[0] + members[1] + cut)
        },
        BadInput(label: "FIFO in a directory", name: "pipe.txt", mentions: ["regular"]) { w in
            #expect(mkfifo(w.path("pipe.txt"), 0o644) == 0)
        },
        BadInput(label: "symlink loop in a directory", name: "loop-a.txt") { w in
            try FileManager.default.createSymbolicLink(atPath: w.path("loop-a.txt"), withDestinationPath: "loop-b.txt")
            try FileManager.default.createSymbolicLink(atPath: w.path("loop-b.txt"), withDestinationPath: "loop-a.txt")
            try FileManager.default.createSymbolicLink(atPath: w.path("self"), withDestinationPath: ".")
        },
        BadInput(label: "dangling symlink", name: "gone.txt") { w in
            try FileManager.default.createSymbolicLink(atPath: w.path("gone.txt"), withDestinationPath: "nowhere.txt")
        },
        BadInput(label: "unreadable file", name: "secret.txt", mentions: ["read"]) { w in
            try w.write("secret.txt", "A secret article that cannot be read by anyone at all, really.\n")
            chmod(w.path("secret.txt"), 0)
            if getuid() == 0 {
                // Root reads everything: make it unreadable another way (a directory named like a file is walked;
                // a dangling link stands in).
                try FileManager.default.removeItem(atPath: w.path("secret.txt"))
                try FileManager.default.createSymbolicLink(atPath: w.path("secret.txt"), withDestinationPath: "/nonexistent/x")
            }
        },
    ]

    @Test(arguments: badInputs)
    func badInputCostsNothingElse(_ bad: BadInput) throws {
        let workspace = try workspaceWithGoodArticles()
        defer { workspace.remove() }
        try bad.make(workspace)
        let run = try parallax(["analyze", "--format", "json", workspace.url.path], in: workspace)
        #expect(!run.hung, "\(bad.label): parallax hung")
        #expect(run.status == 0, "\(run)")
        let ids = try run.articleNames
        #expect(Self.goodNames.isSubset(of: ids), "\(bad.label): got \(ids.sorted())\n\(run)")
        #expect(bad.yields.isSubset(of: ids), "\(bad.label): got \(ids.sorted())\n\(run)")
        let warnings = run.stderr.split(separator: "\n").filter { $0.contains(bad.name) }
        if bad.reported {
            #expect(!warnings.isEmpty, "\(bad.label): no warning names \(bad.name)\n\(run)")
            for word in bad.mentions {
                #expect(warnings.contains { $0.localizedCaseInsensitiveContains(word) }, "\(bad.label): \(word)\n\(run)")
            }
        } else {
            #expect(warnings.isEmpty, "\(bad.label): unexpected warning\n\(run)")
        }
        #expect(!run.stderr.contains("Fatal error"), "\(run)")
    }

    @Test func damagedUTF8IsReadWithReplacementCharacters() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        try #require(Self.badInputs.first { $0.name == "damaged.txt" }).make(workspace)
        let run = try parallax(["analyze", "--format", "json", workspace.path("damaged.txt")], in: workspace)
        #expect(run.status == 0, "\(run)")
        let text = try #require(try run.report.articles.first).text
        #expect(text.contains("\u{FFFD}"))
        #expect(text.contains("against parking rules"))
    }

    // MARK: - Size checks (bounded memory and time)

    @Test func hugeArticleIsCut() throws {
        let workspace = try workspaceWithGoodArticles()
        defer { workspace.remove() }
        // Just above the plain-text reader's caps (1 MiB of article, 2 MiB read), in distinct paragraphs so the
        // boilerplate filter does not take them for repeated page furniture. `extract` reads through the same
        // ingestor as `analyze` (analysing a 1 MiB article takes minutes in a debug build).
        try workspace.write("huge.txt", "Assembly debates water budget for a third week\n\n" + CLIFixture.prose(bytes: 2_200_000))
        let run = try parallax(["extract", workspace.url.path], in: workspace)
        #expect(run.status == 0, "\(run)")
        let records = try run.lines(ExtractedArticle.self)
        let names = records.map { Self.name(source: $0.source, url: $0.url) }
        #expect(Set(names) == Self.goodNames.union(["huge"]), "\(run)")
        let length = try #require(zip(records, names).first { $1 == "huge" }?.0).text.utf8.count
        #expect(length > 1 << 19 && length <= 1 << 20)
        #expect(run.stderr.split(separator: "\n").contains { $0.contains("huge.txt") && $0.contains("longer") }, "\(run)")
    }

    @Test func hugeSingleLineJSONL() throws {
        let workspace = try workspaceWithGoodArticles()
        defer { workspace.remove() }
        // One 24 MB line: a record carrying its raw page next to a short text, as scrapers write them, then a
        // normal record.
        let raw = String(repeating: "<div class=\"row\"><span>cell</span></div>", count: (24 << 20) / 40)
        let big = try JSONSerialization.data(
            withJSONObject: ["id": "big-line", "title": "Dam inquiry hears engineers", "raw_html": raw,
                "text": "The inquiry into the river dam heard two engineers on Tuesday, the committee said."],
            options: [.sortedKeys])
        let small = CLIFixture.jsonLine(id: "after-big", title: "New tram line opens",
            text: "The new tram line between the university and the main station opened on Saturday morning.")
        try workspace.write("big.jsonl", Array(big) + Array("\n\(small)\n".utf8))
        let run = try parallax(["analyze", "--format", "json", workspace.url.path], in: workspace)
        #expect(!run.hung)
        #expect(run.status == 0, "\(run)")
        #expect(Self.goodNames.union(["big:1", "big:2"]).isSubset(of: try run.articleNames), "\(run)")
        #expect(Self.peakChildMemory < 1 << 30, "a child used \(Self.peakChildMemory >> 20) MiB")
    }

    @Test func hugeHTMLPage() throws {
        let workspace = try workspaceWithGoodArticles()
        defer { workspace.remove() }
        // A page larger than the HTML reader's page cap, as big pages are: the article at the top, some markup,
        // then inline application state in a script.
        let head = Self.ferryPage.replacingOccurrences(
            of: "</article><footer>Contact us</footer></body></html>", with: "</article>")
        var html = Array(head.utf8)
        html += Array(String(repeating: "<div class=\"ad\"><span>Advert</span></div>\n", count: 5_000).utf8)
        html += Array("<script>window.__STATE__ = \"".utf8)
        let target = HTMLReader().maxPageBytes + (2 << 20)
        let blob = Array("QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo0123456789".utf8)
        html.reserveCapacity(target + 100)
        while html.count < target { html += blob }
        html += Array("\";</script></body></html>".utf8)
        try workspace.write("huge.html", html)
        let run = try parallax(["analyze", "--format", "json", workspace.url.path], in: workspace)
        #expect(!run.hung)
        #expect(run.status == 0, "\(run)")
        #expect(Self.goodNames.union(["huge"]).isSubset(of: try run.articleNames), "\(run)")
        #expect(run.stderr.contains("huge.html"), "\(run)")
        #expect(Self.peakChildMemory < 1 << 30, "a child used \(Self.peakChildMemory >> 20) MiB")
    }

    /// The largest resident memory of any finished child process so far, in bytes.
    static var peakChildMemory: Int {
        var usage = rusage()
        getrusage(RUSAGE_CHILDREN.rawValue, &usage)
        return usage.ru_maxrss * 1024
    }

    // MARK: - Input and output options

    @Test func standardInput() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let run = try parallax(
            ["analyze", "--format", "json", "-"], stdin: Array(Self.goodArticles[0].text.utf8), in: workspace)
        #expect(run.status == 0, "\(run)")
        let articles = try run.report.articles
        #expect(articles.count == 1)
        #expect(articles.allSatisfy { $0.text.contains("harbor bridge in Lindenport") })
    }

    @Test func standardInputAsJSONLines() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let lines = CLIFixture.jsonLine(id: "a", title: "Port strike ends after talks",
            text: "Dock workers in Velden ended their strike on Friday after talks with the port authority.") + "\n"
            + CLIFixture.jsonLine(id: "b", title: "New tram line opens",
                text: "The new tram line between the university and the main station opened on Saturday.") + "\n"
        let run = try parallax(["analyze", "--format", "json"], stdin: Array(lines.utf8), in: workspace)
        #expect(run.status == 0, "\(run)")
        #expect(try run.articleNames == ["-:1", "-:2"], "\(run)")
    }

    @Test func namedPipeOnTheCommandLine() throws {
        // As with `parallax analyze <(zcat a.txt.gz)`: a pipe named as an argument is read (once), not skipped.
        let workspace = try Workspace()
        defer { workspace.remove() }
        let fifo = workspace.path("piped.txt")
        #expect(mkfifo(fifo, 0o644) == 0)
        let text = Self.goodArticles[1].text
        DispatchQueue.global().async {
            guard let writer = FileHandle(forWritingAtPath: fifo) else { return }
            writer.write(Data(text.utf8))
            try? writer.close()
        }
        let run = try parallax(["analyze", "--format", "json", fifo], in: workspace)
        #expect(run.status == 0, "\(run)")
        #expect(try run.report.articles.map(\.title) == ["Library extends opening hours in Brenholt"], "\(run)")
    }

    @Test func outputFile() throws {
        let workspace = try workspaceWithGoodArticles()
        defer { workspace.remove() }
        let target = workspace.path("out/report.json")
        try FileManager.default.createDirectory(atPath: workspace.path("out"), withIntermediateDirectories: true)
        let run = try parallax(
            ["analyze", "--format", "json", "--output", target, workspace.path("good-bridge.txt"),
             workspace.path("good-library.txt")], in: workspace)
        #expect(run.status == 0, "\(run)")
        #expect(run.stdout.isEmpty)
        let written = try JSONDecoder().decode(JSONReport.self, from: Data(contentsOf: URL(fileURLWithPath: target)))
        #expect(written.articles.count == 2)
    }

    // MARK: - Bad data files and outputs fail at once

    /// A file the run needs besides its inputs, made bad in one way.
    struct BadFile: Sendable, CustomTestStringConvertible {
        var label: String
        /// The option naming the file (`--output`, `--aliases`, ...).
        var option: String
        /// The file's name in the workspace.
        var name: String
        /// Writes the bad file (or nothing, for a missing one).
        var make: @Sendable (Workspace) throws -> Void = { _ in }

        var testDescription: String { label }
    }

    static let badFiles: [BadFile] = [
        BadFile(label: "output in a missing directory", option: "--output", name: "no/such/dir/report.json"),
        BadFile(label: "output that is a directory", option: "--output", name: "out") { w in
            try FileManager.default.createDirectory(atPath: w.path("out"), withIntermediateDirectories: true)
        },
        BadFile(label: "output under a regular file", option: "--output", name: "plain.txt/report.json") { w in
            try w.write("plain.txt", "not a directory\n")
        },
        BadFile(label: "missing outlets file", option: "--outlets", name: "outlets.json"),
        BadFile(label: "outlets file that is not JSON", option: "--outlets", name: "outlets.json") { w in
            try w.write("outlets.json", "{ outlets: [")
        },
        BadFile(label: "missing aliases file", option: "--aliases", name: "aliases.json"),
        BadFile(label: "aliases file of the wrong shape", option: "--aliases", name: "aliases.json") { w in
            try w.write("aliases.json", "{\"entities\": 3}")
        },
        BadFile(label: "missing framing file", option: "--framing", name: "framing.json"),
        BadFile(label: "framing file that is not JSON", option: "--framing", name: "framing.json") { w in
            try w.write("framing.json", "\u{FEFF}[1, 2,")
        },
    ]

    /// A bad output or data file fails with status 1 and a message naming the file, before any input is read: the
    /// input here is a named pipe nobody writes to, so a run that started reading would hang.
    @Test(arguments: badFiles)
    func badFileFailsBeforeAnyInputIsRead(_ bad: BadFile) throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        try bad.make(workspace)
        let pipe = workspace.path("never-written.txt")
        #expect(mkfifo(pipe, 0o644) == 0)
        let run = try parallax(["analyze", bad.option, workspace.path(bad.name), pipe], in: workspace, limit: 30)
        #expect(!run.hung, "\(bad.label): the input was read before the bad file was noticed")
        #expect(run.failedWithoutUsage, "\(bad.label): \(run)")
        #expect(run.stderr.contains(workspace.path(bad.name)), "\(bad.label): the message does not name the file\n\(run)")
        #expect(run.stdout.isEmpty)
    }

    @Test func badOutletsFileFailsExtractToo() throws {
        let workspace = try workspaceWithGoodArticles()
        defer { workspace.remove() }
        let missing = workspace.path("missing-outlets.json")
        let run = try parallax(["extract", "--outlets", missing, workspace.url.path], in: workspace)
        #expect(run.failedWithoutUsage, "\(run)")
        #expect(run.stderr.contains(missing), "\(run)")
        #expect(run.stdout.isEmpty)
    }

    /// An article whose title and body carry markup, to check that HTML output escapes it.
    static let scriptArticle = """
        date 2024-03-15
        Council votes <script>alert(1)</script> on harbor budget

        The council in Lindenport voted on the harbor budget on Friday <script>alert(1)</script> after a long debate.

        "We kept the bridge money," council leader Mira Holt said after the vote, according to the city office.

        """

    @Test(arguments: ["text", "json", "ndjson", "md", "html"])
    func outputFormat(_ format: String) throws {
        let workspace = try workspaceWithGoodArticles()
        defer { workspace.remove() }
        try workspace.write("script.txt", Self.scriptArticle)
        let run = try parallax(["analyze", "--format", format, workspace.url.path], in: workspace)
        #expect(run.status == 0, "\(run)")
        #expect(!run.stdout.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty)
        switch format {
        case "json":
            let report = try run.report
            #expect(Set(report.articles.map(Self.name(of:))) == Self.goodNames.union(["script"]), "\(run)")
            #expect(!report.stories.isEmpty)
        case "ndjson":
            let types = try run.lines(ReportLine.self).map(\.type)
            #expect(types.filter { $0 == "article" }.count == 3, "\(run.stdout)")
            #expect(types.contains("story"), "\(run.stdout)")
            #expect(types.first == "report", "\(run.stdout)")
            #expect(Set(types).isSubset(of: ["report", "article", "story", "issue"]), "\(run.stdout)")
        case "html":
            #expect(run.stdout.lowercased().contains("<html"))
            #expect(!run.stdout.contains("<script>alert(1)"), "article markup came out raw")
            #expect(run.stdout.contains("&lt;script&gt;alert(1)"), "article markup is missing or not escaped")
        case "md":
            // Markdown is often turned into HTML by tools that pass raw markup through.
            #expect(!run.stdout.contains("<script>alert(1)"), "article markup came out raw")
            #expect(run.stdout.contains("Lindenport") && run.stdout.contains("Brenholt"))
        default:
            #expect(run.stdout.contains("Lindenport") && run.stdout.contains("Brenholt"))
        }
    }

    @Test func inputFormatOverride() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        // A web page saved with a .txt name: read as text by default, as HTML when forced.
        try workspace.write("saved-page.txt", Self.ferryPage)
        let forced = try parallax(
            ["analyze", "--format", "json", "--input-format", "html", workspace.path("saved-page.txt")], in: workspace)
        #expect(forced.status == 0, "\(forced)")
        let article = try #require(try forced.report.articles.first)
        #expect(article.title == "Ferry service resumes on the northern route")
        #expect(!article.text.contains("<p>"))
        #expect(article.text.contains("Harbour master Lena Brandt"))
        let bad = try parallax(
            ["analyze", "--input-format", "pdf", workspace.path("saved-page.txt")], in: workspace)
        #expect(bad.status == Self.usageError, "\(bad)")
        #expect(bad.stderr.contains("pdf"), "\(bad)")
    }

    @Test func nonexistentPath() throws {
        let workspace = try workspaceWithGoodArticles()
        defer { workspace.remove() }
        let missing = workspace.path("missing.txt")
        let mixed = try parallax(["analyze", "--format", "json", missing, workspace.path("good-bridge.txt")], in: workspace)
        #expect(mixed.status == 0, "\(mixed)")
        #expect(try mixed.articleNames == ["good-bridge"])
        #expect(mixed.stderr.contains("missing.txt"), "\(mixed)")
        let alone = try parallax(["analyze", missing], in: workspace)
        #expect(alone.failedWithoutUsage, "\(alone)")
        #expect(alone.stderr.contains("missing.txt"), "\(alone)")
        #expect(alone.stdout.isEmpty)
    }

    @Test func nothingReadable() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        try workspace.write("empty.txt", [])
        try workspace.write("junk.html", [0, 1, 2, 3, 0, 0, 0xFF])
        let run = try parallax(["analyze", workspace.url.path], in: workspace)
        #expect(run.failedWithoutUsage, "\(run)")
        #expect(run.stderr.contains("empty.txt") && run.stderr.contains("junk.html"), "\(run)")
        #expect(run.stderr.contains("no article could be read"), "\(run)")
    }

    @Test func noInputAtAll() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        // No paths and an empty standard input that is not a terminal: standard input is read, and is empty.
        let run = try parallax(["analyze"], in: workspace)
        #expect(run.failedWithoutUsage, "\(run)")
        #expect(run.stderr.contains("no article"), "\(run)")
        let emptyDirectory = try parallax(["analyze", workspace.url.path], in: workspace)
        #expect(emptyDirectory.failedWithoutUsage, "\(emptyDirectory)")
        #expect(emptyDirectory.stderr.contains("no article"), "\(emptyDirectory)")
    }

    // MARK: - parallax extract

    @Test func extractHTMLFeedAndWARC() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        try workspace.write("pages/ferry.html", Self.ferryPage)
        try workspace.write("news.rss", CLIFixture.rss(items: [
            ("Port strike ends after talks", "https://c.example/strike",
             "Dock workers in Velden ended their strike on Friday after talks with the port authority."),
            ("New tram line opens", "https://c.example/tram",
             "The new tram line between the university and the main station opened on Saturday morning."),
        ]))
        try workspace.write(
            "crawl.warc", CLIFixture.pageRecord(id: "market", uri: "https://b.example/market", html: Self.marketPage))
        try workspace.write("notes.txt", Self.goodArticles[0].text)
        try workspace.write("broken.html", [0, 0, 0, 1, 2, 3])

        let run = try parallax(
            ["extract", workspace.path("pages"), workspace.path("news.rss"), workspace.path("crawl.warc"),
             workspace.path("notes.txt"), workspace.path("broken.html")], in: workspace)
        #expect(run.status == 0, "\(run)")
        let titles = Set(try run.lines(ExtractedArticle.self).compactMap(\.title))
        for title in [
            "Ferry service resumes on the northern route", "Port strike ends after talks", "New tram line opens",
            "Farmers market moves to the old station square", "Harbor bridge reopens after six weeks of repairs",
        ] {
            #expect(titles.contains(title), "missing \(title): \(titles.sorted())\n\(run)")
        }
        #expect(run.stderr.contains("broken.html"), "\(run)")

        let json = try parallax(["extract", "--format", "json", workspace.path("crawl.warc")], in: workspace)
        #expect(json.status == 0, "\(json)")
        let array = try JSONDecoder().decode([ExtractedArticle].self, from: Data(json.stdout.utf8))
        #expect(array.map(\.url) == ["https://b.example/market"])
    }

    @Test func extractNothingReadable() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let run = try parallax(["extract", workspace.path("missing.html")], in: workspace)
        #expect(run.failedWithoutUsage, "\(run)")
        #expect(run.stderr.contains("missing.html"), "\(run)")
    }
}

/// The built `parallax` executable.
enum ParallaxBinary {
    /// The executable next to the test bundle, or in `.build/debug` of this package; nil when not built.
    static let url: URL? = {
        let fm = FileManager.default
        var candidates: [URL] = []
        let bundle = Bundle.main.bundleURL
        candidates += [bundle.deletingLastPathComponent(), bundle].map { $0.appendingPathComponent("parallax") }
        if let argument = CommandLine.arguments.first {
            candidates.append(URL(fileURLWithPath: argument).deletingLastPathComponent().appendingPathComponent("parallax"))
        }
        var directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while directory.path != "/" {
            candidates.append(directory.appendingPathComponent(".build/debug/parallax"))
            directory.deleteLastPathComponent()
        }
        return candidates.first { url in
            var isDirectory: ObjCBool = false
            return fm.fileExists(atPath: url.path, isDirectory: &isDirectory) && !isDirectory.boolValue
                && fm.isExecutableFile(atPath: url.path)
        }
    }()
}

/// Builds gzip members, WARC records, JSON lines and feeds for the command-line tests.
enum CLIFixture {
    /// `data` as gzip members with stored (uncompressed) deflate blocks and a valid CRC.
    static func gzip(_ data: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [0x1F, 0x8B, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0xFF]
        var start = 0
        repeat {
            let end = min(start + 65_535, data.count)
            let len = UInt16(end - start)
            out += [end == data.count ? 0x01 : 0x00, UInt8(len & 0xFF), UInt8(len >> 8), UInt8(~len & 0xFF),
                UInt8(~len >> 8)]
            out += data[start..<end]
            start = end
        } while start < data.count
        return out + le32(crc32(data)) + le32(UInt32(truncatingIfNeeded: data.count))
    }

    private static func le32(_ v: UInt32) -> [UInt8] { (0..<4).map { UInt8(truncatingIfNeeded: v >> (8 * $0)) } }

    private static func crc32(_ data: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in data {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }

    /// Invented news prose of about `bytes` bytes, in paragraphs that all differ.
    static func prose(bytes: Int) -> String {
        let subjects = ["The mayor", "A delegate", "The treasurer", "An engineer", "The council", "A farmer",
            "The minister", "A teacher", "The auditor", "A nurse", "The chairman"]
        let verbs = ["questioned", "defended", "praised", "criticised", "explained", "summarised", "doubted"]
        let objects = ["the water budget", "the dam repairs", "the canal plan", "the tariff", "the reservoir study",
            "the pipe contract", "the drought fund", "the river survey", "the pump station"]
        let times = ["on Monday", "on Tuesday", "in the morning", "late in the evening", "after lunch",
            "before the vote", "at the hearing"]
        func sentence(_ k: Int) -> String {
            "\(subjects[k % 11]) \(verbs[k / 11 % 7]) \(objects[k / 77 % 9]) \(times[k / 693 % 7])."
        }
        let places = ["Norby", "Tallby", "Oskvik", "Velden", "Marlow", "Brenholt"]
        var text = ""
        var n = 0
        while text.utf8.count < bytes {
            let place = places[n / 4851 % places.count]
            text += "\(sentence(n)) \(sentence(n &* 7 &+ 3)) In \(place) \(sentence(n &* 13 &+ 5).lowercased())\n\n"
            n += 1
        }
        return text
    }

    /// A WARC `response` record holding an HTTP 200 response with an HTML page.
    static func pageRecord(id: String, uri: String, html: String) -> [UInt8] {
        let block = Array("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=UTF-8\r\n\r\n\(html)".utf8)
        let head = "WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:\(id)>\r\n"
            + "WARC-Date: 2024-03-14T10:00:00Z\r\nWARC-Target-URI: \(uri)\r\n"
            + "Content-Type: application/http; msgtype=response\r\nContent-Length: \(block.count)\r\n\r\n"
        return Array(head.utf8) + block + Array("\r\n\r\n".utf8)
    }

    /// One JSON Lines record.
    static func jsonLine(id: String, title: String, text: String) -> String {
        let object: [String: String] = ["id": id, "title": title, "text": text, "date": "2024-03-14"]
        let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        return String(decoding: data ?? Data(), as: UTF8.self)
    }

    /// An RSS 2.0 feed with full-text items.
    static func rss(items: [(title: String, link: String, text: String)]) -> String {
        let body = items.map { item in
            """
            <item><title>\(item.title)</title><link>\(item.link)</link>
            <pubDate>Thu, 14 Mar 2024 09:00:00 GMT</pubDate>
            <description><![CDATA[<p>\(item.text)</p><p>\(item.text)</p>]]></description></item>
            """
        }.joined(separator: "\n")
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel><title>City News</title><link>https://c.example/</link>
            \(body)
            </channel></rss>
            """
    }
}
