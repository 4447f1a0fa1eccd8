import Foundation

/// Reads the items of a news feed as articles: RSS 2.0 (and 0.9x / 1.0), Atom 1.0, JSON Feed 1.0 / 1.1.
///
/// One ``Article`` per item, assembled like every other input (``ArticleAssembler``: boilerplate, dateline,
/// registry outlet, size caps, id): `source` is `path#item-N` (1-based); the outlet is the registry's outlet for
/// the feed's title (else for the item link's domain, the dateline's agency or a copyright line; else the title as
/// written); `url` the item link, resolved against the feed's address; `published` from `pubDate` / `dc:date` /
/// `published` / `updated` / `date_published`; `authors` from `author` / `dc:creator` / Atom and JSON authors;
/// the text from the fullest body (`content:encoded`, Atom `content`, `content_html` before descriptions and
/// summaries), with HTML turned into text by the injected ``HTMLBodyExtractor``. An item without any text is
/// reported as an issue and skipped. Input that is not a feed is one issue naming the file. Gzip-compressed feeds
/// are decompressed first.
public struct FeedReader: ArticleReader {
    /// Turns HTML item bodies into text.
    public var extractor: any HTMLBodyExtractor
    /// The address the feed was fetched from, used to resolve relative links when the feed names no home page.
    public var feedURL: String?
    /// The largest feed file accepted.
    public var maxBytes: Int
    private let assembler: ArticleAssembler

    /// Creates a reader.
    /// - Parameters:
    ///   - extractor: turns HTML bodies into text (by default the main-text extractor, as `parallax` runs).
    ///   - filter: the boilerplate filter every item's text goes through (its registry resolves outlets).
    ///   - feedURL: the feed's own address, for relative links.
    ///   - maxBytes: the largest feed file accepted.
    ///   - maxTextBytes: longest article text kept; longer text is cut and reported.
    public init(
        extractor: any HTMLBodyExtractor = MainTextBodyExtractor(), filter: BoilerplateFilter = BoilerplateFilter(),
        feedURL: String? = nil, maxBytes: Int = 64 << 20, maxTextBytes: Int = 1 << 20
    ) {
        self.extractor = extractor
        self.feedURL = feedURL
        self.maxBytes = maxBytes
        self.assembler = ArticleAssembler(filter: filter, maxTextBytes: maxTextBytes)
    }

    public func read(_ input: InputSource, emit: (IngestEvent) -> Void) throws(IngestIssue) {
        var bytes = try input.readAll(maxBytes: maxBytes)
        if GzipStream.isGzip(bytes) {  // feed.xml.gz
            do { bytes = try GzipStream.decompress(bytes, maxOutput: maxBytes) } catch {
                throw IngestIssue(input: input.name, kind: .corruptCompression, message: "cannot decompress: \(error)")
            }
        }
        let start = bytes.firstIndex { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 && $0 != 0xEF
            && $0 != 0xBB && $0 != 0xBF }  // whitespace and a UTF-8 BOM
        guard let start else {
            emit(.issue(IngestIssue(input: input.name, kind: .empty, message: "empty feed")))
            return
        }
        let feed: Feed
        if bytes[start] == UInt8(ascii: "{") {
            switch JSONFeedParser().parse(bytes, url: feedURL) {
            case .success(let (f, warning)):
                feed = f
                if let warning { emit(.issue(IngestIssue(input: input.name, kind: .malformedFeed, message: warning))) }
            case .failure(let e):
                emit(.issue(IngestIssue(input: input.name, kind: e.kind, message: e.message)))
                return
            }
        } else {
            switch XMLFeedParser().parse(bytes, url: feedURL) {
            case .success(let (f, warning)):
                feed = f
                if let warning { emit(.issue(IngestIssue(input: input.name, kind: .malformedFeed, message: warning))) }
            case .failure(let e):
                emit(.issue(IngestIssue(input: input.name, kind: e.kind, message: e.message)))
                return
            }
        }
        if feed.items.isEmpty {
            emit(.issue(IngestIssue(input: input.name, kind: .noItems, message: "feed has no items")))
        }
        let outlet = feed.title.map { TextNormalizer().normalize($0) }.flatMap { $0.isEmpty ? nil : $0 }
        let dates = FeedDateParser()
        for (index, item) in feed.items.enumerated() {
            let location = "item \(index + 1)"
            let text = self.text(of: item)
            guard !text.isEmpty else {
                emit(.issue(IngestIssue(input: input.name, location: location, kind: .noText,
                    message: "item has no text (no content, description or summary); skipped")))
                continue
            }
            var known = ArticleAssembler.Known(source: "\(input.name)#item-\(index + 1)")
            known.url = item.url
            known.title = item.title.map { plain(htmlOrText: $0) }.flatMap { $0.isEmpty ? nil : $0 }
            known.detectTitle = known.title == nil
            known.outlet = outlet
            known.published = item.date.flatMap { dates.day(from: $0) }
            known.authors = item.authors
            known.language = feed.language
            known.textIsNormalized = extractor.producesNormalizedText
            assembler.events(text, known: known, input: input.name, location: location).forEach(emit)
        }
    }

    /// The text of the first body that yields any: normalized when ``HTMLBodyExtractor/producesNormalizedText``.
    private func text(of item: FeedItem) -> String {
        for body in item.bodies {
            let text: String
            switch body {
            case .html(let html): text = extractor.text(fromHTML: html, url: item.url, charset: "utf-8")
            case .text(let plain):
                text = extractor.producesNormalizedText ? Self.paragraphs(plain) : plain
            }
            if !text.contains(where: { !$0.isWhitespace }) { continue }
            return text
        }
        return ""
    }

    /// Titles sometimes carry markup or entities (`AT&amp;T`, `<b>`): plain text of one line.
    private func plain(htmlOrText s: String) -> String {
        guard s.contains("<") || s.contains("&") else { return TextNormalizer().normalize(s) }
        // Not the injected extractor: a title is not main text to find, just markup to drop.
        let text = BlockTextExtractor().text(fromHTML: Array(s.utf8), url: nil, charset: "utf-8")
        return text.isEmpty ? TextNormalizer().normalize(s) : text.replacingOccurrences(of: "\n", with: " ")
    }

    /// Normalized plain text with one paragraph per non-empty line.
    static func paragraphs(_ text: String) -> String {
        TextNormalizer().normalize(text).split(separator: "\n", omittingEmptySubsequences: true)
            .joined(separator: "\n")
    }

    /// `reference` resolved against `base` (RFC 3986); `reference` itself when it is absolute or there is no base.
    static func resolve(_ reference: String, against base: String?) -> String {
        let ref = reference.trimmingWhitespace()
        guard let base, !ref.isEmpty, URL(string: ref)?.scheme == nil,
            let baseURL = URL(string: base.trimmingWhitespace()),
            let resolved = URL(string: ref, relativeTo: baseURL)?.absoluteString
        else { return ref }
        return resolved
    }
}
