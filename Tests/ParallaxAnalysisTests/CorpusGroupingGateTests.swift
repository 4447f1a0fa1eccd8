import Foundation
import ParallaxAnalysis
import ParallaxCore
import Testing

/// Quality gate of the production ingest path (``CorpusIngester`` over an ``InMemoryStore``, one article per
/// transaction, in date order, undated by id) next to the one-shot ``StoryClusterer``, on ECB+ (all 982 documents)
/// and the multi-outlet stories, read from `../shared/eval`. Scores are in docs/EVALUATION.md.
struct CorpusGroupingGateTests {
    /// Pinned floor for the incremental BCubed F1 on all of ECB+ (measured 0.869; docs/EVALUATION.md).
    static let ecbFloor = 0.85
    /// Largest accepted shortfall of the incremental mode against the one-shot mode on ECB+ (measured 0.042; the
    /// goal of 0.01 is not reached yet, this pins today's gap against regressions).
    static let ecbGap = 0.06
    /// Pinned floor for the incremental BCubed F1 on the multi-outlet stories (measured 0.980).
    static let multiOutletFloor = 0.95
    static let multiOutletPath = StoryFixtures.packageRoot.appendingPathComponent("../shared/eval/stories-multioutlet")
        .standardized.path
    static var hasMultiOutlet: Bool { FileManager.default.fileExists(atPath: multiOutletPath + "/gold.tsv") }

    /// Articles in date order (undated last), then by id: the order an analyst's feed would bring them.
    static func dateOrdered(_ annotations: [ArticleAnnotation]) -> [ArticleAnnotation] {
        annotations.sorted { a, b in
            switch (a.article.published, b.article.published) {
            case (let x?, let y?) where x != y: return x < y
            case (.some, nil): return true
            case (nil, .some): return false
            default: return a.id < b.id
            }
        }
    }

    /// The stories of feeding `annotations` one at a time through the ingester.
    static func incremental(_ annotations: [ArticleAnnotation], configuration: IncrementalGrouper.Configuration = .init())
        async throws -> [[String]]
    {
        let ingester = CorpusIngester(pipeline: CorpusFixtures.pipeline, outlets: .bundled, grouping: configuration)
        let store = InMemoryStore()
        for annotation in dateOrdered(annotations) { _ = try await ingester.ingest([annotation], issues: [], into: store) }
        return Array(try await CorpusFixtures.snapshot(store).values)
    }

    /// The part of an annotation that grouping reads (terms and signature, made by the annotator's clusterer);
    /// the findings the grouping never reads are left empty, so the gate runs in seconds in a debug build.
    static func groupingAnnotation(_ document: Document) -> ArticleAnnotation {
        let clusterer = CorpusFixtures.pipeline.annotator.clusterer
        return ArticleAnnotation(
            document: document, language: document.article.language, statements: [], citations: [], creditTokens: [],
            dates: [], names: [], framing: [], terms: [WeightedTerm](clusterer.termCounts(of: document)),
            signature: clusterer.signature(of: document))
    }

    static func ecbAnnotations() throws -> [(annotation: ArticleAnnotation, gold: String, split: String, topic: Int)] {
        try StoryFixtures.ecbDocuments().map { (groupingAnnotation($0.document), $0.gold, $0.split, $0.topic) }
    }

