import Foundation
import Testing

@testable import ParallaxIngest

/// Throughput of ``WARCReader`` on a large archive; skipped unless `PARALLAX_WARC_BENCH=<path to .warc(.gz)>`.
///
/// Run by `bench/warc_bench.sh` in a release build. `PARALLAX_WARC_BENCH_MODE=stream` counts records and pages
/// without parsing the HTML (inflate + WARC + HTTP parsing alone); `full` (default) also turns every page into an
/// article with the default ``BasicHTMLPageReader``. Prints the figures; checks only that the archive read cleanly.
struct WARCBenchTests {
    private static let path = ProcessInfo.processInfo.environment["PARALLAX_WARC_BENCH"]
    private static let mode = ProcessInfo.processInfo.environment["PARALLAX_WARC_BENCH_MODE"] ?? "full"

    /// Hands pages on untouched: measures everything but the HTML parse.
    private struct CountingPageReader: HTMLPageReader {
        func read(_ page: HTMLPage) -> IngestEvent {
            .article(Article(id: page.id, source: page.source, text: ""))
        }
    }

    @Test(.enabled(if: path != nil, "set PARALLAX_WARC_BENCH=<archive> to run"))
    func readArchive() throws {
        let path = try #require(Self.path)
        let reader = Self.mode == "stream" ? WARCReader(pageReader: CountingPageReader()) : WARCReader()
        var textBytes = 0
        var issues: [IngestIssue] = []
        let clock = ContinuousClock()
        var stats = WARCReader.Statistics()
        let elapsed = try clock.measure {
            stats = try reader.readCounting(.file(path)) { event in
                switch event {
                case .article(let a): textBytes += a.text.utf8.count
                case .issue(let i): issues.append(i)
                }
            }
        }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        func rate(_ x: Double) -> String { String(format: "%.1f", x / seconds) }
        print("""
            WARCBench mode=\(Self.mode) file=\(path)
              seconds=\(String(format: "%.2f", seconds)) records=\(stats.records) pages=\(stats.pages) \
            articles=\(stats.articles) issues=\(stats.issues) textMB=\(String(format: "%.1f", Double(textBytes) / 1e6))
              records/s=\(rate(Double(stats.records))) pages/s=\(rate(Double(stats.pages))) \
            compressedMB/s=\(rate(Double(stats.inputBytes) / 1e6)) warcMB/s=\(rate(Double(stats.warcBytes) / 1e6)) \
            (input \(stats.inputBytes / 1_000_000) MB, WARC \(stats.warcBytes / 1_000_000) MB)
            """)
        for i in issues.prefix(5) { print("  issue: \(i)") }
        #expect(stats.records > 0)
        #expect(issues.isEmpty)
    }
}
