import Foundation
import ParallaxCore

/// Finds calendar dates written in text: ISO and numeric dates (`2024-05-31`, `31.05.2024`, `5/31/2024`), dates
/// with month names in many languages (`31 травня 2024`, `May 31st, 2024`, `7 Haziran 2020`, `2020. június 7.`)
/// and CJK dates (`2024年5月31日`). Month names and filler words come from ``HTMLMetadataLexicon``.
///
/// Dates outside `minYear ... latest` are dropped. Works on Unicode scalars; linear in the length of the text.
struct DateExpressionParser: Sendable {
    /// One date found in a text.
    struct Match: Sendable, Hashable {
        var day: Day
        /// Offset (in Unicode scalars) of the first token of the expression.
        var offset: Int
        /// Whether the month was written as a word (less ambiguous than all-numeric dates).
        var hasMonthName: Bool
        /// Whether the year was written with two digits only.
        var shortYear: Bool
    }

    let lexicon: HTMLMetadataLexicon
    /// The latest acceptable day (dates after it are in the future and dropped).
    let latest: Day
    /// Whether ambiguous numeric dates with `/` read month first (`5/31/2024`, American usage).
    var monthFirst: Bool = false

    // MARK: Tokens

    enum Kind: Equatable { case number, word, punct }

    struct Token {
        var kind: Kind
        var text: String  // lowercased word, the punctuation character, or the digits
        var value: Int
        var start: Int
        var end: Int
    }

    static func tokenize(_ s: String, limit: Int = .max) -> [Token] {
        var tokens: [Token] = []
        var cur = ""
        var curKind: Kind? = nil
        var curStart = 0
        var value = 0
        var i = 0
        func flush() {
            guard let k = curKind else { return }
            let text = k == .word ? cur.lowercased() : cur
            tokens.append(Token(kind: k, text: text, value: value, start: curStart, end: i))
            cur = ""
            curKind = nil
            value = 0
        }
        for u in s.unicodeScalars {
            if i >= limit { break }
            let v = u.value
            let kind: Kind?
            if v >= 48, v <= 57 {
                kind = .number
            } else if u.properties.isAlphabetic || u.properties.generalCategory == .nonspacingMark {
                kind = .word
            } else if u.properties.isWhitespace || v == 0xA0 {
                kind = nil
            } else {
                kind = .punct
            }
            if kind != curKind || kind == .punct || (kind == .number && cur.utf8.count >= 14) { flush() }
            if let kind {
                if curKind == nil {
                    curKind = kind
                    curStart = i
                }
                cur.unicodeScalars.append(u)
                if kind == .number { value = value &* 10 &+ Int(v - 48) }
            }
            i += 1
        }
        flush()
        return tokens
    }

    // MARK: Finding dates

    /// All plausible dates in `text`, in order of appearance. `limit` caps the scalars read.
    func matches(in text: String, limit: Int = .max) -> [Match] {
        let t = Self.tokenize(text, limit: limit)
        var out: [Match] = []
        var i = 0
        while i < t.count {
            if let (m, next) = match(t, at: i) {
                out.append(m)
                i = next
            } else {
                i += 1
            }
        }
        return out
    }

    /// The first plausible date in `text`.
    func first(in text: String, limit: Int = .max) -> Match? {
        let t = Self.tokenize(text, limit: limit)
        for i in t.indices { if let (m, _) = match(t, at: i) { return m } }
        return nil
    }

