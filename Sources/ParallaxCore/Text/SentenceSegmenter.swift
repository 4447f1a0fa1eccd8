/// Splits a paragraph into sentences, surviving abbreviations ("Gen.", "Mr."), initialisms ("U.S."), initials
/// ("Antony J. Blinken"), numbers ("30 km.", "3.5") and multi-sentence quotations (a paired quotation is never split).
///
/// Rule-based and language-light: a sentence ends at `.`, `!`, `?` or `…` (plus closing quotes or brackets) that is
/// followed by a space and a sentence-initial character. O(n) in the paragraph length.
public struct SentenceSegmenter: Sendable {
    public var lexicon: SegmentationLexicon
    /// Quotations longer than this many scalars may be split (guards against a missing closing mark).
    public var maxProtectedQuoteLength = 1500

    public init(lexicon: SegmentationLexicon = .bundled) {
        self.lexicon = lexicon
    }

    /// Sentence spans (UTF-8 offsets into `text`) within `paragraph`, trimmed of surrounding blanks.
    public func sentences(in text: String, paragraph: TextSpan) -> [TextSpan] {
        let scalars = Array(text[span: paragraph].unicodeScalars)
        let n = scalars.count
        guard n > 0 else { return [] }
        var offsets = [Int](repeating: 0, count: n + 1)
        var off = paragraph.start
        for (i, s) in scalars.enumerated() {
            offsets[i] = off
            off += UTF8.width(s)
        }
        offsets[n] = off
        let protected = protectedRanges(scalars)

        var result: [TextSpan] = []
        var start = 0
        var i = 0
        var protectedIndex = 0
        while i < n {
            let s = scalars[i]
            guard SentenceSegmenter.isTerminator(s) else { i += 1; continue }
            // Consume a run of terminators and closing marks.
            var j = i + 1
            while j < n, SentenceSegmenter.isTerminator(scalars[j]) { j += 1 }
            while j < n, SentenceSegmenter.isClosing(scalars[j]) { j += 1 }
            guard j < n, scalars[j].properties.isWhitespace else { i = j; continue }
            var k = j
            while k < n, scalars[k].properties.isWhitespace { k += 1 }
            guard k < n else { break }
            while protectedIndex < protected.count, protected[protectedIndex].upperBound <= i { protectedIndex += 1 }
            if protectedIndex < protected.count, protected[protectedIndex].contains(i),
                protected[protectedIndex].upperBound > j
            {
                i = j
                continue
            }
            if isBoundary(scalars, terminator: i, next: k) {
                appendTrimmed(&result, scalars, offsets, start, j)
                start = k
            }
            i = k
        }
        appendTrimmed(&result, scalars, offsets, start, n)
        return result
    }

    private func appendTrimmed(
        _ result: inout [TextSpan], _ scalars: [Unicode.Scalar], _ offsets: [Int], _ from: Int, _ to: Int
    ) {
        var a = from
        var b = to
        while a < b, scalars[a].properties.isWhitespace { a += 1 }
        while b > a, scalars[b - 1].properties.isWhitespace { b -= 1 }
        if a < b { result.append(TextSpan(start: offsets[a], end: offsets[b])) }
    }

    private func isBoundary(_ scalars: [Unicode.Scalar], terminator i: Int, next k: Int) -> Bool {
        let next = scalars[k]
        let nextProps = next.properties
        let nextStartsSentence =
            nextProps.isUppercase || SentenceSegmenter.isDigit(next) || SentenceSegmenter.isOpening(next)
            || (nextProps.isAlphabetic && !nextProps.isLowercase && !nextProps.isUppercase)  // uncased scripts
        guard nextStartsSentence else { return false }
        guard scalars[i] == "." else { return true }
        if i + 1 < scalars.count, scalars[i + 1] == "." { return true }  // "..." ellipsis
        // The word before the period.
        var w = i
        while w > 0, SentenceSegmenter.isWordPart(scalars[w - 1]) { w -= 1 }
        guard w < i else { return true }
        let word = String(String.UnicodeScalarView(scalars[w..<i]))
        let lower = word.lowercased()
        if lexicon.abbreviations.contains(lower) {
            // "No. 5" / "Gen. Smith": never a boundary; "etc." before a capital may be, accept the rare miss.
            return false
        }
        if lexicon.numberAbbreviations.contains(lower), SentenceSegmenter.isDigit(next) { return false }
        let letters = word.unicodeScalars.filter { $0 != "." }
        if letters.count == 1, let only = letters.first, only.properties.isUppercase, !word.contains(".") {
            // A single capital letter: an initial ("J. Blinken") unless it is a word like "I".
            return lexicon.singleLetterWords.contains(String(only)) && w > 0 && scalars[w - 1].properties.isWhitespace
        }
        if word.contains(".") {
            // Initialism (U.S., U.K.): a boundary only when a typical sentence starter follows.
            let nextWord = SentenceSegmenter.word(at: k, in: scalars).lowercased()
            return lexicon.sentenceStarters.contains(nextWord)
        }
        return true
    }

    /// Ranges of scalars inside paired quotation marks, which must not be split.
    private func protectedRanges(_ scalars: [Unicode.Scalar]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var openIndex: Int?
        var openKind: UInt32 = 0
        var straight: [Int] = []
        for (i, s) in scalars.enumerated() {
            switch s.value {
            case 0x201C where openKind == 0x201E && openIndex != nil:  // „…“ German/Russian pairing
                if let o = openIndex, i - o <= maxProtectedQuoteLength { ranges.append(o..<(i + 1)) }
                openIndex = nil
                openKind = 0
            case 0x201C, 0x00AB, 0x201E:  // “ « „
                openIndex = i
                openKind = s.value
            case 0x201D, 0x00BB:  // ” »
                if let o = openIndex, i - o <= maxProtectedQuoteLength { ranges.append(o..<(i + 1)) }
                openIndex = nil
                openKind = 0
            case 0x22:
                straight.append(i)
            default:
                break
            }
        }
        if straight.count % 2 == 0 {
            var p = 0
            while p + 1 < straight.count {
                if straight[p + 1] - straight[p] <= maxProtectedQuoteLength {
                    ranges.append(straight[p]..<(straight[p + 1] + 1))
                }
                p += 2
            }
        }
        return ranges.sorted { $0.lowerBound < $1.lowerBound }
    }

    static func word(at k: Int, in scalars: [Unicode.Scalar]) -> String {
        var e = k
        while e < scalars.count, scalars[e].properties.isAlphabetic { e += 1 }
        return String(String.UnicodeScalarView(scalars[k..<e]))
    }

    static func isTerminator(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x2E, 0x21, 0x3F, 0x2026, 0x061F, 0x3002, 0x06D4: return true  // . ! ? … ؟ 。 ۔
        default: return false
        }
    }

    static func isClosing(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x22, 0x27, 0x201D, 0x2019, 0x00BB, 0x203A, 0x29, 0x5D, 0x7D: return true
        default: return false
        }
    }

    static func isOpening(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x22, 0x27, 0x201C, 0x2018, 0x00AB, 0x2039, 0x201E, 0x28, 0x5B: return true
        default: return false
        }
    }

    static func isDigit(_ s: Unicode.Scalar) -> Bool { s.properties.numericType != nil }

    static func isWordPart(_ s: Unicode.Scalar) -> Bool { s.properties.isAlphabetic || s == "." }
}
