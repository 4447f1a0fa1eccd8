import Foundation
import ParallaxCore
import ParallaxStorage

/// Grows a corpus: stores annotated articles in batches, groups each new one into the stories of the store
/// (``IncrementalGrouper``), and keeps story comparisons up to date from stored annotations.
///
/// Every article is handled alone and in input order, and an article already stored with the same content is a
/// no-op, so the stories of a sequence do not depend on how it is cut into batches: a run killed mid-way and run
/// again ends with the stories of an uninterrupted run (each batch is one transaction).
public struct CorpusIngester: Sendable {
    /// Version of the story-level stages (grouping record upkeep, alignment, synthesis); bump it when they change
    /// what a comparison holds, so stored comparisons are recomputed.
    static let storyStagesVersion = 4
    /// Key-value entry holding the analysis version the stored comparisons were made with.
    static let versionMeta = "analysis.version"

    /// The version stored with each comparison: changes with the annotator and with the story stages.
    public static var analysisVersion: Int { ArticleAnnotation.currentVersion * 1000 + storyStagesVersion }

    public let pipeline: AnalysisPipeline
    public let outlets: OutletRegistry
    public let grouper: IncrementalGrouper

    public init(
        pipeline: AnalysisPipeline, outlets: OutletRegistry, grouping: IncrementalGrouper.Configuration = .init()
    ) {
        self.pipeline = pipeline
        self.outlets = outlets
        self.grouper = IncrementalGrouper(configuration: grouping)
    }

    /// Stores one batch (in input order) in ONE write transaction: new articles are grouped and stored; an id
    /// already stored with the same content hash is skipped (unchanged); same id with another content hash
    /// replaces the stored article (its story is marked stale, it stays in its story); issues are recorded.
    public func ingest(_ batch: [ArticleAnnotation], issues: [IngestIssue], into store: any CorpusStore) async throws
        -> IngestSummary
    {
        let grouper = self.grouper
        // What needs no store is made on all cores before the single writer runs: content hashes, countries and
        // the stored form of each annotation.
        let outlets = self.outlets
        let prepared = ParallelMap.map(batch, concurrency: pipeline.concurrency) { annotation in
            Prepared(
                hash: ArticleIdentity.id(url: nil, text: annotation.article.text),
                country: annotation.article.outlet.flatMap { outlets.outlet(named: $0)?.country }
                    ?? annotation.article.url.flatMap { outlets.outlet(forURL: $0)?.country },
                storedForm: try? store.storedForm(of: annotation))
        }
        return try await store.write { w in
            var summary = IngestSummary()
            summary.read = batch.count
            for issue in issues {
                try w.addIssue(issue)
                summary.skipped[issue.kind, default: 0] += 1
            }
            for (annotation, prepared) in zip(batch, prepared) {
                let hash = prepared.hash
                if var existing = try w.article(id: annotation.id) {
                    guard existing.contentHash != hash else {
                        summary.unchanged += 1
                        continue
                    }
                    existing.contentHash = hash
                    try w.putArticle(annotation, record: existing, storedForm: prepared.storedForm)
                    if let id = existing.story, let live = try w.resolveStory(id), let story = try w.story(id: live) {
                        try w.updateStory(story)
                    }
                    summary.updated += 1
                    continue
                }
                let record = ArticleRecord(
                    id: annotation.id, source: annotation.article.source, country: prepared.country, contentHash: hash,
                    textBytes: annotation.article.text.utf8.count)
                let outcome = try grouper.add(annotation, record: record, storedForm: prepared.storedForm, in: w)
                summary.new += 1
                if outcome.copyOf != nil { summary.copies += 1 }
                if outcome.created { summary.storiesCreated += 1 } else { summary.storiesGrown += 1 }
                summary.storiesMerged += outcome.merged.count
            }
            return summary
        }
    }

