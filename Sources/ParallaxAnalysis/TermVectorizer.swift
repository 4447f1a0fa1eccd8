import Foundation

/// Turns tokens into weighted content terms: stopwords dropped, words lightly stemmed, names and numbers boosted.
///
/// Terms are strings: a stem (`attack` for "attacked"), a number (`200`), a name skeleton (`~khrkv` for both
/// "Kharkov" and "Kharkiv": first letter plus consonants, so transliteration variants meet), or a multiword name
/// (`~jo_bdn`). The stopword list and suffix rules are data (`Resources/stopwords.json`). O(n) in the tokens.
public struct TermVectorizer: Sendable {
    /// Weights of the term kinds.
    public struct Configuration: Sendable, Hashable, Codable {
        /// Factor for capitalized words that do not start a sentence (likely names).
        public var entityBoost: Double = 2.0
        /// Factor for numbers.
        public var numberBoost: Double = 2.0
        /// Factor for two-word names (`Joe Biden`), added on top of the single words.
        public var multiwordNameBoost: Double = 1.0
        /// Whether capitalized words are matched by their consonant skeleton (Kiev/Kyiv).
        public var nameSkeletons: Bool = true

        public init() {}
    }

    /// Stopwords and stemmer rules, loaded from `stopwords.json`.
    public struct Lexicon: Sendable, Hashable, Codable {
        /// One stemmer rule: strip `suffix`, append `replacement`, when at least `minStem` characters remain.
        public struct SuffixRule: Sendable, Hashable, Codable {
            public var suffix: String
            public var replacement: String
            public var minStem: Int
        }

        public var stopwords: Set<String>
        /// Tried in order; the first rule whose suffix matches decides.
        public var suffixes: [SuffixRule]
        /// Final letters dropped after suffix stripping (`strike`/`strikes` -> `strik`).
        public var finalDrop: [String]
        /// Suffixes after whose removal a doubled final consonant is undoubled (`hitting` -> `hit`).
        public var undoubleAfter: [String]
        /// Consonants that stay doubled (`calling` -> `call`).
        public var undoubleExcept: String
        /// Letters left out of name skeletons (after the first letter).
        public var vowels: String
        /// The possessive ending cut off before stemming (`'s`); none when nil.
        public var possessiveSuffix: String?

        private static let bundledFile = LexiconError.bundled(LanguageFile<Lexicon>.self, named: "stopwords")

        /// The English lexicon bundled with Parallax (`Resources/stopwords.json`).
        public static let standard: Lexicon = standard(language: LanguageChoice.fallback)

        /// The bundled lexicon of `language` (BCP 47), English when the language has no entry.
        public static func standard(language: String?) -> Lexicon {
            guard let entry = bundledFile.entry(for: language) else {
                fatalError("ParallaxAnalysis stopwords.json has no \(LanguageChoice.fallback) entry")
            }
            return entry.value
        }
    }

    public var configuration: Configuration
    public let lexicon: Lexicon
    private let vowelSet: Set<Character>
    private let keepDoubled: Set<Character>
    /// `vowelSet` as a table of ASCII bytes, for the ASCII fast paths of `skeleton(_:)` and `stem(_:)`.
    private let asciiVowels: [Bool]
    /// `keepDoubled` as a table of ASCII bytes.
    private let asciiKeepDoubled: [Bool]
    /// The suffix rules as bytes, for the ASCII fast path of `stem(_:)` (nil when a rule is not ASCII).
    private let asciiRules: [(suffix: [UInt8], replacement: [UInt8], minStem: Int, undouble: Bool)]?
    private let asciiFinalDrop: [[UInt8]]?
    /// The lexicon's possessive ending, as a string and as UTF-8 bytes (empty when none).
    private let possessive: String
    private let possessiveBytes: [UInt8]