    @Test(.tags(.qualityGate), .enabled(if: StoryFixtures.hasECB, "ECB+ not found at ../shared/eval/events-ecbplus; gate skipped"))
    func ecbIncrementalIsCloseToOneShot() async throws {
        let all = try Self.ecbAnnotations()
        let gold = Dictionary(uniqueKeysWithValues: all.map { ($0.annotation.id, $0.gold) })
        if ProcessInfo.processInfo.environment["PARALLAX_TUNE"] != nil {
            // Threshold search on the train topics only.
            let train = all.filter { $0.split == "train" }.map(\.annotation)
            let o = StoryFixtures.bcubed(predicted: StoryClusterer().cluster(train).map(\.articles), gold: gold)
            print("TUNE train one-shot F1 \(o.f1)")
            for threshold: Float in [0.25, 0.3] {
                for lone: Float in [0.2, 0.25, 0.3, 2] {
                    var c = IncrementalGrouper.Configuration()
                    c.threshold = threshold
                    c.loneMergeThreshold = lone
                    let s = StoryFixtures.bcubed(predicted: try await Self.incremental(train, configuration: c), gold: gold)
                    print("TUNE train threshold \(threshold) lone merge \(lone): F1 \(s.f1)")
                }
            }
            return  // tuning looks at the train topics only
        }
        let annotations = all.map(\.annotation)
        let oneShot = StoryFixtures.bcubed(predicted: StoryClusterer().cluster(annotations).map(\.articles), gold: gold)
        let incremental = StoryFixtures.bcubed(predicted: try await Self.incremental(annotations), gold: gold)
        print("ECB+ all 982: one-shot F1 \(oneShot.f1) (P \(oneShot.p) R \(oneShot.r)); incremental F1 \(incremental.f1) (P \(incremental.p) R \(incremental.r))")
        for split in ["train", "dev", "test"] {
            let part = all.filter { $0.split == split }.map(\.annotation)
            let o = StoryFixtures.bcubed(predicted: StoryClusterer().cluster(part).map(\.articles), gold: gold)
            let i = StoryFixtures.bcubed(predicted: try await Self.incremental(part), gold: gold)
            print("ECB+ \(split) (\(part.count)): one-shot F1 \(o.f1); incremental F1 \(i.f1)")
        }
        #expect(incremental.f1 >= Self.ecbFloor)
        #expect(incremental.f1 >= oneShot.f1 - Self.ecbGap)
    }

    static func multiOutletAnnotations() throws -> ([ArticleAnnotation], [String: String]) {
        let lines = try String(contentsOfFile: multiOutletPath + "/articles.jsonl", encoding: .utf8).split(separator: "\n")
        let articles: [Article] = lines.compactMap { line in
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                let id = object["id"] as? String, let text = object["text"] as? String
            else { return nil }
            return Article(
                id: id, source: "stories-multioutlet", outlet: object["outlet"] as? String, url: object["url"] as? String,
                title: object["title"] as? String, published: (object["date"] as? String).flatMap { Day(iso: $0) },
                text: text)
        }
        var gold: [String: String] = [:]
        let tsv = try String(contentsOfFile: multiOutletPath + "/gold.tsv", encoding: .utf8)
        for line in tsv.split(separator: "\n").dropFirst() {
            let f = line.split(separator: "\t", omittingEmptySubsequences: false)
            if f.count >= 2 { gold[String(f[0])] = String(f[1]) }
        }
        return (articles.map { groupingAnnotation(DocumentBuilder().build($0)) }, gold)
    }

    @Test(.tags(.qualityGate), .enabled(if: hasMultiOutlet, "stories-multioutlet not found in ../shared/eval; gate skipped"))
    func multiOutletIncrementalIsCloseToOneShot() async throws {
        let (annotations, gold) = try Self.multiOutletAnnotations()
        #expect(annotations.count == gold.count)
        let oneShot = StoryFixtures.bcubed(predicted: StoryClusterer().cluster(annotations).map(\.articles), gold: gold)
        let incremental = StoryFixtures.bcubed(predicted: try await Self.incremental(annotations), gold: gold)
        print("multi-outlet \(annotations.count): one-shot F1 \(oneShot.f1) (P \(oneShot.p) R \(oneShot.r)); incremental F1 \(incremental.f1) (P \(incremental.p) R \(incremental.r))")
        #expect(incremental.f1 >= Self.multiOutletFloor)
        #expect(incremental.f1 >= oneShot.f1 - 0.01)
    }
}
