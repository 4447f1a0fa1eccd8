import Foundation

/// Parses the dates feeds use into a ``Day``: RFC 822 / RFC 2822 (RSS `pubDate`) and RFC 3339 / ISO 8601 (Atom,
/// JSON Feed, Dublin Core `dc:date`).
///
/// The day is the one written in the date, in the writer's own time zone (`Fri, 31 May 2024 23:30:00 -0700` is
/// 2024-05-31, the day the publisher printed), not converted to UTC. Tolerates what real feeds write: a missing
/// weekday, full month names, two-digit years, missing seconds, any zone text.
public struct FeedDateParser: Sendable {
    public init() {}

    /// The day of `text`, or `nil` when it is neither an RFC 822 nor an RFC 3339 date.
    public func day(from text: String) -> Day? {
        let s = text.trimmingWhitespace()
        guard let first = s.utf8.first else { return nil }
        if first >= UInt8(ascii: "0"), first <= UInt8(ascii: "9"), let d = Day(iso: s) { return d }
        return rfc822(s)
    }

    /// `[Wkd,] DD Mon YYYY ...`: the day, month name and year are the first three words after the weekday.
    private func rfc822(_ s: String) -> Day? {
        var words = s.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" || $0 == "-" }).map(String.init)
        if let w = words.first, Int(w) == nil { words.removeFirst() }  // weekday
        guard words.count >= 3 else { return nil }
        // Day and month are sometimes swapped ("May 31 2024").
        var dayWord = words[0]
        var monthWord = words[1]
        if Int(dayWord) == nil, Int(monthWord) != nil { swap(&dayWord, &monthWord) }
        guard let day = Int(dayWord), let month = Self.month(monthWord), var year = Int(words[2]) else { return nil }
        if words[2].count == 2 { year += year < 50 ? 2000 : 1900 }
        return Day(year: year, month: month, day: day)
    }

    /// Month number of a month name or abbreviation (RFC 822 `month`, or a full name) from ``CalendarLexicon``.
    private static func month(_ word: String) -> Int? {
        CalendarLexicon.bundled.month(named: word) ?? CalendarLexicon.bundled.month(named: word.prefix(3))
    }
}
