import Foundation
import ParallaxCore

/// Words of date expressions per language (relative words, prepositions, numbers), loaded from `temporal.json`
/// (bundled) or a user file in the same format (see `docs/LEXICONS.md`). Month and weekday names come from Core's
/// calendar lexicon (``CalendarLexicon``, `calendar.json`), which every date reader shares; a file may still list
/// its own, which then replace the calendar's for that language.
public struct TemporalLexicon: Sendable, Codable, Hashable {
    /// The date vocabulary of one language. All words are matched lowercased and whole; phrases may have several
    /// words.
    public struct Language: Sendable, Codable, Hashable {
        /// BCP 47 code (`en`, `ru`).
        public var code: String
        /// Common function words that identify the language when an article's language is unknown.
        public var detect: [String]
        /// Whether month and weekday names are capitalized in running text (English, German): then lowercase
        /// `may` or `march` are not months.
        public var capitalizedNames: Bool?
        /// Twelve lists of month spellings (all cases and abbreviations), January first: the calendar's for
        /// ``code`` unless the file lists them.
        public var months: [[String]]
        /// Seven lists of weekday spellings, Monday first: the calendar's for ``code`` unless the file lists them.
        public var weekdays: [[String]]
        /// Phrases that name a day relative to publication, with its offset in days (`yesterday`: -1).
        public var days: [String: Int]
        /// Words before a date that belong to the expression (`on`, `since`, `around`).
        public var prepositions: [String]
        /// Words before a weekday that point to the previous one (`last`).
        public var last: [String]
        /// Words before a weekday that point to the next one (`next`).
        public var next: [String]
        /// Words before a weekday that point into the current week (`this`).
        public var this: [String]
        /// Words of the clause around a weekday that mark the future: auxiliaries and plan words (`will`,
        /// `scheduled`, `due to`, `plans to`).
        public var future: [String]?
        /// Words of the clause around a weekday that mark the past (`was`, `said`, `met`).
        public var past: [String]?
        /// Word endings that mark a past form (`ed` in `announced`), for words of five letters or more; a future
        /// word wins (`scheduled`).
        public var pastSuffixes: [String]?
        /// Word endings that look like ``pastSuffixes`` but are not (`eed` in `proceed`).
        public var notPastSuffixes: [String]?
        /// Number words (`two`: 2, `a`: 1) for "two days ago".
        public var numbers: [String: Int]
        /// Units and their length in days (`day`: 1, `weeks`: 7).
        public var units: [String: Int]
        /// Words after a count that mean "ago" (`ago`, `назад`).
        public var agoAfter: [String]?
        /// Phrases before a count that mean "ago" (`vor`, `il y a`, `hace`).
        public var agoBefore: [String]?
        /// Ordinal endings after a day number (`th` in `10th`, `го` in `10-го`).
        public var ordinalSuffixes: [String]?
        /// Words allowed between day, month and year (`of` in `10th of May`, `de` in `10 de mayo de 2024`).
        public var connectors: [String]?
        /// Whether a day number may carry a period (`10. Mai`).
        public var ordinalDot: Bool?
        /// Capitalized words before a weekday or month that make it part of a name (`Good Friday`).
        public var notDateBefore: [String]?
        /// Month spellings that are also given names (`may`, `june`): after a capitalized word inside a sentence
        /// they are part of a name (`Theresa May 10 days later`). Other months count there (`HP Monday`).
        public var nameLikeMonths: [String]?
        /// Words after a weekday that make it part of a name (`Sunday Times`).
        public var notDateAfter: [String]?
        /// Titles before a name (`mr`): `Mr. March` is not a month.
        public var honorifics: [String]?
    }

    public var languages: [Language]

    public init(languages: [Language]) { self.languages = languages }

    /// The lexicon shipped with Parallax (`Resources/temporal.json`).
    public static let bundled: TemporalLexicon = LexiconError.bundled(TemporalLexicon.self, named: "temporal")

    /// Reads a lexicon file; the error names the file and the field at fault.
    public init(contentsOf url: URL) throws { self = try LexiconError.load(TemporalLexicon.self, from: url) }

    /// This lexicon with `other`'s languages added; a language with the same code is replaced.
    public func merging(_ other: TemporalLexicon) -> TemporalLexicon {
        var result = self
        result.languages = languages.merged(with: other.languages, by: \.code)
        return result
    }
}

extension TemporalLexicon.Language {
    /// Decodes a language; month and weekday names left out are the calendar's (``CalendarLexicon/bundled``).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        code = try c.decode(String.self, forKey: .code)
        let calendar = CalendarLexicon.bundled.language(code)
        detect = try c.decode([String].self, forKey: .detect)
        capitalizedNames = try c.decodeIfPresent(Bool.self, forKey: .capitalizedNames)
        months = try c.decodeIfPresent([[String]].self, forKey: .months) ?? calendar?.months ?? []
        weekdays = try c.decodeIfPresent([[String]].self, forKey: .weekdays) ?? calendar?.weekdays ?? []
        days = try c.decode([String: Int].self, forKey: .days)
        prepositions = try c.decode([String].self, forKey: .prepositions)
        last = try c.decode([String].self, forKey: .last)
        next = try c.decode([String].self, forKey: .next)
        this = try c.decode([String].self, forKey: .this)
        future = try c.decodeIfPresent([String].self, forKey: .future)
        past = try c.decodeIfPresent([String].self, forKey: .past)
        pastSuffixes = try c.decodeIfPresent([String].self, forKey: .pastSuffixes)
        notPastSuffixes = try c.decodeIfPresent([String].self, forKey: .notPastSuffixes)
        numbers = try c.decode([String: Int].self, forKey: .numbers)
        units = try c.decode([String: Int].self, forKey: .units)
        agoAfter = try c.decodeIfPresent([String].self, forKey: .agoAfter)
        agoBefore = try c.decodeIfPresent([String].self, forKey: .agoBefore)
        ordinalSuffixes = try c.decodeIfPresent([String].self, forKey: .ordinalSuffixes)
        connectors = try c.decodeIfPresent([String].self, forKey: .connectors)
        ordinalDot = try c.decodeIfPresent(Bool.self, forKey: .ordinalDot)
        notDateBefore = try c.decodeIfPresent([String].self, forKey: .notDateBefore)
        nameLikeMonths = try c.decodeIfPresent([String].self, forKey: .nameLikeMonths)
        notDateAfter = try c.decodeIfPresent([String].self, forKey: .notDateAfter)
        honorifics = try c.decodeIfPresent([String].self, forKey: .honorifics)
    }
}
