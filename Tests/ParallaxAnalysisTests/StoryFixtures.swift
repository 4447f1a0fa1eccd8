import Foundation
import ParallaxAnalysis

/// Test inputs for the story stages: the seed articles and ECB+ read from `../shared` (never copied into the repo),
/// and small invented stories.
enum StoryFixtures {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let seedsPath = packageRoot.appendingPathComponent("../shared/corpus/seeds").standardized.path
    static let ecbPath = packageRoot.appendingPathComponent("../shared/eval/events-ecbplus").standardized.path
    static var hasSeeds: Bool { FileManager.default.fileExists(atPath: seedsPath) }
    static var hasECB: Bool { FileManager.default.fileExists(atPath: ecbPath + "/gold_clusters.tsv") }

    /// The seed articles as `Document`s, read simply: an optional leading ` date YYYY-MM-DD ` sets the day.
    static func seedDocuments() throws -> [Document] {
        let names = try FileManager.default.contentsOfDirectory(atPath: seedsPath).filter { $0.hasSuffix(".txt") }
            .sorted()
        return try names.map { name in
            var text = try String(contentsOfFile: seedsPath + "/" + name, encoding: .utf8)
            var day: Day?
            let trimmed = text.drop { $0 == " " }
            if trimmed.hasPrefix("date ") {
                let rest = trimmed.dropFirst(5)
                day = Day(iso: rest.prefix(10))
                text = String(rest.dropFirst(10).drop { $0 == " " })
            }
            let article = Article(
                id: String(name.dropLast(4)), source: seedsPath + "/" + name, published: day, text: text)
            return DocumentBuilder().build(article)
        }
    }

    /// Builds documents from `(id, outlet, day, text)` tuples.
    static func documents(_ items: [(String, String?, String?, String)]) -> [Document] {
        items.map { id, outlet, day, text in
            DocumentBuilder().build(
                Article(id: id, source: "test", outlet: outlet, published: day.flatMap { Day(iso: $0) }, text: text))
        }
    }

    struct ECBDocument {
        var document: Document
        var gold: String
        var split: String
        var topic: Int
    }

    /// ECB+ documents with their gold subtopic (event) cluster and split.
    static func ecbDocuments() throws -> [ECBDocument] {
        let tsv = try String(contentsOfFile: ecbPath + "/gold_clusters.tsv", encoding: .utf8)
        var result: [ECBDocument] = []
        for line in tsv.split(separator: "\n").dropFirst() {
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard f.count >= 4, let topic = Int(f[1]) else { continue }
            let text = try String(contentsOfFile: ecbPath + "/text/\(f[0]).txt", encoding: .utf8)
            let document = DocumentBuilder().build(Article(id: f[0], source: "ecb+", text: text))
            result.append(ECBDocument(document: document, gold: f[2], split: f[3], topic: topic))
        }
        return result
    }

    /// BCubed precision, recall and F1 of `predicted` clusters against `gold` labels (items missing from gold
    /// are ignored).
    static func bcubed(predicted: [[String]], gold: [String: String]) -> (p: Double, r: Double, f1: Double) {
        var goldSize: [String: Int] = [:]
        for (_, g) in gold { goldSize[g, default: 0] += 1 }
        var p = 0.0
        var r = 0.0
        var n = 0
        for cluster in predicted {
            let members = cluster.filter { gold[$0] != nil }
            var perGold: [String: Int] = [:]
            for m in members { perGold[gold[m]!, default: 0] += 1 }
            for m in members {
                let g = gold[m]!
                let same = Double(perGold[g]!)
                p += same / Double(members.count)
                r += same / Double(goldSize[g]!)
                n += 1
            }
        }
        guard n > 0 else { return (0, 0, 0) }
        p /= Double(n)
        r /= Double(n)
        return (p, r, p + r > 0 ? 2 * p * r / (p + r) : 0)
    }
}

extension StoryFixtures {
    /// An invented earthquake story told by three outlets in different words, plus unrelated articles.
    static let quakeA = """
        A magnitude 6.4 earthquake struck the coastal province of Veloria on Tuesday, killing at least 37 people.
        The quake hit at 3:12 a.m. local time, about 20 kilometres south of the port city of Marenza.
        Rescue teams are searching collapsed apartment buildings for survivors, the interior ministry said.
        Governor Ilsa Varn declared a state of emergency across the province.
        The national football team will play its next qualifier in March.
        """
    static let quakeB = """
        At least 37 people died when a 6.4-magnitude quake shook Veloria province early Tuesday.
        The tremor was centred roughly 20 km south of Marenza and struck shortly after 3 a.m.
        Governor Ilsa Varn has declared a state of emergency in the province.
        Emergency crews dug through the rubble of collapsed apartment blocks in search of survivors.
        """
    static let quakeC = """
        Officials in Veloria say the death toll from Tuesday's magnitude 6.4 earthquake has risen to 37.
        The earthquake's epicentre lay about 20 kilometers south of Marenza, a port city.
        Rescuers continued searching through collapsed buildings for survivors on Tuesday afternoon.
        Aftershocks rattled the region for hours, and many residents slept outdoors.
        """
    static let rates = """
        The central bank of Norland raised its key interest rate by a quarter point to 4.75 percent on Thursday.
        Governor Petra Holm said inflation remained too high and further increases could follow.
        Economists had expected the move after consumer prices rose 5.1 percent in the year to October.
        The krone strengthened against the euro after the announcement.
        """
    static let football = """
        Calder United beat Rovers 3-1 in the cup final at Westfield Stadium on Saturday evening.
        Striker Tomas Reyes scored twice in the second half as United won their first trophy in a decade.
        Rovers manager Alan Brooke praised his players but said the better team had won.
        More than 60,000 supporters watched the match.
        """

    static func quakeStory() -> (Story, [Document]) {
        let documents = documents([
            ("quake-a", "Daily Ledger", "2026-03-03", quakeA),
            ("quake-b", "Coastal Times", "2026-03-03", quakeB),
            ("quake-c", "World Wire", "2026-03-04", quakeC),
        ])
        return (Story(id: "story-1", title: "Quake", articles: documents.map(\.id)), documents)
    }
}
