import ParallaxCore

/// Finds stance-marked phrases ("Kiev regime", "full-scale invasion", "so-called") in a story's articles, with
/// what each signals and every use traced to its sentence.
///
/// Phrases come from a `FramingLexicon`; matching is case-insensitive on whole words (hyphens and spaces alike,
/// possessives ignored), longest phrase first. An entry with `near` words counts only when one of them stands
/// close by in the same sentence.
public struct FramingDetector: Sendable {
    public let lexicon: FramingLexicon
    private let matcher: PhraseMatcher
    private let nearMatchers: [PhraseMatcher?]
    /// Payload -> entry index, or -1 for an exclusion.
    private let targets: [Int]
    /// Phrase -> what it signals.
    private let notes: [String: String?]

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
        self.nearMatchers = lexicon.entries.map { entry in
            entry.near.map { words in PhraseMatcher(phrases: words.map { ($0, 0) }, requireCapital: false) }
        }
    }

    /// The framing uses in a story's documents (see ``uses(from:)``). O(total text length).
    public func detect(_ documents: [Document]) -> [FramingUse] {
        uses(from: documents.map { ($0.id, matches(in: $0, units: WordUnit.units(of: $0))) })
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
        uses(from: annotations.map { ($0.id, $0.framing) })
    }

    private func uses(from matches: [(article: String, matches: [LexiconMatch])]) -> [FramingUse] {
        var uses: [String: [SpanReference]] = [:]
        for (article, found) in matches {
            for m in found {
                uses[m.entry, default: []].append(
                    SpanReference(article: article, span: m.span, sentenceSpan: m.sentenceSpan))
            }
        }
        return uses.map { phrase, occurrences in
            FramingUse(
                phrase: phrase, note: notes[phrase] ?? nil, articles: occurrences.articleIDs, occurrences: occurrences)
        }.sorted { ($0.articles.count, $1.phrase) > ($1.articles.count, $0.phrase) }
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
