import Foundation
import Testing

/// Inputs that once broke Parallax (`../shared/fuzz-repro`, see its DESCRIPTIONS.tsv), through the CLI: each gives
/// a clear message naming the input, and nothing else reaches standard error.
extension CommandLineTests {
    static let fuzzRepro = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../../shared/fuzz-repro").standardizedFileURL.path
    static let fuzzPresent = FileManager.default.fileExists(atPath: fuzzRepro)

    func fuzz(_ name: String) -> String { Self.fuzzRepro + "/" + name }

    @Test(.enabled(if: fuzzPresent, "../shared/fuzz-repro is absent"))
    func aBadJSONFeedItemCostsOnlyThatItem() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let run = try parallax(["extract", "--format", "ndjson", fuzz("F11-jsonfeed-one-bad-item.json")], in: workspace)
        #expect(run.stdout.split(separator: "\n").count == 5, "\(run)")
        #expect(run.stderr.contains("1 item skipped") && run.stderr.contains("item 6"), "\(run)")
        let gz = try parallax(["extract", "--format", "ndjson", fuzz("F15-text-gz-trailing-garbage.txt.gz")], in: workspace)
        #expect(gz.stdout.split(separator: "\n").count == 1, "trailing garbage after the gzip stream: \(gz)")
    }

    @Test(.enabled(if: fuzzPresent, "../shared/fuzz-repro is absent"))
    func messagesNameTheInputAndCarryNoControlCharacters() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        for name in [
            "F12-html-cp1252-undefined-byte.html", "F12b-feed-bad-utf8.rss", "F13-warc-esc-record-id.warc",
            "F13b-warc-esc-content-encoding.warc", "F14-warc-only-404.warc", "F16-rss-encoding-lie.rss",
        ] {
            let run = try parallax(["analyze", "--format", "json", fuzz(name)], in: workspace)
            #expect(!run.stderr.contains("encoding error") && !run.stderr.contains("I/O error"), "\(name): \(run)")
            #expect(!run.stderr.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" }, "\(name): \(run)")
            for line in run.stderr.split(separator: "\n") {
                #expect(line.hasPrefix("parallax: "), "\(name): a line from elsewhere: \(line)")
            }
            if run.status != 0 { #expect(run.stderr.contains(name), "\(name): \(run)") }
        }
    }

    /// Inputs like those `parallax-fuzz` found (generated here, shrunk): each ends with a report that parses, in
    /// the time limit of `parallax(_:)`, with no raw control character in it.
    @Test func inputsTheFuzzerFoundEndCleanly() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        // A page whose title and headline are 200 KB of one emoji (the heading-vs-title search was quadratic).
        let emoji = String(repeating: "\u{1F600}", count: 50_000)
        let page = try workspace.write("emoji.html", """
            <html><head><title>\(emoji)</title></head><body><h1>\(emoji)</h1>
            <p>The council approved the budget on Monday after a long debate.</p></body></html>
            """)
        // One sentence of 600 titled names with a weekday each (noun-phrase, outlet and timeline searches were
        // quadratic or worse in it).
        let names = try workspace.write("names.txt", "Officials said that " + String(
            repeating: "President Vladimir Putin on Tuesday told Reuters and Prime Minister Ivan Petrov ", count: 600) + ".")
        // A JSON Lines record with invalid UTF-8 (read as windows-1252) and a C1 control in its title.
        let c1 = try workspace.write("c1.jsonl", Array(#"{"id": "c1", "title": "T\u009b31m", "text": "Officials said the dam burst on Tuesday, flooding villa"#.utf8)
            + [0xE2, 0x82] + Array(#"ges."}"#.utf8) + [0x0A])
        for (input, format) in [(page, "json"), (names, "json"), (names, "text"), (names, "html"), (c1, "ndjson"), (c1, "json")] {
            let run = try parallax(["analyze", "--quiet", "--format", format, input], in: workspace)
            #expect(run.status == 0 || run.stderr.contains((input as NSString).lastPathComponent), "\(input): \(run)")
            #expect(!run.stdout.unicodeScalars.contains { (0x80...0x9F).contains($0.value) || $0.value == 0x1B }, "\(input)")
            if run.status == 0, format == "json" || format == "ndjson" {
                for line in format == "ndjson" ? run.stdout.split(separator: "\n").map(String.init) : [run.stdout] {
                    #expect((try? JSONSerialization.jsonObject(with: Data(line.utf8))) != nil, "\(input): \(line.prefix(200))")
                }
            }
        }
    }
}