    public init(configuration: Configuration = Configuration(), lexicon: Lexicon = .standard) {
        self.configuration = configuration
        self.lexicon = lexicon
        self.vowelSet = Set(lexicon.vowels)
        self.keepDoubled = Set(lexicon.undoubleExcept)
        self.asciiVowels = (0..<128).map { lexicon.vowels.contains(Character(Unicode.Scalar(UInt8($0)))) }
        self.asciiKeepDoubled = (0..<128).map { lexicon.undoubleExcept.contains(Character(Unicode.Scalar(UInt8($0)))) }
        let isASCII = { (s: String) in s.utf8.allSatisfy { $0 < 0x80 } }
        let undouble = Set(lexicon.undoubleAfter)
        self.asciiRules =
            lexicon.suffixes.allSatisfy({ isASCII($0.suffix) && isASCII($0.replacement) })
            ? lexicon.suffixes.map { (Array($0.suffix.utf8), Array($0.replacement.utf8), $0.minStem, undouble.contains($0.suffix)) }
            : nil
        self.asciiFinalDrop = lexicon.finalDrop.allSatisfy(isASCII) ? lexicon.finalDrop.map { Array($0.utf8) } : nil
        possessive = lexicon.possessiveSuffix ?? ""
        possessiveBytes = Array(possessive.utf8)
    }

    /// Whether a normalized word is a stopword.
    public func isStopword(_ norm: String) -> Bool { lexicon.stopwords.contains(norm) }

    /// The light stem of a normalized word (`attacking` -> `attack`, `countries` -> `country`).
    public func stem(_ norm: String) -> String {
        asciiStem(norm) ?? unicodeStem(norm)
    }

    /// `stem(_:)` on Characters: any script (the reference the ASCII fast path must agree with).
    func unicodeStem(_ norm: String) -> String {
        var word = withoutPossessive(norm)
        for rule in lexicon.suffixes where word.hasSuffix(rule.suffix) {
            let base = word.dropLast(rule.suffix.count)
            guard base.count >= rule.minStem else { break }
            var stem = String(base)
            if lexicon.undoubleAfter.contains(rule.suffix), let last = stem.last, stem.count >= 3,
                stem[stem.index(before: stem.index(before: stem.endIndex))] == last, !keepDoubled.contains(last),
                !vowelSet.contains(last)
            {
                stem.removeLast()
            }
            word = stem + rule.replacement
            break
        }
        for tail in lexicon.finalDrop where word.count > 3 && word.hasSuffix(tail) {
            word.removeLast(tail.count)
            break
        }
        return word
    }

    /// `stem(_:)` of an ASCII word, on bytes (one byte is one character there): the same result, without the
    /// Unicode-aware string comparisons. `nil` when the word or the rules are not ASCII.
    private func asciiStem(_ norm: String) -> String? {
        guard let rules = asciiRules, let finalDrop = asciiFinalDrop else { return nil }
        var word: [UInt8] = []
        word.reserveCapacity(norm.utf8.count + 4)
        for b in norm.utf8 {
            guard b < 0x80 else { return nil }
            word.append(b)
        }
        func hasSuffix(_ suffix: [UInt8]) -> Bool {
            suffix.count <= word.count && word.withUnsafeBufferPointer { w in
                suffix.withUnsafeBufferPointer { s in
                    var i = 0
                    let offset = w.count - s.count
                    while i < s.count, w[offset + i] == s[i] { i += 1 }
                    return i == s.count
                }
            }
        }
        if !possessiveBytes.isEmpty, hasSuffix(possessiveBytes) {
            word.removeLast(possessiveBytes.count)
        }
        for rule in rules where hasSuffix(rule.suffix) {
            guard word.count - rule.suffix.count >= rule.minStem else { break }
            word.removeLast(rule.suffix.count)
            if rule.undouble, let last = word.last, word.count >= 3, word[word.count - 2] == last,
                !asciiKeepDoubled[Int(last)], !asciiVowels[Int(last)]
            {
                word.removeLast()
            }
            word.append(contentsOf: rule.replacement)
            break
        }
        for tail in finalDrop where word.count > 3 && hasSuffix(tail) {
            word.removeLast(tail.count)
            break
        }
        return String(decoding: word, as: UTF8.self)
    }

