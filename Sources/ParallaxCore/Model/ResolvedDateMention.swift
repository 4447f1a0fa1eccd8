/// A date expression found by `TemporalExpressionParser`, with the calendar day it resolves to.
public struct ResolvedDateMention: Sendable, Hashable, Codable {
    /// The expression, its span and sentence, and the anchor used (if any).
    public var mention: DateMention
    /// The day the expression names.
    public var day: Day
    /// How the day follows from the anchor, for an expression that needs one ("on Tuesday", "May 10" without a
    /// year); `nil` for a complete date. Lets a mention be resolved again against another anchor without parsing
    /// the text again (an undated article's mentions, against its story's anchor).
    public var rule: DateRule?

    public init(mention: DateMention, day: Day, rule: DateRule? = nil) {
        self.mention = mention
        self.day = day
        self.rule = rule
    }

    /// This mention resolved against `anchor` (its rule applied, the anchor recorded), or `nil` when it needs an
    /// anchor and `anchor` is nil. A complete date is returned as it is.
    public func resolved(against anchor: Day?) -> ResolvedDateMention? {
        guard let rule else { return self }
        guard let day = rule.day(for: anchor) else { return nil }
        var copy = self
        copy.day = day
        copy.mention.anchor = rule.recordsAnchor ? anchor : nil
        return copy
    }
}

/// How a date expression's day follows from the anchor day it is read against.
public enum DateRule: Sendable, Hashable, Codable {
    /// The anchor plus `days` ("yesterday": -1, "two days ago": -2).
    case offset(days: Int)
    /// A weekday (ISO 1 = Monday ... 7): the most recent on or before the anchor (`plain`), or the next one when
    /// `future`; the one before the anchor's week day (`last`), after it (`next`), or in the anchor's week (`this`).
    case weekday(Int, mode: WeekdayMode, future: Bool)
    /// A month and day without a year: the year that puts it nearest the anchor.
    case nearest(month: Int, day: Int)
    /// Two readings of an ambiguous numeric date (day-first, then month-first): the one nearest the anchor; the
    /// first without one.
    case nearestOf([Day])

    /// How a weekday is read.
    public enum WeekdayMode: String, Sendable, Hashable, Codable {
        case plain, last, next, this
    }

    /// The day against `anchor`; `nil` when the rule needs an anchor and there is none.
    public func day(for anchor: Day?) -> Day? {
        switch self {
        case .offset(let days):
            return anchor?.adding(days: days)
        case .weekday(let w, let mode, let future):
            guard let anchor else { return nil }
            let back = (anchor.weekday - w + 7) % 7
            switch mode {
            case .last: return anchor.adding(days: back == 0 ? -7 : -back)
            case .next: return anchor.adding(days: back == 0 ? 7 : 7 - back)
            case .this: return anchor.adding(days: w - anchor.weekday)
            case .plain: return back != 0 && future ? anchor.adding(days: 7 - back) : anchor.adding(days: -back)
            }
        case .nearest(let month, let day):
            guard let anchor else { return nil }
            let candidates = (anchor.year - 1...anchor.year + 1).compactMap { Day(year: $0, month: month, day: day) }
            return candidates.min {
                abs($0.daysSinceEpoch - anchor.daysSinceEpoch) < abs($1.daysSinceEpoch - anchor.daysSinceEpoch)
            }
        case .nearestOf(let options):
            guard let anchor, options.count == 2 else { return options.first }
            return options.min {
                abs($0.daysSinceEpoch - anchor.daysSinceEpoch) < abs($1.daysSinceEpoch - anchor.daysSinceEpoch)
            }
        }
    }

    /// Whether a mention read by this rule records its anchor (the relative expressions and year-less dates do;
    /// an ambiguous numeric date does not).
    public var recordsAnchor: Bool {
        if case .nearestOf = self { return false }
        return true
    }
}
