import Foundation
import Testing

extension CommandLineTests {
    /// The bundled example corpus (written by us): plain text files and a JSON Lines file.
    static let exampleCorpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../examples/corpus").standardizedFileURL

    /// Ids come from content and every stage orders by them, so the report is the same byte for byte whatever the
    /// order of the inputs (files, and lines within a file) and the number of worker threads.
    @Test func sameInputInAnyOrderWithAnyJobsGivesIdenticalJSON() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.exampleCorpus.path).sorted()
        var forward: [String] = []
        var backward: [String] = []
        for name in names {
            let text = try String(contentsOf: Self.exampleCorpus.appendingPathComponent(name), encoding: .utf8)
            forward.append(try workspace.write("a/" + name, text))
            // The same content under other names, JSON Lines in reverse line order.
            let reordered =
                name.hasSuffix(".jsonl")
                ? text.split(separator: "\n").reversed().joined(separator: "\n") + "\n" : text
            backward.append(try workspace.write("b/\(names.count - forward.count)-" + name, reordered))
        }
        #expect(forward.count >= 3)
        var outputs: [String] = []
        for (paths, jobs) in [(forward, 1), (forward, 2), (backward.reversed(), 1), (backward.reversed(), 2)] {
            let run = try parallax(["analyze", "--format", "json", "--jobs", String(jobs), "--quiet"] + paths, in: workspace)
            #expect(run.status == 0, "\(run)")
            // Article sources name the files read: the one field that differs by construction.
            var report = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
            let articles = try #require(report["articles"] as? [[String: Any]])
            report["articles"] = articles.map { a in a.filter { $0.key != "source" } }
            let data = try JSONSerialization.data(withJSONObject: report, options: [.sortedKeys])
            outputs.append(String(decoding: data, as: UTF8.self))
        }
        #expect(outputs.allSatisfy { $0 == outputs[0] })
        #expect(outputs[0].contains("\"version\""))
    }
}