    /// A date from a machine-readable value: ISO 8601 (`2024-05-31T10:00:00+03:00`), a Unix timestamp in seconds
    /// or milliseconds, or anything ``first(in:)`` reads.
    func machineDate(_ raw: String) -> Day? {
        let s = raw.trimmingWhitespace()
        if let d = Day(iso: s), plausible(d) { return d }
        if s.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }), let n = Int(s) {
            if s.utf8.count == 8 { return day(n / 10000, n / 100 % 100, n % 100) }
            if s.utf8.count == 10 || s.utf8.count == 13 {
                let secs = s.utf8.count == 13 ? n / 1000 : n
                let d = Day(daysSinceEpoch: secs / 86_400)
                return plausible(d) ? d : nil
            }
            return nil
        }
        return first(in: s, limit: 80)?.day
    }

    func plausible(_ d: Day) -> Bool { d.year >= lexicon.minYear && d <= latest }

    private func day(_ y: Int, _ m: Int, _ d: Int) -> Day? {
        guard let r = Day(year: y, month: m, day: d), plausible(r) else { return nil }
        return r
    }

    private func isNumber(_ t: Token, digits: ClosedRange<Int>) -> Bool {
        t.kind == .number && digits.contains(t.text.utf8.count)
    }

    private func month(_ t: Token) -> Int? {
        guard t.kind == .word else { return nil }
        return lexicon.monthNumbers[t.text]
    }

    private func hasPrefix(_ t: Token, _ markers: [String]) -> Bool {
        t.kind == .word && markers.contains { t.text.hasPrefix($0) }
    }

    /// Skips connective tokens (punctuation `.,-/`, filler words, ordinal suffixes, year words) from `j`, at most
    /// `max` of them; returns the next index.
    private func skip(_ t: [Token], from j: Int, max: Int = 3, ordinals: Bool = false) -> Int {
        var k = j
        var n = 0
        while k < t.count, n < max {
            let x = t[k]
            let ok: Bool
            switch x.kind {
            case .punct: ok = x.text == "." || x.text == "," || x.text == "-" || x.text == "/"
            case .word:
                ok = lexicon.dateFillerWords.contains(x.text) || (ordinals && lexicon.ordinalSuffixes.contains(x.text))
            case .number: ok = false
            }
            guard ok else { break }
            k += 1
            n += 1
        }
        return k
    }

    private func adjacent(_ t: [Token], _ a: Int, _ b: Int) -> Bool {
        for k in a..<b where t[k].end != t[k + 1].start { return false }
        return true
    }

    private func match(_ t: [Token], at i: Int) -> (Match, Int)? {
        let a = t[i]
        func found(_ d: Day?, _ next: Int, named: Bool, short: Bool = false) -> (Match, Int)? {
            guard let d else { return nil }
            return (Match(day: d, offset: a.start, hasMonthName: named, shortYear: short), next)
        }
        if a.kind == .number {
            let n = t.count
            // 2024-05-31, 2024/05/31, 2024.05.31
            if isNumber(a, digits: 4...4), i + 4 < n, t[i + 1].kind == .punct, "-/.".contains(t[i + 1].text),
                isNumber(t[i + 2], digits: 1...2), t[i + 3].text == t[i + 1].text, isNumber(t[i + 4], digits: 1...2),
                adjacent(t, i, i + 4)
            {
                return found(day(a.value, t[i + 2].value, t[i + 4].value), i + 5, named: false)
            }
            // 20240531 (only as a whole token)
            if a.text.utf8.count == 8, let r = day(a.value / 10000, a.value / 100 % 100, a.value % 100),
                a.value / 10000 >= lexicon.minYear
            {
                return found(r, i + 1, named: false)
            }
            // 2024年5月31日, 2024년 5월 31일
            if isNumber(a, digits: 4...4), i + 4 < n, hasPrefix(t[i + 1], lexicon.yearMarkers),
                isNumber(t[i + 2], digits: 1...2), hasPrefix(t[i + 3], lexicon.monthMarkers),
                isNumber(t[i + 4], digits: 1...2)
            {
                return found(day(a.value, t[i + 2].value, t[i + 4].value), i + 5, named: true)
            }
            // 2020. június 7.
            if isNumber(a, digits: 4...4) {
                var j = i + 1
                while j < n, j < i + 4, t[j].kind != .number, month(t[j]) == nil {
                    guard t[j].kind == .punct || lexicon.yearWords.contains(t[j].text) else { break }
                    j += 1
                }
                if j < n, let m = month(t[j]) {
                    let k = skip(t, from: j + 1, max: 2)
                    if k < n, isNumber(t[k], digits: 1...2) {
                        return found(day(a.value, m, t[k].value), k + 1, named: true)
                    }
                }
            }
            // 31.05.2024, 31/05/2024, 5/31/2024, 31-05-24
            if isNumber(a, digits: 1...2), i + 4 < n, t[i + 1].kind == .punct, "-/.".contains(t[i + 1].text),
                isNumber(t[i + 2], digits: 1...2), t[i + 3].text == t[i + 1].text,
                isNumber(t[i + 4], digits: 2...4), t[i + 4].text.utf8.count != 3, adjacent(t, i, i + 4)
            {
                // Not part of a longer dotted number (versions, IP addresses).
                if i + 5 < n, t[i + 5].text == t[i + 1].text, i + 6 < n, t[i + 6].kind == .number,
                    t[i + 5].end == t[i + 6].start
                {
                    return nil
                }
                let short = t[i + 4].text.utf8.count == 2
                let y = short ? 2000 + t[i + 4].value : t[i + 4].value
                let first = a.value
                let second = t[i + 2].value
                let mdy = monthFirst && t[i + 1].text == "/"
                let r =
                    mdy
                    ? (day(y, first, second) ?? day(y, second, first))
                    : (day(y, second, first) ?? day(y, first, second))
                return found(r, i + 5, named: false, short: short)
            }
            // 31 May 2024, 31. Mai 2024, 7 de junio de 2020, 31-May-2024
            if isNumber(a, digits: 1...2) {
                let j = skip(t, from: i + 1, max: 3, ordinals: true)
                if j < n, let m = month(t[j]) {
                    let k = skip(t, from: j + 1, max: 3)
                    if k < n, isNumber(t[k], digits: 4...4) {
                        return found(day(t[k].value, m, a.value), k + 1, named: true)
                    }
                }
            }
            return nil
        }
        // May 31, 2024; June 7th 2020
        if let m = month(a) {
            let n = t.count
            let j = skip(t, from: i + 1, max: 2)
            if j < n, isNumber(t[j], digits: 1...2) {
                let k = skip(t, from: j + 1, max: 3, ordinals: true)
                if k < n, isNumber(t[k], digits: 4...4) {
                    return found(day(t[k].value, m, t[j].value), k + 1, named: true)
                }
            }
        }
        return nil
    }
}
