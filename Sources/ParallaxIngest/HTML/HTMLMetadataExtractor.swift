import Foundation
import ParallaxCore

/// Reads an HTML page's own metadata: title, publication and modification dates, authors, outlet name,
/// canonical URL, language and description.
///
/// Structured evidence comes first (Open Graph and other `<meta>`, JSON-LD, `<link rel=canonical>`), then the
/// page itself (`<title>` without the site name, `<h1>`, bylines). Dates come from ``HTMLDateExtractor``. The
/// names it looks for are data (``HTMLMetadataLexicon``, `Resources/html-metadata.json`).
public struct HTMLMetadataExtractor: Sendable {
    let lexicon: HTMLMetadataLexicon
    let dates: HTMLDateExtractor

    /// Creates an extractor. `latest` is the latest plausible publication day (default: tomorrow, UTC);
    /// `extensive` lets the date search read the visible text when the page has no structured date.
    public init(lexicon: HTMLMetadataLexicon = .bundled, latest: Day? = nil, extensive: Bool = true) {
        self.lexicon = lexicon
        self.dates = HTMLDateExtractor(lexicon: lexicon, latest: latest, extensive: extensive)
    }

    /// The metadata of `document`; `url` is the page's address when known (used for dates in the URL, to
    /// resolve a relative canonical link and to recognise the site name in the title).
    public func extract(from document: HTMLDocument, url: String?) -> HTMLMetadata {
        let jsonLD = JSONLDReader(document: document)
        let meta = MetaTags(document: document)
        var out = HTMLMetadata()
        out.language = language(document, meta: meta)
        out.canonicalURL = canonicalURL(document, meta: meta, url: url)
        out.siteName = siteName(meta: meta, jsonLD: jsonLD)
        out.title = title(document, meta: meta, jsonLD: jsonLD, siteName: out.siteName, url: url ?? out.canonicalURL)
        out.authors = authors(document, meta: meta, jsonLD: jsonLD, siteName: out.siteName)
        out.description = lexicon.descriptionMetaNames.lazy.compactMap { meta.first($0) }.first
        let found = dates.extract(from: document, url: url, jsonLD: jsonLD, language: out.language)
        out.published = found.published
        out.modified = found.modified
        out.publishedSource = found.source
        return out
    }

    // MARK: Language, canonical URL, site name

