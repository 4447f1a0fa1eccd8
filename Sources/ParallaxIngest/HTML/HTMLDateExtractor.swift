import CLibXML2
import Foundation
import ParallaxCore

/// Finds when a news page was published (and last modified), following htmldate's cascade: structured data
/// first (JSON-LD, `<meta>`, `itemprop`), then the URL, `<time>` and date-ish elements near the headline, then
/// script state, and last (extensive mode) a search of the visible text. Every date is checked for plausibility:
/// not before the lexicon's `minYear` and not after `latest`.
///
/// The original publication date wins over modified/updated dates; a modified date is only used as the
/// publication date when nothing else was found.
public struct HTMLDateExtractor: Sendable {
    /// The dates of one page.
    public struct Dates: Sendable, Hashable {
        /// The day the article was first published.
        public var published: Day?
        /// The day the article was last modified.
        public var modified: Day?
        /// Which evidence gave `published`: `"json-ld"`, `"meta"`, `"itemprop"`, `"url"`, `"time"`, `"element"`,
        /// `"heading"`, `"image"`, `"script"`, `"text"`, `"hidden"` (comments, scripts) or `"modified"`; `"meta+local"`
        /// (and the like) when a printed local day replaced a UTC timestamp one day off.
        public var source: String?
    }

    let lexicon: HTMLMetadataLexicon
    /// The latest plausible day: dates after it are taken to be errors.
    public let latest: Day
    /// Whether to search the visible text when no structured evidence was found (slower, more recall).
    public let extensive: Bool

    /// Creates an extractor. `latest` defaults to tomorrow (UTC), so that pages from time zones ahead still pass.
    public init(lexicon: HTMLMetadataLexicon = .bundled, latest: Day? = nil, extensive: Bool = true) {
        self.lexicon = lexicon
        self.latest = latest ?? Day(daysSinceEpoch: Int(Date().timeIntervalSince1970 / 86_400) + 1)
        self.extensive = extensive
    }

    /// The publication and modification dates of `document`; `url` is the page's address when known.
    public func extract(from document: HTMLDocument, url: String?) -> Dates {
        extract(from: document, url: url, jsonLD: JSONLDReader(document: document), language: nil)
    }

    func extract(from document: HTMLDocument, url: String?, jsonLD: JSONLDReader, language: String?) -> Dates {
        let lang = (language ?? document.root?.attribute("lang") ?? "").lowercased()
        let parser = DateExpressionParser(
            lexicon: lexicon, latest: latest,
            monthFirst: lexicon.monthFirstLanguages.contains(lang)
                || lexicon.monthFirstLanguages.contains(String(lang.prefix(2))) && !lang.contains("-"))
        var search = Search(lexicon: lexicon, parser: parser)
        search.metaTags(document)
        search.structured(jsonLD: jsonLD)
        search.itemprops(document)
        var result = Dates(published: search.published, modified: search.modified, source: search.source)
        // A full date in the URL is the most reliable evidence (htmldate looks there first).
        if let pageURL = url ?? search.metaURL, let d = urlDate(pageURL, parser: parser) {
            result.published = d
            result.source = "url"
        }
        if let p = result.published, result.source != "url" {
            // A UTC timestamp may fall on the next (or previous) day of the publisher's own calendar; a date the
            // page prints for the article one day off is the same moment in local time.
            if let raw = search.publishedRaw, Search.utcOffset(raw) == 0 {
                var local = Search(lexicon: lexicon, parser: parser)
                search.findArticleHolders(document)
                local.articleHolders = search.articleHolders
                local.elements(document)
                if let d = local.published, abs(d.daysSinceEpoch - p.daysSinceEpoch) == 1 {
                    result.published = d
                    result.source = (result.source ?? "") + "+local"
                }
            }
        }
        if result.published != nil { return result }

        if search.articleHolders.isEmpty { search.findArticleHolders(document) }
        search.elements(document)
        search.headings(document)
        if let image = search.imageURL { search.offer(published: urlDate(image, parser: parser), from: "image") }
        search.scripts(document, jsonLD: jsonLD)
        if extensive, search.published == nil { search.visibleText(document) }
        if extensive, search.published == nil { search.hiddenText(document) }
        result.modified = result.modified ?? search.modified
        if let p = search.published {
            result.published = p
            result.source = search.source
        } else if let m = result.modified {
            result.published = m
            result.source = "modified"
        }
        return result
    }

