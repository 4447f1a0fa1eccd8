import Foundation

/// What a store can read, synchronously, inside ``CorpusStore/read(_:)`` or ``CorpusStore/write(_:)``.
///
/// Every method may throw ``StoreError``. Lists come in a documented, deterministic order; streaming methods
/// (`forEach...`) hold one row at a time, so exports run in constant memory; their `body` returns `false` to stop.
public protocol CorpusReader {
    // MARK: Articles

    /// A stored article's record (no annotation), or `nil`.
    func article(id: String) throws -> ArticleRecord?
    /// A stored article's annotation, or `nil`.
    func annotation(of articleID: String) throws -> ArticleAnnotation?
    /// The annotations of `articleIDs`, in that order; unknown ids are left out.
    func annotations(of articleIDs: [String]) throws -> [ArticleAnnotation]
    /// The articles (metadata and cleaned text) of `articleIDs`, in that order; unknown ids are left out. What a
    /// report of them needs, cheaper than their annotations.
    func articles(ids articleIDs: [String]) throws -> [Article]
    /// Articles matching `filter`, newest first (published day, then ingestion order), at most `filter.limit`.
    func articles(_ filter: ArticleFilter) throws -> [ArticleRecord]
    /// Every article matching `filter` (its limit included), oldest first (ingestion order), one at a time.
    func forEachArticle(_ filter: ArticleFilter, _ body: (ArticleRecord) throws -> Bool) throws
    /// Full-text search over titles and texts: every word of `query` must occur (words are matched as words, any
    /// punctuation in `query` is not syntax); best match first, at most `limit`.
    func search(_ query: String, limit: Int) throws -> [SearchHit]

    // MARK: Stories

    /// The live story that `id` names: itself, or the story it was merged into (following merges); `nil` when
    /// no story ever had this id.
    func resolveStory(_ id: String) throws -> String?
    /// A story's record by its exact id (merged stories too: see ``StoryRecord/mergedInto``).
    func story(id: String) throws -> StoryRecord?
    /// The id of the story with this key (``StoryRecord/key``), merged or not; `nil` for an unknown key.
    func storyID(ofKey key: Int64) throws -> String?
    /// Live stories matching `filter`, largest first (article count, then latest day, then id), at most
    /// `filter.limit`.
    func stories(_ filter: StoryFilter) throws -> [StoryRecord]
    /// Every live story matching `filter` (its limit included), in creation order, one at a time.
    func forEachStory(_ filter: StoryFilter, _ body: (StoryRecord) throws -> Bool) throws
    /// The member article ids of a story, oldest first (published day, undated last, then ingestion order).
    func members(ofStory id: String) throws -> [String]
    /// The copy links among a story's members (each copy with the original it copies).
    func copyLinks(ofStory id: String) throws -> [CopyLink]
    /// The stored comparison of a story (the `StoryAnalysis` JSON) and whether it is out of date, or `nil`.
    func analysis(ofStory id: String) throws -> StoredAnalysis?
    /// Live stories whose comparison is missing or out of date, in creation order, at most `limit`.
    func staleStories(limit: Int) throws -> [String]
    /// Recorded merges, oldest first.
    func merges(limit: Int) throws -> [StoryMerge]

    // MARK: Corpus

    /// Recorded ingest issues, oldest first, at most `limit`.
    func issues(limit: Int) throws -> [IngestIssue]
    /// Counts, outlets, date range and size.
    func stats() throws -> CorpusStats
    /// A value of the store's key-value table (settings, versions), or `nil`.
    func meta(_ key: String) throws -> String?
    /// A number that changes with every committed write, by any process: what a reader caches stays valid while
    /// it is the same.
    func writeGeneration() throws -> Int

    // MARK: Grouping index