    /// The consonant skeleton of a name (`kharkiv` -> `~khrkv`), or `nil` when too short to be distinctive.
    public func skeleton(_ norm: String) -> String? {
        if norm.utf8.allSatisfy({ $0 < 0x80 }) { return asciiSkeleton(norm) }
        let word = withoutPossessive(norm)
        guard let first = word.first, first.isLetter else { return nil }
        var out = "~"
        out.append(first)
        var previous: Character = first
        for c in word.dropFirst() where c.isLetter && !vowelSet.contains(c) {
            if c != previous { out.append(c) }
            previous = c
        }
        return out.count >= 3 ? out : nil
    }

    /// `norm` without the lexicon's possessive ending.
    private func withoutPossessive(_ norm: String) -> String {
        guard !possessive.isEmpty, norm.hasSuffix(possessive) else { return norm }
        return String(norm.dropLast(possessive.count))
    }

    /// `skeleton(_:)` of an ASCII word, on bytes (one byte is one character there): the same result, faster.
    private func asciiSkeleton(_ norm: String) -> String? {
        var bytes = Array(norm.utf8)
        if !possessiveBytes.isEmpty, bytes.count >= possessiveBytes.count,
            bytes.suffix(possessiveBytes.count).elementsEqual(possessiveBytes)
        {
            bytes.removeLast(possessiveBytes.count)
        }
        func isLetter(_ b: UInt8) -> Bool { (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) }
        guard let first = bytes.first, isLetter(first) else { return nil }
        var out: [UInt8] = [0x7E, first]
        var previous = first
        for c in bytes.dropFirst() where isLetter(c) && !asciiVowels[Int(c)] {
            if c != previous { out.append(c) }
            previous = c
        }
        return out.count >= 3 ? String(decoding: out, as: UTF8.self) : nil
    }

    /// The content term of one token, or `nil` for punctuation, stopwords and one-letter words.
    ///
    /// `isName` marks a capitalized word: it becomes its skeleton when `nameSkeletons` is on.
    public func term(of token: Token) -> String? {
        switch token.kind {
        case .punctuation: return nil
        case .number: return token.norm
        case .word:
            let norm = token.norm
            guard norm.unicodeScalars.count >= 2, !isStopword(norm) else { return nil }
            if token.isCapitalized, configuration.nameSkeletons, let skeleton = skeleton(norm) { return skeleton }
            return stem(norm)
        }
    }

    /// Weighted term counts of a run of tokens (raw counts times the kind's boost). O(n).
    public func termCounts(of tokens: ArraySlice<Token>) -> [String: Double] {
        termCounts(of: tokens, terms: tokens.map(term(of:)))
    }

    /// ``termCounts(of:)`` given each token's ``term(of:)`` (parallel to `tokens`), when the caller has them.
    func termCounts(of tokens: ArraySlice<Token>, terms: [String?]) -> [String: Double] {
        var counts: [String: Double] = [:]
        var sentence = -1
        var firstWord = true
        var previousName: String?
        for (token, term) in zip(tokens, terms) {
            if token.sentence != sentence {
                sentence = token.sentence
                firstWord = true
                previousName = nil
            }
            guard let term else {
                if token.kind == .punctuation || !token.isCapitalized { previousName = nil }
                firstWord = firstWord && token.kind == .punctuation
                continue
            }
            var weight = 1.0
            if token.kind == .number {
                weight = configuration.numberBoost
                previousName = nil
            } else if token.isCapitalized {
                if !firstWord { weight = configuration.entityBoost }
                if let previous = previousName, configuration.multiwordNameBoost > 0 {
                    counts[previous + "_" + term.dropFirst(), default: 0] += configuration.multiwordNameBoost
                }
                previousName = term
            } else {
                previousName = nil
            }
            counts[term, default: 0] += weight
            firstWord = false
        }
        return counts
    }

    /// Weighted term counts of a whole document body.
    public func termCounts(of document: Document) -> [String: Double] {
        termCounts(of: document.tokens[...])
    }
}
