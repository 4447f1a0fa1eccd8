import ParallaxCore

extension TemporalExpressionParser {
    /// A found expression and the unit index after it.
    struct Found {
        let mention: ResolvedDateMention
        let end: Int
    }

    /// The matching of date expressions over one document's word units (a class: not copied at every step).
    final class Scan {
        let document: Document
        let units: [WordUnit]
        let anchor: Day?

        init(document: Document, units: [WordUnit], anchor: Day?) {
            self.document = document
            self.units = units
            self.anchor = anchor
        }

        // MARK: Expressions of one language

        /// The expression that starts at unit `i` in language `v`, if any.
        func expression(at i: Int, _ v: Vocabulary) -> Found? {
            relativeDay(at: i, v) ?? ago(at: i, v) ?? weekday(at: i, v) ?? monthDate(at: i, v)
        }

        /// `yesterday`, `today`, `the day before yesterday`.
        private func relativeDay(at i: Int, _ v: Vocabulary) -> Found? {
            guard let anchor, let (offset, end) = v.days.match(at: i, in: units) else { return nil }
            // A capitalized relative word inside a sentence is part of a name (`USA Today`, `Russia Today`).
            if units[i].isCapitalized && !units[i].isSentenceInitial { return nil }
            return found(v, start: i, end: end, rule: .offset(days: offset), anchor: anchor)
        }

        /// `two days ago`, `a week ago`, `неделю назад`, `vor zwei Tagen`, `il y a deux jours`.
        private func ago(at i: Int, _ v: Vocabulary) -> Found? {
            guard let anchor else { return nil }
            // Number and unit: `two days`, `3 days`, or the unit alone (`неделю`).
            func amount(at j: Int) -> (days: Int, end: Int)? {
                if let (n, e) = number(at: j, v), let (per, e2) = unit(at: e, v), units[e - 1].isAdjacent(to: units[e])
                {
                    return (n * per, e2)
                }
                return unit(at: j, v)
            }
            if let (_, e) = v.agoBefore.match(at: i, in: units), e < units.count,
                units[e - 1].isAdjacent(to: units[e]), let (days, end) = amount(at: e)
            {
                return found(v, start: i, end: end, rule: .offset(days: -days), anchor: anchor)
            }
            if let (days, e) = amount(at: i), e < units.count, units[e - 1].isAdjacent(to: units[e]),
                let (_, end) = v.agoAfter.match(at: e, in: units)
            {
                return found(v, start: i, end: end, rule: .offset(days: -days), anchor: anchor)
            }
            return nil
        }

        private func number(at j: Int, _ v: Vocabulary) -> (Int, Int)? {
            guard j < units.count else { return nil }
            if units[j].isNumber || units[j].startsWithDigit, let n = Int(units[j].key), n > 0, n < 400 {
                return (n, j + 1)
            }
            return v.numbers.match(at: j, in: units).map { ($0.value, $0.end) }
        }

        private func unit(at j: Int, _ v: Vocabulary) -> (Int, Int)? {
            guard j < units.count, let days = v.units[units[j].key] else { return nil }
            return (days, j + 1)
        }

        /// `on Tuesday`, `Tuesday`, `last Tuesday`, `next Friday`, `this Sunday`, `в четверг`.
        private func weekday(at i: Int, _ v: Vocabulary) -> Found? {
            // A capitalized word before a weekday is mostly a place or a subject ("in Queens Friday", "HP Monday
            // announced"), so only listed words make it a name ("Good Friday").
            guard let anchor, let w = v.weekdays[units[i].key], isNameFree(at: i, v, capitalizedBefore: false) else {
                return nil
            }
            if let (_, e) = v.notDateAfter.match(at: i + 1, in: units), e > i + 1, units[i].isAdjacent(to: units[i + 1])
            {
                return nil
            }
            var start = i
            var mode = WeekdayMode.plain
            if let (m, s) = v.markers.match(endingBefore: i, in: units) {
                mode = m
                start = s
            }
            let rule = DateRule.weekday(w, mode: mode, future: mode == .plain && isFuture(start, i + 1, v))
            return found(v, start: start, end: i + 1, rule: rule, anchor: anchor)
        }

