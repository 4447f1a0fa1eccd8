import ParallaxCore

/// A matching unit of a document: a word token, or one hyphen-separated part of it, with a final possessive
/// (`'s`, `’s`, `'`: the `possessiveEndings` of every language of `grammar.json`) cut off, so that `Kyiv’s`,
/// `pro-Kyiv` and `Kyiv-based` all yield the unit `kyiv`.
///
/// Number tokens are kept whole (`2024-05-31`); punctuation yields no unit but breaks adjacency.
struct WordUnit: Sendable, Hashable {
    /// Lowercased, folded form (`Tokenizer.norm`) without the possessive ending.
    let key: String
    /// Span of the unit in the article text (possessive ending excluded).
    let span: TextSpan
    /// Index of the token it comes from in `Document.tokens`.
    let token: Int
    let sentence: Int
    /// Whether the unit starts with an uppercase letter.
    let isCapitalized: Bool
    let isNumber: Bool
    /// Whether it is the first unit of its sentence.
    let isSentenceInitial: Bool

    /// Whether the key starts with an ASCII digit (`10`, `10th`, `2024-05-31`).
    var startsWithDigit: Bool {
        guard let f = key.utf8.first else { return false }
        return f >= 0x30 && f <= 0x39
    }

    /// Whether `next` directly follows this unit: same sentence, and either parts of one token or tokens with no
    /// punctuation between them.
    func isAdjacent(to next: WordUnit) -> Bool {
        next.sentence == sentence && (next.token == token || next.token == token + 1)
    }

    /// The units of a document, in text order. O(n) in the text length.
    static func units(of document: Document) -> [WordUnit] {
        var result: [WordUnit] = []
        result.reserveCapacity(document.tokens.count)
        var lastSentence = -1
        for (index, token) in document.tokens.enumerated() where token.kind != .punctuation {
            let initial = token.sentence != lastSentence
            lastSentence = token.sentence
            if token.kind == .number {
                result.append(
                    WordUnit(
                        key: token.norm, span: token.span, token: index, sentence: token.sentence,
                        isCapitalized: false, isNumber: true, isSentenceInitial: initial))
                continue
            }
            // Most words have no hyphen or apostrophe: the token's own norm is the key.
            if !token.norm.utf8.contains(where: { $0 == 0x2D || $0 == 0x27 }) {
                result.append(
                    WordUnit(
                        key: token.norm, span: token.span, token: index, sentence: token.sentence,
                        isCapitalized: token.isCapitalized, isNumber: false, isSentenceInitial: initial))
                continue
            }
            var first = true
            for part in parts(of: document.text(of: token.span), at: token.span.start) {
                result.append(
                    WordUnit(
                        key: Tokenizer.norm(part.text), span: part.span, token: index, sentence: token.sentence,
                        isCapitalized: part.text.unicodeScalars.first?.properties.isUppercase ?? false,
                        isNumber: false, isSentenceInitial: initial && first))
                first = false
            }
        }
        return result
    }

    /// Hyphen-separated parts of a word with byte spans; a trailing possessive is removed from the last part.
    private static func parts(of word: Substring, at base: Int) -> [(text: String, span: TextSpan)] {
        var parts: [(String, TextSpan)] = []
        var current = String.UnicodeScalarView()
        var start = base
        var offset = base
        func close() {
            var scalars = Array(current)
            var end = offset
            if let n = possessiveLength(scalars) {
                end -= scalars.suffix(n).reduce(0) { $0 + UTF8.width($1) }
                scalars.removeLast(n)
            }
            if !scalars.isEmpty {
                parts.append((String(String.UnicodeScalarView(scalars)), TextSpan(start: start, end: end)))
            }
            current = String.UnicodeScalarView()
        }
        for s in word.unicodeScalars {
            if isHyphen(s) {
                close()
                offset += UTF8.width(s)
                start = offset
            } else {
                current.append(s)
                offset += UTF8.width(s)
            }
        }
        close()
        return parts
    }

    private static func isHyphen(_ s: Unicode.Scalar) -> Bool {
        s.value == 0x2D || s.value == 0x2010 || s.value == 0x2011
    }

    private static func isApostrophe(_ s: Unicode.Scalar) -> Bool {
        s.value == 0x27 || s.value == 0x2019 || s.value == 0x02BC
    }

    /// Possessive endings of every bundled language, folded (`fold`), longest first: a unit's language is not known
    /// here, and lexicon phrases are cut the same way (`PhraseMatcher.words(of:)`).
    static let possessiveEndings: [[Unicode.Scalar]] = {
        let all = GrammarLexicon.bundled.languages.flatMap(\.possessiveEndings).map { $0.unicodeScalars.map(fold) }
        var seen = Set<[UInt32]>()
        return all.filter { !$0.isEmpty && seen.insert($0.map(\.value)).inserted }.sorted { $0.count > $1.count }
    }()

    /// How many final scalars of a word form a possessive ending (one more scalar must remain), or nil.
    static func possessiveLength<C: BidirectionalCollection>(_ word: C) -> Int? where C.Element == Unicode.Scalar {
        let count = word.count
        for ending in possessiveEndings where count > ending.count {
            if zip(word.suffix(ending.count), ending).allSatisfy({ fold($0) == $1 }) { return ending.count }
        }
        return nil
    }

    /// A scalar compared case-insensitively, every apostrophe as `'`.
    private static func fold(_ s: Unicode.Scalar) -> Unicode.Scalar {
        if isApostrophe(s) { return "'" }
        if s.value >= 0x41 && s.value <= 0x5A { return Unicode.Scalar(s.value + 32)! }
        guard s.value >= 0x80, s.properties.changesWhenLowercased else { return s }
        return s.properties.lowercaseMapping.unicodeScalars.first ?? s
    }
}
