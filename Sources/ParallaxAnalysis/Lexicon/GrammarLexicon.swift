import Foundation
import ParallaxCore

/// Grammar words of the attribution parse per language: articles, connectors, negations, inflection endings, and
/// whether the script marks names with capital letters. Loaded from `grammar.json` (bundled) or a user file in the
/// same format (see `docs/LEXICONS.md`, "Per-language data").
public struct GrammarLexicon: Sendable, Codable, Hashable {
    /// One regular inflection rule of a verb lemma: when the lemma ends with one of `endings` (and the letter before
    /// that ending is not in `notAfter`), each form replaces the ending part `form[0]` with `form[1]`.
    public struct InflectionRule: Sendable, Codable, Hashable {
        public var endings: [String]
        public var notAfter: [String]?
        /// Pairs `[remove, add]`: `["e", "ing"]` makes "state" -> "stating".
        public var forms: [[String]]
    }

    /// The grammar words of one language. All words are lowercase token norms.
    public struct Language: Sendable, Codable, Hashable {
        /// BCP 47 code (`en`).
        public var code: String
        /// Whether the script has letter case, so a capital letter marks a name (false for Arabic, Persian, Hebrew).
        public var hasCase: Bool
        /// Articles dropped before an outlet name ("the" in "the Times").
        public var definiteArticles: Set<String>
        /// Articles opening an appositive (", a former official,").
        public var articles: Set<String>
        /// Words before a verb-like word that make it a noun ("the report", "her statement").
        public var nounDeterminers: Set<String>
        /// Determiners that point back to a named outlet or document ("the newspaper", "this report").
        public var definiteDeterminers: Set<String>
        /// Negations between a speaker and the verb ("has not said").
        public var negations: Set<String>
        /// Words that open reported content ("that").
        public var complementizers: Set<String>
        /// Infinitive markers after a verb ("vowed to").
        public var infinitiveMarkers: Set<String>
        /// "as" in "quoted X as saying".
        public var quotingAs: Set<String>
        /// Markers of a passive agent ("seen by the paper", "began by saying").
        public var agentMarkers: Set<String>
        /// Verb particles skipped after a speech verb ("pointed out that").
        public var verbParticles: Set<String>
        /// Words and marks joining the words of one name or role ("Secretary of State", "Al-Assad").
        public var nameJoiners: Set<String>
        /// Coordinators inside one name or list ("Burton and Nick").
        public var nameCoordinators: Set<String>
        /// Coordinators before a second verb that ends a content clause ("... and said").
        public var clauseCoordinators: Set<String>
        /// Coordinators before a second verb of the sentence's subject ("visited the site and said").
        public var verbCoordinators: Set<String>
        /// Prepositions inside a multiword name ("Commission on Presidential Debates").
        public var namePrepositions: Set<String>
        /// Prepositions before a place that belongs to an adjunct, beside `adjunctPrepositions` ("visit to Kiev").
        public var placePrepositions: Set<String>
        /// Words after which the next name still belongs to a role ("Secretary of State Antony Blinken").
        public var roleJoiners: Set<String>
        /// Words joining a person to an organization ("Jane Doe of the agency").
        public var affiliationWords: Set<String>
        /// Words that join a description to a name inside one noun phrase.
        public var nameConnectors: Set<String>
        /// Relative pronouns opening an appositive clause (", who ...,").
        public var relativePronouns: Set<String>
        /// Words besides pronouns and determiners that may open a clause ("there", "this").
        public var clauseSubjects: Set<String>
        /// Words that may open a participle clause ("with one insider adding").
        public var participleOpeners: Set<String>
        /// The possessive ending of a token norm ("'s").
        public var possessiveSuffix: String
        /// Possessive endings of a written name ("'s", "’s", "'", "’"), longest first.
        public var possessiveEndings: [String]
        /// Possessive marks that stand as a token of their own after a name ("Times '").
        public var possessiveMarks: Set<String>
        /// Endings of participles and gerunds ("ing").
        public var participleEndings: [String]
        /// Endings of past forms ("ed").
        public var pastEndings: [String]
        /// Endings of plural nouns ("s"), unless one of `pluralExceptions` ends the word ("ss").
        public var pluralEndings: [String]
        public var pluralExceptions: [String]
        /// Endings of adverbs ("ly") in words of at least `adverbMinLength` characters.
        public var adverbEndings: [String]
        public var adverbMinLength: Int
        /// Suffixes a light stemmer strips when two wordings of a quote are compared ("attacking" = "attacked"), the
        /// first that matches, when at least `comparisonMinStem` characters remain; a plural ending is kept after a
        /// plural exception ("press").
        public var comparisonSuffixes: [String]
        public var comparisonMinStem: Int
        /// Regular inflections of a verb lemma; the first matching rule applies.
        public var verbInflections: [InflectionRule]
        /// Names known in this language, for scripts without case: they start a name without a capital letter.
        public var names: Set<String>

