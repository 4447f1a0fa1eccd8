import Foundation
import ParallaxCore

/// Runs the whole comparison in two levels: one annotation per article, then a cheap aggregation per story.
///
/// 1. **Per article** (``ArticleAnnotator``): document, one attribution parse (quotes and citations), dates,
///    naming and framing uses, grouping terms and copy signature. Computed once, concurrently.
/// 2. **Grouping** (``StoryClusterer``): one incremental pass over the annotations' terms and signatures.
/// 3. **Per story** (``analyze(_:annotations:)``): quote alignment, claim alignment, timeline, provenance, naming,
///    framing and synthesis read the members' annotations only; no article is parsed again.
///
/// Results do not depend on the input order or on the degree of concurrency: articles are taken in id order
/// (an id that occurs twice is one article, the copy with the longest text kept), grouping orders by date and id,
/// and every id is derived from content.
public struct AnalysisPipeline: Sendable {
    /// The per-article stage (and the settings of naming, framing, timeline and grouping, which aggregate what it
    /// finds).
    public var annotator: ArticleAnnotator
    public var quoteAligner = QuoteAligner()
    public var claimAligner = ClaimAligner()
    public var synthesisBuilder = SynthesisBuilder()
    public var wordingContrast = WordingContrast()
    /// Outlets known by name and domain: their ownership groups a story's outlets for ``WordingContrast``.
    public var outlets: OutletRegistry
    /// Items processed at once (default: the number of cores).
    public var concurrency: Int

    /// A pipeline with the bundled lexicons; `outlets` names the outlets the attribution parse recognises.
    public init(outlets: OutletRegistry, concurrency: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.annotator = ArticleAnnotator(outlets: outlets)
        self.outlets = outlets
        self.concurrency = max(1, concurrency)
    }

    /// What the pipeline is doing, for progress reports on long runs.
    public enum Step: String, Sendable {
        case annotation, grouping, analysis
    }

    // MARK: Batch

    /// Analyzes `articles`: annotates them, groups them into stories and compares each story's articles.
    /// `progress` is called with the step, the items done and the total (from any thread, serialized).
    public func run(
        _ articles: [Article], progress: (@Sendable (Step, Int, Int) -> Void)? = nil
    ) -> [StoryAnalysis] {
        let annotations = concurrentMap(Self.canonical(articles), step: .annotation, progress: progress) {
            annotator.annotate($0)
        }
        return analyze(annotations: annotations, progress: progress)
    }

    /// Groups annotations into stories and analyzes each story (the second half of ``run(_:progress:)``).
    public func analyze(
        annotations: [ArticleAnnotation], progress: (@Sendable (Step, Int, Int) -> Void)? = nil
    ) -> [StoryAnalysis] {
        let (stories, lookup) = group(annotations, progress: progress)
        return concurrentMap(stories, step: .analysis, progress: progress) { story in
            analyze(story, annotations: story.articles.compactMap { lookup[$0] })
        }
    }

    // MARK: Async

    /// Annotates articles as they arrive, at most `concurrency` at once off the cooperative thread pool, and hands
    /// each annotation to `consume` in input order (for a store, or to collect them).
    public func annotate<S: AsyncSequence>(
        _ articles: S, consume: (ArticleAnnotation) async throws -> Void
    ) async throws where S.Element == Article {
        let annotator = self.annotator
        try await CPUWorkers(limit: concurrency).map(articles, transform: { annotator.annotate($0) }, consume: consume)
    }

    /// Groups `annotations` and analyzes each story off the cooperative thread pool, handing each story's analysis
    /// to `consume` in story order (largest stories first); at most `concurrency` analyses are held at once.
    public func analyze(
        annotations: [ArticleAnnotation], progress: (@Sendable (Step, Int, Int) -> Void)? = nil,
        consume: (StoryAnalysis) async throws -> Void
    ) async throws {
        let workers = CPUWorkers(limit: concurrency)
        let (stories, lookup) = await workers.run { [self] in group(annotations, progress: progress) }
        var done = 0
        try await workers.map(
            stories, transform: { [self] story in analyze(story, annotations: story.articles.compactMap { lookup[$0] }) },
            consume: { analysis in
                try await consume(analysis)
                done += 1
                if done % 64 == 0 || done == stories.count { progress?(.analysis, done, stories.count) }
            })
    }

    // MARK: Stages

