import Foundation

/// Aligns the statements of a story's articles: the same statement in different articles becomes one `Quote`.
///
/// Each candidate is cut into sentences; two candidates of different articles carry the same statement when one
/// of their sentences shares at least `minimumSharedWords` content words with one of the other's, and those shared
/// words make up at least `minimumContainment` of the shorter sentence (so a partial quotation matches the full
/// one); when neither wording is quoted, `minimumReportedSharedWords` and `minimumReportedContainment` apply, and
/// two different named speakers never align. A quotation (or a wording credited to the same speaker) found word for
/// word inside another wording (five words, or three content words) matches it too. Words are compared lowercased, without function words, periods of
/// initialisms (`U.S.` = `US`) or hyphens, with a light suffix stemming. Matching candidates are grouped
/// transitively. A quote's text is its fullest direct wording (the fullest reported one when none is quoted); it
/// keeps one occurrence per article (the wording closest to that text; the article's other wordings become quotes
/// of their own), and every occurrence gets a word-level diff against the text. Quotes are ordered by number of
/// articles, then by first appearance; ids come from the speaker and the text (``StableID``), not from the order.
public struct QuoteAligner: Sendable {
    public var lexicon: AttributionLexicon
    public var minimumSharedWords = 4
    public var minimumContainment = 0.6
    /// Containment needed when neither wording is a direct quotation (reported speech shares topic words more).
    public var minimumReportedContainment = 0.75
    /// Shared content words needed when neither wording is a direct quotation.
    public var minimumReportedSharedWords = 6
    /// A direct quotation found word for word inside another wording matches it from this many words.
    public var minimumVerbatimWords = 5
    /// ... or from this many content words.
    public var minimumContainedWords = 3
    /// Whether unquoted statements credited to outlets ("…, Politico reported") count as quotes.
    public var includeOutletReports = false
    /// Most other wordings one wording is compared with (per route: shared rare words, shared opening words); a
    /// bound on the work per article in very large stories, far above what ordinary stories reach.
    public var maximumComparisons = 2_000

    public init(lexicon: AttributionLexicon = .bundled) {
        self.lexicon = lexicon
    }

    /// Extracts the statements of `documents` and aligns them.
    public func align(_ documents: [Document], extractor: QuoteExtractor? = nil) -> [Quote] {
        let extractor = extractor ?? QuoteExtractor(lexicon: lexicon)
        return align(candidates: documents.flatMap { extractor.extract(from: $0) })
    }

