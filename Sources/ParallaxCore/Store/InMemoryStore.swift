import Foundation

/// A ``CorpusStore`` held in memory: for tests and the one-shot `analyze`.
///
/// One lock guards one state value. ``write(_:)`` runs its body on the state itself and records the inverse of
/// every change in an undo log: when the body throws, the log is replayed backwards, so a throwing body keeps
/// nothing (the same outcome as working on a copy, without copying the corpus for each transaction). Readers get a
/// copy-on-write snapshot. Lookups by id and key are O(1); lists, filters, stats and ``CorpusReader/search(_:limit:)``
/// scan the corpus (a search matches every query word as a whole word, case-insensitively).
public final class InMemoryStore: CorpusStore, @unchecked Sendable {
    private let lock = NSLock()
    private var state = MemoryState()

    public init() {}

    public func write<T: Sendable>(_ body: @escaping @Sendable (any CorpusWriter) throws -> T) async throws -> T {
        try lock.withLock {
            let transaction = MemoryTransaction(state: state)
            state = MemoryState()  // the transaction holds the only reference: its changes copy nothing
            defer { state = transaction.state }
            do {
                let result = try body(transaction)
                transaction.state.generation += 1
                return result
            } catch {
                transaction.rollBack()
                throw error
            }
        }
    }

    public func read<T: Sendable>(_ body: @escaping @Sendable (any CorpusReader) throws -> T) async throws -> T {
        let snapshot = lock.withLock { MemorySnapshot(state: state) }
        return try body(snapshot)
    }
}

/// An article as kept in memory.
struct MemoryArticle {
    var record: ArticleRecord
    var annotation: ArticleAnnotation
}

/// The whole corpus of an ``InMemoryStore``.
struct MemoryState {
    /// Committed write transactions.
    var generation = 0
    var articles: [String: MemoryArticle] = [:]
    /// Article ids in ingestion order (index + 1 is the sequence).
    var sequence: [String] = []
    var stories: [String: StoryRecord] = [:]
    /// Story ids in creation order (index + 1 is the key).
    var storyOrder: [String] = []
    /// Members of each story, in the order they joined.
    var members: [String: [String]] = [:]
    var groupingStates: [Int64: StoryGroupingState] = [:]
    var analyses: [String: (data: Data, version: Int)] = [:]
    var merges: [StoryMerge] = []
    var issues: [IngestIssue] = []
    var issueKeys: Set<String> = []
    var meta: [String: String] = [:]
    var termIDs: [String: Int32] = [:]
    var frequencies: [Int] = []
    var documentCount = 0
    /// Story keys per term id, ascending.
    var postings: [Int32: [Int64]] = [:]
    var bands: [UInt64: [String]] = [:]
    var exact: [UInt64: String] = [:]
}

/// The reads, over a state value (shared by snapshots and transactions).
protocol MemoryReading: CorpusReader {
    var state: MemoryState { get }
}

private func invalid(_ message: String) -> StoreError {
    StoreError(.invalidOperation, location: ":memory:", message: message)
}

/// Whether day `a` sorts before day `b`, dated first; `nil` when they tie.
private func isOlder(_ a: Day?, _ b: Day?) -> Bool? {
    switch (a, b) {
    case (let x?, let y?) where x != y: return x < y
    case (.some, nil): return true
    case (nil, .some): return false
    default: return nil
    }
}

extension MemoryReading {
    func article(id: String) throws -> ArticleRecord? { state.articles[id]?.record }

    func annotation(of articleID: String) throws -> ArticleAnnotation? { state.articles[articleID]?.annotation }

    func annotations(of articleIDs: [String]) throws -> [ArticleAnnotation] {
        articleIDs.compactMap { state.articles[$0]?.annotation }
    }

    func articles(ids articleIDs: [String]) throws -> [Article] {
        articleIDs.compactMap { state.articles[$0]?.annotation.article }
    }

    func matches(_ r: ArticleRecord, _ filter: ArticleFilter) -> Bool {
        if let after = filter.afterSequence, r.sequence <= after { return false }
        if let since = filter.since, !(r.published.map { $0 >= since } ?? false) { return false }
        if let until = filter.until, !(r.published.map { $0 <= until } ?? false) { return false }
        if let outlet = filter.outlet, r.outlet?.lowercased() != outlet.lowercased() { return false }
        if let country = filter.country, r.country?.lowercased() != country.lowercased() { return false }
        if let story = filter.story, r.story != story { return false }
        return true
    }