    /// The first plausible full date in a URL path (``WebAddress/days(inURL:)``).
    func urlDate(_ url: String, parser: DateExpressionParser) -> Day? {
        WebAddress.days(inURL: url).first(where: parser.plausible)
    }
}

/// The state of one page's date search: the first published and modified dates found so far.
private struct Search {
    let lexicon: HTMLMetadataLexicon
    let parser: DateExpressionParser
    var published: Day?
    var modified: Day?
    var source: String?
    var metaURL: String?
    var imageURL: String?
    /// The raw value the published date was read from, when it came from a `<meta>`.
    var publishedRaw: String?

    init(lexicon: HTMLMetadataLexicon, parser: DateExpressionParser) {
        self.lexicon = lexicon
        self.parser = parser
    }

    mutating func offer(published d: Day?, from source: String) {
        guard published == nil, let d else { return }
        published = d
        self.source = source
    }

    mutating func offer(modified d: Day?) {
        if modified == nil { modified = d }
    }

    /// JSON-LD: article-like objects first, then any object.
    mutating func structured(jsonLD: JSONLDReader) {
        let articles = jsonLD.objects.filter { o in
            JSONLDReader.types(of: o).contains { lexicon.articleTypes.contains($0) }
        }
        for pass in [articles, jsonLD.objects] {
            for o in pass {
                for k in lexicon.publishedJSONLDKeys {
                    guard let v = JSONLDReader.string(o[k]) else { continue }
                    if published == nil {
                        offer(published: parser.machineDate(v), from: "json-ld")
                        if published != nil { publishedRaw = v }
                    } else if source == "meta", let p = published, let raw = publishedRaw,
                        Self.utcOffset(raw) == 0, let offset = Self.utcOffset(v), offset != 0,
                        let d = parser.machineDate(v), abs(d.daysSinceEpoch - p.daysSinceEpoch) == 1
                    {
                        // The same moment, once in UTC and once in the publisher's time: the local day is the
                        // one the publisher printed.
                        published = d
                        source = "json-ld"
                    }
                }
                for k in lexicon.modifiedJSONLDKeys {
                    if let v = JSONLDReader.string(o[k]) { offer(modified: parser.machineDate(v)) }
                }
            }
        }
        for raw in jsonLD.unparsed {
            for k in lexicon.publishedJSONLDKeys {
                for v in ScriptValueScanner.values(for: k, in: raw, limit: 1) {
                    offer(published: parser.machineDate(v), from: "json-ld")
                }
            }
            for k in lexicon.modifiedJSONLDKeys {
                offer(modified: ScriptValueScanner.values(for: k, in: raw, limit: 1).first.flatMap(parser.machineDate))
            }
        }
    }

    /// The UTC offset in minutes of an ISO 8601 timestamp (`Z` is 0), or `nil` when it has no time or offset.
    static func utcOffset(_ raw: String) -> Int? {
        let s = Array(raw.trimmingCharacters(in: .whitespaces).utf8)
        guard s.count > 10, s.contains(UInt8(ascii: "T")) || s.contains(UInt8(ascii: " ")) else { return nil }
        if s.last == UInt8(ascii: "Z") { return 0 }
        // ...+03:00, ...-0700
        var digits: [Int] = []
        var i = s.count - 1
        while i > 10, digits.count < 4 {
            let c = s[i]
            if c >= 48, c <= 57 { digits.insert(Int(c - 48), at: 0) } else if c != UInt8(ascii: ":") { break }
            i -= 1
        }
        guard digits.count == 4, i > 10, s[i] == UInt8(ascii: "+") || s[i] == UInt8(ascii: "-") else { return nil }
        let minutes = (digits[0] * 10 + digits[1]) * 60 + digits[2] * 10 + digits[3]
        return s[i] == UInt8(ascii: "-") ? -minutes : minutes
    }