    /// Aligns candidates (of one or more articles, in article order) into quotes.
    ///
    /// Cost: copies of one wording (same text, quotation and speaker) are compared as one; a wording is compared only
    /// with those sharing one of its rarest content words or holding its first three words, at most
    /// `maximumComparisons` of each, so a story of thousands of articles costs about linear time. Below that bound
    /// the result is that of comparing every pair.
    public func align(candidates input: [QuoteCandidate]) -> [Quote] {
        let candidates = input.filter { includeOutletReports || $0.quoted || !$0.isOutletReport }
        let (groupList, units) = statementGroups(candidates)
        let articleOrder = Dictionary(
            candidates.map(\.article).enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        var built: [(articles: Int, first: (Int, Int), quote: Quote)] = []
        var pending = groupList
        while let members = pending.popLast() {
            let weight = Dictionary(uniqueKeysWithValues: members.map { i in (i, units[i].reduce(0) { $0 + $1.count }) })
            // The reference: the fullest direct wording (reported wordings only when there is none).
            guard let reference = members.max(by: { a, b in
                (candidates[a].quoted ? 1 : 0, weight[a]!) < (candidates[b].quoted ? 1 : 0, weight[b]!)
            }) else { continue }
            let referenceKeys = units[reference].reduce(into: Set<String>()) { $0.formUnion($1) }
            // One occurrence per article: the wording closest to the reference; the others stand on their own.
            var perArticle: [String: Int] = [:]
            var closeness: [Int: Double] = [:]
            for i in members {
                let keys = units[i].reduce(into: Set<String>()) { $0.formUnion($1) }
                closeness[i] = keys.isEmpty ? 0 : Double(keys.intersection(referenceKeys).count) / Double(keys.count)
                let a = candidates[i].article
                if let cur = perArticle[a], (closeness[cur]!, weight[cur]!) >= (closeness[i]!, weight[i]!) { continue }
                perArticle[a] = i
            }
            let chosenSet = Set(perArticle.values)
            for i in members where !chosenSet.contains(i) { pending.append([i]) }
            let chosen = chosenSet.sorted {
                (articleOrder[candidates[$0].article] ?? 0, candidates[$0].span.start)
                    < (articleOrder[candidates[$1].article] ?? 0, candidates[$1].span.start)
            }
            let text = candidates[reference].text
            let diff = WordDiff()
            // Copies of one wording have one diff.
            var diffs: [String: [DiffSegment]] = [:]
            let occurrences = chosen.map { i -> QuoteOccurrence in
                var o = candidates[i].occurrence
                if let known = diffs[o.text] {
                    o.diff = known
                } else {
                    o.diff = diff.diff(o.text, against: text)
                    diffs[o.text] = o.diff
                }
                return o
            }
            let speaker = bestSpeaker(chosen.map { candidates[$0].speaker })
            let first = chosen[0]
            built.append(
                (
                    chosen.count, (articleOrder[candidates[first].article] ?? 0, candidates[first].span.start),
                    Quote(id: "", speaker: speaker?.name, speakerRole: speaker?.role, text: text, occurrences: occurrences)
                ))
        }
        built.sort { ($0.articles, -$0.first.0, -$0.first.1) > ($1.articles, -$1.first.0, -$1.first.1) }
        // Ids from content: the speaker and the reference wording.
        let ids = StableID.disambiguated(built.map { StableID.make("q", $0.quote.speaker ?? "", $0.quote.text) })
        return zip(built, ids).map { item, id in
            var q = item.quote
            q.id = id
            return q
        }
    }

    /// The candidates that carry one statement (indices into `candidates`, each group ascending, ordered by its
    /// first member), and each candidate's sentence keys: the connected sets of ``related(_:_:units:words:)`` over
    /// pairs of different articles, found without comparing every pair (see ``align(candidates:)``).
    func statementGroups(_ candidates: [QuoteCandidate]) -> (groups: [[Int]], units: [[Set<String>]]) {
        let classes = WordingClasses(candidates)
        let classUnits = classes.representatives.map { sentenceKeys(candidates[$0]) }
        let classWords = classes.representatives.map { wordSequence(candidates[$0]) }
        var sets = DisjointSets(count: classes.nodeArticle.count)
        func related(_ x: Int, _ y: Int) -> Bool {
            self.related(
                candidates[classes.representatives[x]], candidates[classes.representatives[y]],
                units: (classUnits[x], classUnits[y]), words: (classWords[x], classWords[y]))
        }
        // A class whose members are all in one set already: one class alone in one article, or copies that match.
        var whole = classes.nodes.map { $0.count == 1 }
        for (x, nodes) in classes.nodes.enumerated() where nodes.count > 1 && related(x, x) {
            for n in nodes.dropFirst() { sets.union(nodes[0], n) }
            whole[x] = true
        }
        for (x, y) in comparedPairs(units: classUnits, sequences: classWords) {
            let (nx, ny) = (classes.nodes[x], classes.nodes[y])
            if whole[x], whole[y], sets.root(nx[0]) == sets.root(ny[0]) { continue }
            guard related(x, y) else { continue }
            classes.join(x, y, whole: whole[x] && whole[y], in: &sets)
        }
        var groups: [Int: [Int]] = [:]
        for i in candidates.indices { groups[sets.root(classes.nodeOf[i]), default: []].append(i) }
        return (groups.values.sorted { $0[0] < $1[0] }, candidates.indices.map { classUnits[classes.classOf[$0]] })
    }

    /// Whether two candidates (of different articles) carry the same statement, from their sentence keys and words.
    func related(
        _ a: QuoteCandidate, _ b: QuoteCandidate, units: ([Set<String>], [Set<String>]), words: ([String], [String])
    ) -> Bool {
        guard compatibleSpeakers(a.speaker, b.speaker) else { return false }
        let direct = a.quoted || b.quoted
        let threshold = direct ? minimumContainment : minimumReportedContainment
        let shared = direct ? minimumSharedWords : minimumReportedSharedWords
        return matches(units.0, units.1, threshold: threshold, shared: shared)
            || ((direct || sameSpeaker(a.speaker, b.speaker)) && containsVerbatim(words.0, words.1))
    }

    // MARK: Blocking

    /// The pairs of wording classes worth comparing (`x < y` or found from the shorter side): those sharing a key
    /// among the rarest `n - m + 1` of either's `n` content keys, `m` the fewest shared words a match needs (a
    /// prefix filter: a pair sharing `m` keys shares one of those), and those where one holds the other's first
    /// three words (a verbatim match). At most `maximumComparisons` partners per class and route.
    func comparedPairs(units: [[Set<String>]], sequences: [[String]]) -> [(Int, Int)] {
        let needed = max(1, min(minimumSharedWords, minimumReportedSharedWords))
        // Ids in key order, so that ties in frequency break the same way in every run.
        let all = units.reduce(into: Set<String>()) { set, sentences in for keys in sentences { set.formUnion(keys) } }
        let ids = Dictionary(uniqueKeysWithValues: all.sorted().enumerated().map { ($1, $0) })
        let keys = units.map { sentences in
            sentences.reduce(into: Set<Int>()) { set, keys in for k in keys { if let id = ids[k] { set.insert(id) } } }
        }
        var frequency = [Int](repeating: 0, count: ids.count)
        for set in keys { for k in set { frequency[k] += 1 } }
        let prefixes = keys.map { set in
            Array(set.sorted { (frequency[$0], $0) < (frequency[$1], $1) }.prefix(max(0, set.count - needed + 1)))
        }
        // Three words as one key (a hash collision only adds a pair to compare).
        func trigram(_ words: [String], _ start: Int) -> UInt64 {
            words[start..<(start + 3)].reduce(Hashing.fnvOffset) { Hashing.mix($0 ^ Hashing.fnv1a($1)) }
        }
        var byPrefix = CandidateIndex<Int>()
        var byTrigram = CandidateIndex<UInt64>()
        for x in units.indices {
            byPrefix.insert(x, keys: prefixes[x])
            let words = sequences[x]
            if words.count >= 3 { byTrigram.insert(x, keys: Set((0...(words.count - 3)).map { trigram(words, $0) })) }
        }
        var pairs: [(Int, Int)] = []
        var marks = CandidateMarks(count: units.count)
        for x in units.indices {
            let samePrefix = byPrefix.candidates(
                of: prefixes[x], limit: maximumComparisons, marks: &marks, accept: { $0 > x })
            for y in samePrefix { pairs.append((x, y)) }
            guard sequences[x].count >= 3 else { continue }
            let sameStart = byTrigram.candidates(
                of: [trigram(sequences[x], 0)], limit: maximumComparisons, marks: &marks, accept: { $0 != x })
            for y in sameStart { pairs.append((x, y)) }
        }
        return pairs
    }

    // MARK: Similarity

    /// Whether some sentence of one wording matches some sentence of the other.
    func matches(_ a: [Set<String>], _ b: [Set<String>], threshold: Double, shared minimum: Int) -> Bool {
        for x in a {
            for y in b {
                let shared = x.intersection(y).count
                let shorter = min(x.count, y.count)
                if shared >= minimum, shorter > 0, Double(shared) / Double(shorter) >= threshold { return true }
            }
        }
        return false
    }

    /// Whether the shorter wording appears word for word inside the longer one: `minimumVerbatimWords` words or
    /// more, or a short quotation of `minimumContainedWords` content words or more ("months of neglected
    /// maintenance" inside the full quotation).
    func containsVerbatim(_ a: [String], _ b: [String]) -> Bool {
        let (short, long) = a.count <= b.count ? (a, b) : (b, a)
        let content = short.filter { !lexicon.functionWords.contains($0) }.count
        guard short.count >= minimumVerbatimWords || content >= minimumContainedWords, short.count <= long.count,
            !short.isEmpty
        else { return false }
        var start = 0
        while start + short.count <= long.count {
            if long[start..<(start + short.count)].elementsEqual(short) { return true }
            start += 1
        }
        return false
    }

    /// All words of a candidate's wording, normalized as `WordDiff` compares them.
    func wordSequence(_ candidate: QuoteCandidate) -> [String] {
        WordDiff.words(candidate.text).map(WordDiff.key).filter { !$0.isEmpty }
    }

    /// Content-word keys of each sentence of a candidate's wording.
    func sentenceKeys(_ candidate: QuoteCandidate) -> [Set<String>] {
        let text = candidate.text
        let spans = SentenceSegmenter().sentences(in: text, paragraph: TextSpan(start: 0, end: text.utf8.count))
        let tokenizer = Tokenizer()
        return spans.map { span in
            var keys = Set<String>()
            for t in tokenizer.tokens(in: text, span: span, sentence: 0) where t.kind != .punctuation {
                for part in t.norm.split(separator: "-") {
                    var word = String(part)
                    if word.utf8.contains(0x2E) { word.unicodeScalars.removeAll { $0 == "." } }
                    guard !word.isEmpty, !lexicon.functionWords.contains(word) else { continue }
                    keys.insert(lexicon.grammar.comparisonStem(word))
                }
            }
            return keys
        }
    }

    /// Two different named people do not make the same statement; other speakers may be described differently
    /// by each article ("a U.S. official", "a State Department spokesperson").
    func compatibleSpeakers(_ a: Speaker?, _ b: Speaker?) -> Bool {
        guard let a, let b, a.kind == .person, b.kind == .person else { return true }
        let surnameA = a.name.split(separator: " ").last
        let surnameB = b.name.split(separator: " ").last
        return surnameA == surnameB
    }

    /// Whether two articles name the same speaker: the same name, or one naming a part of the other with the same
    /// head word ("the emergency office" and "the regional emergency office", "Varga" and "Ilse Varga").
    func sameSpeaker(_ a: Speaker?, _ b: Speaker?) -> Bool {
        guard let a, let b, !a.isUnresolvedPronoun, !b.isUnresolvedPronoun else { return false }
        if a.name.lowercased() == b.name.lowercased() { return true }
        guard a.kind == b.kind else { return false }
        func words(_ name: String) -> [String] {
            name.split(whereSeparator: { $0 == " " || $0 == "," }).map { Tokenizer.norm(String($0)) }
                .filter { !lexicon.determiners.contains($0) }
        }
        let (x, y) = (words(a.name), words(b.name))
        guard let head = x.last, head == y.last else { return false }
        let (short, long) = x.count <= y.count ? (x, y) : (y, x)
        return Set(short).isSubset(of: Set(long))
    }

    /// The light stem of the bundled English grammar, the same for both sides of a comparison.
    static func stem(_ word: String) -> String { AttributionLexicon.bundled.grammar.comparisonStem(word) }

    /// The most informative speaker: a named person (with a role best), then organizations, described sources
    /// with more specific words, outlets; ties go to the speaker named most often.
    private func bestSpeaker(_ speakers: [Speaker?]) -> Speaker? {
        let present = speakers.compactMap { $0 }
        func score(_ s: Speaker) -> Int {
            let base: Int
            switch s.kind {
            case .person: base = 100
            case .organization: base = 60
            case .anonymous: base = 40
            case .outlet: base = 20
            }
            let words = s.name.split(separator: " ")
            let capitalized = words.filter { $0.first?.isUppercase == true }.count
            let generic = lexicon.documentNouns.contains(words.last.map { $0.lowercased() } ?? "") ? -30 : 0
            let pronoun = s.isUnresolvedPronoun ? -100 : 0
            return base + (s.role == nil ? 0 : 10) + 2 * capitalized + generic + pronoun
        }
        var counts: [String: Int] = [:]
        for s in present { counts[s.name, default: 0] += 1 }
        return present.max { a, b in (score(a), counts[a.name] ?? 0) < (score(b), counts[b.name] ?? 0) }
    }
}

/// Candidates grouped for comparison: a class holds the candidates with the same wording, quotation and speaker
/// (they relate alike to every other candidate), a node one class within one article (candidates of one article
/// never match each other).
struct WordingClasses {
    private struct Key: Hashable {
        var text: String
        var quoted: Bool
        var speaker: String?
        var kind: Citation.SourceKind?
        var pronoun: Bool
    }

