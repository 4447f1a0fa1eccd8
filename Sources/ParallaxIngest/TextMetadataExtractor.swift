import Foundation

/// Finds article metadata written in plain text: dates, datelines, bylines, copyright lines and URL dates.
///
/// Every method works on one line or paragraph and knows nothing of a particular site: a dateline is an
/// upper-case place, optionally a date, optionally an agency in `(...)` or `/.../`, then a dash or period; an
/// outlet is only ever taken from a URL, a dateline agency or a copyright line, resolved through the
/// ``OutletRegistry`` (an outlet named inside the body is a cited source, not the publisher).
public struct TextMetadataExtractor: Sendable {
    /// The opening of a news report: "WASHINGTON, May 31. /TASS/." or "KYIV (Reuters) -".
    public struct Dateline: Hashable, Sendable {
        /// The place, as written ("WASHINGTON").
        public var place: String
        /// The agency or outlet named in the dateline, as written ("TASS").
        public var agency: String?
        /// The month and day of the dateline, when given (it has no year).
        public var month: Int?
        public var day: Int?
        /// Length in UTF-8 bytes of the dateline at the start of the paragraph, separator and blanks included.
        public var length: Int
    }

    /// Names in a byline and the outlet it credits ("By Jane Doe, Reuters").
    public struct Byline: Hashable, Sendable {
        public var authors: [String]
        public var outlet: String?
    }

    /// The registry that resolves outlet names and domains.
    public let registry: OutletRegistry
    let vocabulary: BoilerplateVocabulary
    /// Month and weekday names of every language (dates, datelines, bylines).
    public let calendar: CalendarLexicon
    private let datelinePattern: NSRegularExpression
    private let monthDayYear: NSRegularExpression
    private let dayMonthYear: NSRegularExpression
    private let numericDate: NSRegularExpression
    private let isoDate: NSRegularExpression
    /// Byline prefixes, longest first (so "written by" is tried before "by").
    private let bylinePrefixes: [String]
    private let bylineStopWords: Set<String>