    /// Dates written in the `<title>` or the first `<h1>`.
    mutating func headings(_ document: HTMLDocument) {
        for name in ["title", "h1"] {
            if let node = document.elements(named: name).first {
                offer(published: parser.first(in: node.collapsedText(limit: 300))?.day, from: "heading")
            }
        }
    }

    mutating func metaTags(_ document: HTMLDocument) {
        var reserve: Day?
        for meta in document.elements(named: "meta") {
            guard let content = meta.attribute("content") ?? meta.attribute("datetime") else { continue }
            let key = (meta.attribute("property") ?? meta.attribute("name") ?? meta.attribute("itemprop") ?? "")
                .lowercased()
            if key == "og:url" || key == "twitter:url" {
                if metaURL == nil { metaURL = content }
                continue
            }
            if key == "og:image" {
                if imageURL == nil { imageURL = content }
                continue
            }
            if lexicon.publishedMetaNames.contains(key) || lexicon.publishedItemprops.contains(key) {
                if published == nil { publishedRaw = content }
                offer(published: parser.machineDate(content), from: "meta")
            } else if lexicon.modifiedMetaNames.contains(key) || lexicon.modifiedItemprops.contains(key) {
                offer(modified: parser.machineDate(content))
            } else if let equiv = meta.attribute("http-equiv")?.lowercased() {
                if equiv == "date" { reserve = reserve ?? parser.machineDate(content) }
                if equiv == "last-modified" { offer(modified: parser.machineDate(content)) }
            }
        }
        if published == nil, let reserve { offer(published: reserve, from: "meta") }
        if metaURL == nil {
            metaURL = document.elements(named: "link").first {
                ($0.attribute("rel") ?? "").lowercased() == "canonical"
            }?
            .attribute("href")
        }
    }

    /// Non-meta elements with `itemprop="datePublished"` (or modified): their `datetime`/`content`, else text.
    mutating func itemprops(_ document: HTMLDocument) {
        document.root?.walk { node in
            guard node.isElement, !node.hasName("meta"), let prop = node.attribute("itemprop")?.lowercased() else {
                return true
            }
            let raw = node.attribute("datetime") ?? node.attribute("content")
            let d = raw.flatMap(parser.machineDate) ?? parser.first(in: node.collapsedText(limit: 120))?.day
            if lexicon.publishedItemprops.contains(prop) { offer(published: d, from: "itemprop") }
            if lexicon.modifiedItemprops.contains(prop) { offer(modified: d) }
            return true
        }
    }

    /// Elements that hold the article (its `<h1>` or `<article>`): never excluded zones, even when their tag or
    /// class says so (a page-wide `<form>`, a `content-with-sidebar` wrapper, an article footer holding the body).
    var articleHolders: Set<xmlNodePtr> = []

    /// Finds ``articleHolders``: every ancestor of the first `<h1>` and of each `<article>`. O(nodes), on
    /// libxml2's nodes directly (no node wrappers, no name strings).
    mutating func findArticleHolders(_ document: HTMLDocument) {
        var anchors: [xmlNodePtr] = []
        var seenH1 = false
        var stack: [xmlNodePtr] = xmlDocGetRootElement(document.doc).map { [$0] } ?? []
        while let n = stack.popLast() {
            let isH1 = !seenH1 && ExtractionLexicon.nameEquals(n.pointee.name, "h1")
            if isH1 || ExtractionLexicon.nameEquals(n.pointee.name, "article") { anchors.append(n) }
            seenH1 = seenH1 || isH1
            var child = n.pointee.last
            while let c = child {
                if c.pointee.type == XML_ELEMENT_NODE { stack.append(c) }
                child = c.pointee.prev
            }
        }
        for anchor in anchors {
            var p = anchor.pointee.parent
            while let n = p, n.pointee.type == XML_ELEMENT_NODE, articleHolders.insert(n).inserted {
                p = n.pointee.parent
            }
        }
    }

