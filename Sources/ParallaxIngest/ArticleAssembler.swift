import Foundation

/// Builds an `Article` from raw article text and whatever metadata came with it, for the text-based readers.
///
/// Order of work: a URL line, outlet evidence (URL, dateline, copyright line), the top zone's byline and date
/// lines, the title (a line repeated later, else a short first line without a final period), the body through
/// the ``BoilerplateFilter``, the dateline stripped from the first paragraph, then a size cap, and the id
/// (``ArticleIdentity``).
///
/// Every reader ends here (plain text, JSON Lines, HTML pages, feed items, archived pages), so the same text gives
/// the same article whatever format carried it. The text is normalized (``TextNormalizer``) once: here, or by the
/// HTML extractor before (``Known/textIsNormalized``).
struct ArticleAssembler: Sendable {
    /// Metadata known before reading the text (from the plain-text date line, JSON fields, HTML metadata or a
    /// feed item).
    struct Known {
        var source: String
        var url: String?
        var title: String?
        var outlet: String?
        var published: Day?
        var authors: [String] = []
        var language: String?
        /// Look for a headline at the top of the text when `title` is nil.
        var detectTitle = true
        /// The text is already the output of ``TextNormalizer`` (HTML extraction): not normalized again.
        var textIsNormalized = false
    }

    /// A problem met while assembling, for the reader to report with its input and location.
    struct Problem: Hashable, Sendable {
        var kind: IngestIssue.Kind
        var message: String

        /// The problem as an issue of `input` at `location`.
        func issue(input: String, location: String? = nil) -> IngestIssue {
            IngestIssue(input: input, location: location, kind: kind, message: message)
        }
    }

    /// The events of one assembly: its problems as issues of `input` (at `location`), then the article.
    func events(_ rawText: String, known: Known, input: String, location: String? = nil) -> [IngestEvent] {
        let (article, problems) = assemble(rawText, known: known)
        var events = problems.map { IngestEvent.issue($0.issue(input: input, location: location)) }
        if let article { events.append(.article(article)) }
        return events
    }

    let filter: BoilerplateFilter
    let maxTextBytes: Int
    var metadata: TextMetadataExtractor { filter.metadata }
    var registry: OutletRegistry { metadata.registry }