        /// Whether the weekday at units `start..<end` is read in the future: the nearest tense cue in its clause
        /// (the words between clause punctuation, in its sentence) decides, a future one (`will meet on Tuesday`,
        /// `is due to ... on Tuesday`) against a past one (`met on Tuesday`, `said on Tuesday`); a clause without a
        /// cue takes the nearest in the rest of its sentence (`On Tuesday, the leaders will meet`). So in
        /// `"Those responsible will answer for it," she said on Tuesday` the quoted `will` is not the Tuesday's.
        /// Looks at most `reach` words each way: O(reach).
        private func isFuture(_ start: Int, _ end: Int, _ v: Vocabulary) -> Bool {
            guard !v.future.isEmpty else { return false }
            let reach = 12
            let sentence = units[start].sentence
            var clause = (lower: start, upper: end - 1)
            while clause.lower > 0, clause.lower > start - reach, units[clause.lower - 1].sentence == sentence,
                !hasClauseBreak(between: units[clause.lower - 1].token, and: units[clause.lower].token)
            {
                clause.lower -= 1
            }
            while clause.upper + 1 < units.count, clause.upper < end - 1 + reach,
                units[clause.upper + 1].sentence == sentence,
                !hasClauseBreak(between: units[clause.upper].token, and: units[clause.upper + 1].token)
            {
                clause.upper += 1
            }
            if let tense = nearestTense(start, end, within: clause.lower...clause.upper, v) { return tense }
            var lower = start
            while lower > 0, lower > start - reach, units[lower - 1].sentence == sentence { lower -= 1 }
            var upper = end - 1
            while upper + 1 < units.count, upper < end - 1 + reach, units[upper + 1].sentence == sentence {
                upper += 1
            }
            return nearestTense(start, end, within: lower...upper, v) ?? false
        }

        /// The tense of the cue nearest units `start..<end` within `range` (true: future), before first at equal
        /// distance; nil without a cue.
        private func nearestTense(_ start: Int, _ end: Int, within range: ClosedRange<Int>, _ v: Vocabulary) -> Bool? {
            let farthest = max(start - range.lowerBound, range.upperBound - end + 1)
            guard farthest > 0 else { return nil }
            for d in 1...farthest {
                for j in [start - d, end - 1 + d] where range.contains(j) {
                    if let tense = tense(at: j, v) { return tense }
                }
            }
            return nil
        }

        /// The tense word unit `j` marks: future (true), past (false) or none.
        private func tense(at j: Int, _ v: Vocabulary) -> Bool? {
            if v.future.match(at: j, in: units) != nil { return true }
            if v.past.match(at: j, in: units) != nil { return false }
            let key = units[j].key
            guard !units[j].isCapitalized || units[j].isSentenceInitial, key.count >= 5,
                v.pastSuffixes.contains(where: { key.hasSuffix($0) }),
                !v.notPastSuffixes.contains(where: { key.hasSuffix($0) })
            else { return nil }
            return false
        }

        /// Whether a punctuation token other than a hyphen, apostrophe or period lies between two tokens.
        private func hasClauseBreak(between a: Int, and b: Int) -> Bool {
            guard b > a + 1 else { return false }
            return (a + 1..<b).contains { k in
                let t = document.tokens[k]
                return t.kind == .punctuation && !["-", "'", "."].contains(t.norm)
            }
        }

        /// Whether the month or weekday name at `i` is not part of a name: capitalized where the language
        /// capitalizes such names, not after a title (`Mr. March`) or a listed word (`Good Friday`), and, when
        /// `capitalizedBefore`, not after a capitalized word inside the sentence (`Theresa May`).
        private func isNameFree(at i: Int, _ v: Vocabulary, capitalizedBefore: Bool = true) -> Bool {
            let u = units[i]
            if v.capitalizedNames && !u.isCapitalized { return false }
            guard i > 0, units[i - 1].sentence == u.sentence else { return true }
            let prev = units[i - 1]
            if u.token - prev.token <= 2, v.honorifics.contains(prev.key) { return false }
            if let (_, s) = v.notDateBefore.match(endingBefore: i, in: units), units[s].isCapitalized { return false }
            if capitalizedBefore, v.capitalizedNames, prev.isAdjacent(to: u), prev.isCapitalized,
                !prev.isSentenceInitial,
                !v.isDateWord(prev, in: units, at: i - 1)
            {
                return false
            }
            return true
        }

