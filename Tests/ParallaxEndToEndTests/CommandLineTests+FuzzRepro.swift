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
}