    /// Class of each candidate, and each class's first candidate.
    private(set) var classOf: [Int] = []
    private(set) var representatives: [Int] = []
    /// Node of each candidate, each node's article, and each class's nodes (one per article, in first-seen order).
    private(set) var nodeOf: [Int] = []
    private(set) var nodeArticle: [String] = []
    private(set) var nodes: [[Int]] = []

    init(_ candidates: [QuoteCandidate]) {
        var classIndex: [Key: Int] = [:]
        var nodeIndex: [String: [Int: Int]] = [:]
        for (i, c) in candidates.enumerated() {
            let key = Key(
                text: c.text, quoted: c.quoted, speaker: c.speaker?.name, kind: c.speaker?.kind,
                pronoun: c.speaker?.isUnresolvedPronoun ?? false)
            let (x, isNew) = classIndex.denseID(of: key)
            if isNew {
                representatives.append(i)
                nodes.append([])
            }
            classOf.append(x)
            if let n = nodeIndex[c.article]?[x] {
                nodeOf.append(n)
            } else {
                let n = nodeArticle.count
                nodeIndex[c.article, default: [:]][x] = n
                nodeArticle.append(c.article)
                nodes[x].append(n)
                nodeOf.append(n)
            }
        }
    }

    /// Joins the members of related classes `x` and `y`: every member of one is related to every member of the
    /// other in another article. With `whole` (each class already one set) one such pair suffices; otherwise every
    /// node joins a node of the other class in another article, in O(nodes of x + nodes of y).
    func join(_ x: Int, _ y: Int, whole: Bool, in sets: inout DisjointSets) {
        let (nx, ny) = (nodes[x], nodes[y])
        guard let a0 = nx.first else { return }
        guard let b0 = ny.first(where: { nodeArticle[$0] != nodeArticle[a0] }) else {
            // y's one node is in a0's article: it joins x's nodes elsewhere.
            for b in ny { for a in nx where nodeArticle[a] != nodeArticle[b] { sets.union(a, b) } }
            return
        }
        sets.union(a0, b0)
        if whole { return }
        for a in nx where nodeArticle[a] != nodeArticle[b0] { sets.union(a, b0) }
        for b in ny where nodeArticle[b] != nodeArticle[a0] { sets.union(a0, b) }
        // The x node in b0's article and the y node in a0's article have partners of their own.
        for a in nx where nodeArticle[a] == nodeArticle[b0] {
            for b in ny where nodeArticle[b] != nodeArticle[a] { sets.union(a, b) }
        }
        for b in ny where nodeArticle[b] == nodeArticle[a0] {
            for a in nx where nodeArticle[a] != nodeArticle[b] { sets.union(a, b) }
        }
    }
}
