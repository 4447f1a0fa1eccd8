/// Aligns the fact-bearing sentences of a story's articles into claims: the same fact in other words is one claim.
///
/// 1. Candidate sentences: at least `minContentWords` content terms (``TermVectorizer``), not a question, not a
///    repeat of an earlier sentence of the same article (repeated headlines). Quoted sentences stay: agencies often
///    carry a fact as a quote.
/// 2. Features: content stems and name skeletons (so Kharkov/Kharkiv meet), numbers, and bigrams of consecutive
///    content terms; terms are weighted by their inverse frequency among the story's sentences, so the story's
///    ubiquitous words (its main actors) count little and the specific facts count much.
/// 3. Similarity of two sentences of different articles: `0.5 cosine + 0.3 containment + 0.2 bigram overlap`, where
///    containment is the weighted share of the shorter sentence's terms found in the other (a short sentence that
///    restates part of a long one still matches). At least `minSharedTerms` shared terms are required.
/// 4. Clustering: pairs at or above `threshold`, strongest first, join clusters (union) when the clusters have no
///    article in common (one sentence per article per claim) and their average linkage reaches `linkThreshold`.
/// 5. Polarity: a sentence that negates a statement ("stopped short of claiming responsibility") never aligns with
///    one that affirms it ("has claimed responsibility"): a shared term negated in one of them only vetoes the pair
///    (``Polarity``). A note that something could not be verified ("Reuters
///    could not independently verify the report") aligns only with other such notes; its claim is marked
///    ``Claim/isVerificationNote`` and is no fact. Words per language in `Resources/claims.json` (``Lexicon``).
/// Claims are ordered by number of articles, then by mean relative position in the articles (lead facts first);
/// ids come from the representative sentence (its article id and span), so they do not depend on input order. Unshared
/// sentences become one-article claims, so `Claim.articles` is the coverage matrix.
///
/// Cost: O(s) features; copies of one sentence are compared once, and each distinct sentence with at most
/// `maximumComparisons` others that share a term held by at most a fifth of the `s` candidate sentences (rarest terms
/// first), so O(s x maximumComparisons) pairs at worst; then O(p log p) for the `p` pairs above threshold.
public struct ClaimAligner: Sendable {
    /// Candidate and matching settings.
    public struct Configuration: Sendable, Hashable, Codable {
        /// Minimum content terms for a sentence to carry a claim.
        public var minContentWords = 4
        /// Minimum pair similarity to align two sentences.
        public var threshold = 0.34
        /// Minimum average similarity between all cross-article pairs of two clusters to merge them.
        public var linkThreshold = 0.22
        /// Minimum shared terms for a pair.
        public var minSharedTerms = 2
        /// Weight of the words of a statement's credit (its source and cue) against its content words: the same
        /// source adds a little, but two facts credited to one source do not align on its name alone.
        public var creditWeight = 0.6
        /// Term weighting (names and numbers count more).
        public var vectorizer = TermVectorizer.Configuration()
        /// Most other sentences one sentence is compared with (those sharing its rarest terms first): a bound on the
        /// work per article in very large stories.
        public var maximumComparisons = 2_000
        /// Claims with more occurrences than this choose their representative sentence among this many of their
        /// most repeated wordings (every occurrence is a candidate below it).
        public var maximumRepresentatives = 256

        public init() {}
    }

    /// Polarity and verification words of every language of `claims.json` together (a story may mix languages).
    public struct Lexicon: Sendable, Hashable, Codable {
        /// Words and phrases (token norms, space-separated) that negate a statement.
        public var negations: [String]
        /// Token endings that negate it ("n't").
        public var negationSuffixes: [String]
        /// Words of checking a report ("verify", "confirmed").
        public var verificationWords: [String]
        /// Phrases of being unable ("could not", "unable to") that make a verification word a note.
        public var inabilityCues: [String]

        public init(
            negations: [String], negationSuffixes: [String], verificationWords: [String], inabilityCues: [String]
        ) {
            self.negations = negations
            self.negationSuffixes = negationSuffixes
            self.verificationWords = verificationWords
            self.inabilityCues = inabilityCues
        }

        /// The lexicon bundled with Parallax.
        public static let standard: Lexicon = {
            let entries = LexiconError.bundled(LanguageFile<Lexicon>.self, named: "claims").languages.map(\.value)
            return Lexicon(
                negations: entries.flatMap(\.negations), negationSuffixes: entries.flatMap(\.negationSuffixes),
                verificationWords: entries.flatMap(\.verificationWords), inabilityCues: entries.flatMap(\.inabilityCues))
        }()
    }