    /// Number of articles counted in the document frequencies (``CorpusWriter/observe(terms:)`` calls).
    func documentCount() throws -> Int
    /// Id and document frequency of each term (`nil` for a term never observed), in the order given.
    func vocabulary(of terms: [String]) throws -> [TermEntry?]
    /// Stories posted under each term id, newest (highest key) first, at most `perTerm` per term, concatenated
    /// term by term (a story appears once per term that lists it).
    func postings(of termIDs: [Int32], perTerm: Int) throws -> [Int64]
    /// The grouping state (centroid sums, days, size) of a live story by key, or `nil` for an unknown or merged
    /// story.
    func groupingState(ofStoryKey key: Int64) throws -> StoryGroupingState?
    /// Articles filed under any of these LSH band keys (deduplicated, ingestion order).
    func copyCandidates(bandKeys: [UInt64]) throws -> [String]
    /// An article whose signature has this exact-text key (the first one stored), or `nil`.
    func exactCopy(of exactKey: UInt64) throws -> String?
}

/// What a store can change, inside ``CorpusStore/write(_:)`` (all of it in one transaction).
public protocol CorpusWriter: CorpusReader {
    /// Stores an article and its annotation, or replaces the stored one with the same id (its story, copy link
    /// and LSH keys are kept unless given again). `record` carries the columns: id, content hash, story,
    /// copy link, country; its other fields are taken from the annotation's article. `storedForm` is the store's
    /// ``CorpusStore/storedForm(of:)`` of this annotation when the caller made it beforehand (else `nil`).
    func putArticle(_ annotation: ArticleAnnotation, record: ArticleRecord, storedForm: Data?) throws
    /// Moves an article into a story (its story's counts are the caller's: see ``updateStory(_:)``).
    func setStory(ofArticle id: String, to story: String) throws
    /// Creates a story and returns its key (increasing: a newer story has a greater key). `record.key` is ignored.
    func createStory(_ record: StoryRecord, state: StoryGroupingState) throws -> Int64
    /// Updates a story's record (title, counts, days, outlets) and marks its comparison out of date.
    func updateStory(_ record: StoryRecord) throws
    /// Replaces a live story's grouping state.
    func setGroupingState(_ state: StoryGroupingState, ofStoryKey key: Int64) throws
    /// Merges story `from` into story `into`: its members move, it stops being live, its id redirects, and the
    /// merge is recorded. The callers update `into`'s record and state.
    func mergeStory(_ from: String, into: String) throws
    /// Stores a story's comparison (its stored form, `CorpusIngester.encode`) made by pipeline `version`; it is up
    /// to date until the story changes again.
    func saveAnalysis(_ data: Data, version: Int, ofStory id: String) throws
    /// Records an ingest issue (the same description twice is kept once).
    func addIssue(_ issue: IngestIssue) throws
    /// Sets a value of the key-value table.
    func setMeta(_ key: String, _ value: String) throws

    /// Counts one article holding these terms in the document frequencies (a term given twice counts once);
    /// returns each term's entry after the count (new terms get new ids), in the order given.
    func observe(terms: [String]) throws -> [TermEntry]
    /// Posts a story under term ids (posting an existing pair again does nothing).
    func post(termIDs: [Int32], story key: Int64) throws
    /// Files an article under LSH band keys and its exact-text key.
    func addCopyKeys(bandKeys: [UInt64], exactKey: UInt64, article id: String) throws
    /// Frees what the store's writer keeps in memory between transactions to speed up ingest (the vocabulary and
    /// the grouping states of recent stories), before work that needs memory and no ingest, such as recomputing
    /// comparisons; later writes read them from the store again.
    func releaseCaches()
}

extension CorpusWriter {
    /// Nothing to free: a store without a writer memory.
    public func releaseCaches() {}

    /// Stores an article and its annotation (see ``putArticle(_:record:storedForm:)``).
    public func putArticle(_ annotation: ArticleAnnotation, record: ArticleRecord) throws {
        try putArticle(annotation, record: record, storedForm: nil)
    }
}
