/// The words of a user's search query, as the drivers' full-text indexes split text: runs of letters, marks and
/// digits (FTS5's `unicode61` tokenizer); every other character separates words and none is syntax.
package enum SearchWords {
    /// At most this many words of a query are used (a bound on the cost of one search).
    package static let maxWords = 32

    /// The words of `text`, in order, at most ``maxWords``. O(text).
    package static func words(of text: String) -> [String] {
        var words: [String] = []
        var current = String.UnicodeScalarView()
        func flush() {
            if !current.isEmpty, words.count < maxWords { words.append(String(current)) }
            current = String.UnicodeScalarView()
        }
        for scalar in text.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .letterNumber, .otherNumber,
                .privateUse:
                current.append(scalar)
            default:
                flush()
            }
        }
        flush()
        return words
    }
}