    /// Creates an extractor over an outlet registry, a vocabulary (byline words) and a calendar (month and weekday
    /// names of every language it holds).
    public init(
        registry: OutletRegistry = .bundled, vocabulary: BoilerplateVocabulary = .bundled,
        calendar: CalendarLexicon = .bundled
    ) {
        self.registry = registry
        self.vocabulary = vocabulary
        self.calendar = calendar
        bylinePrefixes = vocabulary.bylinePrefixes.sorted { $0.count > $1.count }
        bylineStopWords = Set(vocabulary.bylineStopWords)
        let months = calendar.monthNumbers.keys.sorted { $0.count != $1.count ? $0.count > $1.count : $0 < $1 }
            .map(NSRegularExpression.escapedPattern(for:)).joined(separator: "|")
        func regex(_ p: String) -> NSRegularExpression {
            // The patterns are built from escaped vocabulary words; a failure is a programming error.
            try! NSRegularExpression(pattern: p, options: [.caseInsensitive])
        }
        datelinePattern = try! NSRegularExpression(
            pattern: #"^(?<place>\p{Lu}[\p{Lu}\p{M}'’.\- ]{1,40}?)(?:,\s*(?<region>\p{Lu}[\p{L}.' ]{1,30}?))?"#
                + #"(?:,?\s*(?<month>(?i:\#(months)))\.?\s+(?<day>\d{1,2})(?!\d))?"#
                + #"(?:\s*[.,]?\s*(?:\((?<a1>[^()\n]{1,40})\)|/(?<a2>[^/\n]{1,40})/))?"#
                + #"\s*(?<sep>[-–—]|(?<=[/)\d])\.(?=\s))\s*"#)
        monthDayYear = regex(
            #"\b(?<month>\#(months))\.?\s+(?<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?<year>\d{4})\b"#)
        dayMonthYear = regex(#"\b(?<day>\d{1,2})(?:st|nd|rd|th)?\s+(?<month>\#(months))\.?,?\s+(?<year>\d{4})\b"#)
        numericDate = regex(#"(?<![\d.:/])(?<a>\d{1,2})[./](?<b>\d{1,2})[./](?<year>\d{4})(?![\d/])"#)
        isoDate = regex(#"(?<![\d])(?<year>\d{4})[-/](?<month>\d{2})[-/](?<day>\d{2})(?![\d])"#)
    }

    // MARK: - Dates

    /// The first calendar date written in `line`: ISO (`2024-05-31`, `2024-05-31T04:06Z`), `31/05/2024`,
    /// `31.05.2024`, `May 31, 2024`, `31 May 2024`. Day-first is assumed for an ambiguous numeric date.
    public func day(in line: some StringProtocol) -> Day? {
        // Every form has a four-digit year (and `Int` reads only ASCII digits): most lines have none, and skip
        // the regular expressions.
        var run = 0
        guard line.utf8.contains(where: { b in
            run = (0x30...0x39).contains(b) ? run + 1 : 0
            return run == 4
        }) else { return nil }
        let s = String(line)
        let ns = s as NSString
        let range = NSRange(location: 0, length: ns.length)
        var best: (Int, Day)?
        func consider(_ location: Int, _ day: Day?) {
            guard let day, (1900...2100).contains(day.year) else { return }
            if best == nil || location < best!.0 { best = (location, day) }
        }
        func int(_ m: NSTextCheckingResult, _ name: String) -> Int? {
            let r = m.range(withName: name)
            return r.location == NSNotFound ? nil : Int(ns.substring(with: r))
        }
        if let m = isoDate.firstMatch(in: s, range: range), let y = int(m, "year"), let mo = int(m, "month"),
            let d = int(m, "day")
        {
            consider(m.range.location, Day(year: y, month: mo, day: d))
        }
        for regex in [monthDayYear, dayMonthYear] {
            if let m = regex.firstMatch(in: s, range: range), let y = int(m, "year"), let d = int(m, "day"),
                let mo = calendar.month(named: ns.substring(with: m.range(withName: "month")))
            {
                consider(m.range.location, Day(year: y, month: mo, day: d))
            }
        }
        if let m = numericDate.firstMatch(in: s, range: range), let a = int(m, "a"), let b = int(m, "b"),
            let y = int(m, "year")
        {
            let dayFirst = Day(year: y, month: b, day: a)
            consider(m.range.location, dayFirst ?? Day(year: y, month: a, day: b))
        }
        return best?.1
    }

    /// The publication date written in a URL path: `/20240531/`, `/2024/05/31/`, `/2024-05-31-slug`
    /// (``WebAddress/days(inURL:)``).
    public func day(inURL url: some StringProtocol) -> Day? {
        WebAddress.days(inURL: url).first
    }

    // MARK: - Dateline

    /// The dateline opening `paragraph`, when it has one: an upper-case place followed by a date, an agency in
    /// parentheses or slashes, or a dash. "BREAKING NEWS" alone, or a normal sentence, is not a dateline.
    public func dateline(in paragraph: some StringProtocol) -> Dateline? {
        let s = String(paragraph.prefix(160))
        let ns = s as NSString
        guard let m = datelinePattern.firstMatch(in: s, range: NSRange(location: 0, length: ns.length)) else {
            return nil
        }
        func group(_ name: String) -> String? {
            let r = m.range(withName: name)
            guard r.location != NSNotFound else { return nil }
            return ns.substring(with: r).trimmingCharacters(in: .whitespaces)
        }
        guard var place = group("place") else { return nil }
        place = place.trimmingCharacters(in: CharacterSet(charactersIn: " .-"))
        let letters = place.unicodeScalars.filter { $0.properties.isAlphabetic }
        guard letters.count >= 3, !place.unicodeScalars.contains(where: { $0.properties.isLowercase }) else {
            return nil
        }
        let agency = group("a1") ?? group("a2")
        let month = group("month").flatMap { calendar.month(named: $0) }
        let day = group("day").flatMap { Int($0) }
        let sep = group("sep") ?? ""
        // A bare "PLACE." is a shouted word, not a dateline; it needs a date or an agency.
        if sep == ".", agency == nil, month == nil { return nil }
        // The text after the dateline must start a sentence.
        let after = ns.substring(from: m.range.location + m.range.length)
        guard let first = after.first, first.isUppercase || first.isNumber || "\"“'‘«".contains(first) else {
            return nil
        }
        if let region = group("region"), region.count > 25 { return nil }
        let length = ns.substring(with: m.range).utf8.count
        return Dateline(place: place, agency: agency, month: month, day: day, length: length)
    }

    // MARK: - Byline

    /// The byline on `line` ("By Jane Doe and John Smith, Reuters", "byYuri Zoria", "Author: Jane Doe"), or
    /// `nil` when the line is not a byline.
    public func byline(in line: some StringProtocol) -> Byline? {
        let shape = LineShape(line)
        guard shape.words.count <= 14, !shape.words.isEmpty else { return nil }
        var rest: Substring?
        let lowered = shape.text.lowercased()
        for prefix in bylinePrefixes {
            guard lowered.hasPrefix(prefix) else { continue }
            let after = shape.text.dropFirst(prefix.count)
            guard let next = after.first else { continue }
            if next == ":" || next == " " {
                rest = after.drop { $0 == ":" || $0 == " " }
            } else if next.isUppercase, prefix == prefix.lowercased(), shape.text.first?.isLowercase == true {
                rest = after  // "byYuri Zoria": a lowercase prefix glued to a capitalized name
            }
            if rest != nil { break }
        }
        guard let rest, !rest.isEmpty else { return nil }
        var authors: [String] = []
        var outlet: String?
        for part in Self.splitNames(rest) {
            if let o = registry.outlet(named: part) {
                outlet = outlet ?? o.name
                continue
            }
            var words: [Substring] = []
            let parts = part.split(separator: " ")
            for (k, w) in parts.enumerated() {
                let bare = w.trimmingCharacters(in: .punctuationCharacters)
                let lower = bare.lowercased()
                // A month name ends the names only inside a date ("Jane Doe May 31"): "Avril", "Julio" and "June"
                // are also given names.
                let nearNumber = [k - 1, k + 1].contains { parts.indices.contains($0) && parts[$0].first?.isNumber == true }
                if bylineStopWords.contains(lower) || calendar.isWeekday(lower) || nearNumber && calendar.month(named: bare) != nil {
                    break
                }
                words.append(w)
            }
            guard (2...5).contains(words.count) else { continue }
            // Names are capitalized words with short particles between ("Ana de la Cruz", "Omar bin Ali").
            let particlesOnly = words.allSatisfy { $0.first?.isUppercase == true || $0.count <= 3 }
            guard particlesOnly, words.first?.first?.isUppercase == true, words.last?.first?.isUppercase == true,
                words.allSatisfy({ !$0.contains(where: \.isNumber) })
            else { continue }
            authors.append(words.joined(separator: " ").trimmingCharacters(in: .punctuationCharacters))
        }
        guard !authors.isEmpty || outlet != nil else { return nil }
        if authors.isEmpty && shape.words.count > 6 { return nil }
        return Byline(authors: authors, outlet: outlet)
    }

    private static func splitNames(_ s: Substring) -> [String] {
        var text = String(s)
        for sep in [" and ", " & ", " | ", ";", " with ", " for "] {
            text = text.replacingOccurrences(of: sep, with: ",", options: .caseInsensitive)
        }
        return text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    // MARK: - Outlet

    /// The outlet named by a copyright line ("Copyright © 2024 Euromaidanpress.com", "© 2024 The Washington
    /// Post. All rights reserved."), or `nil` when the line is not a copyright notice of a known outlet.
    public func outlet(inCopyright line: some StringProtocol) -> Outlet? {
        guard line.utf8.count <= 400 else { return nil }
        let head = line.prefix(12).lowercased()
        // The UTF-8 bytes of "©" (C2 A9) must be there before the (slower) text search can find it.
        let mayHaveSign = line.utf8.contains(0xA9) && line.contains("©")
        guard mayHaveSign || vocabulary.copyrightMarkers.contains(where: { head.hasPrefix($0) }) else {
            return nil
        }
        let shape = LineShape(line)
        guard shape.words.count <= 30,
            vocabulary.copyrightMarkers.contains(where: { LineShape.rest(of: shape.key, afterPrefix: $0) != nil })
                || shape.key.contains("©")
        else { return nil }
        var names: [String] = []
        for raw in shape.words {
            let w = raw.trimmingCharacters(in: CharacterSet(charactersIn: "©().,;:|"))
            if w.isEmpty || w.allSatisfy({ $0.isNumber || $0 == "-" || $0 == "–" }) { continue }
            if vocabulary.copyrightMarkers.contains(w.lowercased()) { continue }
            if w.contains("."), let outlet = registry.outlet(forDomain: w) { return outlet }
            names.append(w)
        }
        // The longest run of words that names an outlet ("The Washington Post" in "... Post All rights ...").
        return registry.outlet(longestIn: names.joined(separator: " "), includingAmbiguous: true)
    }

    /// The outlet credited by a dateline's agency ("TASS" in "/TASS/"), when the registry knows it.
    public func outlet(in dateline: Dateline) -> Outlet? {
        dateline.agency.flatMap { registry.outlet(named: $0) }
    }
}
