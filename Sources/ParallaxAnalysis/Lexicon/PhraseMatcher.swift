import ParallaxCore

/// Finds lexicon phrases in a document's word units: whole units, case-insensitive, hyphens and spaces alike,
/// possessives ignored, longest match first, no overlaps.
///
/// A phrase is written as words (`Kiev regime`, `so-called`); a word ending in `*` matches any unit that starts
/// with it (`Киев*` matches `Киева`, `Киеве`). When `requireCapital` is set, a word written with an initial
/// capital only matches a unit that is capitalized in the text (`Turkey`, not `turkey`).
struct PhraseMatcher: Sendable {
    struct Match: Sendable, Hashable {
        /// The payload of the matched phrase.
        let payload: Int
        /// Range of matched units in the unit array.
        let units: Range<Int>
        let span: TextSpan
        let sentence: Int
    }

    private struct Word: Sendable, Hashable {
        let text: String
        let isPrefix: Bool
        let needsCapital: Bool

        func matches(_ unit: WordUnit) -> Bool {
            if needsCapital && !unit.isCapitalized { return false }
            return isPrefix ? unit.key.utf8.starts(with: text.utf8) : unit.key == text
        }
    }

    private struct Pattern: Sendable, Hashable {
        let words: [Word]
        let payload: Int
    }

    private var byFirstWord: [String: [Pattern]] = [:]
    /// Patterns whose first word is a prefix (`Киев*`), by the first byte of that prefix.
    private var prefixFirst: [UInt8: [Pattern]] = [:]

    /// Creates a matcher for `(phrase, payload)` pairs; empty phrases are ignored.
    init(phrases: [(phrase: String, payload: Int)], requireCapital: Bool) {
        for (phrase, payload) in phrases {
            let words = PhraseMatcher.words(of: phrase).map { raw -> Word in
                let isPrefix = raw.hasSuffix("*") && raw.count > 1
                let text = Tokenizer.norm(isPrefix ? String(raw.dropLast()) : raw)
                let capital = requireCapital && (raw.unicodeScalars.first?.properties.isUppercase ?? false)
                return Word(text: text, isPrefix: isPrefix, needsCapital: capital)
            }
            guard let first = words.first else { continue }
            let pattern = Pattern(words: words, payload: payload)
            if first.isPrefix, let byte = first.text.utf8.first {
                prefixFirst[byte, default: []].append(pattern)
            } else {
                byFirstWord[first.text, default: []].append(pattern)
            }
        }
    }

    /// Splits a phrase into words at spaces and hyphens, dropping a possessive ending.
    static func words(of phrase: String) -> [String] {
        phrase.split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "\u{2010}" || $0 == "\u{2011}" })
            .map { word in
                guard let n = WordUnit.possessiveLength(word.unicodeScalars) else { return String(word) }
                return String(String.UnicodeScalarView(word.unicodeScalars.dropLast(n)))
            }
    }

    /// Non-overlapping matches in `units`, longest first at each position, in text order. O(units × candidates).
    func matches(in units: [WordUnit]) -> [Match] {
        var found: [Match] = []
        for i in units.indices {
            var candidates = byFirstWord[units[i].key] ?? []
            if let byte = units[i].key.utf8.first, let prefixed = prefixFirst[byte] { candidates += prefixed }
            for pattern in candidates {
                if let end = match(pattern, at: i, in: units) {
                    found.append(
                        Match(
                            payload: pattern.payload, units: i..<end,
                            span: TextSpan(start: units[i].span.start, end: units[end - 1].span.end),
                            sentence: units[i].sentence))
                }
            }
        }
        // Longest first, then earliest; keep those that overlap nothing already kept.
        found.sort { ($0.units.count, -$0.units.lowerBound) > ($1.units.count, -$1.units.lowerBound) }
        var taken = Set<Int>()
        var kept: [Match] = []
        for m in found where !m.units.contains(where: taken.contains) {
            kept.append(m)
            taken.formUnion(m.units)
        }
        return kept.sorted { $0.units.lowerBound < $1.units.lowerBound }
    }

    private func match(_ pattern: Pattern, at start: Int, in units: [WordUnit]) -> Int? {
        var i = start
        for (k, word) in pattern.words.enumerated() {
            guard i < units.count, word.matches(units[i]) else { return nil }
            if k > 0, !units[i - 1].isAdjacent(to: units[i]) { return nil }
            i += 1
        }
        return i
    }
}
