import Foundation
import ParallaxAnalysis
import ParallaxCore
import Testing

/// A measurement, not a test: runs only when `PARALLAX_BENCH_CORPUS` names a JSON Lines corpus (e.g.
/// `bench/out/corpus-10k.jsonl` from `python3 bench/make_corpus.py`), best in a release build:
/// `PARALLAX_BENCH_CORPUS=bench/out/corpus-10k.jsonl swift test -c release --filter CorpusIngestBenchTests`.
/// Prints annotation and ingest (group + store, InMemoryStore) throughput and the ingest cost per 1,000 articles
/// as the corpus grows.
struct CorpusIngestBenchTests {
    static let path = ProcessInfo.processInfo.environment["PARALLAX_BENCH_CORPUS"]

    @Test(.enabled(if: path != nil, "set PARALLAX_BENCH_CORPUS to a JSON Lines corpus to measure ingest speed"))
    func measureIngest() async throws {
        let text = try String(contentsOfFile: Self.path ?? "", encoding: .utf8)
        let articles: [Article] = text.split(separator: "\n").compactMap { line in
            guard let o = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                let body = o["text"] as? String
            else { return nil }
            let url = o["url"] as? String
            return Article(
                id: ArticleIdentity.id(url: url, text: body), source: "bench", outlet: o["outlet"] as? String, url: url,
                title: o["title"] as? String, published: (o["published"] as? String).flatMap { Day(iso: $0) },
                text: body)
        }
        let clock = ContinuousClock()
        let pipeline = AnalysisPipeline(outlets: .bundled)
        var annotations: [ArticleAnnotation] = []
        let annotate = clock.measure {
            annotations = ParallelMap.map(articles, concurrency: pipeline.concurrency) { pipeline.annotator.annotate($0) }
        }
        let ingester = CorpusIngester(pipeline: pipeline, outlets: .bundled)
        let store = InMemoryStore()
        var summary = IngestSummary()
        var chunks: [Duration] = []
        let batch = 256
        var chunkStart = clock.now
        var inChunk = 0
        let ingest = try await clock.measure {
            for start in stride(from: 0, to: annotations.count, by: batch) {
                summary += try await ingester.ingest(
                    Array(annotations[start..<min(start + batch, annotations.count)]), issues: [], into: store)
                inChunk += min(batch, annotations.count - start)
                if inChunk >= 1024 {
                    chunks.append((clock.now - chunkStart) / inChunk * 1000)
                    (chunkStart, inChunk) = (clock.now, 0)
                }
            }
        }
        let seconds = { (d: Duration) in Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18 }
        print("BENCH articles \(articles.count) cores \(pipeline.concurrency)")
        print("BENCH annotate \(seconds(annotate)) s = \(Double(articles.count) / seconds(annotate)) articles/s")
        print("BENCH ingest (group + store, batches of \(batch)) \(seconds(ingest)) s = \(Double(articles.count) / seconds(ingest)) articles/s")
        print("BENCH ingest ms per 1000 articles, by 1024-article chunk: \(chunks.map { String(format: "%.0f", seconds($0) * 1000) }.joined(separator: " "))")
        print("BENCH summary new \(summary.new) copies \(summary.copies) created \(summary.storiesCreated) grown \(summary.storiesGrown) merged \(summary.storiesMerged)")
        let refresh = try await clock.measure { _ = try await ingester.refreshAnalyses(in: store, progress: nil) }
        let stats = try await store.read { try $0.stats() }
        print("BENCH stories \(stats.stories) multi \(stats.multiArticleStories); refreshAnalyses \(seconds(refresh)) s")
        #expect(summary.new + summary.unchanged == articles.count)
    }
}