    func articles(_ filter: ArticleFilter) throws -> [ArticleRecord] {
        let all = state.sequence.compactMap { state.articles[$0]?.record }.filter { matches($0, filter) }
        // Newest day first, undated last; then the latest stored first.
        let sorted = all.sorted { a, b in
            switch (a.published, b.published) {
            case (let x?, let y?) where x != y: return x > y
            case (.some, nil): return true
            case (nil, .some): return false
            default: return a.sequence > b.sequence
            }
        }
        return Array(sorted.prefix(max(0, filter.limit ?? Int.max)))
    }

    func forEachArticle(_ filter: ArticleFilter, _ body: (ArticleRecord) throws -> Bool) throws {
        var left = filter.limit ?? Int.max
        for id in state.sequence where left > 0 {
            guard let r = state.articles[id]?.record, matches(r, filter) else { continue }
            left -= 1
            guard try body(r) else { return }
        }
    }

    func search(_ query: String, limit: Int) throws -> [SearchHit] {
        let words = MemorySearch.words(of: query).map(\.word)
        guard !words.isEmpty, limit > 0 else { return [] }
        var hits: [SearchHit] = []
        for id in state.sequence {
            guard let entry = state.articles[id],
                let hit = MemorySearch.hit(entry.record, text: entry.annotation.article.text, words: words)
            else { continue }
            hits.append(hit)
        }
        hits.sort { ($0.score, $1.article.sequence) > ($1.score, $0.article.sequence) }
        return Array(hits.prefix(limit))
    }

    func resolveStory(_ id: String) throws -> String? {
        var current = id
        var steps = 0
        while let record = state.stories[current] {
            guard let next = record.mergedInto, steps <= state.merges.count else { return current }
            current = next
            steps += 1
        }
        return nil
    }

    func story(id: String) throws -> StoryRecord? { state.stories[id] }

    func storyID(ofKey key: Int64) throws -> String? {
        guard key >= 1, key <= Int64(state.storyOrder.count) else { return nil }
        return state.storyOrder[Int(key - 1)]
    }

    func matches(_ s: StoryRecord, _ filter: StoryFilter, searched: Set<String>?) -> Bool {
        if s.mergedInto != nil || s.articleCount < filter.minArticles { return false }
        if let after = filter.afterKey, s.key <= after { return false }
        if let since = filter.since, !(s.lastDay.map { $0 >= since } ?? false) { return false }
        if let until = filter.until, !(s.firstDay.map { $0 <= until } ?? false) { return false }
        if let outlet = filter.outlet?.lowercased(), !s.outlets.contains(where: { $0.lowercased() == outlet }) {
            return false
        }
        if let country = filter.country?.lowercased(), !s.countries.contains(where: { $0.lowercased() == country }) {
            return false
        }
        if let searched, !searched.contains(s.id) { return false }
        return true
    }

    private func searchedStories(_ filter: StoryFilter) throws -> Set<String>? {
        guard let query = filter.search else { return nil }
        return Set(try search(query, limit: Int.max).compactMap(\.article.story))
    }

    func stories(_ filter: StoryFilter) throws -> [StoryRecord] {
        let searched = try searchedStories(filter)
        let live = state.storyOrder.compactMap { state.stories[$0] }.filter { matches($0, filter, searched: searched) }
        let sorted = live.sorted { a, b in
            if a.articleCount != b.articleCount { return a.articleCount > b.articleCount }
            if a.lastDay != b.lastDay { return isOlder(b.lastDay, a.lastDay) ?? false }
            return a.id < b.id
        }
        return Array(sorted.prefix(max(0, filter.limit ?? Int.max)))
    }

    func forEachStory(_ filter: StoryFilter, _ body: (StoryRecord) throws -> Bool) throws {
        let searched = try searchedStories(filter)
        var left = filter.limit ?? Int.max
        for id in state.storyOrder where left > 0 {
            guard let s = state.stories[id], matches(s, filter, searched: searched) else { continue }
            left -= 1
            guard try body(s) else { return }
        }
    }

    func members(ofStory id: String) throws -> [String] {
        let records = (state.members[id] ?? []).compactMap { state.articles[$0]?.record }
        return records.sorted { a, b in isOlder(a.published, b.published) ?? (a.sequence < b.sequence) }.map(\.id)
    }

    func copyLinks(ofStory id: String) throws -> [CopyLink] {
        try members(ofStory: id).compactMap { m in
            state.articles[m]?.record.copyOf.map { CopyLink(copy: m, original: $0) }
        }
    }

