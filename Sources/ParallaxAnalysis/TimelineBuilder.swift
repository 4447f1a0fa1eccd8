import ParallaxCore

/// Builds a story's timeline: the dated events its articles mention, each with the articles that mention it.
///
/// Date mentions come from a `TemporalExpressionParser`. Mentions of the same day whose sentences share enough
/// content words (names weigh double; spellings of one name unified through a `NamingLexicon`) form one event;
/// different events of the same day stay separate. Sentences with fewer than `minimumWords` words (datelines,
/// metadata lines, bylines) and paragraphs that are photo captions or credits (``CaptionDetector``) make no events. An article without a publication day is resolved against the
/// story's fallback anchor (the median publication day of its dated articles), which its mentions carry as
/// `DateMention.anchor`.
public struct TimelineBuilder: Sendable {
    /// Words ignored when comparing sentences, from `timeline.json`.
    public struct Vocabulary: Sendable, Codable, Hashable {
        public var ignoredWords: [String]
        /// Words that open a photo caption before a colon (`photo`, `file photo`): see ``CaptionDetector``.
        public var captionLabels: [String]?
        /// Photo credit phrases (`getty images`, `reuters/`): see ``CaptionDetector``.
        public var photoCredits: [String]?

        public init(ignoredWords: [String], captionLabels: [String]? = nil, photoCredits: [String]? = nil) {
            self.ignoredWords = ignoredWords
            self.captionLabels = captionLabels
            self.photoCredits = photoCredits
        }

        /// The vocabulary shipped with Parallax (`Resources/timeline.json`).
        public static let bundled: Vocabulary = LexiconError.bundled(Vocabulary.self, named: "timeline")
    }

    public let parser: TemporalExpressionParser
    /// Least number of words a sentence needs to make an event.
    public var minimumWords: Int
    /// Least weighted share of content words (of the smaller sentence) two same-day mentions must have in common
    /// to be one event.
    public var similarityThreshold: Double
    /// Most other same-day sentences one sentence is compared with (those sharing its rarest words first): a bound
    /// on the work per article in very large stories.
    public var maximumComparisons = 2_000
    /// Events with more mentions than this take their text from among this many of their most repeated sentences.
    public var maximumRepresentatives = 256
    /// The caption and credit paragraphs, whose dates are not events.
    public let captions: CaptionDetector
    private let ignored: Set<String>
    private let canonical: [String: String]

    /// Creates a builder.
    public init(
        parser: TemporalExpressionParser = TemporalExpressionParser(), vocabulary: Vocabulary = .bundled,
        naming: NamingLexicon = .bundled, minimumWords: Int = 4, similarityThreshold: Double = 0.15
    ) {
        self.parser = parser
        self.minimumWords = minimumWords
        self.similarityThreshold = similarityThreshold
        self.ignored = Set(vocabulary.ignoredWords.map(Tokenizer.norm))
        self.captions = CaptionDetector(labels: vocabulary.captionLabels ?? [], credits: vocabulary.photoCredits ?? [])
        self.canonical = naming.canonicalWords
    }

    /// The anchor for articles without a publication day: the median publication day of the dated ones.
    public static func fallbackAnchor(for documents: [Document]) -> Day? {
        let days = documents.compactMap(\.article.published).sorted()
        return days.isEmpty ? nil : days[days.count / 2]
    }

    /// The timeline of a story's documents, sorted by date (then by first mention).
    public func build(_ documents: [Document]) -> [TimelineEvent] {
        let fallback = TimelineBuilder.fallbackAnchor(for: documents)
        let items = documents.flatMap { document in
            dates(of: document, units: WordUnit.units(of: document), anchor: document.article.published ?? fallback)
        }
        return build(items: items, texts: documents.map(\.article))
    }