    /// Recomputes the comparison of every stale story from stored annotations and stores it; returns how many.
    /// `progress` gets (done, total). Stories are analysed `pipeline.concurrency` at a time, in chunks (one read
    /// and one write transaction per chunk). With `releasingCaches` (when no ingest follows in this process), the
    /// writer's cached vocabulary and grouping states are freed first (``CorpusWriter/releaseCaches()``), making
    /// room for the members' annotations.
    public func refreshAnalyses(
        in store: any CorpusStore, releasingCaches: Bool = false, progress: (@Sendable (Int, Int) -> Void)?
    ) async throws -> Int {
        try await startRefresh(in: store, releasingCaches: releasingCaches)
        let total = try await store.read { try $0.stats().staleStories }
        var done = 0
        var unsaved = Set<String>()  // comparisons that could not be encoded stay stale: skipped, not retried
        let chunk = max(16, 4 * pipeline.concurrency)
        while true {
            let skip = unsaved
            let ids = Array(
                try await store.read { try $0.staleStories(limit: chunk + skip.count) }.filter { !skip.contains($0) })
            guard !ids.isEmpty else { break }
            let (inputs, tried) = try await store.read { r in try Self.storyInputs(ids, in: r) }
            let pipeline = self.pipeline
            let encoded = ParallelMap.map(inputs, concurrency: pipeline.concurrency) { input in
                Self.encode(pipeline.analyze(input.story, annotations: input.annotations))
            }
            let version = Self.analysisVersion
            let pairs = Array(zip(inputs.map(\.story.id), encoded))
            try await store.write { w in
                for (id, data) in pairs { if let data { try w.saveAnalysis(data, version: version, ofStory: id) } }
            }
            let saved = Set(pairs.compactMap { $0.1 == nil ? nil : $0.0 })
            unsaved.formUnion(tried.filter { !saved.contains($0) })
            done += saved.count
            progress?(done, max(total, done))
        }
        return done
    }

    /// A story's stored comparison (`id` resolved through merges) when it is up to date and readable; `nil`
    /// otherwise (then ``analysis(ofStory:in:)`` recomputes it). Needs no pipeline: showing a stored comparison
    /// loads no lexicon.
    public static func storedAnalysis(ofStory id: String, in store: any CorpusStore) async throws -> StoryAnalysis? {
        let version = analysisVersion
        let stored: StoredAnalysis? = try await store.read { r in
            guard let live = try r.resolveStory(id), let stored = try r.analysis(ofStory: live), !stored.stale,
                stored.version == version
            else { return nil }
            return stored
        }
        return stored.flatMap { try? decode($0.data) }
    }

    /// A story's comparison: the stored one when up to date (no pipeline built, no lexicon loaded), else
    /// recomputed by the ingester `recompute` makes, which is only called then. nil for an unknown id.
    public static func analysis(
        ofStory id: String, in store: any CorpusStore, recomputingWith recompute: () throws -> CorpusIngester
    ) async throws -> StoryAnalysis? {
        if let stored = try await storedAnalysis(ofStory: id, in: store) { return stored }
        return try await recompute().analysis(ofStory: id, in: store)
    }

    /// A story's comparison (`id` resolved through merges): the stored one if up to date, else recomputed from
    /// its members' annotations and stored. nil for an unknown id.
    public func analysis(ofStory id: String, in store: any CorpusStore) async throws -> StoryAnalysis? {
        let version = Self.analysisVersion
        let found: (StoredAnalysis?, StoryInput?)? = try await store.read { r in
            guard let live = try r.resolveStory(id) else { return nil }
            if let stored = try r.analysis(ofStory: live), !stored.stale, stored.version == version {
                return (stored, nil)
            }
            return (nil, try Self.storyInput(live, in: r))
        }
        guard let found else { return nil }
        if let stored = found.0, let analysis = try? Self.decode(stored.data) {
            return analysis
        }
        guard let input = found.1 else {
            // The stored comparison could not be decoded: recompute it.
            let input = try await store.read { r in try r.resolveStory(id).flatMap { try Self.storyInput($0, in: r) } }
            return try await compute(input, in: store)
        }
        return try await compute(input, in: store)
    }