        /// `May 10`, `May 31, 2024`, `30 May 2024`, `10th of May`, `10 мая`, `10. Mai`, `10 de mayo de 2024`.
        private func monthDate(at i: Int, _ v: Vocabulary) -> Found? {
            // Month first.
            if let month = v.months[units[i].key],
                isNameFree(at: i, v, capitalizedBefore: v.nameLikeMonths.contains(units[i].key))
            {
                let abbreviated = units[i].key.count <= 4
                if let d = next(after: i, allowing: abbreviated ? ["."] : []), let (day, afterDay) = dayNumber(at: d, v)
                {
                    let (year, end) = year(after: afterDay - 1, v)
                    return resolved(v, start: i, end: max(end, afterDay), year: year, month: month, day: day)
                }
                return nil
            }
            // Day first.
            guard let (day, afterDay) = dayNumber(at: i, v) else { return nil }
            // `10. Mai`: the segmenter may have ended a sentence at the ordinal's period.
            var m = next(after: afterDay - 1, allowing: v.ordinalDot ? ["."] : [], acrossSentences: v.ordinalDot)
            while let k = m, v.connectors.contains(units[k].key) { m = next(after: k, allowing: []) }
            guard let k = m, let month = v.months[units[k].key], !v.capitalizedNames || units[k].isCapitalized else {
                return nil
            }
            let (year, end) = year(after: k, v)
            return resolved(v, start: i, end: max(end, k + 1), year: year, month: month, day: day)
        }

        /// A day of month at unit `j` (`10`, `10th`, `10-12`, `10-го`): its value and the unit after it.
        private func dayNumber(at j: Int, _ v: Vocabulary) -> (Int, Int)? {
            guard j < units.count, units[j].startsWithDigit else { return nil }
            var key = Substring(units[j].key)
            if let dash = key.firstIndex(of: "-"), units[j].isNumber,
                key[key.index(after: dash)...].allSatisfy(\.isASCII)
            {
                key = key[..<dash]  // a range: `10-12` starts on the 10th
            }
            var digits = key.prefix { $0.isASCII && $0.isNumber }
            let rest = key.dropFirst(digits.count)
            if !rest.isEmpty && !v.ordinalSuffixes.contains(String(rest)) { digits = "" }
            guard (1...2).contains(digits.count), let n = Int(digits), (1...31).contains(n) else { return nil }
            var end = j + 1
            // `10-го`: the suffix is its own unit of the same token.
            if end < units.count, units[end].token == units[j].token, v.ordinalSuffixes.contains(units[end].key) {
                end += 1
            }
            return (n, end)
        }

        /// A year after unit `j` (`, 2024`, `de 2024`): the year (or nil) and the unit after it.
        private func year(after j: Int, _ v: Vocabulary) -> (Int?, Int) {
            var k = next(after: j, allowing: [","])
            while let c = k, v.connectors.contains(units[c].key) { k = next(after: c, allowing: []) }
            guard let y = k, units[y].isNumber, units[y].key.count == 4, let n = Int(units[y].key),
                (1900...2100).contains(n)
            else { return (nil, j + 1) }
            return (n, y + 1)
        }

        /// The unit after `j` when it follows in the same sentence with at most one punctuation mark between,
        /// from `allowing`.
        private func next(after j: Int, allowing: Set<String>, acrossSentences: Bool = false) -> Int? {
            let k = j + 1
            guard k < units.count, acrossSentences || units[k].sentence == units[j].sentence else { return nil }
            if units[j].isAdjacent(to: units[k]) { return k }
            guard units[k].token == units[j].token + 2, allowing.contains(document.tokens[units[j].token + 1].norm)
            else { return nil }
            return k
        }

        private func resolved(_ v: Vocabulary?, start: Int, end: Int, year: Int?, month: Int, day: Int) -> Found? {
            if let year {
                guard let d = Day(year: year, month: month, day: day) else { return nil }
                return found(v, start: start, end: end, day: d, relative: false, anchored: false)
            }
            guard let anchor else { return nil }
            return found(v, start: start, end: end, rule: .nearest(month: month, day: day), anchor: anchor, relative: false)
        }

        // MARK: Numeric dates (any language)

