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
        self.matcher = PhraseMatcher(phrases: phrases, requireCapital: false)
        self.nearMatchers = lexicon.entries.map { entry in
            entry.near.map { words in PhraseMatcher(phrases: words.map { ($0, 0) }, requireCapital: false) }
        }
    }

    /// The framing uses in a story's documents, the phrases used by most articles first. O(total text length).
    public func detect(_ documents: [Document]) -> [FramingUse] {
        var uses: [Int: [SpanReference]] = [:]
        for document in documents {
            let units = WordUnit.units(of: document)
            for match in matcher.matches(in: units) {
                let e = targets[match.payload]
                guard e >= 0, isNearRequiredWord(entry: e, match: match, units: units) else { continue }
                uses[e, default: []].append(document.reference(to: match.span, sentence: match.sentence))
            }
        }
        return uses.map { e, occurrences in
            let entry = lexicon.entries[e]
            return FramingUse(
                phrase: entry.phrase, note: entry.note, articles: occurrences.articleIDs, occurrences: occurrences)
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
