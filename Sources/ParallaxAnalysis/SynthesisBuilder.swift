import Foundation

/// Builds the neutral synthesis of a story: the claims that two or more independent sources share.
///
/// Independence: articles in one ``Story/copies`` group count once, and so do articles of the same outlet. Reuse
/// below a whole copy counts too: two articles that carry `partialCopySentences` or more of the same narrative
/// sentences word for word (a partial wire copy: reused paragraphs) are one source for every claim they share,
/// and two articles that carry one claim in the same narrative words are one source for that claim. (Sentences
/// mostly inside quotation marks do not count: outlets quote one statement in the same words without copying
/// each other.) A claim becomes a ``SynthesisPoint`` when at least `minimumSources` independent sources carry it;
/// notes that something could not be verified (``Claim/isVerificationNote``) are no facts and never become points.
/// A point lists exactly the articles that carry its claim and their outlets. Points are ordered by independent
/// sources, then articles, then claim order.
///
/// The point's text is the most neutral wording among the claim's occurrences: each sentence scores the share of the
/// claim's core terms it contains (terms found in at least half of the occurrences, so the wording that says what
/// most sources say), minus penalties for loaded terms (`Resources/synthesis.json`), quotation marks, first-person
/// words (an unmarked quote) and an opening pronoun that needs the sentence before ("She said ..."). The highest score wins; ties go to the earlier article. A leading wire dateline
/// (`TEHRAN (Tasnim) – `) is cut from the text. O(occurrence tokens).
public struct SynthesisBuilder: Sendable {
    /// Thresholds and penalties.
    public struct Configuration: Sendable, Hashable, Codable {
        /// Minimum independent sources for a point.
        public var minimumSources = 2
        /// Narrative sentences two articles must share word for word to count as one source (a partial copy).
        public var partialCopySentences = 2
        /// Fewest words of a sentence that counts as reused when another article has it word for word.
        public var reusedSentenceWords = 8
        /// Score taken off per loaded term.
        public var loadedTermPenalty = 0.4
        /// Score taken off a sentence with quotation marks.
        public var quotationPenalty = 0.25
        /// Score taken off a sentence with first-person words.
        public var firstPersonPenalty = 0.25
        /// Score taken off a sentence that opens with a word needing the sentence before ("She said ...", "He also
        /// declined ...").
        public var contextPenalty = 0.3

        public init() {}
    }

    /// Wording lexicon, loaded from `synthesis.json`.
    public struct Lexicon: Sendable, Hashable, Codable {
        /// Words and phrases that carry a stance ("regime", "so-called"); phrases are matched on token norms.
        public var loadedTerms: [String]
        /// Pronouns that mark a speaker's own words.
        public var firstPersonWords: [String]
        /// Sentence openers that refer back to an earlier sentence ("he", "she", "they", "it").
        public var contextOpeners: [String]?

        /// The lexicon bundled with Parallax: the words of every language of `synthesis.json` together (a story's
        /// articles may be in several languages).
        public static let standard: Lexicon = {
            let entries = LexiconError.bundled(LanguageFile<Lexicon>.self, named: "synthesis").languages.map(\.value)
            return Lexicon(
                loadedTerms: entries.flatMap(\.loadedTerms), firstPersonWords: entries.flatMap(\.firstPersonWords),
                contextOpeners: entries.flatMap { $0.contextOpeners ?? [] })
        }()
    }

    public var configuration: Configuration
    private let loaded: Set<[String]>
    private let longestLoaded: Int
    /// The first words of the loaded phrases: most words start none and cost one lookup.
    private let loadedStarts: Set<String>
    private let firstPerson: Set<String>
    private let contextOpeners: Set<String>
    private let vectorizer: TermVectorizer

    public init(
        configuration: Configuration = Configuration(), lexicon: Lexicon = .standard,
        termLexicon: TermVectorizer.Lexicon = .standard
    ) {
        self.configuration = configuration
        let phrases = lexicon.loadedTerms.map { $0.lowercased().split(separator: " ").map(String.init) }
        self.loaded = Set(phrases)
        self.longestLoaded = phrases.map(\.count).max() ?? 1
        self.loadedStarts = Set(phrases.compactMap(\.first))
        self.firstPerson = Set(lexicon.firstPersonWords.map { $0.lowercased() })
        self.contextOpeners = Set((lexicon.contextOpeners ?? []).map { $0.lowercased() })
        self.vectorizer = TermVectorizer(lexicon: termLexicon)
    }

