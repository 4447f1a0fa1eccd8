import Foundation

/// Removes boilerplate lines from article text and rejoins lines broken in mid-sentence.
///
/// Works on lines (paragraphs), whatever format the text came from, so the same filter serves plain text,
/// JSON Lines bodies and text extracted from HTML. A line is dropped when
/// - its vocabulary says so anywhere: donation, ad-blocker, newsletter and correction prompts, copyright
///   notices, "Read also", read times (`boilerplate.json`);
/// - its shape says so: a bare timestamp, a language switcher ("Eng"), a lowercase keyword slug, a photo caption
///   or credit, a byline, a bare URL, the bare name of an outlet;
/// - it sits in the top or bottom zone (before the first or after the last body paragraph), is not a plain
///   sentence (or speaks of the site itself) and has a site-furniture phrase ("Privacy", "supported by").
/// Every other line is kept, short ones included. Then lines broken in mid-sentence are joined: a line that
/// starts in lowercase or with `,` continues the one before, and so does any line after one ending in `:`.
public struct BoilerplateFilter: Sendable {
    /// Why a line was dropped.
    public enum Reason: String, Hashable, Sendable, CaseIterable {
        case copyright, appeal, navigation, timestamp, languageSwitcher, slug, photoCaption, byline, url
        case outletName, siteFurniture, titleEcho
    }

    let vocabulary: BoilerplateVocabulary
    let metadata: TextMetadataExtractor
    private let functionWords: Set<String>
    private let languageLabels: Set<String>
    private let timeWords: Set<String>
    private let wholeLines: Set<String>
    private let anywhere: PhraseMatcher
    private let appeals: PhraseMatcher
    private let edge: PhraseMatcher
    private let credits: PhraseMatcher
    private let labelCredits: PhraseMatcher

    /// Creates a filter with a vocabulary, an outlet registry (for bare outlet names and own-site lines) and a
    /// calendar (month and weekday names in timestamps and bylines).
    public init(
        vocabulary: BoilerplateVocabulary = .bundled, registry: OutletRegistry = .bundled,
        calendar: CalendarLexicon = .bundled
    ) {
        self.vocabulary = vocabulary
        self.metadata = TextMetadataExtractor(registry: registry, vocabulary: vocabulary, calendar: calendar)
        functionWords = Set(vocabulary.functionWords)
        languageLabels = Set(vocabulary.languageLabels)
        timeWords = Set(vocabulary.timeWords)
        wholeLines = Set(vocabulary.wholeLines)
        anywhere = PhraseMatcher(vocabulary.anywherePhrases)
        appeals = PhraseMatcher(vocabulary.appealPhrases)
        edge = PhraseMatcher(vocabulary.edgePhrases)
        // A label ("photo:", "(photo") may follow a caption; a credit stands at the start or end of the line.
        let isLabel = { (credit: String) in credit.hasSuffix(":") || credit.hasPrefix("(") }
        credits = PhraseMatcher(vocabulary.photoCredits.filter { !isLabel($0) })
        labelCredits = PhraseMatcher(vocabulary.photoCredits.filter(isLabel))
    }

    /// Cleans `text`: drops boilerplate lines, rejoins broken lines and normalizes with `TextNormalizer`.
    ///
    /// - Parameters:
    ///   - ownOutlet: the outlet that published the text, when known; lines about it count as site furniture.
    ///   - title: the headline, when known; lines repeating it are dropped.
    /// - Returns: the kept paragraphs separated by `"\n"`.
    public func clean(_ text: String, ownOutlet: Outlet? = nil, title: String? = nil) -> String {
        let lines = TextNormalizer().normalize(text).split(separator: "\n", omittingEmptySubsequences: false)
        return filter(lines.map(String.init), ownOutlet: ownOutlet, title: title).joined(separator: "\n")
    }

    /// Filters lines or paragraphs (empty strings mark paragraph breaks) and returns the kept paragraphs, with
    /// lines broken in mid-sentence joined.
    public func filter(_ lines: [String], ownOutlet: Outlet? = nil, title: String? = nil) -> [String] {
        let segmenter = SentenceSegmenter()
        let shapes = lines.map { keepingParts(LineShape($0), segmenter: segmenter) }
        let keep = keptLines(shapes, ownOutlet: ownOutlet, title: title)
        return join(shapes, kept: keep)
    }

