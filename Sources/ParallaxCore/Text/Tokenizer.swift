/// Splits text into word, number and punctuation tokens with UTF-8 spans.
///
/// A word is a run of letters, digits and combining marks that may hold inner apostrophes, hyphens and
/// periods between letters (`don't`, `U.S.-supplied`, `U.S.`). Works for any script; lowercases with Unicode
/// rules. O(n).
public struct Tokenizer: Sendable {
    public init() {}

    /// Tokens of `text[range]`, all tagged with sentence index `sentence`.
    public func tokens(in text: String, span: TextSpan, sentence: Int) -> [Token] {
        var result: [Token] = []
        let scalars = Array(text[span: span].unicodeScalars)
        // UTF-8 offset of each scalar, relative to the text start.
        var offsets = [Int](repeating: 0, count: scalars.count + 1)
        var off = span.start
        for (i, s) in scalars.enumerated() {
            offsets[i] = off
            off += UTF8.width(s)
        }
        offsets[scalars.count] = off
        var i = 0
        let n = scalars.count
        while i < n {
            let s = scalars[i]
            if Tokenizer.isSpace(s) { i += 1; continue }
            if Tokenizer.isWordScalar(s) {
                var j = i + 1
                var hasLetter = Tokenizer.isAlphabetic(s)
                while j < n {
                    let c = scalars[j]
                    if Tokenizer.isWordScalar(c) {
                        if !hasLetter, Tokenizer.isAlphabetic(c) { hasLetter = true }
                        j += 1
                    } else if Tokenizer.isInnerJoiner(c), j + 1 < n, Tokenizer.isWordScalar(scalars[j + 1]) {
                        j += 2
                    } else if c == ".", j + 1 < n, Tokenizer.isAlphabetic(scalars[j + 1]),
                        j + 2 < n, scalars[j + 2] == ".", Tokenizer.isSingleLetterRun(scalars, from: i, to: j)
                    {
                        j += 2  // U.S. / a.m.: single letters separated by periods
                    } else {
                        break
                    }
                }
                // Keep the final period of an initialism (U.S.) when the token is single letters with periods.
                if j < n, scalars[j] == ".", j - i >= 3, Tokenizer.isSingleLetterRun(scalars, from: i, to: j) {
                    j += 1
                }
                // Number with decimal point or thousands separators: 1,000 / 3.5
                if !hasLetter {
                    while j + 1 < n, scalars[j] == "." || scalars[j] == ",", Tokenizer.isDigit(scalars[j + 1]) {
                        j += 2
                        while j < n, Tokenizer.isDigit(scalars[j]) { j += 1 }
                    }
                }
                result.append(
                    Token(
                        span: TextSpan(start: offsets[i], end: offsets[j]),
                        kind: hasLetter ? .word : .number,
                        norm: Tokenizer.norm(scalars[i..<j]),
                        isCapitalized: Tokenizer.isUppercase(s),
                        sentence: sentence))
                i = j
            } else {
                result.append(
                    Token(
                        span: TextSpan(start: offsets[i], end: offsets[i + 1]), kind: .punctuation,
                        norm: Tokenizer.norm(scalars[i..<(i + 1)]), isCapitalized: false, sentence: sentence))
                i += 1
            }
        }
        return result
    }

    /// The normalized matching form of a word: lowercased, apostrophes and dashes folded.
    public static func norm(_ word: String) -> String {
        var out = String.UnicodeScalarView()
        for s in word.lowercased().unicodeScalars {
            switch s.value {
            case 0x2019, 0x2018, 0x02BC, 0x2032: out.append("'")
            case 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2212: out.append("-")
            default: out.append(s)
            }
        }
        return String(out)
    }

    /// The norm of a run of scalars; ASCII runs (most words) are lowercased byte by byte, with the same result.
    static func norm(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        guard scalars.allSatisfy({ $0.value < 0x80 }) else {
            return norm(String(String.UnicodeScalarView(scalars)))
        }
        return String(unsafeUninitializedCapacity: scalars.count) { buffer in
            for (k, s) in scalars.enumerated() {
                let v = UInt8(truncatingIfNeeded: s.value)
                buffer[k] = v >= 0x41 && v <= 0x5A ? v + 0x20 : v
            }
            return scalars.count
        }
    }

    static func isSpace(_ s: Unicode.Scalar) -> Bool {
        s.value < 0x80 ? (s.value == 0x20 || (s.value >= 0x09 && s.value <= 0x0D)) : s.properties.isWhitespace
    }

    static func isUppercase(_ s: Unicode.Scalar) -> Bool {
        s.value < 0x80 ? (s.value >= 0x41 && s.value <= 0x5A) : s.properties.isUppercase
    }

    static func isAlphabetic(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x80 { return (s.value >= 0x41 && s.value <= 0x5A) || (s.value >= 0x61 && s.value <= 0x7A) }
        return s.properties.isAlphabetic
    }

    static func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 0x30 && s.value <= 0x39 }

    static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x80 {
            let v = s.value
            return (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A)
        }
        let p = s.properties
        return p.isAlphabetic || p.numericType != nil || p.generalCategory == .nonspacingMark
            || p.generalCategory == .spacingMark || s.value == 0x200C || s.value == 0x200D
    }

    static func isInnerJoiner(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x27, 0x2019, 0x02BC, 0x2D, 0x2010, 0x2011: return true  // ' ’ ʼ - ‐ ‑
        default: return false
        }
    }

    /// Whether scalars[from..<to] is of the form `X.Y.Z` (single letters separated by periods), or a single letter.
    static func isSingleLetterRun(_ scalars: [Unicode.Scalar], from: Int, to: Int) -> Bool {
        var k = from
        while k < to {
            guard isAlphabetic(scalars[k]) else { return false }
            if k + 1 < to { guard scalars[k + 1] == "." else { return false } }
            k += 2
        }
        return true
    }
}