    public let configuration: Configuration
    /// Threads for the pair search of a big story (results never depend on it): a story of a few thousand
    /// candidate sentences or more is searched in blocks on this many threads.
    public var concurrency = 1
    private let vectorizer: TermVectorizer
    private let polarity: Polarity
    /// Finds the credit of a sentence ("…, the regional emergency office said"), whose words are not compared.
    private let attributionParser: AttributionParser?

    /// An aligner; with `attributions` (the default) the source and cue of a reported statement are left out of
    /// the comparison, so that two facts credited to the same source do not align on the source's name alone.
    public init(
        configuration: Configuration = Configuration(), lexicon: TermVectorizer.Lexicon = .standard,
        attributions: AttributionLexicon? = .bundled, claimLexicon: Lexicon = .standard
    ) {
        self.configuration = configuration
        self.polarity = Polarity(claimLexicon)
        self.vectorizer = TermVectorizer(configuration: configuration.vectorizer, lexicon: lexicon)
        self.attributionParser = attributions.map { AttributionParser(lexicon: $0) }
    }

    /// Token indices of the credits of a document's reported statements (speaker, cue and listener outside
    /// quotations, for attributions that carry content), ascending. Read from the article's one attribution parse.
    static func creditTokens(of analysis: AttributionParser.Analysis) -> [Int] {
        var result = Set<Int>()
        for a in analysis.attributions.joined() where !a.content.isEmpty {
            for i in a.source where !analysis.inQuote[i] { result.insert(i) }
            for i in a.cue where !analysis.inQuote[i] { result.insert(i) }
            if let m = a.medium { for i in m where !analysis.inQuote[i] { result.insert(i) } }
        }
        return result.sorted()
    }

    /// One candidate sentence; its features are in the ``Units`` that hold it.
    struct Unit {
        var article: Int
        var sentence: Int
        var position: Double
        /// Its terms' range in ``Units/terms``, ``Units/weights`` and ``Units/flags``.
        var terms: Range<Int>
        /// Its bigrams' range in ``Units/bigrams``.
        var bigrams: Range<Int>
        /// The sum of its term weights.
        var mass: Double
        /// Whether the sentence is a note that something could not be verified; notes align only with notes.
        var isNote = false

        /// The term is written in lowercase or is a number (not a name): a pair must share one such term.
        static let plainFlag: UInt8 = 1
        /// The term is negated in the sentence (``Polarity``): two sentences that share a term negated in only one
        /// of them do not align.
        static let negatedFlag: UInt8 = 2
    }