    /// Which lines to keep. Pass 1 applies the rules that hold wherever a line stands; pass 2 the zone rules,
    /// with the zones found among the lines pass 1 kept.
    ///
    /// `dropped`, when given, holds ``isDropped(_:)`` of each line, computed once for several calls.
    func keptLines(_ shapes: [LineShape], ownOutlet: Outlet?, title: String?, dropped: [Bool]? = nil) -> [Bool] {
        let ownKeys = Set((ownOutlet?.allNames ?? []).map { LineShape.key($0) })
        let titleKey = title.map { LineShape($0).bareKey }
        var keep = shapes.indices.map { i in
            let s = shapes[i]
            guard !s.text.isEmpty else { return false }
            guard let dropped else { return reason(for: s, ownKeys: ownKeys) == nil }
            return !dropped[i] && !(isShortName(s) && ownKeys.contains(s.key))
        }
        for (i, s) in shapes.enumerated() where keep[i] && titleKey != nil && s.bareKey == titleKey {
            keep[i] = false
        }
        // Zones are bounded by body paragraphs; a paragraph in which the site speaks of itself does not count.
        let bodyLines = shapes.indices.filter {
            keep[$0] && shapes[$0].isBodyShaped && !isSelfReference(shapes[$0], ownKeys: ownKeys)
        }
        let firstBody = bodyLines.first ?? shapes.count
        let lastBody = bodyLines.last ?? -1
        for i in shapes.indices where keep[i] && (i < firstBody || i > lastBody) {
            if isSiteFurniture(shapes[i], ownKeys: ownKeys) { keep[i] = false }
        }
        dropZoneFurniture(shapes, keep: &keep, firstBody: firstBody, lastBody: lastBody)
        return keep
    }

    /// Why `line` is boilerplate wherever it stands, or `nil` when it may be article text.
    public func reason(forDropping line: String) -> Reason? {
        reason(for: LineShape(line), ownKeys: [])
    }

    /// Whether pass 1 drops `s` whatever the own outlet is: ``reason(for:ownKeys:)`` with no own names.
    func isDropped(_ s: LineShape) -> Bool { reason(for: s, ownKeys: []) != nil }

    // MARK: - Rules

    func reason(for s: LineShape, ownKeys: Set<String>) -> Reason? {
        let key = s.key
        if s.words.count <= 30,
            vocabulary.copyrightMarkers.contains(where: { LineShape.rest(of: key, afterPrefix: $0) != nil })
        {
            return .copyright
        }
        if anywhere.matches(s.keyBytes) { return .appeal }
        if appeals.matches(s.keyBytes), !isQuoted(s),
            s.hasWord(in: vocabulary.readerWords + vocabulary.selfReferenceWords)
        {
            return .appeal
        }
        if wholeLines.contains(s.bareKey) { return .navigation }
        if isTimestamp(s) { return .timestamp }
        if isLanguageSwitcher(s) { return .languageSwitcher }
        if isSlug(s) { return .slug }
        if isPhotoCaption(s) { return .photoCaption }
        if hasBoilerplatePrefix(s) || isSectionLabel(s) { return .navigation }
        if isBareURL(s) { return .url }
        if isShortName(s), metadata.registry.outlet(named: s.text) != nil || ownKeys.contains(key) {
            return .outletName
        }
        if !s.endsSentence, metadata.byline(in: s.text) != nil { return .byline }
        return furnitureReason(for: s)
    }

    /// Short enough and shaped like a bare name (no sentence): dropped when it names an outlet.
    private func isShortName(_ s: LineShape) -> Bool {
        s.words.count <= 6 && !s.endsSentence && !s.startsAsContinuation
    }

    /// A line of only dates, times, time zones and words like "Updated".
    func isTimestamp(_ s: LineShape) -> Bool {
        guard s.words.count <= 16, s.key.contains("#") else { return false }
        for w in s.words {
            let bare = LineShape.key(w).trimmingCharacters(in: LineShape.edgePunctuation)
            if bare.isEmpty { continue }
            if bare.allSatisfy({ $0 == "#" || "-:/.t+z".contains($0) }) { continue }  // 2024-05-31T04:06+0000
            if bare.hasPrefix("#"), ["st", "nd", "rd", "th", "h", "am", "pm"].contains(String(bare.dropFirst())) {
                continue
            }
            if timeWords.contains(bare) || metadata.calendar.isWeekday(bare) || metadata.calendar.month(named: bare) != nil {
                continue
            }
            return false
        }
        return true
    }

    /// A line of language names or codes ("Eng", "Esp", "EN | RU").
    func isLanguageSwitcher(_ s: LineShape) -> Bool {
        guard s.words.count <= 8 else { return false }
        // Every non-empty label must be a language label (at most 8 of them: one per word); stop at the first
        // that is not.
        var labels = 0
        for word in s.words {
            let label = LineShape.key(word).trimmingCharacters(in: LineShape.edgePunctuation)
            if label.isEmpty { continue }
            guard languageLabels.contains(label) else { return false }
            labels += 1
        }
        return labels > 0
    }

    /// A lowercase run of keywords with no function words and no punctuation: an image name, tags, a URL slug.
    func isSlug(_ s: LineShape) -> Bool {
        guard s.words.count >= 4, !s.text.contains(where: { $0.isUppercase }),
            !s.text.contains(where: { ".,;:!?\"“”".contains($0) })
        else { return false }
        let lower = s.words.map { $0.lowercased() }
        let functionCount = lower.filter(functionWords.contains).count
        let fileLike = s.words.contains { $0.contains("_") || ($0.contains(where: \.isNumber) && $0.count > 8) }
        return functionCount == 0 || (fileLike && functionCount * 10 < s.words.count)
    }

