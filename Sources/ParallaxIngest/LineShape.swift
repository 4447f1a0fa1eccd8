import Foundation

/// The shape of one line of text: its words, its matching key and whether it reads like a sentence.
///
/// Shared by the boilerplate filter, the metadata extractor and the readers so they judge lines alike.
struct LineShape: Sendable {
    /// The line, trimmed.
    let text: String
    /// Whitespace-separated words.
    let words: [Substring]
    /// Lowercase, curly apostrophes folded, digit runs replaced by `#`, blanks collapsed.
    let key: String
    /// `key` without leading and trailing punctuation and symbols.
    let bareKey: String

    init(_ line: some StringProtocol) {
        text = line.trimmingCharacters(in: .whitespaces)
        words = text.split(whereSeparator: { $0 == " " || $0 == "\t" })
        key = LineShape.key(text)
        bareKey = key.trimmingCharacters(in: LineShape.edgePunctuation)
    }

    /// Characters stripped from both ends of a line before whole-line comparisons.
    /// `#` (a digit run in a key) is kept.
    static let edgePunctuation = CharacterSet.punctuationCharacters.union(.symbols).union(.whitespaces)
        .subtracting(CharacterSet(charactersIn: "#"))

    /// Lowercased with digit runs as `#` and curly apostrophes as `'`.
    static func key(_ s: some StringProtocol) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        var inDigits = false
        var inSpace = false
        for ch in s.lowercased() {
            if ch.isNumber && ch.isASCII {
                if !inDigits { out.append("#") }
                inDigits = true
                inSpace = false
                continue
            }
            inDigits = false
            if ch.isWhitespace {
                if !inSpace && !out.isEmpty { out.append(" ") }
                inSpace = true
                continue
            }
            inSpace = false
            out.append(ch == "\u{2019}" || ch == "\u{2018}" ? "'" : ch)
        }
        if out.hasSuffix(" ") { out.removeLast() }
        return out
    }

    /// The last character that is not a closing quote, bracket or blank.
    var finalMark: Character? {
        text.last { !"\"'”’»)]} ".contains($0) }
    }

    /// Ends with sentence-final punctuation (after any closing quotes).
    var endsSentence: Bool {
        guard let mark = finalMark else { return false }
        return ".!?…".contains(mark)
    }

    /// Opens with a lowercase letter or with punctuation that continues a sentence (`,` `;` `)`).
    var startsAsContinuation: Bool {
        guard let first = text.first else { return false }
        return first.isLowercase || ",;)]".contains(first)
    }

    /// Reads as body text: long enough and ends like a sentence.
    var isBodyShaped: Bool { words.count >= 10 && endsSentence }

    /// Whether `phrase` occurs in `key` on word boundaries.
    static func contains(_ key: String, phrase: String) -> Bool {
        guard !phrase.isEmpty else { return false }
        var searchStart = key.startIndex
        while let r = key.range(of: phrase, range: searchStart..<key.endIndex) {
            let beforeOK =
                r.lowerBound == key.startIndex || !isWordChar(phrase.first!)
                || !isWordChar(key[key.index(before: r.lowerBound)])
            let afterOK = r.upperBound == key.endIndex || !isWordChar(phrase.last!) || !isWordChar(key[r.upperBound])
            if beforeOK && afterOK { return true }
            searchStart = key.index(after: r.lowerBound)
        }
        return false
    }

    /// Whether `key` starts with `phrase` followed by a word boundary; returns the rest.
    static func rest(of key: String, afterPrefix phrase: String) -> Substring? {
        guard key.hasPrefix(phrase) else { return nil }
        let rest = key.dropFirst(phrase.count)
        if let next = rest.first, isWordChar(next), let last = phrase.last, isWordChar(last) { return nil }
        return rest
    }

    static func isWordChar(_ c: Character) -> Bool { c.isLetter || c.isNumber || c == "#" }
}
