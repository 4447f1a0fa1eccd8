import ParallaxCore

/// Turns user text into a safe FTS5 query and FTS5 snippets into text with highlight spans.
enum FullTextQuery {
    /// Opening and closing highlight markers passed to `snippet()` (control characters absent from cleaned text).
    static let open: UInt8 = 0x01
    static let close: UInt8 = 0x02
    /// At most this many words of a query are used (a bound on the cost of one search).
    static let maxWords = 32

    /// The FTS5 expression requiring every word of `text`, each quoted as a string so no character of user text is
    /// syntax (`"`, `*`, `NEAR(`, `AND`); `nil` when the text holds no word.
    ///
    /// Words are runs of letters, marks and digits, as FTS5's `unicode61` tokenizer splits them.
    static func match(_ text: String) -> String? {
        var words: [String] = []
        var current = String.UnicodeScalarView()
        func flush() {
            if !current.isEmpty, words.count < maxWords { words.append("\"" + String(current) + "\"") }
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
        return words.isEmpty ? nil : words.joined(separator: " ")
    }

    /// The snippet without its markers, and the marked passages as UTF-8 spans of it.
    static func highlights(in marked: String) -> (String, [TextSpan]) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(marked.utf8.count)
        var spans: [TextSpan] = []
        var start: Int?
        for b in marked.utf8 {
            if b == open {
                start = bytes.count
            } else if b == close {
                if let s = start, s < bytes.count { spans.append(TextSpan(start: s, end: bytes.count)) }
                start = nil
            } else {
                bytes.append(b)
            }
        }
        return (String(decoding: bytes, as: UTF8.self), spans)
    }
}