    func language(_ document: HTMLDocument, meta: MetaTags) -> String? {
        let candidates =
            [document.root?.attribute("lang"), document.root?.attribute("xml:lang")]
            + lexicon.languageMetaNames.map { meta.first($0) }
        for raw in candidates.compactMap({ $0 }) {
            let tag =
                raw.split(separator: ",").first.map(String.init)?
                .trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "_", with: "-").lowercased() ?? ""
            let primary = tag.split(separator: "-").first ?? ""
            if (2...3).contains(primary.count), primary.allSatisfy({ $0.isLetter && $0.isASCII }) { return tag }
        }
        return nil
    }

    func canonicalURL(_ document: HTMLDocument, meta: MetaTags, url: String?) -> String? {
        let link = document.elements(named: "link").first { node in
            (node.attribute("rel") ?? "").lowercased().split(separator: " ").contains("canonical")
        }?.attribute("href")
        guard let raw = (link ?? meta.first("og:url"))?.trimmingWhitespace(),
            !raw.isEmpty
        else { return url }
        if let url, let base = URL(string: url), let resolved = URL(string: raw, relativeTo: base) {
            return resolved.absoluteString
        }
        return raw
    }

    func siteName(meta: MetaTags, jsonLD: JSONLDReader) -> String? {
        if let og = meta.first("og:site_name"), !og.contains("://") { return og }
        for o in articleObjects(jsonLD) {
            if let name = JSONLDReader.names(o["publisher"]).first.map({ collapseWhitespace($0) }), !name.isEmpty {
                return name
            }
        }
        for name in lexicon.siteNameMetaNames {
            if var value = meta.first(name) {
                if value.hasPrefix("@") { value.removeFirst() }
                if !value.isEmpty, !value.contains("://") { return value }
            }
        }
        for o in jsonLD.objects
        where JSONLDReader.types(of: o).contains(where: { $0 == "website" || $0 == "newsmediaorganization" }) {
            if let name = JSONLDReader.string(o["name"]).map({ collapseWhitespace($0) }), !name.isEmpty { return name }
        }
        return nil
    }

    func articleObjects(_ jsonLD: JSONLDReader) -> [[String: Any]] {
        jsonLD.objects.filter { o in JSONLDReader.types(of: o).contains { lexicon.articleTypes.contains($0) } }
    }

    // MARK: Title

    func title(
        _ document: HTMLDocument, meta: MetaTags, jsonLD: JSONLDReader, siteName: String?, url: String?
    ) -> String? {
        let pageTitle = document.elements(named: "title").first.map { $0.collapsedText(limit: 500) }
        let h1s = document.elements(named: "h1").map { $0.collapsedText(limit: 500) }.filter { !$0.isEmpty }
        var structured = lexicon.titleMetaNames.lazy.compactMap { meta.first($0) }.first
        if structured == nil {
            structured = articleObjects(jsonLD).lazy.compactMap { JSONLDReader.string($0["headline"]) }.first
        }
        if let structured {
            return strippingSiteName(collapseWhitespace(structured), siteName: siteName, url: url, guess: false)
        }
        let cleaned = pageTitle.flatMap { strippingSiteName($0, siteName: siteName, url: url, guess: true) }
        if let cleaned, let best = h1s.max(by: { Self.overlap($0, cleaned) < Self.overlap($1, cleaned) }),
            Self.overlap(best, cleaned) >= 0.6
        {
            return best
        }
        return cleaned ?? h1s.first
    }

    /// Removes the site name from a title ("Headline | Site", "Site - Headline"). With `guess`, also drops a
    /// short end part when the other part is much longer.
    func strippingSiteName(_ title: String, siteName: String?, url: String?, guess: Bool) -> String? {
        let t = title.trimmingWhitespace()
        guard !t.isEmpty else { return nil }
        let domain = url.map { WebAddress.host(of: $0) }.map { host -> String in
            let parts = host.split(separator: ".").filter { $0 != "www" && $0 != "m" }
            return parts.count >= 2 ? String(parts[parts.count - 2]) : parts.first.map(String.init) ?? ""
        }
        let site = siteName?.lowercased()
        for sep in lexicon.titleSeparators where t.contains(sep) {
            let parts = t.components(separatedBy: sep).map { $0.trimmingCharacters(in: .whitespaces) }
            func isSite(_ p: String) -> Bool {
                let l = p.lowercased()
                let squeezed = l.filter { $0.isLetter || $0.isNumber }
                if let site, !site.isEmpty, l == site || l.contains(site) || site.contains(l) && l.count >= 3 {
                    return true
                }
                if let domain, domain.count >= 3,
                    squeezed.contains(domain) || (domain.contains(squeezed) && squeezed.count >= 3)
                {
                    return true
                }
                return false
            }
            if let first = parts.first, let last = parts.last, parts.count >= 2 {
                if isSite(last) { return parts.dropLast().joined(separator: sep) }
                if isSite(first) { return parts.dropFirst().joined(separator: sep) }
                if guess {
                    let words = { (s: String) in s.split(separator: " ").count }
                    let rest = parts.dropLast().joined(separator: sep)
                    if words(last) <= 3, words(rest) >= 2 * words(last) + 2 { return rest }
                }
            }
        }
        return t
    }

    /// Share of the words of `b` that also occur in `a` (case-insensitive).
    static func overlap(_ a: String, _ b: String) -> Double {
        let wa = Set(a.lowercased().split { !$0.isLetter && !$0.isNumber })
        let wb = b.lowercased().split { !$0.isLetter && !$0.isNumber }
        guard !wb.isEmpty, !wa.isEmpty else { return 0 }
        let shared = wb.filter { wa.contains($0) }.count
        return Double(shared) / Double(max(wb.count, wa.count))
    }

    // MARK: Authors

    func authors(_ document: HTMLDocument, meta: MetaTags, jsonLD: JSONLDReader, siteName: String?) -> [String] {
        var sources: [[String]] = []
        sources.append(
            articleObjects(jsonLD).flatMap { o in
                JSONLDReader.names(o["author"]) + JSONLDReader.names(o["creator"])
            })
        sources.append(lexicon.authorMetaNames.flatMap { meta.all($0) })
        var marked: [String] = []
        var bylines: [String] = []
        document.root?.walk { node in
            guard node.isElement else { return false }
            let ci = node.classAndID
            let roles = lexicon.classHints.roles(in: ci)
            if lexicon.isExcludedZone(node, roles: roles) { return false }
            let rel = (node.attribute("rel") ?? "").lowercased()
            let prop = (node.attribute("itemprop") ?? "").lowercased()
            if rel.split(separator: " ").contains("author") || prop == "author" || prop == "creator" {
                let name = node.readableText(limit: 200)
                if !name.isEmpty { marked.append(name) }
                return false
            }
            if bylines.count < 4, roles.contains(.byline), !roles.contains(.comment) {
                let text = node.readableText(limit: 200)
                // Keep going inside: a marked author (rel/itemprop) in the byline is better evidence.
                if !text.isEmpty, text.unicodeScalars.count < 120 { bylines.append(text) }
            }
            return true
        }
        sources.append(marked)
        sources.append(bylines)
        for raw in sources {
            let names = cleanAuthors(raw, siteName: siteName)
            if !names.isEmpty { return names }
        }
        return []
    }

    /// Characters trimmed from a name piece before and after its "By" prefix is removed.
    private static let nameEdges = CharacterSet(charactersIn: " ,;:|·•-–—/()[]")
    private static let nameEnds = CharacterSet(charactersIn: " ,;:|·•-–—/")

    /// Strips "By", splits on "and" and commas, drops URLs, e-mail addresses, dates and the site name.
    func cleanAuthors(_ raw: [String], siteName: String?) -> [String] {
        var out: [String] = []
        var seen: Set<String> = []
        let prefixes = lexicon.bylinePrefixes.sorted { $0.count > $1.count }
        for value in raw {
            var pieces = [collapseWhitespace(value)]
            for sep in lexicon.authorSeparators {
                pieces = pieces.flatMap { $0.components(separatedBy: sep) }
            }
            for piece in pieces {
                var name = piece.trimmingCharacters(in: Self.nameEdges)
                let lower = name.lowercased()
                for p in prefixes where lower.hasPrefix(p + " ") || lower.hasPrefix(p + ":") {
                    name = String(name.dropFirst(p.count)).trimmingCharacters(in: CharacterSet(charactersIn: " :"))
                    break
                }
                name = name.trimmingCharacters(in: Self.nameEnds)
                let words = name.split(separator: " ")
                guard !name.isEmpty, words.count <= 6, name.contains(where: \.isLetter),
                    !name.contains("://"), !name.contains("@"), !name.hasPrefix("www."),
                    name.lowercased() != siteName?.lowercased(),
                    name.unicodeScalars.filter({ CharacterSet.decimalDigits.contains($0) }).count < 2
                else { continue }
                if seen.insert(name.lowercased()).inserted { out.append(name) }
            }
        }
        return out
    }
}