    /// The synthesis points of `story` from its `claims` (``ClaimAligner`` output) and its `documents`.
    public func build(claims: [Claim], story: Story, documents: [Document]) -> [SynthesisPoint] {
        let byID = Dictionary(documents.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let reuse = SentenceReuse(story: story, documents: byID, minimumWords: configuration.reusedSentenceWords)
        let source = independentSources(story: story, documents: byID, reuse: reuse)
        var points: [(SynthesisPoint, Int)] = []
        for (order, claim) in claims.enumerated() where !claim.isVerificationNote {
            // Sources of this claim: the story's independent sources, joined where two articles carry the claim
            // in one reused narrative sentence.
            var sets = DisjointSets(count: claim.articles.count)
            var firstOfSource: [Int: Int] = [:]
            for (i, article) in claim.articles.enumerated() {
                let unit = source[article] ?? -1 - i
                if let first = firstOfSource[unit] { sets.union(first, i) } else { firstOfSource[unit] = i }
            }
            let index = Dictionary(claim.articles.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
            var firstWithWording: [UInt64: Int] = [:]
            for occurrence in claim.occurrences {
                guard let i = index[occurrence.article],
                    let key = reuse.key(of: occurrence.sentenceSpan, in: occurrence.article)
                else { continue }
                if let first = firstWithWording[key] { sets.union(first, i) } else { firstWithWording[key] = i }
            }
            let sources = Set(claim.articles.indices.map { sets.root($0) }).count
            guard sources >= configuration.minimumSources else { continue }
            let outlets = claim.articles.map { byID[$0]?.article.outlet ?? $0 }.distinctInOrder
            let text = neutralWording(of: claim, documents: byID)
            points.append(
                (
                    SynthesisPoint(
                        text: text, claim: claim.id, articles: claim.articles, outlets: outlets,
                        independentSources: sources), order
                ))
        }
        points.sort { a, b in
            if a.0.independentSources != b.0.independentSources {
                return a.0.independentSources > b.0.independentSources
            }
            if a.0.articles.count != b.0.articles.count { return a.0.articles.count > b.0.articles.count }
            return a.1 < b.1
        }
        return points.map(\.0)
    }

    /// Source number per article: copies of one text, partial copies (``SentenceReuse``) and articles of one
    /// outlet share a number.
    func independentSources(story: Story, documents: [String: Document], reuse: SentenceReuse? = nil) -> [String: Int] {
        var sets = DisjointSets(count: story.articles.count)
        let index = Dictionary(story.articles.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        for group in story.copies {
            let members = group.compactMap { index[$0] }
            for m in members.dropFirst() { sets.union(members[0], m) }
        }
        for (a, b) in reuse?.partialCopies(minimumShared: configuration.partialCopySentences) ?? [] {
            if let x = index[a], let y = index[b] { sets.union(x, y) }
        }
        var firstOfOutlet: [String: Int] = [:]
        for (i, id) in story.articles.enumerated() {
            guard let outlet = documents[id]?.article.outlet?.lowercased(), !outlet.isEmpty else { continue }
            if let first = firstOfOutlet[outlet] { sets.union(first, i) } else { firstOfOutlet[outlet] = i }
        }
        return Dictionary(
            story.articles.indices.map { (story.articles[$0], sets.root($0)) }, uniquingKeysWith: { a, _ in a })
    }

    /// The most neutral wording among a claim's occurrences (see the type's summary).
    func neutralWording(of claim: Claim, documents: [String: Document]) -> String {
        struct Candidate {
            var text: String
            var terms: Set<String>
            var penalty: Double
        }
        var candidates: [Candidate] = []
        for occurrence in claim.occurrences {
            guard let document = documents[occurrence.article],
                let s = document.sentenceIndex(containing: occurrence.sentenceSpan.start)
            else { continue }
            let sentence = String(document.text(of: occurrence.sentenceSpan))
            let tokens = Array(document.tokens(ofSentence: s).filter { occurrence.sentenceSpan.contains($0.span) })
            let norms = tokens.map(\.norm)
            var penalty = 0.0
            for start in norms.indices where loadedStarts.contains(norms[start]) {
                for length in 1...longestLoaded where start + length <= norms.count {
                    if loaded.contains(Array(norms[start..<(start + length)])) {
                        penalty += configuration.loadedTermPenalty
                    }
                }
            }
            if tokens.contains(where: { $0.kind == .punctuation && Self.isQuotationMark($0.norm) }) {
                penalty += configuration.quotationPenalty
            }
            if norms.contains(where: { firstPerson.contains($0) }) { penalty += configuration.firstPersonPenalty }
            if let opener = tokens.first(where: { $0.kind == .word }), contextOpeners.contains(opener.norm) {
                penalty += configuration.contextPenalty
            }
            let terms = Set(tokens.compactMap { vectorizer.term(of: $0) })
            candidates.append(Candidate(text: sentence, terms: terms, penalty: penalty))
        }
        var frequency: [String: Int] = [:]
        for c in candidates { for t in c.terms { frequency[t, default: 0] += 1 } }
        let needed = max(2, (candidates.count + 1) / 2)
        let core = Set(frequency.filter { $0.value >= needed }.map(\.key))
        var best: (String, Double)?
        for c in candidates {
            let coverage = core.isEmpty ? 0 : Double(core.intersection(c.terms).count) / Double(core.count)
            let score = coverage - c.penalty
            if score > (best?.1 ?? -.infinity) { best = (c.text, score) }
        }
        return Self.withoutDateline(best?.0 ?? claim.text)
    }

    /// The sentence without a leading wire dateline (`TEHRAN (Tasnim) – `, `WASHINGTON, May 31 - `): an opening
    /// all-capitals word followed, within 60 characters, by a dash between spaces.
    static func withoutDateline(_ sentence: String) -> String {
        let head = sentence.prefix(60)
        guard let firstWord = head.split(separator: " ").first, firstWord.count >= 3,
            firstWord.allSatisfy({ !$0.isLetter || $0.isUppercase }), firstWord.contains(where: \.isLetter)
        else { return sentence }
        for dash in [" \u{2013} ", " \u{2014} ", " - ", " -- "] {
            if let range = head.range(of: dash) {
                let rest = sentence[range.upperBound...].drop { $0 == " " }
                return rest.isEmpty ? sentence : String(rest)
            }
        }
        return sentence
    }

    static func isQuotationMark(_ s: String) -> Bool {
        guard let scalar = s.unicodeScalars.first, s.unicodeScalars.count == 1 else { return false }
        switch scalar.properties.generalCategory {
        case .initialPunctuation, .finalPunctuation: return true
        default: return scalar == "\"" || scalar == "«" || scalar == "»"
        }
    }
}

/// Narrative sentences that articles of one story share word for word: the evidence of reused paragraphs below a
/// whole-text copy. A sentence counts when it has at least `minimumWords` words and at most half of its words
/// inside quotation marks; its key hashes its word norms in order. O(tokens) to build.
struct SentenceReuse {
    /// (article, sentence start) -> key of the reusable sentences.
    private var keys: [String: [Int: UInt64]] = [:]
    /// key -> the articles carrying it, in story order, each once.
    private var carriers: [UInt64: [String]] = [:]

    init(story: Story, documents: [String: Document], minimumWords: Int) {
        for id in story.articles {
            guard keys[id] == nil, let document = documents[id] else { continue }
            var ofArticle: [Int: UInt64] = [:]
            for sentence in document.sentences {
                var words = 0
                var quoted = 0
                var hash = Hashing.fnv1a("")
                let tokens = document.tokens[sentence.tokens]
                for (token, inside) in zip(tokens, tokens.insideQuotation) where token.kind != .punctuation {
                    words += 1
                    if inside { quoted += 1 }
                    hash = Hashing.mix(hash ^ Hashing.fnv1a(token.norm))
                }
                guard words >= minimumWords, quoted * 2 <= words else { continue }
                ofArticle[sentence.span.start] = hash
                if carriers[hash]?.last != id { carriers[hash, default: []].append(id) }
            }
            keys[id] = ofArticle
        }
    }

    /// The key of the reusable sentence at `span` of `article`, if it is one.
    func key(of span: TextSpan, in article: String) -> UInt64? { keys[article]?[span.start] }

    /// Pairs of articles sharing at least `minimumShared` reusable sentences. A sentence carried by many articles
    /// (over 32) chains them instead of pairing all of them, so the work stays linear.
    func partialCopies(minimumShared: Int) -> [(String, String)] {
        var shared: [Pair: Int] = [:]
        var result: [(String, String)] = []
        for articles in carriers.values where articles.count > 1 {
            if articles.count > 32 {
                result += zip(articles, articles.dropFirst()).map { ($0, $1) }
                continue
            }
            for i in articles.indices {
                for j in articles.indices where j > i { shared[Pair(articles[i], articles[j]), default: 0] += 1 }
            }
        }
        for (pair, count) in shared where count >= minimumShared { result.append((pair.a, pair.b)) }
        return result
    }

    private struct Pair: Hashable {
        var a: String
        var b: String
        init(_ x: String, _ y: String) { (a, b) = x < y ? (x, y) : (y, x) }
    }
}
