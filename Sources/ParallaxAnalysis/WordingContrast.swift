import ParallaxCore

/// Finds the wording that one group of a story's outlets uses and the others do not (contrastive discovery): the
/// phrases state media write and the rest never do, and the other way round, beside the framing lexicon's matches.
///
/// Each article gets a group from `group` (nil leaves it out; ``AnalysisPipeline`` groups by ownership: state-owned
/// media against the others). A phrase is a run of one to `longest` words of the outlet's own voice (not inside
/// quotation marks: a quote is the speaker's wording) that neither opens nor closes with a stopword or a number and
/// is not only capitalized words (names belong to the naming table). It is contrastive for group G when at least
/// `minimumArticles` articles of G use it and no article outside G does, and that split is unlikely by chance: the
/// probability that `a` users all fall in G, C(|G|, a) / C(n, a) for `n` grouped articles, is at most
/// `maximumChance`. At least `minimumOthers` articles must be outside G. A phrase inside a longer contrastive
/// phrase used by the same articles is left out; the `maximumPhrases` least likely by chance (longer phrases first
/// on ties) are kept per group, each with its first use in every article.
///
/// Cost: O(words x `longest`) over at most `maximumArticles` articles per group (story order), so large stories
/// stay bounded.
public struct WordingContrast: Sendable {
    /// Thresholds and bounds.
    public struct Configuration: Sendable, Hashable, Codable {
        public var minimumArticles = 2
        public var minimumOthers = 2
        public var longest = 3
        public var maximumPhrases = 12
        public var maximumArticles = 300
        public var maximumChance = 0.05

        public init() {}
    }

    public var configuration: Configuration
    private let vectorizer: TermVectorizer

    public init(configuration: Configuration = Configuration(), lexicon: TermVectorizer.Lexicon = .standard) {
        self.configuration = configuration
        self.vectorizer = TermVectorizer(lexicon: lexicon)
    }

    /// The contrastive phrases of a story's articles (in story order), groups in order of first appearance.
    public func contrasts(
        _ documents: [Document], group: (Document) -> String?
    ) -> [ContrastivePhrase] {
        var members: [String: [Int]] = [:]
        var order: [String] = []
        for (i, document) in documents.enumerated() {
            guard let g = group(document) else { continue }
            if members[g] == nil { order.append(g) }
            if (members[g]?.count ?? 0) < configuration.maximumArticles { members[g, default: []].append(i) }
        }
        guard order.count >= 2 else { return [] }
        let grouped = order.flatMap { members[$0] ?? [] }
        // phrase -> article index -> its first use (span and sentence)
        var uses: [String: [Int: SpanReference]] = [:]
        var texts: [String: String] = [:]
        for i in grouped {
            let document = documents[i]
            for sentence in document.sentences {
                let tokens = document.tokens[sentence.tokens]
                let words = zip(tokens, tokens.insideQuotation).filter { $0.kind != .punctuation && !$1 }.map(\.0)
                for start in words.indices where isEdge(words[start]) {
                    for length in 1...configuration.longest where start + length <= words.endIndex {
                        let end = start + length - 1
                        guard isEdge(words[end]) else { continue }
                        let run = words[start...end]
                        // Words of one phrase stand next to each other in the text (no punctuation between).
                        guard zip(run, run.dropFirst()).allSatisfy({ $1.span.start - $0.span.end <= 1 }) else { break }
                        guard run.contains(where: { !$0.isCapitalized }) else { continue }
                        let key = run.map(\.norm).joined(separator: " ")
                        guard uses[key]?[i] == nil else { continue }
                        let span = TextSpan(start: words[start].span.start, end: words[end].span.end)
                        uses[key, default: [:]][i] = SpanReference(
                            article: document.id, span: span, sentenceSpan: sentence.span)
                        if texts[key] == nil { texts[key] = String(document.text(of: span)) }
                    }
                }
            }
        }
        var groupOf: [Int: String] = [:]
        for g in order { for i in members[g] ?? [] { groupOf[i] = g } }
        var result: [ContrastivePhrase] = []
        for g in order {
            let size = members[g]?.count ?? 0
            let others = grouped.count - size
            guard size >= configuration.minimumArticles, others >= configuration.minimumOthers else { continue }
            var found: [(key: String, articles: [Int], chance: Double)] = []
            for (key, byArticle) in uses where byArticle.count >= configuration.minimumArticles {
                guard byArticle.keys.allSatisfy({ groupOf[$0] == g }) else { continue }
                let chance = Self.chance(users: byArticle.count, group: size, total: grouped.count)
                guard chance <= configuration.maximumChance else { continue }
                found.append((key, byArticle.keys.sorted(), chance))
            }
            // Leave out a phrase inside a longer found phrase used by the same articles.
            let longer = Dictionary(grouping: found.filter { $0.key.contains(" ") }, by: \.articles)
            found.removeAll { phrase in
                (longer[phrase.articles] ?? []).contains {
                    $0.key != phrase.key && " \($0.key) ".contains(" \(phrase.key) ")
                }
            }
            found.sort { a, b in
                if a.chance != b.chance { return a.chance < b.chance }
                let wa = a.key.split(separator: " ").count
                let wb = b.key.split(separator: " ").count
                return wa != wb ? wa > wb : a.key < b.key
            }
            for phrase in found.prefix(configuration.maximumPhrases) {
                let occurrences = phrase.articles.compactMap { uses[phrase.key]?[$0] }
                result.append(
                    ContrastivePhrase(
                        phrase: texts[phrase.key] ?? phrase.key, group: g, articles: occurrences.map(\.article),
                        groupArticles: size, otherArticles: others, occurrences: occurrences))
            }
        }
        return result
    }

    /// The probability that `users` articles drawn from `total` all fall in a group of `group`:
    /// C(group, users) / C(total, users).
    static func chance(users: Int, group: Int, total: Int) -> Double {
        guard users <= group, group <= total else { return users <= group ? 1 : 0 }
        var p = 1.0
        for k in 0..<users { p *= Double(group - k) / Double(total - k) }
        return p
    }

    /// Whether a word may open or close a phrase: a content word, not a number.
    private func isEdge(_ token: Token) -> Bool {
        token.kind == .word && token.norm.count >= 2 && !vectorizer.isStopword(token.norm)
    }
}
