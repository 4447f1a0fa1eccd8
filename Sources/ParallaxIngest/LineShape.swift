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
    /// UTF-8 bytes of `key`, for ``PhraseMatcher``.
    let keyBytes: [UInt8]

    init(_ line: some StringProtocol) {
        let trimmed = line.drop { $0 == " " || $0 == "\t" }
        let end = trimmed.lastIndex { $0 != " " && $0 != "\t" }.map { trimmed.index(after: $0) } ?? trimmed.startIndex
        text = String(trimmed[..<end])
        words = text.split(whereSeparator: { $0 == " " || $0 == "\t" })
        keyBytes = LineShape.keyBytes(text)
        key = String(decoding: keyBytes, as: UTF8.self)
        let bare = key.unicodeScalars.drop(while: LineShape.isEdge).reversed().drop(while: LineShape.isEdge)
        bareKey = String(String.UnicodeScalarView(bare.reversed()))
    }

    /// Punctuation, symbols and blanks, stripped from both ends of a key before whole-line comparisons; `#` (a
    /// digit run in a key) is kept.
    static func isEdge(_ scalar: Unicode.Scalar) -> Bool {
        guard scalar != "#" else { return false }
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
            .finalPunctuation, .otherPunctuation, .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol,
            .spaceSeparator:
            return true
        default:
            return scalar == " " || scalar == "\t"
        }
    }

    /// Characters stripped from both ends of a word (punctuation, symbols, blanks).
    static let edgePunctuation = CharacterSet.punctuationCharacters.union(.symbols).union(.whitespaces)
        .subtracting(CharacterSet(charactersIn: "#"))

    /// Lowercased with digit runs as `#` and curly apostrophes as `'`, blanks collapsed.
    static func key(_ s: some StringProtocol) -> String { String(decoding: keyBytes(s), as: UTF8.self) }

    /// UTF-8 bytes of ``key(_:)``: ASCII handled byte by byte, other scalars lowercased through Unicode.
    static func keyBytes(_ s: some StringProtocol) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count)
        var inDigits = false
        var inSpace = false
        for scalar in s.unicodeScalars {
            let v = scalar.value
            if v >= 0x30 && v <= 0x39 {
                if !inDigits { out.append(0x23) }
                inDigits = true
                inSpace = false
                continue
            }
            inDigits = false
            if v == 0x20 || v == 0x09 || (v >= 0x80 && scalar.properties.isWhitespace) {
                if !inSpace && !out.isEmpty { out.append(0x20) }
                inSpace = true
                continue
            }
            inSpace = false
            if v < 0x80 {
                out.append(v >= 0x41 && v <= 0x5A ? UInt8(v + 0x20) : UInt8(v))
            } else if v == 0x2019 || v == 0x2018 {
                out.append(0x27)
            } else if scalar.properties.changesWhenLowercased {
                out.append(contentsOf: scalar.properties.lowercaseMapping.utf8)
            } else {
                out.append(contentsOf: String(scalar).utf8)
            }
        }
        if out.last == 0x20 { out.removeLast() }
        return out
    }

    /// The last character that is not a closing quote, bracket or blank.
    var finalMark: Character? { Self.finalMark(of: text) }

    /// Ends with sentence-final punctuation (after any closing quotes).
    var endsSentence: Bool { Self.endsSentence(text) }

    /// Opens with a lowercase letter or with punctuation that continues a sentence (`,` `;` `)`).
    var startsAsContinuation: Bool { Self.startsAsContinuation(text) }

    static func finalMark(of text: some StringProtocol) -> Character? {
        text.last { !"\"'”’»)]} ".contains($0) }
    }

    static func endsSentence(_ text: some StringProtocol) -> Bool {
        guard let mark = finalMark(of: text) else { return false }
        return ".!?…".contains(mark)
    }

    static func startsAsContinuation(_ text: some StringProtocol) -> Bool {
        guard let first = text.first else { return false }
        return first.isLowercase || ",;)]".contains(first)
    }

    /// Reads as body text: long enough and ends like a sentence.
    var isBodyShaped: Bool { words.count >= 10 && endsSentence }

    /// Whether one of `words` (lowercase) is a word of the line.
    func hasWord(in words: [String]) -> Bool {
        let own = Set(self.words.map { $0.lowercased().trimmingCharacters(in: .punctuationCharacters) })
        return words.contains(where: own.contains)
    }

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