    /// The claims of `story`, from the annotations of its articles (others are ignored).
    public func align(story: Story, annotations: [ArticleAnnotation]) -> [Claim] {
        let byID = Dictionary(annotations.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let members = story.articles.compactMap { byID[$0] }
        let units = candidateUnits(members.map { ($0.document, Set($0.creditTokens)) })
        let groups = cluster(units)
        return claims(from: groups, units: units, documents: members.map(\.document))
    }

    /// The claims of `story` from plain documents: parses each document's attributions for their credits (the
    /// pipeline reads them from the annotations instead).
    public func align(story: Story, documents: [Document]) -> [Claim] {
        let byID = Dictionary(documents.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let members = story.articles.compactMap { byID[$0] }
        let units = candidateUnits(
            members.map { d in (d, attributionParser.map { Set(Self.creditTokens(of: $0.analyze(d))) } ?? []) })
        let groups = cluster(units)
        return claims(from: groups, units: units, documents: members)
    }

    /// Whether a sentence reads as a statement: it ends with a full stop (also one absorbed by "a.m.") or an
    /// exclamation mark (closing quotation marks and brackets aside) and is not wholly in brackets. Headlines, teasers and credit lines left in the text
    /// ("Strong earthquake hits Aceh province", "AFP, Tuesday 2 Jul 2013", "(Reporting by Jane Doe; editing by
    /// John Roe)") carry no claim of their own.
    static func isStatement(_ tokens: ArraySlice<Token>) -> Bool {
        let closers: Set<String> = ["\"", "'", "”", "’", "»", ")", "]"]
        guard let last = tokens.last(where: { !($0.kind == .punctuation && closers.contains($0.norm)) }),
            [".", "!", "…", "...", "?!"].contains(last.norm) || (last.kind != .punctuation && last.norm.hasSuffix("."))
        else { return false }
        if let first = tokens.first, first.norm == "(" || first.norm == "[", let end = tokens.last,
            end.norm == ")" || end.norm == "]" || tokens.dropLast().last?.norm == ")"
        {
            return false
        }
        return true
    }

    /// A candidate sentence's features before the story's term weights are known.
    typealias RawUnit = (
        article: Int, sentence: Int, position: Double, counts: [String: Double], sequence: [String],
        plain: Set<String>, negated: Set<String>, isNote: Bool
    )

    /// Candidate sentences with IDF-weighted features. The sentences of a big story are read on several threads
    /// (``concurrency``); their terms are counted in story order all the same.
    func candidateUnits(_ documents: [(document: Document, credit: Set<Int>)]) -> Units {
        let indexed = Array(documents.enumerated().map { ($0.offset, $0.element.document, $0.element.credit) })
        let perDocument =
            concurrency > 1 && documents.count >= 200
            ? ParallelMap.map(indexed, concurrency: concurrency) { rawUnits(of: $0.1, credit: $0.2, article: $0.0) }
            : indexed.map { rawUnits(of: $0.1, credit: $0.2, article: $0.0) }
        var vocabulary = TermVocabulary()
        var raw: [RawUnit] = []
        for units in perDocument {
            for unit in units {
                vocabulary.observe(terms: unit.counts.keys)
                raw.append(unit)
            }
        }
        var units = Units()
        for (a, s, position, counts, sequence, plainTerms, negatedTerms, isNote) in raw {
            var entries: [(id: Int32, weight: Double, flags: UInt8)] = []
            entries.reserveCapacity(counts.count)
            for (term, weight) in counts {
                guard let id = vocabulary.existingID(of: term) else { continue }
                var flags: UInt8 = 0
                if plainTerms.contains(term) { flags |= Unit.plainFlag }
                if negatedTerms.contains(term) { flags |= Unit.negatedFlag }
                entries.append((id, min(weight, 3) * vocabulary.idf(of: id), flags))
            }
            entries.sort { $0.id < $1.id }
            var bigrams = Set<UInt64>()
            for (x, y) in zip(sequence, sequence.dropFirst()) {
                bigrams.insert(Hashing.mix(Hashing.fnv1a(x) ^ (Hashing.fnv1a(y) &* 31)))
            }
            let termStart = units.terms.count
            let bigramStart = units.bigrams.count
            units.terms.append(contentsOf: entries.lazy.map(\.id))
            units.weights.append(contentsOf: entries.lazy.map(\.weight))
            units.flags.append(contentsOf: entries.lazy.map(\.flags))
            units.bigrams.append(contentsOf: bigrams.sorted())
            units.list.append(
                Unit(
                    article: a, sentence: s, position: position, terms: termStart..<units.terms.count,
                    bigrams: bigramStart..<units.bigrams.count, mass: entries.reduce(0) { $0 + $1.weight },
                    isNote: isNote))
        }
        return units
    }

    /// The candidate sentences of one document (article `article` of the story), features unweighted.
    private func rawUnits(of document: Document, credit: Set<Int>, article a: Int) -> [RawUnit] {
        var raw: [RawUnit] = []
        let count = max(1, document.sentences.count)
        var seen = Set<[String]>()
        for (s, sentence) in document.sentences.enumerated() {
            let whole = document.tokens[sentence.tokens]
            if let last = whole.last(where: { $0.kind == .punctuation && $0.norm != "\"" && $0.norm != "”" }),
                last.norm == "?"
            {
                continue
            }
            guard Self.isStatement(whole) else { continue }
            let hasCredit = sentence.tokens.contains(where: credit.contains)
            let tokens = hasCredit ? ArraySlice(sentence.tokens.filter { !credit.contains($0) }.map { document.tokens[$0] }) : whole
            let tokenTerms = tokens.map(vectorizer.term(of:))
            var counts = vectorizer.termCounts(of: tokens, terms: tokenTerms)
            if tokens.count < whole.count, configuration.creditWeight > 0 {
                let creditOnly = sentence.tokens.filter(credit.contains).map { document.tokens[$0] }
                for (term, weight) in vectorizer.termCounts(of: ArraySlice(creditOnly)) {
                    counts[term, default: 0] += weight * configuration.creditWeight
                }
            }
            let sequence = tokenTerms.compactMap { $0 }
            // Whether the sentence is long enough counts its credit too ("Two were missing, police said.").
            let length = tokens.count == whole.count ? sequence.count : whole.lazy.compactMap(vectorizer.term).count
            guard length >= configuration.minContentWords, !sequence.isEmpty, seen.insert(sequence).inserted
            else { continue }
            // A capital from the sentence start alone ("Rescue teams were ...") does not make a name.
            let words = tokens.filter { $0.kind == .word }
            let firstWord = words.count > 1 && !words[1].isCapitalized ? words.first?.span : nil
            var plain = Set<String>()
            for (token, term) in zip(tokens, tokenTerms) {
                if let term, !token.isCapitalized || token.kind == .number || token.span == firstWord {
                    plain.insert(term)
                }
            }
            var negatedUses: [String: Bool] = [:]
            for (covered, term) in zip(polarity.covered(tokens), tokenTerms) {
                guard let term else { continue }
                negatedUses[term] = (negatedUses[term] ?? true) && covered
            }
            // Names keep their meaning under a negation ("did not let Russia escalate"): only plain words count.
            let negated = Set(negatedUses.filter { $0.value && plain.contains($0.key) }.keys)
            let isNote = polarity.isVerificationNote(whole)
            raw.append((a, s, Double(s) / Double(count), counts, sequence, plain, negated, isNote))
        }
        return raw
    }

    /// Similarity of candidate sentences `i` and `j` (see the type's summary); 0 when too few terms are shared.
    func similarity(_ units: Units, _ i: Int, _ j: Int) -> Double {
        Double(units.scaledSimilarity(i, j, minSharedTerms: configuration.minSharedTerms)) / Units.similarityScale
    }

    /// Groups units into claims (indices into `units`).
    ///
    /// Copies of one sentence (units with equal features, in different articles, that match each other fully) are
    /// one class: they pair at similarity 1, before anything else, so they start as one cluster, and each other
    /// class is compared with the class once. Pairs then join clusters strongest first, as in the type's summary.
    func cluster(_ units: Units) -> [[Int]] {
        let classes = UnitClasses(units, selfSimilarity: { similarity(units, $0, $0) })
        let first = classes.members.map { $0[0] }  // class -> its first unit (the one it is compared by)
        let size = classes.members.map(\.count)
        let edges = classEdges(first: first, size: size, units)
        // Pairs at or above the threshold, strongest first, then by classes (class order is unit order, so ties go
        // by first units). Each is one sortable word: the similarity's complement, then the pair's position in
        // `edges` (ascending by class, then by the other class).
        var pairs: [UInt64] = []
        for x in 0..<first.count {
            for k in edges.outgoingPositions(x) {
                let s = edges.entry(k).scaled
                guard Double(s) / Units.similarityScale >= configuration.threshold else { continue }
                pairs.append(UInt64(Units.maximumScaled - s) << 32 | UInt64(k))
            }
        }
        pairs.sort()
        var clusterOf = Array(first.indices)
        var members = first.indices.map { [$0] }  // cluster -> its classes
        var articles = classes.members.map { Set($0.map { units[$0].article }) }
        var sizes = size
        // A cluster's version grows when it does: a join refused between two unchanged clusters is not tried again.
        var version = [Int](repeating: 0, count: first.count)
        // The last refusal of each cluster as the smaller one: the larger cluster and both versions then.
        var refusedWith = [Int](repeating: -1, count: first.count)
        var refusedAt = [(Int, Int)](repeating: (0, 0), count: first.count)
        for key in pairs {
            let k = Int(key & 0xFFFF_FFFF)
            var a = clusterOf[edges.source(ofEntry: k)]
            var b = clusterOf[Int(edges.entry(k).other)]
            guard a != b else { continue }
            if articles[a].count > articles[b].count { swap(&a, &b) }
            if refusedWith[a] == b, refusedAt[a] == (version[a], version[b]) { continue }
            guard articles[a].isDisjoint(with: articles[b]) else { continue }
            var link = 0.0
            for c in members[a] {
                edges.forEachNeighbour(of: c) { d, s in
                    if clusterOf[d] == b { link += Double(size[c] * size[d]) * (Double(s) / Units.similarityScale) }
                }
            }
            guard link / Double(sizes[a] * sizes[b]) >= configuration.linkThreshold else {
                refusedWith[a] = b
                refusedAt[a] = (version[a], version[b])
                continue
            }
            // The smaller cluster moves into the larger (each class moves O(log n) times).
            for c in members[a] { clusterOf[c] = b }
            members[b].append(contentsOf: members[a])
            articles[b].formUnion(articles[a])
            sizes[b] += sizes[a]
            version[b] += 1
            members[a] = []
            articles[a] = []
        }
        return members.filter { !$0.isEmpty }.map { $0.flatMap { classes.members[$0] }.sorted() }.sorted { $0[0] < $1[0] }
    }

    /// Every pair of classes with some similarity, each once (see ``ClassEdges``); `first` and `size` are each
    /// class's first unit (the one it is compared by) and its number of units.
    ///
    /// Pairs are generated from terms that are not everywhere: a pair sharing only ubiquitous terms cannot reach the
    /// threshold, and skipping their long lists keeps large stories near-linear.
    private func classEdges(first: [Int], size: [Int], _ units: Units) -> ClassEdges {
        var unitFrequency: [Int32: Int] = [:]
        var index = CandidateIndex<Int32>()
        for (x, u) in first.enumerated() {
            let terms = units.terms[units[u].terms]
            for id in terms { unitFrequency[id, default: 0] += size[x] }
            index.insert(x, keys: terms)
        }
        let search = PairSearch(
            first: first, size: size, units: units, index: index, unitFrequency: unitFrequency,
            longestList: max(64, units.count / 5), limit: configuration.maximumComparisons,
            minSharedTerms: configuration.minSharedTerms)
        var edges = ClassEdges()
        let n = first.count
        let block = 256
        if concurrency <= 1 || n < 8 * block {
            search.fill(&edges, classes: 0..<n)
        } else {
            // Blocks of classes searched on several threads and appended in class order: the same pairs as one
            // thread. A wave holds a few blocks per thread, so partial lists are never held twice all at once.
            let blocks = Self.blocks(of: n, size: block)
            for wave in Self.blocks(of: blocks.count, size: 4 * concurrency) {
                let parts = ParallelMap.map(Array(blocks[wave]), concurrency: concurrency) { range in
                    var part = ClassEdges()
                    search.fill(&part, classes: range)
                    return part
                }
                for part in parts { edges.append(part) }
            }
        }
        edges.transpose()
        return edges
    }

    /// `0..<count` in consecutive ranges of `size` (the last one shorter): the blocks a big story's work is
    /// threaded in.
    static func blocks(of count: Int, size: Int) -> [Range<Int>] {
        stride(from: 0, to: count, by: max(1, size)).map { $0..<min(count, $0 + max(1, size)) }
    }

    /// The pair search of ``classEdges(first:size:_:)``, shared read-only by the threads that run it.
    private struct PairSearch: Sendable {
        let first: [Int]
        let size: [Int]
        let units: Units
        let index: CandidateIndex<Int32>
        let unitFrequency: [Int32: Int]
        let longestList: Int
        let limit: Int
        let minSharedTerms: Int

        /// Adds the pairs of each class of `classes` with later classes to `edges`, one closed list per class.
        func fill(_ edges: inout ClassEdges, classes: Range<Int>) {
            var marks = CandidateMarks(count: first.count)
            for x in classes {
                let u = first[x]
                let keys = units.terms[units[u].terms].filter { (unitFrequency[$0] ?? 0) <= longestList }
                let found = index.candidates(of: keys, limit: limit, marks: &marks, accept: { $0 > x })
                for y in found {
                    let v = first[y]
                    // Classes in one article only never pair (one sentence per article per claim).
                    if size[x] == 1, size[y] == 1, units[u].article == units[v].article { continue }
                    let s = units.scaledSimilarity(u, v, minSharedTerms: minSharedTerms)
                    if s > 0 { edges.add(Int32(y), s) }
                }
                edges.close()
            }
        }
    }

    private func claims(from groups: [[Int]], units: Units, documents: [Document]) -> [Claim] {
        struct Draft: Sendable {
            var members: [Int]
            var representative: Int
            var position: Double
        }
        let draft: @Sendable ([Int]) -> Draft = { group in
            // The sentence most similar to the others (copies scored once in a large claim).
            let scored = Centrality.scores(
                count: group.count, limit: configuration.maximumRepresentatives,
                key: { units.key(group[$0]) },
                similarity: { similarity(units, group[$0], group[$1]) })
            var best = group[0]
            var bestScore = -1.0
            for (k, score) in scored where score > bestScore {
                bestScore = score
                best = group[k]
            }
            let position = group.map { units[$0].position }.reduce(0, +) / Double(group.count)
            return Draft(
                members: group.sorted { units[$0].article < units[$1].article }, representative: best,
                position: position)
        }
        // A big story's groups in blocks on several threads, in order: the same drafts as one thread.
        var drafts: [Draft]
        if concurrency > 1, groups.count >= 2_048 {
            drafts = ParallelMap.map(Self.blocks(of: groups.count, size: 256), concurrency: concurrency) {
                groups[$0].map(draft)
            }.flatMap { $0 }
        } else {
            drafts = groups.map(draft)
        }
        drafts.sort { a, b in
            if a.members.count != b.members.count { return a.members.count > b.members.count }
            if a.position != b.position { return a.position < b.position }
            return (units[a.members[0]].article, units[a.members[0]].sentence)
                < (units[b.members[0]].article, units[b.members[0]].sentence)
        }
        let built = drafts.map { draft -> Claim in
            let occurrences = draft.members.map { m -> SpanReference in
                let document = documents[units[m].article]
                let span = document.sentences[units[m].sentence].span
                return SpanReference(article: document.id, span: span, sentenceSpan: span)
            }
            let rep = units[draft.representative]
            let document = documents[rep.article]
            let span = document.sentences[rep.sentence].span
            let articles = occurrences.map(\.article).distinctInOrder
            // The id comes from content: the article and span of the representative sentence.
            return Claim(
                id: StableID.make("c", document.id, String(span.start), String(span.end)),
                text: String(document.text(of: span)), articles: articles, occurrences: occurrences,
                isVerificationNote: rep.isNote)
        }
        return zip(built, StableID.disambiguated(built.map(\.id))).map { claim, id in
            var claim = claim
            claim.id = id
            return claim
        }
    }
}

extension ClaimAligner {
    /// A story's candidate sentences with their features in flat buffers: one allocation per field, not per
    /// sentence, and a comparison that touches no reference count.
    struct Units {
        /// Similarities are rounded to multiples of 1 / `similarityScale`, so that equal pairs (copies of one text)
        /// tie exactly whatever the order of the floating-point sums, and the strongest-first order is stable.
        static let similarityScale = 1e9
        /// ``scaledSimilarity(_:_:minSharedTerms:)`` of two equal units.
        static let maximumScaled = UInt32(similarityScale)

        var list: [Unit] = []
        /// Term ids, ascending within each unit, filled after document frequencies are known.
        var terms: [Int32] = []
        /// Each term's weight (boost times idf).
        var weights: [Double] = []
        /// Each term's ``Unit/plainFlag`` and ``Unit/negatedFlag``.
        var flags: [UInt8] = []
        /// Hashes of consecutive content-term pairs, ascending and distinct within each unit.
        var bigrams: [UInt64] = []

        var count: Int { list.count }
        subscript(_ i: Int) -> Unit { list[i] }

        /// The features unit `i` is compared on (equal keys: copies of one sentence).
        func key(_ i: Int) -> UnitClasses.Key {
            let u = list[i]
            return UnitClasses.Key(
                terms: terms[u.terms], weights: weights[u.terms], flags: flags[u.terms], bigrams: bigrams[u.bigrams],
                isNote: u.isNote)
        }

        /// The similarity of units `i` and `j` times ``similarityScale``, rounded (an integer, at most the scale):
        /// `0.5 cosine + 0.3 containment + 0.2 bigram overlap` (see ``ClaimAligner``); 0 when they share fewer than
        /// `minSharedTerms` terms, no plain term, or a term negated in one only.
        func scaledSimilarity(_ i: Int, _ j: Int, minSharedTerms: Int) -> UInt32 {
            let a = list[i]
            let b = list[j]
            guard a.isNote == b.isNote else { return 0 }
            var shared = 0.0
            var sharedCount = 0
            var sharedA = 0.0
            var sharedB = 0.0
            var sharedPlain = 0
            // Both term lists are ascending: one merge pass finds the shared terms.
            var x = a.terms.lowerBound
            var y = b.terms.lowerBound
            while x < a.terms.upperBound, y < b.terms.upperBound {
                let p = terms[x]
                let q = terms[y]
                if p < q {
                    x += 1
                } else if q < p {
                    y += 1
                } else {
                    let fa = flags[x]
                    let fb = flags[y]
                    // A term negated in one sentence and affirmed in the other: a statement and its negation.
                    if (fa ^ fb) & Unit.negatedFlag != 0 { return 0 }
                    let w = weights[x]
                    let v = weights[y]
                    shared += min(w, v)
                    sharedA += w
                    sharedB += v
                    sharedCount += 1
                    if (fa | fb) & Unit.plainFlag != 0 { sharedPlain += 1 }
                    x += 1
                    y += 1
                }
            }
            // Names alone ("Water Minister Ilse Varga arrived ..." and "Water Minister Ilse Varga blamed ...") are
            // not a shared fact: one shared lowercase word or number at least.
            guard sharedCount >= minSharedTerms, sharedPlain > 0, a.mass > 0, b.mass > 0 else { return 0 }
            let cosine = shared / (a.mass * b.mass).squareRoot()
            let containment = min(1, max(sharedA / a.mass, sharedB / b.mass))
            let smallerBigrams = min(a.bigrams.count, b.bigrams.count)
            let bigram = smallerBigrams == 0 ? 0 : Double(sharedBigrams(a.bigrams, b.bigrams)) / Double(smallerBigrams)
            return UInt32(((0.5 * cosine + 0.3 * containment + 0.2 * bigram) * Self.similarityScale).rounded())
        }

        /// Number of bigrams two units' (ascending, distinct) ranges share.
        private func sharedBigrams(_ a: Range<Int>, _ b: Range<Int>) -> Int {
            var x = a.lowerBound
            var y = b.lowerBound
            var count = 0
            while x < a.upperBound, y < b.upperBound {
                if bigrams[x] < bigrams[y] {
                    x += 1
                } else if bigrams[y] < bigrams[x] {
                    y += 1
                } else {
                    count += 1
                    x += 1
                    y += 1
                }
            }
            return count
        }
    }
}

/// The similar pairs of a story's claim classes, as two flat adjacency lists (offsets and entries) in 32-bit fields:
/// a large story has millions of pairs, so no array per class and no list of pairs besides.
///
/// Pairs are found class by class, each with later classes only: a class's ``incoming(_:)`` pairs (from earlier
/// classes) and ``outgoing(_:)`` pairs (with later ones) are all its pairs, each list in class order.
struct ClassEdges {
    typealias Entry = (other: Int32, scaled: UInt32)
    private var outStart: [Int] = [0]
    private var outEntries: [Entry] = []
    private var inStart: [Int] = []
    private var inEntries: [Entry] = []

    /// Adds a pair of the class being filled with the later class `other`. Positions are 32-bit: pairs beyond
    /// `UInt32.max` (hundreds of gigabytes of them) are not kept.
    mutating func add(_ other: Int32, _ scaled: UInt32) {
        guard outEntries.count < Int(UInt32.max) else { return }
        outEntries.append((other, scaled))
    }

    /// Ends the class being filled, its pairs ordered by the other class; the next ``add(_:_:)`` calls fill the
    /// next class.
    mutating func close() {
        outEntries[outStart[outStart.count - 1]...].sort { $0.other < $1.other }
        outStart.append(outEntries.count)
    }

    /// Appends the closed lists of `part`, which holds the classes right after this one's.
    mutating func append(_ part: ClassEdges) {
        let base = outEntries.count
        outEntries.append(contentsOf: part.outEntries)
        outStart.append(contentsOf: part.outStart.dropFirst().lazy.map { $0 + base })
    }

    /// Builds the incoming lists once every class is closed.
    mutating func transpose() {
        let count = outStart.count - 1
        var start = [Int](repeating: 0, count: count + 1)
        for e in outEntries { start[Int(e.other) + 1] += 1 }
        for i in 0..<count { start[i + 1] += start[i] }
        var next = start
        var entries = [Entry](repeating: (0, 0), count: outEntries.count)
        for x in 0..<count {
            for e in outEntries[outStart[x]..<outStart[x + 1]] {
                entries[next[Int(e.other)]] = (Int32(x), e.scaled)
                next[Int(e.other)] += 1
            }
        }
        inStart = start
        inEntries = entries
    }

    /// Class `x`'s pairs with later classes, by the other class.
    func outgoing(_ x: Int) -> ArraySlice<Entry> { outEntries[outgoingPositions(x)] }

    /// The positions of class `x`'s pairs with later classes.
    func outgoingPositions(_ x: Int) -> Range<Int> { outStart[x]..<outStart[x + 1] }

    /// The pair at a position of ``outgoingPositions(_:)``.
    func entry(_ k: Int) -> Entry { outEntries[k] }

    /// The class whose pairs hold position `k` (a binary search).
    func source(ofEntry k: Int) -> Int {
        var low = 0
        var high = outStart.count - 1  // outStart[low] <= k < outStart[high]
        while high - low > 1 {
            let mid = (low + high) / 2
            if outStart[mid] <= k { low = mid } else { high = mid }
        }
        return low
    }

    /// Class `x`'s pairs with earlier classes, by class.
    func incoming(_ x: Int) -> ArraySlice<Entry> { inEntries[inStart[x]..<inStart[x + 1]] }

    /// Calls `body` with each pair of class `x` (the other class and the scaled similarity), in class order:
    /// ``incoming(_:)`` then ``outgoing(_:)``, so a sum over them does not depend on anything else.
    func forEachNeighbour(of x: Int, _ body: (Int, UInt32) -> Void) {
        for (other, scaled) in incoming(x) { body(Int(other), scaled) }
        for (other, scaled) in outgoing(x) { body(Int(other), scaled) }
    }
}

/// Copies of one candidate sentence in different articles: units with equal features that match each other fully
/// (similarity 1). Each class lists its units in ascending order; a unit without such copies is a class of its own.
struct UnitClasses {
    /// The features a unit is compared on.
    struct Key: Hashable {
        var terms: ArraySlice<Int32>
        var weights: ArraySlice<Double>
        var flags: ArraySlice<UInt8>
        var bigrams: ArraySlice<UInt64>
        var isNote: Bool
    }

    private(set) var members: [[Int]] = []

    /// Classes of `units` (which come article by article); `selfSimilarity(i)` is unit `i`'s similarity to itself.
    init(_ units: ClaimAligner.Units, selfSimilarity: (Int) -> Double) {
        var open: [Key: Int] = [:]
        for (i, u) in units.list.enumerated() {
            let key = units.key(i)
            if let c = open[key] {
                // A second copy in the same article cannot join its class (one sentence per article per claim).
                if let last = members[c].last, units[last].article != u.article {
                    members[c].append(i)
                } else {
                    members.append([i])
                }
                continue
            }
            if selfSimilarity(i) >= 1 { open[key] = members.count }
            members.append([i])
        }
    }
}

extension ClaimAligner {
    /// Reads polarity from ``Lexicon`` words. A negation ("not", "denied", "stopped short of") covers the next
    /// `scope` words of its clause (up to a comma, colon, semicolon, dash or bracket); a term is negated in a
    /// sentence when every use of it there is covered. A sentence is a verification note when an inability cue
    /// ("could not", "unable to") stands within `scope` words before a verification word. O(tokens x longest phrase).
    struct Polarity: Sendable {
        static let scope = 4

        private let negations: PhraseSet
        private let inability: PhraseSet
        private let suffixes: [String]
        private let verification: Set<String>

        init(_ lexicon: Lexicon) {
            negations = PhraseSet(lexicon.negations)
            inability = PhraseSet(lexicon.inabilityCues)
            suffixes = lexicon.negationSuffixes.map { Tokenizer.norm($0) }.filter { !$0.isEmpty }
            verification = Set(lexicon.verificationWords.map { $0.lowercased() })
        }

        /// Whether `tokens` (a sentence) say that something could not be verified.
        func isVerificationNote(_ tokens: ArraySlice<Token>) -> Bool {
            var found = false
            walk(tokens, cues: { inability.match(at: $0, in: tokens) }) { i, covered in
                if covered, verification.contains(tokens[i].norm) { found = true }
                return !found
            }
            return found
        }

        /// For each token of `tokens`, whether a negation covers it (negation words themselves are not covered).
        func covered(_ tokens: ArraySlice<Token>) -> [Bool] {
            var result = [Bool](repeating: false, count: tokens.count)
            walk(
                tokens,
                cues: { i in
                    let length = negations.match(at: i, in: tokens)
                    let norm = tokens[i].norm
                    return length > 0 || !suffixes.contains(where: { norm.hasSuffix($0) && norm != $0 }) ? length : 1
                }
            ) { i, covered in
                result[i - tokens.startIndex] = covered
                return true
            }
            return result
        }

        /// Walks the words of `tokens`: `cues(i)` gives the length of a cue starting at word `i` (0: none); a cue
        /// covers the next ``scope`` words of its clause. `visit(i, covered)` is called for every other word and
        /// returns whether to go on.
        private func walk(
            _ tokens: ArraySlice<Token>, cues: (Int) -> Int, visit: (Int, Bool) -> Bool
        ) {
            var left = 0
            var i = tokens.startIndex
            while i < tokens.endIndex {
                if tokens[i].kind == .punctuation {
                    if Self.breaksClause(tokens[i].norm) { left = 0 }
                    i += 1
                    continue
                }
                let length = cues(i)
                if length > 0 {
                    left = Self.scope
                    i += length
                    continue
                }
                guard visit(i, left > 0) else { return }
                left = max(0, left - 1)
                i += 1
            }
        }

        private static let clauseBreaks: Set<String> = [",", ";", ":", "(", ")", "—", "–", "-", "[", "]"]

        static func breaksClause(_ mark: String) -> Bool { clauseBreaks.contains(mark) }
    }

    /// Phrases of token norms (space-separated in the lexicon), matched over word tokens.
    struct PhraseSet: Sendable {
        /// The phrases by their first word, each with the length of the longest phrase that starts with it: most
        /// tokens start no phrase and cost one lookup.
        private let byFirst: [String: (phrases: Set<[String]>, longest: Int)]

        init(_ list: [String]) {
            var byFirst: [String: (phrases: Set<[String]>, longest: Int)] = [:]
            for phrase in list {
                let words = phrase.lowercased().split(separator: " ").map(String.init)
                guard let first = words.first else { continue }
                byFirst[first, default: ([], 0)].phrases.insert(words)
                byFirst[first, default: ([], 0)].longest = max(byFirst[first]?.longest ?? 0, words.count)
            }
            self.byFirst = byFirst
        }

        /// Number of tokens of the longest phrase starting at `start` (0 when none). Stops at punctuation.
        func match(at start: Int, in tokens: ArraySlice<Token>) -> Int {
            guard start < tokens.endIndex, tokens[start].kind != .punctuation,
                let entry = byFirst[tokens[start].norm]
            else { return 0 }
            var words: [String] = []
            var end = start
            while end < tokens.endIndex, words.count < entry.longest, tokens[end].kind != .punctuation {
                words.append(tokens[end].norm)
                end += 1
            }
            for length in stride(from: words.count, through: 1, by: -1)
            where entry.phrases.contains(Array(words[0..<length])) {
                return length
            }
            return 0
        }
    }
}