    func analysis(ofStory id: String) throws -> StoredAnalysis? {
        guard let a = state.analyses[id] else { return nil }
        return StoredAnalysis(data: a.data, version: a.version, stale: state.stories[id]?.stale ?? true)
    }

    func staleStories(limit: Int) throws -> [String] {
        var result: [String] = []
        for id in state.storyOrder where result.count < limit {
            guard let s = state.stories[id], s.mergedInto == nil, s.stale || state.analyses[id] == nil else { continue }
            result.append(id)
        }
        return result
    }

    func merges(limit: Int) throws -> [StoryMerge] { Array(state.merges.prefix(max(0, limit))) }

    func issues(limit: Int) throws -> [IngestIssue] { Array(state.issues.prefix(max(0, limit))) }

    func stats() throws -> CorpusStats {
        var outlets: [String: Int] = [:]
        var copies = 0
        var first: Day?
        var last: Day?
        for entry in state.articles.values {
            let r = entry.record
            if let o = r.outlet { outlets[o, default: 0] += 1 }
            if r.copyOf != nil { copies += 1 }
            if let d = r.published {
                first = min(first ?? d, d)
                last = max(last ?? d, d)
            }
        }
        let live = state.stories.values.filter { $0.mergedInto == nil }
        return CorpusStats(
            articles: state.articles.count, copies: copies, stories: live.count,
            multiArticleStories: live.filter { $0.articleCount > 1 }.count, merges: state.merges.count,
            staleStories: live.filter { $0.stale || state.analyses[$0.id] == nil }.count, issues: state.issues.count,
            outlets: outlets.map { CorpusStats.OutletCount(outlet: $0.key, articles: $0.value) }
                .sorted { ($0.articles, $1.outlet) > ($1.articles, $0.outlet) },
            firstDay: first, lastDay: last, bytes: 0)
    }

    func meta(_ key: String) throws -> String? { state.meta[key] }

    func writeGeneration() throws -> Int { state.generation }

    func documentCount() throws -> Int { state.documentCount }

    func vocabulary(of terms: [String]) throws -> [TermEntry?] {
        terms.map { term in
            state.termIDs[term].map { TermEntry(id: $0, documentFrequency: state.frequencies[Int($0)]) }
        }
    }

    func postings(of termIDs: [Int32], perTerm: Int) throws -> [Int64] {
        var result: [Int64] = []
        // A merged story's postings are gone, as if deleted by the merge.
        func live(_ key: Int64) -> Bool {
            key >= 1 && key <= state.storyOrder.count && state.stories[state.storyOrder[Int(key - 1)]]?.mergedInto == nil
        }
        for id in termIDs {
            result.append(contentsOf: (state.postings[id] ?? []).reversed().lazy.filter(live).prefix(max(0, perTerm)))
        }
        return result
    }

    func groupingState(ofStoryKey key: Int64) throws -> StoryGroupingState? {
        guard key >= 1, key <= state.storyOrder.count,
            state.stories[state.storyOrder[Int(key - 1)]]?.mergedInto == nil
        else { return nil }
        return state.groupingStates[key]
    }

    func copyCandidates(bandKeys: [UInt64]) throws -> [String] {
        var seen = Set<String>()
        var found: [(Int64, String)] = []
        for key in bandKeys {
            for id in state.bands[key] ?? [] where seen.insert(id).inserted {
                found.append((state.articles[id]?.record.sequence ?? 0, id))
            }
        }
        return found.sorted { $0.0 < $1.0 }.map(\.1)
    }

    func exactCopy(of exactKey: UInt64) throws -> String? { state.exact[exactKey] }
}

/// A read-only snapshot.
struct MemorySnapshot: MemoryReading {
    let state: MemoryState
}

/// A write transaction: changes the state in place and logs how to undo each change.
final class MemoryTransaction: MemoryReading, CorpusWriter {
    var state: MemoryState
    private var undo: [(inout MemoryState) -> Void] = []

    init(state: MemoryState) { self.state = state }

    /// Undoes every change, newest first.
    func rollBack() {
        for step in undo.reversed() { step(&state) }
        undo.removeAll()
    }

    private func set<K: Hashable, V>(_ path: WritableKeyPath<MemoryState, [K: V]>, _ key: K, _ value: V?) {
        let old = state[keyPath: path][key]
        state[keyPath: path][key] = value
        undo.append { $0[keyPath: path][key] = old }
    }

    private func append<E>(_ path: WritableKeyPath<MemoryState, [E]>, _ element: E) {
        state[keyPath: path].append(element)
        undo.append { $0[keyPath: path].removeLast() }
    }