    /// The article, plus problems worth reporting (text cut at the cap); `nil` article when no text is left.
    func assemble(_ rawText: String, known: Known) -> (article: Article?, issues: [Problem]) {
        var issues: [Problem] = []
        // Cleaning never lengthens text, so input far beyond the cap need not be read.
        var rawText = rawText
        if rawText.utf8.count > maxTextBytes * 2 {
            rawText = Self.cut(rawText, maxBytes: maxTextBytes * 2)
            issues.append(
                Problem(kind: .truncated, message: "input text longer than \(maxTextBytes * 2) bytes; only the start was read"))
        }
        let normalized = known.textIsNormalized ? rawText : TextNormalizer().normalize(rawText)
        var shapes = Self.lines(of: normalized).map(LineShape.init)
        var url = known.url
        var published = known.published

        // A bare URL line near the top is the article's address.
        if url == nil, let i = firstLines(shapes, 6).first(where: { filter.isBareURL(shapes[$0]) }) {
            url = shapes[i].text
            shapes[i] = LineShape("")
        }

        // The top zone: lines before the first body paragraph.
        // Pass 1 of the filter, once per line (lines changed below are re-judged).
        var dropped = shapes.map { !$0.text.isEmpty && filter.isDropped($0) }
        // A long dropped line is judged by its sentences (a one-line body keeps its report).
        let segmenter = SentenceSegmenter()
        for i in shapes.indices where dropped[i] && shapes[i].words.count >= BoilerplateFilter.minPartedWords {
            let parted = filter.keptParts(of: shapes[i], segmenter: segmenter)
            if parted.text != shapes[i].text {
                shapes[i] = parted
                dropped[i] = filter.isDropped(parted)
            }
        }
        let firstBody = shapes.indices.first { shapes[$0].isBodyShaped && !dropped[$0] } ?? shapes.count
        var authors = known.authors
        var bylineOutlet: String?
        var topDate: Day?
        // Bylines and dates sit in the top zone or just under a standfirst: look at the first lines.
        let metadataZone = max(firstBody, firstLines(shapes, 20).last ?? 0)
        for i in 0..<min(metadataZone + 1, shapes.count) where !shapes[i].text.isEmpty {
            if authors.isEmpty, !shapes[i].endsSentence, let byline = metadata.byline(in: shapes[i].text) {
                authors = byline.authors
                bylineOutlet = byline.outlet
                shapes[i] = LineShape("")
            } else if topDate == nil, shapes[i].words.count <= 16, i < firstBody || !shapes[i].endsSentence,
                let day = metadata.day(in: shapes[i].text)
            {
                topDate = day
            }
        }

        // Outlet evidence other than the dateline (which needs the cleaned body).
        // Domain first: the URL's host (its longest known domain) is surer than a site name.
        let urlOutlet = url.flatMap { registry.outlet(forURL: $0) }
        let knownOutlet = known.outlet.flatMap {
            registry.outlet(named: $0) ?? registry.outlet(forDomain: $0) ?? registry.outlet(longestIn: $0)
        }
        let copyrightOutlet = shapes.lazy.compactMap { metadata.outlet(inCopyright: $0.text) }.first
        let ownOutlet = urlOutlet ?? knownOutlet ?? copyrightOutlet

        // A headline and its deck joined by ";" on two lines are one title.
        for i in shapes.indices.dropLast() where shapes[i].finalMark == ";" && !shapes[i + 1].text.isEmpty {
            shapes[i + 1] = LineShape(shapes[i].text + " " + shapes[i + 1].text)
            shapes[i] = LineShape("")
            dropped[i + 1] = filter.isDropped(shapes[i + 1])
        }

        // Title: given, else detected at the top; lines above a detected title are page furniture. The lines to
        // keep are judged once, and again only when a detected title changed the top lines.
        var title = known.title.map { LineShape($0).text }.flatMap { $0.isEmpty ? nil : $0 }
        var kept = filter.keptLines(shapes, ownOutlet: ownOutlet, title: title, dropped: dropped)
        if title == nil, known.detectTitle, let t = detectTitle(shapes, kept: kept, firstBody: firstBody) {
            title = shapes[t].text
            for i in 0...t { shapes[i] = LineShape("") }
            kept = filter.keptLines(shapes, ownOutlet: ownOutlet, title: title, dropped: dropped)
        }

        // Body.
        var paragraphs = filter.join(shapes, kept: kept)

        // Dateline at the start of the body.
        var datelinePlace: String?
        var datelineOutlet: Outlet?
        if let (at, dateline) = leadDateline(in: paragraphs) {
            datelinePlace = dateline.place
            datelineOutlet = metadata.outlet(in: dateline)
            let rest = String(decoding: Array(paragraphs[at].utf8).dropFirst(dateline.length), as: UTF8.self)
            paragraphs[at] = rest
            if paragraphs[at].isEmpty { paragraphs.remove(at: at) }
        }
        // The publisher: the URL's domain, a given outlet, the dateline's agency, a copyright line, a byline.
        let outlet = urlOutlet ?? knownOutlet ?? datelineOutlet ?? copyrightOutlet
            ?? bylineOutlet.flatMap { registry.outlet(named: $0) }

        published = published ?? url.flatMap { metadata.day(inURL: $0) } ?? topDate

        // The lines are normalized and trimmed already, and joining them with line feeds keeps them so: no second
        // normalization.
        var text = paragraphs.filter { !$0.isEmpty }.joined(separator: "\n")
        if text.utf8.count > maxTextBytes {
            text = Self.cut(text, maxBytes: maxTextBytes)
            issues.append(
                Problem(kind: .truncated, message: "article text longer than \(maxTextBytes) bytes; cut to \(text.utf8.count) bytes"))
        }
        guard !text.isEmpty else {
            return (nil, issues + [Problem(kind: .onlyBoilerplate, message: "no article text left after removing boilerplate")])
        }
        let outletName = outlet?.name ?? known.outlet.flatMap { $0.isEmpty ? nil : $0 }
        let article = Article(
            id: ArticleIdentity.id(url: url, text: text), source: known.source, outlet: outletName, url: url,
            title: title, authors: authors, published: published, dateline: datelinePlace, language: known.language,
            text: text)
        return (article, issues)
    }