    /// The timeline of a story from its articles' annotations (in story order), sorted by date (then by first
    /// mention). An undated article's expressions that need an anchor are resolved by their rules against the
    /// story's fallback anchor: nothing is parsed again.
    public func build(_ annotations: [ArticleAnnotation]) -> [TimelineEvent] {
        let fallback = TimelineBuilder.fallbackAnchor(for: annotations.map(\.document))
        let items = annotations.flatMap { a -> [AnnotatedDate] in
            a.dates
                + a.unanchoredDates.compactMap { d in
                    d.mention.resolved(against: a.article.published ?? fallback).map {
                        AnnotatedDate(mention: $0, words: d.words)
                    }
                }
        }
        return build(items: items, texts: annotations.map(\.article))
    }

    /// The date mentions of one article for its annotation: all of them resolved when it has a publication day;
    /// for an undated article, the complete dates resolved and, apart, the expressions that need an anchor (found
    /// against a provisional one, kept with their rules for the story's anchor).
    func annotationDates(of document: Document, units: [WordUnit]) -> (resolved: [AnnotatedDate], unanchored: [AnnotatedDate]) {
        if let day = document.article.published { return (dates(of: document, units: units, anchor: day), []) }
        let found = dates(of: document, units: units, anchor: Self.provisionalAnchor)
        return (found.filter { $0.mention.rule == nil }, found.filter { $0.mention.rule != nil })
    }

    /// The anchor undated articles are scanned against, so that expressions needing one are found (their days
    /// are recomputed from their rules).
    static let provisionalAnchor = Day(daysSinceEpoch: 0)

    /// The date mentions of one document with the content words of their sentences, resolved against `anchor`;
    /// mentions in sentences with fewer than `minimumWords` content words or in captions are left out.
    func dates(of document: Document, units: [WordUnit], anchor: Day?) -> [AnnotatedDate] {
        let found = parser.parse(document, units: units, anchor: anchor)
        let captionSpans = found.isEmpty ? [] : captions.captionParagraphs(of: document).map { document.paragraphs[$0] }
        return found.compactMap { found in
            guard !captionSpans.contains(where: { $0.contains(found.mention.span) }) else { return nil }
            let words = contentWords(of: found, in: units)
            guard words.count >= minimumWords else { return nil }
            return AnnotatedDate(mention: found, words: [WeightedTerm](words))
        }
    }

    private func build(items dated: [AnnotatedDate], texts articles: [Article]) -> [TimelineEvent] {
        let texts = ArticleTexts(articles)
        let items = dated.map { d in
            Item(found: d.mention, words: d.words.dictionary, sentence: texts.sentence(of: d.mention.mention))
        }
        var events: [(event: TimelineEvent, order: Int)] = []
        for (day, indices) in Dictionary(grouping: items.indices, by: { items[$0].found.day }) {
            for cluster in clusters(of: indices.sorted(), in: items) {
                events.append((event(day: day, cluster: cluster, items: items), cluster.min() ?? 0))
            }
        }
        return events.sorted { ($0.event.date, $0.order) < ($1.event.date, $1.order) }.map(\.event)
    }

    private struct Item {
        let found: ResolvedDateMention
        /// Content words of the sentence and their weights.
        let words: [String: Double]
        /// The sentence's text.
        let sentence: String
    }

    /// Words on each side of a date expression that its content words come from: a whole sentence in any real
    /// article, a bounded window in a sentence of thousands of words with a date mention every few words (where
    /// reading the whole sentence per mention is quadratic).
    static let contextUnits = 60