        func isParticiple(_ norm: String) -> Bool { participleEndings.contains { norm.hasSuffix($0) } }
        func isPast(_ norm: String) -> Bool { pastEndings.contains { norm.hasSuffix($0) } }
        func isPlural(_ norm: String) -> Bool {
            pluralEndings.contains { norm.hasSuffix($0) } && !pluralExceptions.contains { norm.hasSuffix($0) }
        }
        func isAdverb(_ norm: String) -> Bool {
            norm.count >= adverbMinLength && adverbEndings.contains { norm.hasSuffix($0) }
        }
        /// Whether a token norm carries the possessive ending ("trump's").
        func isPossessive(_ norm: String) -> Bool { !possessiveSuffix.isEmpty && norm.hasSuffix(possessiveSuffix) }

        /// `name` without a final possessive ending ("Donald Trump’s" -> "Donald Trump").
        func withoutPossessive(_ name: String) -> String {
            for ending in possessiveEndings where name.hasSuffix(ending) && name.count > ending.count + 1 {
                return String(name.dropLast(ending.count))
            }
            return name
        }

        /// The light stem of a token norm for comparing wordings: possessive, then one comparison suffix removed.
        func comparisonStem(_ word: String) -> String {
            var w = word
            if isPossessive(w) { w.removeLast(possessiveSuffix.count) }
            for suffix in comparisonSuffixes where w.count >= suffix.count + comparisonMinStem && w.hasSuffix(suffix) {
                if pluralEndings.contains(suffix), pluralExceptions.contains(where: { w.hasSuffix($0) }) { continue }
                w.removeLast(suffix.count)
                break
            }
            return w
        }

        /// The regular inflections of a verb lemma, the lemma first ("state" -> state, states, stated, stating).
        func inflections(of lemma: String) -> [String] {
            for rule in verbInflections {
                guard let ending = rule.endings.first(where: { lemma.hasSuffix($0) }) else { continue }
                if let notAfter = rule.notAfter, !notAfter.isEmpty {
                    guard let before = lemma.dropLast(ending.count).last, !notAfter.contains(String(before)) else {
                        continue
                    }
                }
                var forms = [lemma]
                for form in rule.forms where form.count == 2 {
                    guard lemma.hasSuffix(form[0]) else { continue }
                    forms.append(String(lemma.dropLast(form[0].count)) + form[1])
                }
                return forms
            }
            return [lemma]
        }
    }

    public var languages: [Language]

    public init(languages: [Language]) { self.languages = languages }

    /// The lexicon shipped with Parallax (`Resources/grammar.json`).
    public static let bundled: GrammarLexicon = LexiconError.bundled(GrammarLexicon.self, named: "grammar")

    /// Reads a lexicon file; the error names the file and the field at fault.
    public init(contentsOf url: URL) throws { self = try LexiconError.load(GrammarLexicon.self, from: url) }

    /// This lexicon with `other`'s languages added; a language with the same code is replaced.
    public func merging(_ other: GrammarLexicon) -> GrammarLexicon {
        GrammarLexicon(languages: languages.merged(with: other.languages, by: \.code))
    }

    /// The grammar of `language` (an article's BCP 47 code), falling back to English (`LanguageChoice`).
    public func language(_ code: String?) -> Language? {
        LanguageChoice.choose(code, from: languages, code: \.code)
    }
}
