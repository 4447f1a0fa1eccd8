import Foundation
import Testing

/// Crash safety of `parallax ingest`: runs killed with SIGKILL at several points, then run again, end with exactly
/// the articles of the input (none lost, none doubled) and the same stories as one uninterrupted run.
extension CommandLineTests {
    /// `count` invented articles about `events` invented events as JSON Lines (deterministic), with wire copies.
    static func inventedCorpus(count: Int, events: Int) -> String {
        let places = ["Lindenport", "Brenholt", "Kestrel Bay", "Ardmoor", "Velden", "Carrow", "Oastford", "Miren"]
        let things = ["bridge", "library", "harbor", "dam", "school", "hospital", "railway", "market"]
        let people = ["Ana Ruiz", "Tomas Veld", "Ilse Maren", "Joost Arden", "Petra Lind", "Omar Castel"]
        let outlets = ["Harbor Herald", "Valley Ledger", "Meridian Post", "Coast Wire", "Northern Courier"]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(n))
        }
        var lines: [String] = []
        var texts: [String] = []
        for i in 0..<count {
            let e = i % events
            let place = places[e % places.count] + (e >= places.count ? " \(e)" : "")
            let thing = things[(e * 3) % things.count]
            let person = people[e % people.count]
            let day = 1 + (e % 27)
            let sentences = [
                "The \(thing) in \(place) was closed on Monday after inspectors found damage number \(e * 7 + 3).",
                "\"We will reopen the \(thing) as soon as it is safe,\" \(person) told reporters in \(place).",
                "Officials in \(place) said repairs to the \(thing) would cost \(e + 2) million euros.",
                "Residents of \(place) said the closure of the \(thing) had disrupted daily life for weeks.",
                "According to the \(place) council, work on the \(thing) will start in \(["April", "May", "June"][e % 3]).",
                "\(person) said the \(thing) had been inspected \(e % 5 + 2) times since it opened.",
            ]
            var text: String
            if i >= events, next(10) == 0, let copied = texts.last(where: { _ in true }) {
                text = copied
            } else {
                var picked = sentences.filter { _ in next(4) != 0 }
                if picked.count < 3 { picked = Array(sentences.prefix(4)) }
                text = picked.joined(separator: " ") + " Report \(i) of the \(outlets[i % outlets.count]) desk."
            }
            texts.append(text)
            let object: [String: String] = [
                "url": "https://\(outlets[i % outlets.count].lowercased().replacingOccurrences(of: " ", with: ""))"
                    + ".example/\(i)",
                "outlet": outlets[i % outlets.count], "title": "\(thing.capitalized) closed in \(place)",
                "published": String(format: "2024-05-%02d", min(28, day + next(2))), "text": text,
            ]
            let data = try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
            lines.append(String(decoding: data, as: UTF8.self))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Articles (id, story, copy link) and stories of a database, via `export`.
    func corpusContents(_ db: String, in workspace: Workspace) throws -> (articles: [ArticleRow], stories: [StoryRow]) {
        let articles = try parallax(["export", "--db", db, "--what", "articles"], in: workspace).lines(ArticleRow.self)
        let stories = try parallax(["export", "--db", db, "--what", "stories"], in: workspace).lines(StoryExportRow.self)
        return (articles.sorted { $0.id < $1.id }, stories.map(\.row).sorted { $0.id < $1.id })
    }

    struct StoryExportRow: Decodable {
        var id: String
        var title: String
        var articles: Int
        var outlets: [String]
        var row: StoryRow { StoryRow(id: id, title: title, articleCount: articles, outlets: outlets) }
    }

    @Test func killedIngestRunsEndWithTheSameCorpusAsAnUninterruptedRun() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let input = try workspace.write("articles.jsonl", Self.inventedCorpus(count: 400, events: 24))
        let arguments = ["ingest", "--batch", "20", "--jobs", "2", "--no-analyze", input]

        let reference = workspace.path("reference.sqlite")
        let started = Date()
        let full = try parallax(arguments + ["--db", reference], in: workspace)
        #expect(full.status == 0, "\(full)")
        let duration = Date().timeIntervalSince(started)
        let expected = try corpusContents(reference, in: workspace)
        // Every line has its own URL: 400 articles, none doubled; the wire copies are linked to their originals.
        #expect(expected.articles.count == 400 && Set(expected.articles.map(\.id)).count == 400)
        #expect(expected.articles.contains { $0.copy_of != nil })

        // Kill at a quarter, a half and three quarters of the time a run takes, each time running the same
        // command again on the same database; then let it finish.
        let db = workspace.path("killed.sqlite")
        var interrupted = 0
        for fraction in [0.25, 0.5, 0.75] {
            if try killedRun(arguments + ["--db", db], after: duration * fraction, in: workspace) { interrupted += 1 }
        }
        let last = try parallax(arguments + ["--db", db], in: workspace)
        #expect(last.status == 0, "\(last)")
        #expect(interrupted > 0, "no run was still going when killed (each took under \(duration) s)")
        let recovered = try corpusContents(db, in: workspace)
        #expect(recovered.articles == expected.articles)
        #expect(recovered.stories == expected.stories)
    }

    /// Starts `parallax` and kills it with SIGKILL after `delay` seconds; returns whether it was still running.
    private func killedRun(_ arguments: [String], after delay: TimeInterval, in workspace: Workspace) throws -> Bool {
        let process = Process()
        process.executableURL = try #require(ParallaxBinary.url)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        Thread.sleep(forTimeInterval: delay)
        let running = process.isRunning
        if running { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        return running
    }
}