        /// `2024-05-31`, `31.05.2024`, `31/05/2024` at unit `i`.
        func numericDate(at i: Int) -> Found? {
            let u = units[i]
            guard u.startsWithDigit, i == 0 || units[i - 1].token != u.token else { return nil }
            let t = u.token
            let text = Array(document.text(of: document.tokens[t].span).utf8)
            var end = i + 1
            while end < units.count, units[end].token == t { end += 1 }
            let start = document.tokens[t].span.start
            // ISO: YYYY-MM-DD, possibly followed by a time (`2024-05-31T04`).
            if text.count >= 10, text[4] == 0x2D, text[7] == 0x2D, text.count == 10 || !isDigit(text[10]),
                let day = Day(iso: String(decoding: text.prefix(10), as: UTF8.self))
            {
                return found(
                    nil, start: i, end: end, span: TextSpan(start: start, end: start + 10), day: day,
                    relative: false, anchored: false)
            }
            // Dotted: D.M.YYYY.
            let parts = text.split(separator: 0x2E, omittingEmptySubsequences: false).map {
                Int(String(decoding: $0, as: UTF8.self))
            }
            if parts.count == 3, text.count <= 10, let d = parts[0], let m = parts[1], let y = parts[2],
                text.suffix(4).allSatisfy(isDigit),
                text.count - text.lastIndex(of: 0x2E)! - 1 == 4, let day = Day(year: y, month: m, day: d)
            {
                return found(nil, start: i, end: end, day: day, relative: false, anchored: false)
            }
            // Slashed: D/M/YYYY or M/D/YYYY.
            let tokens = document.tokens
            guard u.isNumber, t + 4 < tokens.count, tokens[t + 1].norm == "/", tokens[t + 3].norm == "/",
                tokens[t + 4].sentence == tokens[t].sentence, tokens[t + 4].norm.count == 4,
                let a = Int(tokens[t].norm), let b = Int(tokens[t + 2].norm), let y = Int(tokens[t + 4].norm)
            else { return nil }
            let options = [Day(year: y, month: b, day: a), Day(year: y, month: a, day: b)].compactMap { $0 }
            guard !options.isEmpty, let last = units.firstIndex(where: { $0.token == t + 4 }) else { return nil }
            guard options.count == 2 else {
                return found(nil, start: i, end: last + 1, day: options[0], relative: false, anchored: false)
            }
            return found(nil, start: i, end: last + 1, rule: .nearestOf(options), anchor: anchor, relative: false)
        }

        private func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

        // MARK: Building results

        /// A result whose day follows from the anchor by `rule` (the rule kept, so the mention can be resolved
        /// against another anchor later); `nil` when the rule needs an anchor and there is none.
        private func found(
            _ v: Vocabulary?, start: Int, end: Int, span: TextSpan? = nil, rule: DateRule, anchor: Day?,
            relative: Bool = true
        ) -> Found? {
            guard let day = rule.day(for: anchor) else { return nil }
            let result = found(
                v, start: start, end: end, span: span, day: day, relative: relative, anchored: rule.recordsAnchor)
            return Found(
                mention: ResolvedDateMention(mention: result.mention.mention, day: day, rule: rule), end: result.end)
        }

        /// A result for units `start..<end`, extended back over a preposition (`on`, `since`, `around`).
        private func found(
            _ v: Vocabulary?, start: Int, end: Int, span: TextSpan? = nil, day: Day, relative: Bool,
            anchored: Bool = true
        ) -> Found {
            var first = start
            if let v, let (_, s) = v.prepositions.match(endingBefore: start, in: units) { first = s }
            let spanStart = first == start ? (span?.start ?? units[start].span.start) : units[first].span.start
            let exprSpan = TextSpan(start: spanStart, end: span?.end ?? units[end - 1].span.end)
            let opening = document.logicalSentenceSpan(of: units[start].sentence)
            let last = document.sentences[units[end - 1].sentence].span
            let sentenceSpan = TextSpan(start: opening.start, end: max(opening.end, last.end))
            let mention = DateMention(
                article: document.id, expression: String(document.text(of: exprSpan)),
                resolution: relative ? .relative : .absolute, anchor: anchored ? anchor : nil, span: exprSpan,
                sentenceSpan: sentenceSpan)
            return Found(mention: ResolvedDateMention(mention: mention, day: day), end: end)
        }
    }
}
