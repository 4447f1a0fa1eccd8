import ParallaxCore

/// Finds the date expressions of a document and resolves each to a calendar day.
///
/// Absolute dates: `May 10`, `On May 28`, `30 May 2024`, `May 31, 2024`, `10th of May`, `10 мая`, `10. Mai`,
/// `31.05.2024`, `31/05/2024`, `2024-05-31`. A date without a year takes the year that puts it nearest the anchor.
/// Relative expressions, resolved against the anchor (the publication day unless given): `yesterday`, `today`,
/// `two days ago`, `on Tuesday`, `last Tuesday`, `next Tuesday`. A bare or `on` weekday is the most recent such
/// day on or before the anchor (news say "said on Friday" of the day they are published), or the next one when
/// its clause is in the future: the tense cue nearest the weekday in its clause (else in its sentence) is a
/// future one (`will`, `scheduled`, `due to`) and not a past one (`met`, `said`, `was`). Coarse expressions (`last week`, `earlier this
/// month`, `in May`) have no day and are not reported.
///
/// Guards against false hits: month and weekday names must be capitalized in languages that capitalize them
/// (`may` the verb), and a name before or after makes them part of a name (`Theresa May`, `Mr. March`,
/// `Good Friday`, `Sunday Times`); times (`04:06`) and other numbers are never dates.
public struct TemporalExpressionParser: Sendable {
    public let lexicon: TemporalLexicon
    private let languages: [Vocabulary]

    /// Creates a parser over `lexicon` (the bundled one by default).
    public init(lexicon: TemporalLexicon = .bundled) {
        self.lexicon = lexicon
        self.languages = lexicon.languages.map(Vocabulary.init)
    }

    /// The date expressions of `document`, in text order, each with its day.
    ///
    /// - Parameter anchor: the day relative expressions and year-less dates are resolved against; defaults to the
    ///   article's publication day. Without either, only dates with a year are reported. O(text length).
    public func parse(_ document: Document, anchor: Day? = nil) -> [ResolvedDateMention] {
        parse(document, units: WordUnit.units(of: document), anchor: anchor)
    }

    /// ``parse(_:anchor:)`` over the document's word units, when the caller has them already.
    func parse(_ document: Document, units: [WordUnit], anchor: Day?) -> [ResolvedDateMention] {
        let scan = Scan(document: document, units: units, anchor: anchor ?? document.article.published)
        let vocabularies = vocabularies(for: document, units: units)
        var result: [ResolvedDateMention] = []
        var i = 0
        while i < units.count {
            if let found = scan.numericDate(at: i) ?? vocabularies.lazy.compactMap({ scan.expression(at: i, $0) }).first
            {
                result.append(found.mention)
                i = found.end
            } else {
                i += 1
            }
        }
        return result
    }

    /// The languages to try: the article's language when the lexicon has it, else the one whose function words
    /// are most frequent, else all.
    private func vocabularies(for document: Document, units: [WordUnit]) -> [Vocabulary] {
        if let code = document.article.language?.lowercased() {
            let matching = languages.filter { code == $0.code || code.hasPrefix($0.code + "-") }
            if !matching.isEmpty { return matching }
        }
        var best: (index: Int, hits: Int)?
        for (index, language) in languages.enumerated() {
            let hits = units.prefix(3000).reduce(0) { $0 + (language.detect.contains($1.key) ? 1 : 0) }
            if hits > (best?.hits ?? 0) { best = (index, hits) }
        }
        if let best, best.hits >= 3 { return [languages[best.index]] }
        return languages
    }
}

extension TemporalExpressionParser {
    /// One language's vocabulary, compiled for lookups (a class: passed to every scan step without copying).
    final class Vocabulary: Sendable {
        let code: String
        let detect: Set<String>
        let capitalizedNames: Bool
        let months: [String: Int]
        let weekdays: [String: Int]
        let days: PhraseTable<Int>
        let prepositions: PhraseTable<Bool>
        let markers: PhraseTable<WeekdayMode>
        let future: PhraseTable<Bool>
        let past: PhraseTable<Bool>
        let pastSuffixes: [String]
        let notPastSuffixes: [String]
        let numbers: PhraseTable<Int>
        let units: [String: Int]
        let agoAfter: PhraseTable<Bool>
        let agoBefore: PhraseTable<Bool>
        let ordinalSuffixes: [String]
        let connectors: Set<String>
        let ordinalDot: Bool
        let notDateBefore: PhraseTable<Bool>
        let notDateAfter: PhraseTable<Bool>
        let honorifics: Set<String>
        let nameLikeMonths: Set<String>

        init(_ l: TemporalLexicon.Language) {
            func keyed(_ lists: [[String]]) -> [String: Int] {
                var map: [String: Int] = [:]
                for (i, list) in lists.enumerated() { for w in list { map[Tokenizer.norm(w)] = i + 1 } }
                return map
            }
            code = l.code.lowercased()
            detect = Set(l.detect.map(Tokenizer.norm))
            capitalizedNames = l.capitalizedNames ?? false
            months = keyed(l.months)
            weekdays = keyed(l.weekdays)
            days = PhraseTable(l.days.map { ($0.key, $0.value) })
            prepositions = PhraseTable(l.prepositions, value: true)
            markers = PhraseTable(
                l.last.map { ($0, WeekdayMode.last) } + l.next.map { ($0, .next) } + l.this.map { ($0, .this) })
            future = PhraseTable(l.future ?? [], value: true)
            past = PhraseTable(l.past ?? [], value: true)
            pastSuffixes = (l.pastSuffixes ?? []).map(Tokenizer.norm)
            notPastSuffixes = (l.notPastSuffixes ?? []).map(Tokenizer.norm)
            numbers = PhraseTable(l.numbers.map { ($0.key, $0.value) })
            units = Dictionary(l.units.map { (Tokenizer.norm($0.key), $0.value) }, uniquingKeysWith: { a, _ in a })
            agoAfter = PhraseTable(l.agoAfter ?? [], value: true)
            agoBefore = PhraseTable(l.agoBefore ?? [], value: true)
            ordinalSuffixes = (l.ordinalSuffixes ?? []).map(Tokenizer.norm)
            connectors = Set((l.connectors ?? []).map(Tokenizer.norm))
            ordinalDot = l.ordinalDot ?? false
            notDateBefore = PhraseTable(l.notDateBefore ?? [], value: true)
            notDateAfter = PhraseTable(l.notDateAfter ?? [], value: true)
            honorifics = Set((l.honorifics ?? []).map(Tokenizer.norm))
            nameLikeMonths = Set((l.nameLikeMonths ?? []).map(Tokenizer.norm))
        }

        /// Whether `key` is a word of date expressions (so a capitalized one before a name is no name).
        func isDateWord(_ unit: WordUnit, in units: [WordUnit], at i: Int) -> Bool {
            months[unit.key] != nil || weekdays[unit.key] != nil || prepositions.match(at: i, in: units) != nil
                || markers.match(at: i, in: units) != nil
        }
    }

    typealias WeekdayMode = DateRule.WeekdayMode
}
