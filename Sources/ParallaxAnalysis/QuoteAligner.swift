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

    public init(lexicon: AttributionLexicon = .bundled) {
        self.lexicon = lexicon
    }

    /// Extracts the statements of `documents` and aligns them.
    public func align(_ documents: [Document], extractor: QuoteExtractor? = nil) -> [Quote] {
        let extractor = extractor ?? QuoteExtractor(lexicon: lexicon)
        return align(candidates: documents.flatMap { extractor.extract(from: $0) })
    }

    /// Aligns candidates (of one or more articles, in article order) into quotes.
    public func align(candidates input: [QuoteCandidate]) -> [Quote] {
        let candidates = input.filter { includeOutletReports || $0.quoted || !$0.isOutletReport }
        let units = candidates.map(sentenceKeys)
        let sequences = candidates.map(wordSequence)
        var parent = Array(candidates.indices)
        func find(_ x: Int) -> Int {
            var x = x
            while parent[x] != x {
                parent[x] = parent[parent[x]]
                x = parent[x]
            }
            return x
        }
        for i in candidates.indices {
            for j in (i + 1)..<candidates.count where candidates[i].article != candidates[j].article {
                guard find(i) != find(j), compatibleSpeakers(candidates[i].speaker, candidates[j].speaker) else { continue }
                let direct = candidates[i].quoted || candidates[j].quoted
                let threshold = direct ? minimumContainment : minimumReportedContainment
                let shared = direct ? minimumSharedWords : minimumReportedSharedWords
                if matches(units[i], units[j], threshold: threshold, shared: shared)
                    || ((direct || sameSpeaker(candidates[i].speaker, candidates[j].speaker))
                        && containsVerbatim(sequences[i], sequences[j]))
                {
                    parent[find(j)] = find(i)
                }
            }
        }
        var groups: [Int: [Int]] = [:]
        for i in candidates.indices { groups[find(i), default: []].append(i) }
        let articleOrder = Dictionary(
            candidates.map(\.article).enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        var built: [(articles: Int, first: (Int, Int), quote: Quote)] = []
        var pending = Array(groups.values)
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
            let occurrences = chosen.map { i -> QuoteOccurrence in
                var o = candidates[i].occurrence
                o.diff = diff.diff(o.text, against: text)
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