    private func addMember(_ article: String, to story: String) {
        state.members[story, default: []].append(article)
        undo.append { $0.members[story]?.removeLast() }
    }

    private func removeMember(_ article: String, from story: String) {
        guard let i = state.members[story]?.lastIndex(of: article) else { return }
        state.members[story]?.remove(at: i)
        undo.append { $0.members[story]?.insert(article, at: i) }
    }

    private func liveStory(_ id: String) throws -> StoryRecord {
        guard let s = state.stories[id], s.mergedInto == nil else { throw invalid("no live story \(id)") }
        return s
    }

    func putArticle(_ annotation: ArticleAnnotation, record: ArticleRecord, storedForm: Data?) throws {
        let a = annotation.article
        let old = state.articles[annotation.id]?.record
        var r = record
        r.id = annotation.id
        r.source = a.source
        r.outlet = a.outlet
        r.url = a.url
        r.title = a.title
        r.authors = a.authors
        r.published = a.published
        r.language = annotation.language ?? a.language
        r.textBytes = a.text.utf8.count
        r.story = record.story ?? old?.story
        r.copyOf = record.copyOf ?? old?.copyOf
        r.sequence = old?.sequence ?? Int64(state.sequence.count + 1)
        if let story = r.story, story != old?.story { _ = try liveStory(story) }
        if let original = record.copyOf, state.articles[original] == nil {
            throw invalid("article \(annotation.id): unknown original \(original)")
        }
        if old == nil { append(\.sequence, annotation.id) }
        set(\.articles, annotation.id, MemoryArticle(record: r, annotation: annotation))
        if r.story != old?.story {
            if let from = old?.story { removeMember(annotation.id, from: from) }
            if let to = r.story { addMember(annotation.id, to: to) }
        }
        // A replaced article makes the comparison of its story (old and new) out of date.
        guard old != nil else { return }
        for id in Set([old?.story, r.story].compactMap { $0 }) {
            guard var story = state.stories[id], !story.stale else { continue }
            story.stale = true
            set(\.stories, id, story)
        }
    }

    func setStory(ofArticle id: String, to story: String) throws {
        guard var entry = state.articles[id] else { throw invalid("no article \(id)") }
        _ = try liveStory(story)
        guard entry.record.story != story else { return }
        if let from = entry.record.story { removeMember(id, from: from) }
        addMember(id, to: story)
        entry.record.story = story
        set(\.articles, id, entry)
    }

    func createStory(_ record: StoryRecord, state grouping: StoryGroupingState) throws -> Int64 {
        guard state.stories[record.id] == nil else { throw invalid("story \(record.id) exists") }
        var r = record
        r.key = Int64(state.storyOrder.count + 1)
        r.mergedInto = nil
        append(\.storyOrder, r.id)
        set(\.stories, r.id, r)
        set(\.groupingStates, r.key, grouping)
        return r.key
    }

    func updateStory(_ record: StoryRecord) throws {
        let old = try liveStory(record.id)
        var r = record
        r.key = old.key
        r.mergedInto = nil
        r.stale = true
        set(\.stories, r.id, r)
    }

    func setGroupingState(_ grouping: StoryGroupingState, ofStoryKey key: Int64) throws {
        guard key >= 1, key <= state.storyOrder.count else { throw invalid("no story key \(key)") }
        _ = try liveStory(state.storyOrder[Int(key - 1)])
        set(\.groupingStates, key, grouping)
    }

    func mergeStory(_ from: String, into: String) throws {
        guard from != into else { throw invalid("cannot merge story \(from) into itself") }
        var source = try liveStory(from)
        _ = try liveStory(into)
        for id in state.members[from] ?? [] {
            guard var entry = state.articles[id] else { continue }
            entry.record.story = into
            set(\.articles, id, entry)
            addMember(id, to: into)
        }
        set(\.members, from, [])
        source.mergedInto = into
        set(\.stories, from, source)
        set(\.groupingStates, source.key, nil)
        append(\.merges, StoryMerge(from: from, into: into, atArticleCount: state.articles.count))
    }

    func saveAnalysis(_ data: Data, version: Int, ofStory id: String) throws {
        var story = try liveStory(id)
        set(\.analyses, id, (data: data, version: version))
        story.stale = false
        set(\.stories, id, story)
    }

    func addIssue(_ issue: IngestIssue) throws {
        let key = issue.description
        guard !state.issueKeys.contains(key) else { return }
        state.issueKeys.insert(key)
        undo.append { $0.issueKeys.remove(key) }
        append(\.issues, issue)
    }

