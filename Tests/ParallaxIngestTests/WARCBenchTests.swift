import Foundation
import Testing

import ParallaxIngest

/// Throughput of ``WARCReader`` on a large archive; skipped unless `PARALLAX_WARC_BENCH=<path to .warc(.gz)>`.
///
/// Run by `bench/warc_bench.sh` in a release build. `PARALLAX_WARC_BENCH_MODE=stream` counts records and pages
/// without parsing the HTML (inflate + WARC + HTTP parsing alone); `full` (default) also turns every page into an
/// article with the default page reader, which is now the production one (``HTMLArticleBuilder``: main text,
/// metadata, boilerplate cleaning); `article` names that reader explicitly (the two modes are the same).
/// Prints the figures; checks only that the archive read cleanly (pages without article text are issues there).
struct WARCBenchTests {
    private static let path = ProcessInfo.processInfo.environment["PARALLAX_WARC_BENCH"]
    private static let mode = ProcessInfo.processInfo.environment["PARALLAX_WARC_BENCH_MODE"] ?? "full"

    /// Hands pages on untouched: measures everything but the HTML parse.
    private struct CountingPageReader: HTMLPageReader {
        func read(_ page: HTMLPage) -> IngestEvent {
            .article(Article(id: page.source, source: page.source, text: ""))
        }
    }

    @Test(.enabled(if: path != nil, "set PARALLAX_WARC_BENCH=<archive> to run"))
    func readArchive() throws {
        let path = try #require(Self.path)
        let reader: WARCReader = switch Self.mode {
        case "stream": WARCReader(pageReader: CountingPageReader())
        case "article": WARCReader(pageReader: HTMLArticleBuilder())
        default: WARCReader()
        }
        var textBytes = 0
        var issues: [IngestIssue] = []
        let clock = ContinuousClock()
        let cpuBefore = Self.cpuSeconds()
        var stats = WARCReader.Statistics()
        let elapsed = try clock.measure {
            stats = try reader.readCounting(.file(path)) { event in
                switch event {
                case .article(let a): textBytes += a.text.utf8.count
                case .issue(let i): issues.append(i)
                }
            }
        }
        let cpu = Self.cpuSeconds() - cpuBefore
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        // Rates per CPU second: wall time on a shared, loaded machine says more about the neighbours.
        func rate(_ x: Double) -> String { String(format: "%.1f", x / cpu) }
        print("""
            WARCBench mode=\(Self.mode) file=\(path)
              wallSeconds=\(String(format: "%.2f", seconds)) cpuSeconds=\(String(format: "%.2f", cpu)) records=\(stats.records) pages=\(stats.pages) \
            articles=\(stats.articles) issues=\(stats.issues) textMB=\(String(format: "%.1f", Double(textBytes) / 1e6))
              per CPU second: records/s=\(rate(Double(stats.records))) pages/s=\(rate(Double(stats.pages))) \
            compressedMB/s=\(rate(Double(stats.inputBytes) / 1e6)) warcMB/s=\(rate(Double(stats.warcBytes) / 1e6)) \
            (input \(stats.inputBytes / 1_000_000) MB, WARC \(stats.warcBytes / 1_000_000) MB)
              peak RSS of the test process: \(Self.peakResidentMB()) MB
            """)
        for i in issues.prefix(5) { print("  issue: \(i)") }
        #expect(stats.records > 0)
        if Self.mode != "article" { #expect(issues.isEmpty) }
    }

    /// Peak resident memory of this process, in MB (Linux reports `ru_maxrss` in KiB).
    private static func peakResidentMB() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_maxrss / 1024
    }

    /// User + system CPU time of this process.
    private static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func s(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        return s(usage.ru_utime) + s(usage.ru_stime)
    }
}