    // MARK: Helpers

    /// What an article's ingest needs that is made before the write transaction.
    private struct Prepared: Sendable {
        var hash: String
        var country: String?
        var storedForm: Data?
    }

    /// A story as the pipeline takes it, with its members' annotations (oldest first).
    struct StoryInput: Sendable {
        var story: Story
        var annotations: [ArticleAnnotation]
    }

    private func compute(_ input: StoryInput?, in store: any CorpusStore) async throws -> StoryAnalysis? {
        guard let input else { return nil }
        let analysis = pipeline.analyze(input.story, annotations: input.annotations)
        if let data = Self.encode(analysis) {
            let version = Self.analysisVersion
            try await store.write { try $0.saveAnalysis(data, version: version, ofStory: input.story.id) }
        }
        return analysis
    }

    /// A comparison's stored form (``StoryAnalysisCodec``: binary, its strings written once, deflated).
    static func encode(_ analysis: StoryAnalysis) -> Data? { try? StoryAnalysisCodec.encode(analysis) }

    /// A stored comparison (``StoredAnalysis/data``), in the binary form or as the JSON that earlier versions stored.
    public static func decode(_ stored: Data) throws -> StoryAnalysis { try StoryAnalysisCodec.decode(stored) }

    /// Most annotations a refresh holds at once (besides a single story that has more): a chunk of stale stories
    /// ends before the story that would pass it, so a big story is analysed alone and memory stays bounded by the
    /// largest story, not by the chunk.
    static let annotationBudget = 2_048

    /// The inputs of the first of `ids` that fit `budget` annotations together (at least one), and the ids tried
    /// (those loaded, and those that are no live story).
    static func storyInputs(
        _ ids: [String], in r: any CorpusReader, budget: Int = annotationBudget
    ) throws -> ([StoryInput], [String]) {
        var inputs: [StoryInput] = []
        var tried: [String] = []
        var held = 0
        for id in ids {
            let record = try r.story(id: id)
            if let record, !inputs.isEmpty, held + record.articleCount > budget { break }
            tried.append(id)
            guard let record, let input = try storyInput(record, in: r) else { continue }
            held += input.annotations.count
            inputs.append(input)
        }
        return (inputs, tried)
    }

    /// The `Story` value of a live story: id, title, members oldest first, copy groups from the copy links.
    static func storyInput(_ id: String, in r: any CorpusReader) throws -> StoryInput? {
        try r.story(id: id).flatMap { try storyInput($0, in: r) }
    }

    /// ``storyInput(_:in:)`` of a story whose record was read.
    private static func storyInput(_ record: StoryRecord, in r: any CorpusReader) throws -> StoryInput? {
        guard record.mergedInto == nil else { return nil }
        let id = record.id
        let members = try r.members(ofStory: id)
        let index = Dictionary(members.enumerated().map { ($0.element, $0.offset) }, uniquingKeysWith: { a, _ in a })
        var sets = DisjointSets(count: members.count)
        for link in try r.copyLinks(ofStory: id) {
            guard let a = index[link.copy], let b = index[link.original] else { continue }
            sets.union(a, b)
        }
        let copies = sets.groups().map { $0.map { members[$0] } }
        let story = Story(id: id, title: record.title, articles: members, copies: copies)
        return StoryInput(story: story, annotations: try r.annotations(of: members))
    }

    /// Frees the writer's caches when asked, and marks every live story stale when the stored comparisons were made
    /// by another analysis version.
    private func startRefresh(in store: any CorpusStore, releasingCaches: Bool) async throws {
        let version = String(Self.analysisVersion)
        try await store.write { w in
            if releasingCaches { w.releaseCaches() }
            guard try w.meta(Self.versionMeta) != version else { return }
            var records: [StoryRecord] = []
            try w.forEachStory(StoryFilter()) { records.append($0); return true }
            for record in records where try w.analysis(ofStory: record.id) != nil { try w.updateStory(record) }
            try w.setMeta(Self.versionMeta, version)
        }
    }
}
