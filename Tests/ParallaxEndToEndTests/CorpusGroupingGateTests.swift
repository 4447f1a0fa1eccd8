import Foundation
import Testing

/// The incremental grouping gate on the production path: `parallax ingest` (SQLite store) fed the real
/// multi-outlet stories one day after another, scored with BCubed against the gold events from `parallax export`.
extension CommandLineTests {
    static let multiOutlet = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/eval/stories-multioutlet")

    struct SkippedJSON: Decodable {
        struct Summary: Decodable { var skipped: [String: Int] }
        var summary: Summary
    }

    struct ExportedArticle: Decodable {
        var url: String?
        var story: String?
    }

    @Test(
        .tags(.qualityGate),
        .enabled(
            if: FileManager.default.fileExists(atPath: multiOutlet.appendingPathComponent("gold.tsv").path),
            "stories-multioutlet not found at ../shared/eval; gate skipped"))
    func ingestGroupsRealMultiOutletCoverageDayByDay() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        // Gold: url -> event.
        let gold = try String(contentsOf: Self.multiOutlet.appendingPathComponent("gold.tsv"), encoding: .utf8)
        var event: [String: String] = [:]
        for line in gold.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            if fields.count > 5 { event[fields[5]] = fields[1] }
        }
        // One file per day, ingested in date order, as an analyst adds each day's articles.
        let lines = try String(contentsOf: Self.multiOutlet.appendingPathComponent("articles.jsonl"), encoding: .utf8)
            .split(separator: "\n")
        var days: [String: [Substring]] = [:]
        for line in lines {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            days[object?["date"] as? String ?? "", default: []].append(line)
        }
        let db = workspace.path("corpus.sqlite")
        var skipped = 0
        for day in days.keys.sorted() {
            let file = try workspace.write("\(day).jsonl", (days[day] ?? []).joined(separator: "\n") + "\n")
            let run = try parallax(["ingest", "--db", db, "--no-analyze", "--quiet", "--format", "json", file], in: workspace)
            #expect(run.status == 0, "\(day): \(run)")
            let summary = try JSONDecoder().decode(SkippedJSON.self, from: Data(run.stdout.utf8))
            skipped += summary.summary.skipped.values.reduce(0, +)
        }
        let exported = try parallax(["export", "--db", db, "--what", "articles"], in: workspace).lines(ExportedArticle.self)
        let pairs = exported.compactMap { a -> (story: String, event: String)? in
            guard let url = a.url, let story = a.story, let e = event[url] else { return nil }
            return (story, e)
        }
        // Every article is grouped, except those the extraction skipped (reported by kind in the summary).
        #expect(pairs.count + skipped == lines.count)
        let f1 = Self.bcubedF1(pairs)
        print("stories-multioutlet through `parallax ingest`, day by day: BCubed F1 \(f1) over \(pairs.count) articles (\(skipped) skipped)")
        #expect(f1 >= 0.95)
    }

    /// BCubed F1 of a clustering given as (cluster, gold class) per item.
    static func bcubedF1(_ items: [(story: String, event: String)]) -> Double {
        guard !items.isEmpty else { return 0 }
        var clusterSize: [String: Int] = [:]
        var classSize: [String: Int] = [:]
        var both: [String: Int] = [:]
        for i in items {
            clusterSize[i.story, default: 0] += 1
            classSize[i.event, default: 0] += 1
            both[i.story + "\u{1F}" + i.event, default: 0] += 1
        }
        var precision = 0.0
        var recall = 0.0
        for i in items {
            let shared = Double(both[i.story + "\u{1F}" + i.event] ?? 0)
            precision += shared / Double(clusterSize[i.story] ?? 1)
            recall += shared / Double(classSize[i.event] ?? 1)
        }
        let (p, r) = (precision / Double(items.count), recall / Double(items.count))
        return p + r > 0 ? 2 * p * r / (p + r) : 0
    }
}