    func isExcludedZone(_ node: HTMLNode) -> Bool {
        lexicon.isExcludedZone(node) && !articleHolders.contains(node.ptr)
    }

    /// Whether an element is a photo caption (its dates are about the photo): `<figure>`, a caption class, or a
    /// short block that holds an image.
    func isCaption(_ node: HTMLNode) -> Bool {
        if lexicon.captionTags.contains(node.name) { return true }
        if lexicon.classHints.roles(in: node.classAndID).contains(.caption) { return true }
        guard node.elementChildren.contains(where: { $0.hasName("img") || $0.hasName("picture") }) else { return false }
        return node.text.unicodeScalars.count < 400
    }

    /// `<time>`, `<abbr>` and elements whose class or id hints at a date, outside navigation, comments and lists
    /// of other articles. Elements marked as published win over unmarked ones; those marked as updated give the
    /// modified date.
    mutating func elements(_ document: HTMLDocument) {
        // Unmarked dates before the headline are often the site's "today" widget: the first one after the
        // headline is preferred, then the last one before it (the first one on pages without a headline).
        var marked: Day?
        var time = Candidates()
        var element = Candidates()
        var seenH1 = false
        guard let body = document.elements(named: "body").first ?? document.root else { return }
        body.walk { node in
            guard node.isElement else { return false }
            let roles = lexicon.classHints.roles(in: node.classAndID)
            if lexicon.isExcludedZone(node, roles: roles), !articleHolders.contains(node.ptr) { return false }
            if node.hasName("h1") { seenH1 = true }
            let isTime = node.hasName("time")
            let hinted = roles.contains(.date)
            guard isTime || hinted || node.hasName("abbr") else { return true }
            let isModified = roles.contains(.modified)
            let isPublished = node.attribute("pubdate") != nil || roles.contains(.published)
            guard let d = date(of: node) else { return true }
            if isModified && !isPublished {
                offer(modified: d)
            } else if isPublished {
                marked = marked ?? d
            } else if isTime {
                time.add(d, afterHeadline: seenH1)
            } else {
                element.add(d, afterHeadline: seenH1)
            }
            return false
        }
        offer(published: marked, from: "element")
        offer(published: time.best(headlineSeen: seenH1), from: "time")
        offer(published: element.best(headlineSeen: seenH1), from: "element")
    }

    /// Unmarked date candidates around the headline.
    struct Candidates {
        var firstBefore: Day?
        var lastBefore: Day?
        var firstAfter: Day?

        mutating func add(_ d: Day, afterHeadline: Bool) {
            if afterHeadline {
                firstAfter = firstAfter ?? d
            } else {
                firstBefore = firstBefore ?? d
                lastBefore = d
            }
        }

        func best(headlineSeen: Bool) -> Day? { firstAfter ?? (headlineSeen ? lastBefore : firstBefore) }
    }

    /// The date of a date-ish element: its machine-readable attribute, its text, or the `title` of it or of an
    /// element inside it.
    func date(of node: HTMLNode) -> Day? {
        if let raw = node.attribute("datetime") ?? node.attribute("data-datetime") ?? node.attribute("content"),
            let d = parser.machineDate(raw)
        {
            return d
        }
        let text = node.text
        if text.unicodeScalars.count < 400, let d = labelledDate(in: collapseWhitespace(text, limit: 160)) {
            return d
        }
        var found: Day?
        var seen = 0
        node.walk { inner in
            guard found == nil, inner.isElement, seen < 20 else { return false }
            seen += 1
            if let raw = inner.attribute("title") ?? inner.attribute("datetime") { found = parser.machineDate(raw) }
            return true
        }
        return found
    }