    /// The stories of `annotations` (in canonical order, see ``canonical(_:)``) and an id -> annotation lookup.
    public func group(
        _ annotations: [ArticleAnnotation], progress: (@Sendable (Step, Int, Int) -> Void)? = nil
    ) -> ([Story], [String: ArticleAnnotation]) {
        progress?(.grouping, 0, 1)
        let members = Self.canonical(annotations)
        let lookup = Dictionary(uniqueKeysWithValues: members.map { ($0.id, $0) })
        var clusterer = annotator.clusterer
        clusterer.concurrency = concurrency
        let stories = clusterer.cluster(members)
        progress?(.grouping, 1, 1)
        return (stories, lookup)
    }

    /// The comparison of one story, from its members' annotations (in story order). The claims of a big story
    /// are aligned while the other stages run on another thread (the same comparison as one thread makes).
    public func analyze(_ story: Story, annotations: [ArticleAnnotation]) -> StoryAnalysis {
        var configured = claimAligner
        configured.concurrency = concurrency  // a big story's pair search on every core (the same claims)
        let aligner = configured
        var analysis = StoryAnalysis(story: story)
        if concurrency > 1 && annotations.count >= Self.splitStoriesOf {
            let (claims, others) = ParallelMap.pair({ aligner.align(story: story, annotations: annotations) }) {
                var others = StoryAnalysis(story: story)
                otherFindings(of: annotations, into: &others)
                return others
            }
            analysis = others
            analysis.claims = claims
        } else {
            analysis.claims = aligner.align(story: story, annotations: annotations)
            otherFindings(of: annotations, into: &analysis)
        }
        analysis.synthesis = synthesisBuilder.build(
            claims: analysis.claims, story: story, documents: annotations.map(\.document))
        return analysis
    }

    /// Stories of at least this many articles are analysed on two threads (``analyze(_:annotations:)``).
    static let splitStoriesOf = 200

    /// Every finding but the claims and the synthesis (which is built from the claims).
    private func otherFindings(of annotations: [ArticleAnnotation], into analysis: inout StoryAnalysis) {
        let citations = annotations.flatMap(\.citations)
        analysis.quotes = quoteAligner.align(candidates: annotations.flatMap(\.statements))
        // The original source counts every citation; the list keeps the first few per article and source.
        analysis.citations = citations.cappedPerArticle(key: { [$0.article, $0.source] })
        analysis.originalSource = ProvenanceGraph(citations: citations).originalSource
        analysis.naming = annotator.namingAnalyzer.choices(from: annotations)
        analysis.framing = annotator.framingDetector.uses(from: annotations)
        analysis.timeline = annotator.timelineBuilder.build(annotations)
        analysis.wording = wordingContrast.contrasts(annotations.map(\.document), group: ownershipGroup)
    }

    /// The ownership group of an article's outlet (found by name, else by the URL's domain): `state-owned media`
    /// or `other media`; nil when the outlet is not in the registry.
    func ownershipGroup(of document: Document) -> String? {
        let article = document.article
        guard let outlet = article.outlet.flatMap({ outlets.outlet(named: $0) }) ?? article.url.flatMap({ outlets.outlet(forURL: $0) })
        else { return nil }
        return outlet.ownership == .stateOwned ? "state-owned media" : "other media"
    }

    /// `articles` in id order, one per id: of two articles with one id (the same URL read twice), the one with
    /// the longer text, then the greater text, is kept, so the choice does not depend on input order.
    public static func canonical(_ articles: [Article]) -> [Article] {
        canonical(articles, article: { $0 })
    }

    /// ``canonical(_:)-([Article])`` for annotated articles.
    public static func canonical(_ annotations: [ArticleAnnotation]) -> [ArticleAnnotation] {
        canonical(annotations, article: \.article)
    }

    private static func canonical<T>(_ items: [T], article: (T) -> Article) -> [T] {
        var byID: [String: T] = [:]
        byID.reserveCapacity(items.count)
        for item in items {
            let a = article(item)
            if let other = byID[a.id], !isPreferred(a, over: article(other)) { continue }
            byID[a.id] = item
        }
        return byID.values.sorted { article($0).id < article($1).id }
    }

    private static func isPreferred(_ a: Article, over b: Article) -> Bool {
        let (x, y) = (a.text.utf8.count, b.text.utf8.count)
        return x != y ? x > y : a.text > b.text
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
