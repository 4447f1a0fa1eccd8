import Foundation
import ParallaxCore

/// Runs the whole comparison: documents from articles, stories from documents, and each story's analysis.
///
/// Stages are plain values; the pipeline only composes them. Document building and story analysis run
/// concurrently (one article or one story per task); grouping is a single incremental pass. Results do not depend
/// on the degree of concurrency.
public struct AnalysisPipeline: Sendable {
    /// The stages used; replace any of them to change its settings or lexicon.
    public var builder = DocumentBuilder()
    public var clusterer = StoryClusterer()
    public var quoteExtractor = QuoteExtractor()
    public var quoteAligner = QuoteAligner()
    public var citationExtractor: CitationExtractor
    public var namingAnalyzer = NamingAnalyzer()
    public var framingDetector = FramingDetector()
    public var timelineBuilder = TimelineBuilder()
    public var claimAligner = ClaimAligner()
    public var synthesisBuilder = SynthesisBuilder()
    /// Tasks run at once (default: the number of cores).
    public var concurrency: Int

    /// A pipeline with the bundled lexicons; `outlets` names the outlets the citation extractor recognises.
    public init(outlets: OutletRegistry, concurrency: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.citationExtractor = CitationExtractor(registry: outlets)
        self.concurrency = max(1, concurrency)
    }

    /// What the pipeline is doing, for progress reports on long runs.
    public enum Step: String, Sendable {
        case documents, grouping, analysis
    }

    /// Analyzes `articles`: builds documents, groups them into stories and compares each story's articles.
    /// `progress` is called with the step, the items done and the total (from any thread, serialized).
    public func run(
        _ articles: [Article], progress: (@Sendable (Step, Int, Int) -> Void)? = nil
    ) -> [StoryAnalysis] {
        let documents = concurrentMap(articles, step: .documents, progress: progress) { builder.build($0) }
        progress?(.grouping, 0, 1)
        let stories = clusterer.cluster(documents)
        progress?(.grouping, 1, 1)
        var byID: [String: Document] = [:]
        for d in documents { byID[d.id] = d }
        let lookup = byID
        return concurrentMap(stories, step: .analysis, progress: progress) { story in
            analyze(story, documents: story.articles.compactMap { lookup[$0] })
        }
    }

    /// The comparison of one story, given its member documents (in story order).
    public func analyze(_ story: Story, documents: [Document]) -> StoryAnalysis {
        let quotes = quoteAligner.align(documents, extractor: quoteExtractor)
        let citations = documents.flatMap { citationExtractor.extract(from: $0) }
        let claims = claimAligner.align(story: story, documents: documents)
        return StoryAnalysis(
            story: story,
            quotes: quotes,
            citations: citations,
            originalSource: ProvenanceGraph(citations: citations).originalSource,
            naming: namingAnalyzer.analyze(documents),
            framing: framingDetector.detect(documents),
            claims: claims,
            timeline: timelineBuilder.build(documents),
            synthesis: synthesisBuilder.build(claims: claims, story: story, documents: documents))
    }

    /// Maps `items` with `transform` on `concurrency` threads, keeping input order, reporting progress every 64
    /// items and at the end.
    private func concurrentMap<T: Sendable, R: Sendable>(
        _ items: [T], step: Step, progress: (@Sendable (Step, Int, Int) -> Void)?,
        _ transform: @Sendable (T) -> R
    ) -> [R] {
        let total = items.count
        guard let progress else { return ParallelMap.map(items, concurrency: concurrency, transform) }
        return ParallelMap.map(items, concurrency: concurrency, progress: { done in
            if done % 64 == 0 || done == total { progress(step, done, total) }
        }, transform)
    }
}
