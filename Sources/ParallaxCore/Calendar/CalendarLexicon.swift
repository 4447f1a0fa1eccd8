import Foundation

/// Month and weekday names per language: the one calendar vocabulary of every date reader (feed dates, HTML
/// dates, plain-text dates and datelines, bylines, and the relative dates of the analysis).
///
/// Loaded from `calendar.json` (bundled, keyed by BCP 47 language code) or a user file of the same shape; see
/// `docs/LEXICONS.md`. Adding a language is adding an entry to the file.
public struct CalendarLexicon: Sendable, Codable, Hashable {
    /// The calendar words of one language; all lowercase.
    public struct Language: Sendable, Codable, Hashable {
        /// BCP 47 code (`en`, `ru`).
        public var code: String
        /// Twelve lists of month spellings (all cases and abbreviations), January first; a list may be empty when
        /// a spelling would clash with another language's month.
        public var months: [[String]]
        /// Seven lists of weekday spellings, Monday first, or none when not yet collected for the language.
        public var weekdays: [[String]]
        /// Seven lists of weekday abbreviations (`mon`, `tues`), read only in metadata (timestamps, bylines)
        /// where they cannot be ordinary words.
        public var weekdayAbbreviations: [[String]]

        public init(code: String, months: [[String]], weekdays: [[String]] = [], weekdayAbbreviations: [[String]] = []) {
            self.code = code
            self.months = months
            self.weekdays = weekdays
            self.weekdayAbbreviations = weekdayAbbreviations
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            code = try c.decode(String.self, forKey: .code)
            months = try c.decode([[String]].self, forKey: .months)
            weekdays = try c.decodeIfPresent([[String]].self, forKey: .weekdays) ?? []
            weekdayAbbreviations = try c.decodeIfPresent([[String]].self, forKey: .weekdayAbbreviations) ?? []
            guard months.count == 12 else {
                throw DecodingError.dataCorruptedError(
                    forKey: .months, in: c, debugDescription: "\(code): 12 lists of month names expected, got \(months.count)")
            }
            guard weekdays.isEmpty || weekdays.count == 7, weekdayAbbreviations.isEmpty || weekdayAbbreviations.count == 7
            else {
                throw DecodingError.dataCorruptedError(
                    forKey: .weekdays, in: c, debugDescription: "\(code): 7 lists of weekday names expected")
            }
        }
    }

    /// The languages, in file order (bundled first, then user additions).
    public var languages: [Language] {
        didSet { index = Index(languages) }
    }
    private var index: Index

    enum CodingKeys: String, CodingKey { case languages }

    public init(languages: [Language]) {
        self.languages = languages
        index = Index(languages)
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(languages: try c.decode([Language].self, forKey: .languages))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(languages, forKey: .languages)
    }

    /// The calendar shipped with Parallax (`calendar.json` in ParallaxCore's resources).
    public static let bundled = BundledJSON.core(CalendarLexicon.self, named: "calendar")

    /// The calendar of `code` (`en`, or the language of `en-US`), when the lexicon has it.
    public func language(_ code: String) -> Language? {
        let lower = code.lowercased()
        return languages.first { $0.code == lower }
            ?? languages.first { $0.code == lower.prefix { $0 != "-" && $0 != "_" } }
    }

    /// Every month spelling of every language -> its month (1...12). A spelling two languages give different months
    /// belongs to the earlier month.
    public var monthNumbers: [String: Int] { index.months }

    /// The month (1...12) of a month name or abbreviation in any language, ignoring case and a final period.
    public func month(named word: some StringProtocol) -> Int? {
        var w = word.lowercased()
        if w.hasSuffix(".") { w.removeLast() }
        return index.months[w]
    }

    /// Whether `word` (lowercase) is a weekday name or abbreviation in any language.
    public func isWeekday(_ word: some StringProtocol) -> Bool {
        index.weekdays.contains(word.lowercased())
    }

    /// This lexicon with `other`'s languages added; a language with the same code gets the other's spellings too.
    public func merging(_ other: CalendarLexicon) -> CalendarLexicon {
        var result = languages
        for language in other.languages {
            guard let i = result.firstIndex(where: { $0.code == language.code }) else {
                result.append(language)
                continue
            }
            func union(_ a: [[String]], _ b: [[String]]) -> [[String]] {
                guard !a.isEmpty else { return b }
                return a.indices.map { k in a[k] + (k < b.count ? b[k].filter { !a[k].contains($0) } : []) }
            }
            result[i].months = union(result[i].months, language.months)
            result[i].weekdays = union(result[i].weekdays, language.weekdays)
            result[i].weekdayAbbreviations = union(result[i].weekdayAbbreviations, language.weekdayAbbreviations)
        }
        return CalendarLexicon(languages: result)
    }

    /// Lookup tables built once per lexicon.
    private struct Index: Sendable, Hashable {
        var months: [String: Int] = [:]
        var weekdays: Set<String> = []

        init(_ languages: [Language]) {
            for month in 0..<12 {
                for language in languages where month < language.months.count {
                    for name in language.months[month] where months[name.lowercased()] == nil {
                        months[name.lowercased()] = month + 1
                    }
                }
            }
            for language in languages {
                for name in (language.weekdays + language.weekdayAbbreviations).joined() {
                    weekdays.insert(name.lowercased())
                }
            }
        }
    }
}
