/// Turns one HTML page into an ``Article``: main text from ``MainTextExtractor``, metadata from
/// ``HTMLMetadataExtractor``, then the same assembly as plain text (``BoilerplateFilter``, dateline, outlet
/// registry), so every input format is cleaned by one set of rules.
///
/// Used by ``HTMLReader`` for pages on disk and, as an ``HTMLPageReader``, by ``WARCReader`` for archived pages.
public struct HTMLArticleBuilder: HTMLPageReader {
    public var extractor: MainTextExtractor
    public var metadata: HTMLMetadataExtractor
    private let assembler: ArticleAssembler

    /// Creates a builder; `filter` carries the outlet registry and boilerplate vocabulary.
    public init(
        filter: BoilerplateFilter = BoilerplateFilter(), extractor: MainTextExtractor = MainTextExtractor(),
        metadata: HTMLMetadataExtractor = HTMLMetadataExtractor(), maxTextBytes: Int = 1 << 20
    ) {
        self.extractor = extractor
        self.metadata = metadata
        self.assembler = ArticleAssembler(filter: filter, maxTextBytes: maxTextBytes)
    }

    /// The article of a parsed page, or an issue naming `source` when the page holds no article text.
    /// `captured` (a crawl date) stands in for the publication date only when the page states none.
    public func article(
        from document: HTMLDocument, source: String, url: String?, captured: Day? = nil
    ) -> [IngestEvent] {
        let extracted = extractor.extract(from: document)
        let meta = metadata.extract(from: document, url: url)
        guard !extracted.text.isEmpty else {
            return Self.metadataOnly(meta, source: source, url: url, captured: captured)
        }
        var known = ArticleAssembler.Known(source: source)
        known.url = meta.canonicalURL ?? url
        known.title = meta.title
        known.outlet = meta.siteName
        known.published = meta.published ?? captured
        known.authors = meta.authors
        known.language = meta.language
        known.detectTitle = meta.title == nil
        known.textIsNormalized = true
        let events = assembler.events(extracted.text, known: known, input: source)
        guard events.contains(where: { if case .article = $0 { true } else { false } }) else {
            return events + [.article(Self.record(meta, source: source, url: url, captured: captured, text: ""))]
        }
        return events
    }

    /// A page without main text: the issue, then its metadata as a record with empty text, so that a batch
    /// keeps the page's title, date, outlet and URL (`parallax extract` shows it; analysis skips empty texts).
    static func metadataOnly(_ meta: HTMLMetadata, source: String, url: String?, captured: Day?) -> [IngestEvent] {
        [
            .issue(IngestIssue(input: source, kind: .noMainText, message: "no main text found")),
            .article(record(meta, source: source, url: url, captured: captured, text: "")),
        ]
    }

    /// The article of `meta` with `text` as is (no cleaning); its id hashes the source when there is no URL.
    static func record(_ meta: HTMLMetadata, source: String, url: String?, captured: Day?, text: String) -> Article {
        let address = meta.canonicalURL ?? url
        return Article(
            id: ArticleIdentity.id(url: address, text: text.isEmpty ? source : text), source: source,
            outlet: meta.siteName, url: address, title: meta.title, authors: meta.authors,
            published: meta.published ?? captured, language: meta.language, text: text)
    }

    /// Reads an archived page (``HTMLPageReader``).
    public func read(_ page: HTMLPage) -> IngestEvent {
        let document: HTMLDocument
        do {
            let encoding = page.charset ?? HTMLEncodingDetector().encoding(of: page.html)
            document = try HTMLDocument(bytes: page.html, url: page.url, encoding: encoding)
        } catch {
            return .issue(IngestIssue(input: page.source, kind: .notHTML, message: "cannot parse HTML: \(error.message)"))
        }
        let events = article(from: document, source: page.source, url: page.url, captured: page.captured)
        // An archive record is one event: a record without text gives way to the issue that says why.
        return events.last { if case .article(let a) = $0 { !a.text.isEmpty } else { false } } ?? events.first
            ?? .issue(IngestIssue(input: page.source, kind: .noMainText, message: "no article"))
    }
}

/// Main-text extraction for HTML fragments such as feed item bodies (``HTMLBodyExtractor``).
///
/// A fragment is usually all content, so when the main-text extractor keeps little of it the plain block text of
/// the fragment is used instead.
public struct MainTextBodyExtractor: HTMLBodyExtractor {
    public var extractor: MainTextExtractor

    public init(extractor: MainTextExtractor = MainTextExtractor()) {
        self.extractor = extractor
    }

    /// The main text of the fragment, else its block text; the fragment is parsed once for both.
    public func text(fromHTML html: [UInt8], url: String?, charset: String?) -> String {
        guard let document = try? HTMLDocument(bytes: html, url: url, encoding: charset ?? "utf-8") else {
            return ""
        }
        let block = document.root.map(BlockTextExtractor.text(of:)) ?? ""
        let main = extractor.extract(from: document).text
        return main.utf8.count * 2 >= block.utf8.count ? main : block
    }

    /// Both the main text and the block text come out normalized.
    public var producesNormalizedText: Bool { true }
}

extension Ingestor {
    /// A reader for every input format (plain text, JSON Lines, HTML, feeds, WARC), all resolving outlets through
    /// `registry` and sharing one boilerplate filter.
    public static func allReaders(registry: OutletRegistry = .bundled) -> [InputFormat: any ArticleReader] {
        let filter = BoilerplateFilter(registry: registry)
        let html = HTMLArticleBuilder(filter: filter)
        var readers = defaultReaders(filter: filter)
        readers[.html] = HTMLReader(builder: html)
        readers[.feed] = FeedReader(filter: filter)
        readers[.warc] = WARCReader(pageReader: html)
        return readers
    }
}
