import Foundation

/// Builds the neutral synthesis of a story: the claims that two or more independent sources share.
///
/// Independence: articles in one ``Story/copies`` group count once, and so do articles of the same outlet. A claim
/// becomes a ``SynthesisPoint`` when at least `minimumSources` independent sources carry it; points are ordered by
/// independent sources, then articles, then claim order.
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
        self.firstPerson = Set(lexicon.firstPersonWords.map { $0.lowercased() })
        self.contextOpeners = Set((lexicon.contextOpeners ?? []).map { $0.lowercased() })
        self.vectorizer = TermVectorizer(lexicon: termLexicon)
    }

    /// The synthesis points of `story` from its `claims` (``ClaimAligner`` output) and its `documents`.
    public func build(claims: [Claim], story: Story, documents: [Document]) -> [SynthesisPoint] {
        let byID = Dictionary(documents.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let source = independentSources(story: story, documents: byID)
        // Each source's first named outlet, in story order (one pass, not one per claim and article).
        var outletOfSource: [Int: String] = [:]
        for id in story.articles {
            guard let unit = source[id], outletOfSource[unit] == nil, let outlet = byID[id]?.article.outlet else {
                continue
            }
            outletOfSource[unit] = outlet
        }
        var points: [(SynthesisPoint, Int)] = []
        for (order, claim) in claims.enumerated() {
            var units: [Int] = []
            var seen = Set<Int>()
            var outlets: [String] = []
            for article in claim.articles {
                let unit = source[article] ?? -1 - units.count
                guard seen.insert(unit).inserted else { continue }
                units.append(unit)
                outlets.append(outletOfSource[unit] ?? article)
            }
            guard units.count >= configuration.minimumSources else { continue }
            let text = neutralWording(of: claim, documents: byID)
            points.append(
                (
                    SynthesisPoint(
                        text: text, claim: claim.id, articles: claim.articles, outlets: outlets,
                        independentSources: units.count), order
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

    /// Source number per article: copies of one text and articles of one outlet share a number.
    func independentSources(story: Story, documents: [String: Document]) -> [String: Int] {
        var sets = DisjointSets(count: story.articles.count)
        let index = Dictionary(story.articles.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        for group in story.copies {
            let members = group.compactMap { index[$0] }
            for m in members.dropFirst() { sets.union(members[0], m) }
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
            for start in norms.indices {
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