    /// The first date in `text` that is not labelled as an update ("Updated: ..."), or the first date at all.
    func labelledDate(in text: String) -> Day? {
        let found = parser.matches(in: text)
        guard found.count > 1 else { return found.first?.day }
        let scalars = Array(text.unicodeScalars)
        var from = 0
        for m in found {
            let before = String(String.UnicodeScalarView(scalars[from..<max(from, m.offset)])).lowercased()
            from = m.offset
            if lexicon.modifiedWords.contains(where: { before.contains($0) }) { continue }
            return m.day
        }
        return found.first?.day
    }

    /// Date values assigned to well-known keys in page scripts and JSON-LD that did not parse.
    mutating func scripts(_ document: HTMLDocument, jsonLD: JSONLDReader) {
        var texts = jsonLD.unparsed
        for s in document.elements(named: "script") where !(s.attribute("type") ?? "").contains("ld+json") {
            texts.append(s.text)
        }
        // Script bodies cut before parsing (kept aside by the reader).
        if !document.hiddenText.isEmpty { texts.append(String(decoding: document.hiddenText, as: UTF8.self)) }
        for text in texts where !text.isEmpty {
            for key in lexicon.publishedScriptKeys where published == nil {
                for v in ScriptValueScanner.values(for: key, in: text, limit: 2) {
                    if let d = parser.machineDate(v) {
                        offer(published: d, from: "script")
                        break
                    }
                }
            }
            for key in lexicon.modifiedScriptKeys where modified == nil {
                offer(
                    modified: ScriptValueScanner.values(for: key, in: text, limit: 1).first.flatMap(parser.machineDate))
            }
        }
    }

    /// Last resort: dates in comments and scripts (cache stamps, `showDate("...")` calls); the most frequent.
    mutating func hiddenText(_ document: HTMLDocument) {
        var text = ""
        document.root?.walk { node in
            if node.isComment || (node.isElement && node.hasName("script")) {
                if text.utf8.count < 200_000 {
                    text += node.text
                    text += " "
                }
                return false
            }
            return true
        }
        if !document.hiddenText.isEmpty { text += String(decoding: document.hiddenText.prefix(200_000), as: UTF8.self) }
        offer(published: mostFrequent(parser.matches(in: text)), from: "hidden")
    }

    /// The most frequent day; the first in the page among equals.
    func mostFrequent(_ all: [DateExpressionParser.Match]) -> Day? {
        var counts: [Day: Int] = [:]
        for m in all { counts[m.day, default: 0] += 1 }
        var best: Day?
        for m in all where best == nil || counts[m.day]! > counts[best!]! { best = m.day }
        return best
    }

    /// Extensive search: dates in the visible text. The first date after the headline (`<h1>`) wins; without a
    /// headline, the most frequent date (the earliest in the page among equals).
    mutating func visibleText(_ document: HTMLDocument) {
        guard let body = document.elements(named: "body").first ?? document.root else { return }
        var before = ""
        var after = ""
        var seenH1 = false
        body.walk { node in
            if node.isElement {
                if isExcludedZone(node) || isCaption(node) { return false }
                if node.hasName("h1") { seenH1 = true }
                return true
            }
            guard node.isText else { return false }
            if seenH1 {
                if after.utf8.count < 3000 {
                    after += node.text
                    after += " "
                }
            } else {
                before += node.text
                before += " "
            }
            return true
        }
        if seenH1, let d = labelledDate(in: collapseWhitespace(after, limit: 1500)) {
            offer(published: d, from: "text")
            return
        }
        offer(published: mostFrequent(parser.matches(in: before + " " + after)), from: "text")
    }
}