    /// A caption or credit: a credit phrase opening the line, or one near its end.
    func isPhotoCaption(_ s: LineShape) -> Bool {
        guard s.words.count <= 45 else { return false }
        if labelCredits.matches(s.keyBytes) { return true }
        let n = s.keyBytes.count
        return credits.matchStarts(in: s.keyBytes).contains { $0 == 0 || $0 * 10 >= n * 6 }
    }

    /// "Read more: ...", "Photo: ...", "Updated 3 hours ago": a known prefix on a short non-sentence, or a
    /// prefix followed by `:`, `|` or a dash.
    func hasBoilerplatePrefix(_ s: LineShape) -> Bool {
        for prefix in vocabulary.linePrefixes {
            guard let rest = LineShape.rest(of: s.key, afterPrefix: prefix) else { continue }
            let next = rest.trimmingCharacters(in: .whitespaces).first
            if let next, ":|-–—»›".contains(next) { return true }
            if s.words.count <= vocabulary.shortPrefixMaxWords && !s.endsSentence { return true }
        }
        return false
    }

    /// A short all-capitals label ("ABSTRACT.", "TOP STORIES", "LETTERS:").
    func isSectionLabel(_ s: LineShape) -> Bool {
        guard s.words.count <= 3, !s.text.contains(where: \.isNumber) else { return false }
        let letters = s.text.filter(\.isLetter)
        return letters.count >= 3 && letters.allSatisfy(\.isUppercase)
            && s.text.allSatisfy { $0.isLetter || " .:-&'’".contains($0) }
    }

    func isBareURL(_ s: LineShape) -> Bool {
        s.words.count == 1 && (s.key.hasPrefix("http://") || s.key.hasPrefix("https://") || s.key.hasPrefix("www."))
    }

    /// In the top or bottom zone: a line with a site-furniture phrase that is not a plain sentence, or that
    /// speaks of the site itself ("our", its own name).
    func isSiteFurniture(_ s: LineShape, ownKeys: Set<String>) -> Bool {
        guard hasEdgePhrase(s) else { return false }
        return !s.endsSentence || s.words.count <= 6 || speaksOfItself(s, ownKeys: ownKeys)
    }

    /// A site-furniture line that names the site itself or speaks as "we"/"our".
    func isSelfReference(_ s: LineShape, ownKeys: Set<String>) -> Bool {
        hasEdgePhrase(s) && speaksOfItself(s, ownKeys: ownKeys)
    }

    private func hasEdgePhrase(_ s: LineShape) -> Bool { edge.matches(s.keyBytes) }

    /// Names the site itself, or says "we"/"our" outside a quotation (a quoted "we" is a source speaking).
    private func speaksOfItself(_ s: LineShape, ownKeys: Set<String>) -> Bool {
        if ownKeys.contains(where: { LineShape.contains(s.key, phrase: $0) }) { return true }
        return !isQuoted(s) && s.hasWord(in: vocabulary.selfReferenceWords)
    }

    /// Holds a quotation: a quotation mark, or a pair of straight double quotes.
    private func isQuoted(_ s: LineShape) -> Bool {
        s.text.contains { "“”«»„".contains($0) } || s.text.filter { $0 == "\"" }.count >= 2
            || s.text.contains("''")
    }

    // MARK: - Joining

    /// Joins the kept lines into paragraphs; blank lines mark paragraph breaks.
    func join(_ shapes: [LineShape], kept: [Bool]) -> [String] {
        join(shapes.indices.map { kept[$0] ? shapes[$0].text : (shapes[$0].text.isEmpty ? "" : nil) })
    }

    /// Joins kept lines into paragraphs. `nil` marks a dropped line, `""` a paragraph break.
    func join(_ lines: [String?]) -> [String] {
        var out: [String] = []
        var tail: Substring?  // the last line appended: its end decides whether the next line continues it
        var brokeSinceLast = false  // a blank line lies between the last kept line and this one
        for line in lines {
            guard let line else { continue }
            let text = line.drop { $0 == " " || $0 == "\t" }
            if text.isEmpty {
                brokeSinceLast = true
                continue
            }
            if let prev = tail {
                let continues = !LineShape.endsSentence(prev) && LineShape.startsAsContinuation(text)
                // A line ending in ":" or ";" announces more of the same sentence.
                let mark = LineShape.finalMark(of: prev)
                let afterColon = (mark == ":" || mark == ";") && !brokeSinceLast
                if continues || afterColon {
                    let glue = ",;)]".contains(text.first!) ? "" : " "
                    out[out.count - 1] += glue + text
                    tail = text
                    brokeSinceLast = false
                    continue
                }
            }
            out.append(String(text))
            tail = text
            brokeSinceLast = false
        }
        return out
    }
}
