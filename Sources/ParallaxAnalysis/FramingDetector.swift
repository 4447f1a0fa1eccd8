import ParallaxCore

/// Finds stance-marked phrases ("Kiev regime", "full-scale invasion", "so-called") in a story's articles, with
/// what each signals and every use traced to its sentence.
///
/// Phrases come from a `FramingLexicon`; matching is case-insensitive on whole words (hyphens and spaces alike,
/// possessives ignored), longest phrase first. An entry with `near` words counts only when one of them stands
/// close by in the same sentence. Each use is told apart as bare (the outlet's own voice), qualified (a distancing
/// qualifier from the lexicon's `qualifiers` just before it: "the self-proclaimed Donetsk People's Republic") or
/// quoted (inside quotation marks), so a report does not credit an outlet with wording it distances itself from.
public struct FramingDetector: Sendable {
    public let lexicon: FramingLexicon
    private let matcher: PhraseMatcher
    private let nearMatchers: [PhraseMatcher?]
    /// Payload -> entry index, or -1 for an exclusion.
    private let targets: [Int]
    /// Phrase -> what it signals.
    private let notes: [String: String?]
    /// Distancing qualifiers as word lists (`*` any one word).
    private let qualifiers: [[String]]
    /// Words before a use searched for a qualifier.
    static let qualifierWindow = 4

    /// Creates a detector over `lexicon` (the bundled one by default).
    public init(lexicon: FramingLexicon = .bundled) {
        self.lexicon = lexicon
        var phrases: [(phrase: String, payload: Int)] = []
        var targets: [Int] = []
        for (e, entry) in lexicon.entries.enumerated() {
            for spelling in entry.spellings {
                phrases.append((spelling, targets.count))
                targets.append(e)
            }
            for phrase in entry.exclude ?? [] {
                phrases.append((phrase, targets.count))
                targets.append(-1)
            }
        }
        self.targets = targets
        self.notes = Dictionary(lexicon.entries.map { ($0.phrase, $0.note) }, uniquingKeysWith: { a, _ in a })
        self.matcher = PhraseMatcher(phrases: phrases, requireCapital: false)
        self.qualifiers = (lexicon.qualifiers ?? []).map { q in q.split(separator: " ").map { Tokenizer.norm(String($0)) } }
            .filter { !$0.isEmpty }
        self.nearMatchers = lexicon.entries.map { entry in
            entry.near.map { words in PhraseMatcher(phrases: words.map { ($0, 0) }, requireCapital: false) }
        }
    }

    /// The framing uses in a story's documents (see ``uses(from:)``). O(total text length).
    public func detect(_ documents: [Document]) -> [FramingUse] {
        uses(from: documents.map { ($0, matches(in: $0, units: WordUnit.units(of: $0))) })
    }

    /// The uses of the lexicon's phrases in one document, in text order (part of its annotation). O(text length).
    func matches(in document: Document, units: [WordUnit]) -> [LexiconMatch] {
        matcher.matches(in: units).compactMap { match in
            let e = targets[match.payload]
            guard e >= 0, isNearRequiredWord(entry: e, match: match, units: units) else { return nil }
            return LexiconMatch(
                entry: lexicon.entries[e].phrase, span: match.span,
                sentenceSpan: document.logicalSentenceSpan(of: match.sentence))
        }
    }

    /// The framing uses of a story from its articles' annotations (in story order), the phrases used by most
    /// articles first.
    public func uses(from annotations: [ArticleAnnotation]) -> [FramingUse] {
        uses(from: annotations.map { ($0.document, $0.framing) })
    }

    private func uses(from matches: [(document: Document, matches: [LexiconMatch])]) -> [FramingUse] {
        var uses: [String: [FramingOccurrence]] = [:]
        for (document, found) in matches {
            for m in found {
                let (usage, qualifier) = self.usage(of: m.span, in: document)
                uses[m.entry, default: []].append(
                    FramingOccurrence(
                        article: document.id, span: m.span, sentenceSpan: m.sentenceSpan, usage: usage,
                        qualifier: qualifier))
            }
        }
        return uses.map { phrase, occurrences in
            FramingUse(
                phrase: phrase, note: notes[phrase] ?? nil, articles: occurrences.map(\.article).distinctInOrder,
                occurrences: occurrences.cappedPerArticle(key: \.article, preferring: { $0.usage == .bare }))
        }.sorted { ($0.articles.count, $1.phrase) > ($1.articles.count, $0.phrase) }
    }

    /// How the use at `span` is made: quoted when an odd number of quotation marks precede it in its sentence,
    /// qualified when a qualifier ends within ``qualifierWindow`` words before it with no clause mark between,
    /// else bare. O(sentence length).
    func usage(of span: TextSpan, in document: Document) -> (FramingUsage, String?) {
        guard let s = document.sentenceIndex(containing: span.start) else { return (.bare, nil) }
        let before = document.tokens(ofSentence: s).prefix { $0.span.end <= span.start }
        let marks = before.filter { $0.kind == .punctuation && SynthesisBuilder.isQuotationMark($0.norm) }
        if marks.count % 2 == 1 { return (.quoted, nil) }
        // Words just before the use, nearest last, up to a clause mark (a quotation mark or apostrophe is no break).
        var words: [Token] = []
        for token in before.reversed() {
            if token.kind == .punctuation {
                if SynthesisBuilder.isQuotationMark(token.norm) || token.norm == "'" { continue }
                break
            }
            words.insert(token, at: 0)
            if words.count == Self.qualifierWindow + 3 { break }
        }
        let norms = words.map(\.norm)
        for q in qualifiers where q.count <= norms.count {
            // The qualifier ends at most qualifierWindow words before the use.
            for end in stride(from: norms.count, through: max(q.count, norms.count - Self.qualifierWindow + 1), by: -1) {
                let start = end - q.count
                let fits = zip(q, norms[start..<end]).allSatisfy { $0 == "*" || $0 == $1 }
                if fits {
                    let written = document.text(of: TextSpan(start: words[start].span.start, end: words[end - 1].span.end))
                    return (.qualified, String(written))
                }
            }
        }
        return (.bare, nil)
    }

    private func isNearRequiredWord(entry e: Int, match: PhraseMatcher.Match, units: [WordUnit]) -> Bool {
        guard let near = nearMatchers[e] else { return true }
        let window = lexicon.entries[e].window ?? 4
        let lo = max(0, match.units.lowerBound - window)
        let hi = min(units.count, match.units.upperBound + window)
        let context = units[lo..<hi].filter { $0.sentence == match.sentence }
        return !near.matches(in: Array(context)).isEmpty
    }
}