    /// Content words of a mention's sentence outside the date expression (at most ``contextUnits`` words on each
    /// side): lowercased, spellings unified, names (capitalized inside the sentence) weighted 2.
    private func contentWords(of mention: ResolvedDateMention, in units: [WordUnit]) -> [String: Double] {
        let sentence = mention.mention.sentenceSpan
        let expression = mention.mention.span
        var words: [String: Double] = [:]
        // Units are in text order: binary search for the expression, then read the window around it.
        func firstUnit(from offset: Int) -> Int {
            var lo = 0
            var hi = units.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if units[mid].span.start < offset { lo = mid + 1 } else { hi = mid }
            }
            return lo
        }
        let at = firstUnit(from: expression.start)
        let lo = max(firstUnit(from: sentence.start), at - Self.contextUnits)
        var after = 0
        for u in units[lo...] {
            if u.span.start >= sentence.end { break }
            if u.span.start >= expression.end {
                after += 1
                if after > Self.contextUnits { break }
            }
            guard sentence.contains(u.span), !expression.overlaps(u.span), !u.isNumber, u.key.count > 1,
                u.key.unicodeScalars.contains(where: \.properties.isAlphabetic), !ignored.contains(u.key)
            else { continue }
            let weight: Double = u.isCapitalized && !u.isSentenceInitial ? 2 : 1
            words[canonical[u.key] ?? u.key] = max(words[canonical[u.key] ?? u.key] ?? 0, weight)
        }
        return words
    }

    private func similarity(_ a: [String: Double], _ b: [String: Double]) -> Double {
        var shared = 0.0
        for (word, weight) in a { if let other = b[word] { shared += min(weight, other) } }
        let smaller = min(a.values.reduce(0, +), b.values.reduce(0, +))
        return smaller > 0 ? shared / smaller : 0
    }

    /// Groups same-day items whose sentences are similar (single link), keeping text order.
    ///
    /// Items with the same words are compared once (copies of one sentence are one node when a sentence matches
    /// itself); a node is compared only with the nodes sharing one of its words, at most `maximumComparisons` of
    /// them (rarest words first), and not with nodes already linked to it.
    private func clusters(of indices: [Int], in items: [Item]) -> [[Int]] {
        var nodeIndex: [[String: Double]: Int] = [:]
        var first: [Int] = []
        let nodeOf = indices.map { i -> Int in
            let words = items[i].words
            if let n = nodeIndex[words] { return n }
            // A sentence that does not match itself (no weight) stays alone.
            if similarity(words, words) >= similarityThreshold { nodeIndex[words] = first.count }
            first.append(i)
            return first.count - 1
        }
        var index = CandidateIndex<String>()
        for (n, i) in first.enumerated() { index.insert(n, keys: items[i].words.keys) }
        var sets = DisjointSets(count: first.count)
        var marks = CandidateMarks(count: first.count)
        for (n, i) in first.enumerated() {
            let found = index.candidates(
                of: items[i].words.keys, limit: maximumComparisons, marks: &marks, accept: { $0 > n })
            for m in found
            where sets.root(n) != sets.root(m) && similarity(items[i].words, items[first[m]].words) >= similarityThreshold {
                sets.union(n, m)
            }
        }
        return Dictionary(grouping: indices.indices, by: { sets.root(nodeOf[$0]) }).values
            .map { $0.map { indices[$0] }.sorted() }.sorted { $0[0] < $1[0] }
    }

    /// The event of one cluster: its most central sentence (the shortest among equals) as text.
    private func event(day: Day, cluster: [Int], items: [Item]) -> TimelineEvent {
        let mentions = cluster.map { items[$0].found.mention }
        // Each member's summed similarity (copies of one sentence scored once in a large cluster).
        let scored = Centrality.scores(
            count: cluster.count, limit: maximumRepresentatives, key: { items[cluster[$0]].words },
            similarity: { similarity(items[cluster[$0]].words, items[cluster[$1]].words) })
        let central =
            scored.max { a, b in
                if a.score != b.score { return a.score < b.score }
                return items[cluster[a.member]].sentence.utf8.count > items[cluster[b.member]].sentence.utf8.count
            }.map { cluster[$0.member] } ?? cluster[0]
        let articles = mentions.map(\.article).distinctInOrder
        return TimelineEvent(
            date: day, text: collapsed(items[central].sentence), articles: articles,
            occurrences: mentions.cappedPerArticle(key: \.article))
    }

    private func collapsed(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }).joined(separator: " ")
    }
}
