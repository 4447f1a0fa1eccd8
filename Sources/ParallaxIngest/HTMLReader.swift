import Foundation

/// Reads one HTML page (`.html`, `.htm`, or gzip-compressed `.html.gz`) into an ``Article``.
///
/// Script and style bodies and comments are cut before parsing (``HTMLPrefilter``; JSON-LD is kept), the
/// encoding comes from ``HTMLEncodingDetector``; the ``HTMLArticleBuilder`` then takes the main text
/// (``MainTextExtractor``), the metadata (``HTMLMetadataExtractor``) and cleans the text like plain text
/// (``BoilerplateFilter``). Problems (empty file, binary data, corrupt gzip, no main text) are reported as
/// ``IngestIssue``s; a page larger than ``maxPageBytes`` is cut there (with an issue) so memory stays bounded.
public struct HTMLReader: ArticleReader {
    /// Builds the article from the parsed page.
    public var builder: HTMLArticleBuilder
    /// Pages are parsed up to this many bytes (after decompression).
    public var maxPageBytes: Int
    /// `false`: the article text is the extractor's main text as is, without the plain-text cleaning of the
    /// builder (to measure extraction alone); metadata still comes from ``HTMLMetadataExtractor``.
    public var cleansText: Bool
    /// With `cleansText` off: whether to read metadata (title, date, authors, ...) at all; off measures the
    /// main-text extraction alone.
    public var readsMetadata: Bool

    public init(
        builder: HTMLArticleBuilder = HTMLArticleBuilder(), maxPageBytes: Int = 16 << 20, cleansText: Bool = true,
        readsMetadata: Bool = true
    ) {
        self.builder = builder
        self.maxPageBytes = maxPageBytes
        self.cleansText = cleansText
        self.readsMetadata = readsMetadata
    }

    public func read(_ input: InputSource, emit: (IngestEvent) -> Void) throws(IngestIssue) {
        var bytes = try input.readAll()
        guard !bytes.isEmpty else { throw IngestIssue(input: input.name, kind: .empty, message: "empty file") }
        if GzipStream.isGzip(bytes) {
            do {
                bytes = try GzipStream.decompress(bytes, maxOutput: max(maxPageBytes * 16, 64 << 20))
            } catch {
                throw IngestIssue(input: input.name, kind: .corruptCompression, message: "cannot decompress: \(error.description)")
            }
            guard !bytes.isEmpty else { throw IngestIssue(input: input.name, kind: .empty, message: "empty file (after gunzip)") }
        }
        guard !Self.looksBinary(bytes) else {
            throw IngestIssue(input: input.name, kind: .binary, message: "not HTML (binary data)")
        }
        if bytes.count > maxPageBytes {
            emit(
                .issue(
                    IngestIssue(
                        input: input.name, kind: .truncated,
                        message: "page is \(bytes.count >> 20) MiB; only the first \(maxPageBytes >> 20) MiB are read")
                ))
            let cut = bytes[..<maxPageBytes].lastIndex(of: UInt8(ascii: "<")) ?? maxPageBytes
            bytes.removeSubrange(cut...)
        }
        var hidden: [UInt8] = []
        bytes = HTMLPrefilter().filter(bytes, keepingHidden: Self.maxHiddenBytes, hidden: &hidden)
        let document: HTMLDocument
        do {
            document = try HTMLDocument(bytes: bytes, encoding: HTMLEncodingDetector().encoding(of: bytes))
        } catch {
            throw IngestIssue(input: input.name, kind: .notHTML, message: "cannot parse HTML: \(error.message)")
        }
        document.hiddenText = hidden
        guard cleansText else {
            let text = builder.extractor.extract(from: document).text
            let meta = readsMetadata ? builder.metadata.extract(from: document, url: nil) : HTMLMetadata()
            let events =
                text.isEmpty
                ? HTMLArticleBuilder.metadataOnly(meta, source: input.name, url: nil, captured: nil)
                : [.article(HTMLArticleBuilder.record(meta, source: input.name, url: nil, captured: nil, text: text))]
            for event in events { emit(event) }
            return
        }
        for event in builder.article(from: document, source: input.name, url: nil) { emit(event) }
    }

    /// Script bodies and comments kept aside for the date search, at most (bytes).
    static let maxHiddenBytes = 256 << 10

    /// Binary data: many control characters (NUL included) in the first 4 KiB (UTF-16 with a BOM excepted). A
    /// stray NUL in a page is not binary: ``HTMLDocument`` removes it before parsing.
    static func looksBinary(_ bytes: [UInt8]) -> Bool {
        if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
            return false
        }
        let head = bytes.prefix(4096)
        var control = 0
        for b in head {
            if b < 0x20, b != 0x09, b != 0x0A, b != 0x0D, b != 0x0C { control += 1 }
        }
        return control * 20 > head.count
    }
}