    /// The lines of `text`, empty ones included. A line feed is always a character of its own, so the UTF-8 bytes
    /// are split (same lines as splitting the characters).
    static func lines(of text: String) -> [Substring] {
        var lines: [Substring] = []
        var start = text.startIndex
        var index = text.utf8.startIndex
        while let newline = text.utf8[index...].firstIndex(of: 0x0A) {
            lines.append(text[start..<newline])
            start = text.utf8.index(after: newline)
            index = start
        }
        lines.append(text[start...])
        return lines
    }

    /// Indices of the first `n` non-empty lines.
    private func firstLines(_ shapes: [LineShape], _ n: Int) -> [Int] {
        Array(shapes.indices.filter { !shapes[$0].text.isEmpty }.prefix(n))
    }

    /// The headline among the top lines: one repeated later in the text (a title echo), else the first kept line
    /// when it is shaped like a headline and body text follows it.
    func detectTitle(_ shapes: [LineShape], kept: [Bool], firstBody: Int) -> Int? {
        let candidates = shapes.indices.filter { kept[$0] && $0 <= firstBody && $0 < shapes.count }
            .prefix(12)
        for i in candidates where isHeadlineShaped(shapes[i], strict: false) {
            let key = shapes[i].bareKey
            if shapes[(i + 1)...].contains(where: { $0.bareKey == key }) { return i }
        }
        guard let first = candidates.first,
            let next = shapes.indices.dropFirst(first + 1).first(where: { kept[$0] }).map({ shapes[$0] }),
            shapes[(first + 1)...].contains(where: { $0.words.count >= 8 }),
            metadata.dateline(in: shapes[first].text) == nil
        else { return nil }
        // A line right above a dateline is a headline even when it reads like a sentence.
        if metadata.dateline(in: next.text) != nil {
            return isHeadlineShaped(shapes[first], strict: false) ? first : nil
        }
        if isHeadlineShaped(shapes[first], strict: true) { return first }
        // A one-sentence paragraph of its own, shorter than the paragraph after it: a headline in sentence case
        // ("Mayor resigns after audit."). A lede is longer than this.
        let s = shapes[first]
        let standsAlone = first + 1 < shapes.count && shapes[first + 1].text.isEmpty
        let abbreviations = SegmentationLexicon.bundled.abbreviations
        let oneSentence = s.words.dropLast().allSatisfy { word in
            guard let last = word.last(where: { !"\"'”’)".contains($0) }), ".!?".contains(last) else { return true }
            // "U.S." and "Sen." do not end a sentence; "now." does.
            let bare = word.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "\"'“”‘’(),."))
            return word.dropLast().contains(".") || abbreviations.contains(bare)
        }
        if isHeadlineShaped(s, strict: false), standsAlone, oneSentence, s.words.count <= 20,
            next.words.count >= max(10, s.words.count + 3)
        {
            return first
        }
        return nil
    }

    /// Short, starts like a heading and has no final period (unless written in Title Case).
    private func isHeadlineShaped(_ s: LineShape, strict: Bool) -> Bool {
        guard (2...30).contains(s.words.count), s.text.utf8.count <= 250,
            let first = s.text.first, first.isUppercase || first.isNumber || "\"“‘'«".contains(first)
        else { return false }
        guard s.endsSentence, s.finalMark != "?" && s.finalMark != "!" else { return true }
        if !strict { return true }
        // "Stealth Over Health: Clinton Was Headed to ER." is a headline; a sentence is not.
        let long = s.words.filter { $0.count > 3 }
        let capitalized = long.filter { $0.first?.isUppercase == true }
        return s.words.count <= 20 && long.count >= 2 && capitalized.count * 10 >= long.count * 7
    }

    /// `text` cut at the last paragraph (else sentence, else scalar) boundary within `maxBytes`.
    static func cut(_ text: String, maxBytes: Int) -> String {
        let bytes = Array(text.utf8.prefix(maxBytes))
        var end = bytes.count
        if let nl = bytes.lastIndex(of: 0x0A), nl > maxBytes / 2 {
            end = nl
        } else if let dot = bytes.lastIndex(of: 0x2E), dot > maxBytes / 2 {
            end = dot + 1
        }
        while end > 0, end < bytes.count, bytes[end] & 0xC0 == 0x80 { end -= 1 }
        return String(decoding: bytes[..<end], as: UTF8.self)
    }
}