    func setMeta(_ key: String, _ value: String) throws { set(\.meta, key, value) }

    func observe(terms: [String]) throws -> [TermEntry] {
        let before = state.documentCount
        state.documentCount += 1
        undo.append { $0.documentCount = before }
        var counted = Set<Int32>()
        return terms.map { term in
            let id: Int32
            if let known = state.termIDs[term] {
                id = known
            } else {
                id = Int32(state.frequencies.count)
                set(\.termIDs, term, id)
                append(\.frequencies, 0)
            }
            if counted.insert(id).inserted {
                state.frequencies[Int(id)] += 1
                undo.append { $0.frequencies[Int(id)] -= 1 }
            }
            return id
        }.map { TermEntry(id: $0, documentFrequency: state.frequencies[Int($0)]) }
    }

    func post(termIDs: [Int32], story key: Int64) throws {
        for id in termIDs {
            var list = state.postings.removeValue(forKey: id) ?? []
            defer { state.postings[id] = list }
            // Keys ascending: a new story appends, an older one growing is inserted in place.
            var low = list.count
            if let last = list.last, last >= key {
                low = 0
                var high = list.count
                while low < high {
                    let mid = (low + high) / 2
                    if list[mid] < key { low = mid + 1 } else { high = mid }
                }
                if low < list.count, list[low] == key { continue }
            }
            list.insert(key, at: low)
            undo.append { $0.postings[id]?.removeAll { $0 == key } }
        }
    }

    func addCopyKeys(bandKeys: [UInt64], exactKey: UInt64, article id: String) throws {
        guard state.articles[id] != nil else { throw invalid("unknown article \(id)") }
        for key in Set(bandKeys) where !(state.bands[key]?.contains(id) ?? false) {
            state.bands[key, default: []].append(id)
            undo.append { $0.bands[key]?.removeLast() }
        }
        if state.exact[exactKey] == nil { set(\.exact, exactKey, id) }
    }
}

/// Word matching for the in-memory search.
enum MemorySearch {
    /// The lowercased words of `text` (letters and digits) with their UTF-8 ranges.
    static func words(of text: String) -> [(word: String, range: Range<Int>)] {
        var result: [(String, Range<Int>)] = []
        var start: String.Index?
        var offset = 0
        var startOffset = 0
        for (i, ch) in zip(text.indices, text) {
            if ch.isLetter || ch.isNumber {
                if start == nil { (start, startOffset) = (i, offset) }
            } else if let s = start {
                result.append((text[s..<i].lowercased(), startOffset..<offset))
                start = nil
            }
            offset += ch.utf8.count
        }
        if let s = start { result.append((text[s...].lowercased(), startOffset..<offset)) }
        return result
    }

    /// A hit when every word occurs in the title or text: score = occurrences, snippet around the first one in
    /// the text (else the title).
    static func hit(_ record: ArticleRecord, text: String, words query: [String]) -> SearchHit? {
        let wanted = Set(query)
        let titleWords = words(of: record.title ?? "")
        let textWords = words(of: text)
        var found = Set<String>()
        var count = 0
        for w in titleWords where wanted.contains(w.word) {
            found.insert(w.word)
            count += 2
        }
        var first: Range<Int>?
        for w in textWords where wanted.contains(w.word) {
            found.insert(w.word)
            count += 1
            if first == nil { first = w.range }
        }
        guard found.count == wanted.count else { return nil }
        let (source, sourceWords, anchor) =
            first.map { (text, textWords, $0) } ?? (record.title ?? "", titleWords, titleWords.first?.range ?? 0..<0)
        let bytes = Array(source.utf8)
        var lower = max(0, anchor.lowerBound - 80)
        var upper = min(bytes.count, anchor.upperBound + 120)
        // Cut on word boundaries so the snippet is valid UTF-8 and starts and ends with whole words.
        if let w = sourceWords.first(where: { $0.range.lowerBound >= lower }) { lower = min(w.range.lowerBound, anchor.lowerBound) }
        if let w = sourceWords.last(where: { $0.range.upperBound <= upper }) { upper = max(w.range.upperBound, anchor.upperBound) }
        let snippet = String(decoding: bytes[lower..<upper], as: UTF8.self)
        let highlights = sourceWords.filter { wanted.contains($0.word) && $0.range.lowerBound >= lower && $0.range.upperBound <= upper }
            .map { TextSpan(start: $0.range.lowerBound - lower, end: $0.range.upperBound - lower) }
        return SearchHit(article: record, snippet: snippet, highlights: highlights, score: Double(count))
    }
}
