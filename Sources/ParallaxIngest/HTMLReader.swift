import Foundation

/// Reads one HTML page (`.html`, `.htm`, or gzip-compressed `.html.gz`) into an ``Article``.
///
/// The encoding comes from ``HTMLEncodingDetector``, the text from ``MainTextExtractor``; the title from
/// `og:title` or `<title>`, the URL from `<link rel=canonical>` or `og:url`, the language from `<html lang>`.
/// Problems (empty file, binary data, corrupt gzip, no main text) are reported as ``IngestIssue``s; a page larger
/// than ``maxPageBytes`` is cut there (with an issue) so memory stays bounded.
public struct HTMLReader: ArticleReader {
    /// The main-text extractor.
    public var extractor: MainTextExtractor
    /// Pages are parsed up to this many bytes (after decompression).
    public var maxPageBytes: Int

    public init(extractor: MainTextExtractor = MainTextExtractor(), maxPageBytes: Int = 16 << 20) {
        self.extractor = extractor
        self.maxPageBytes = maxPageBytes
    }

    public func read(_ input: InputSource, emit: (IngestEvent) -> Void) throws(IngestIssue) {
        var bytes = try input.readAll()
        guard !bytes.isEmpty else { throw IngestIssue(input: input.name, message: "empty file") }
        if GzipDecoder.isGzip(bytes) {
            do {
                bytes = try GzipDecoder(maxOutputBytes: max(maxPageBytes * 16, 64 << 20)).decode(bytes)
            } catch {
                throw IngestIssue(input: input.name, message: "cannot decompress: \(error.description)")
            }
            guard !bytes.isEmpty else { throw IngestIssue(input: input.name, message: "empty file (after gunzip)") }
        }
        guard !Self.looksBinary(bytes) else {
            throw IngestIssue(input: input.name, message: "not HTML (binary data)")
        }
        if bytes.count > maxPageBytes {
            emit(
                .issue(
                    IngestIssue(
                        input: input.name,
                        message: "page is \(bytes.count >> 20) MiB; only the first \(maxPageBytes >> 20) MiB are read")
                ))
            let cut = bytes[..<maxPageBytes].lastIndex(of: UInt8(ascii: "<")) ?? maxPageBytes
            bytes.removeSubrange(cut...)
        }
        let document: HTMLDocument
        do {
            document = try HTMLDocument(bytes: bytes, encoding: HTMLEncodingDetector().encoding(of: bytes))
        } catch {
            throw IngestIssue(input: input.name, message: "cannot parse HTML: \(error.message)")
        }
        let extracted = extractor.extract(from: document)
        guard !extracted.text.isEmpty else {
            throw IngestIssue(input: input.name, message: "no main text found")
        }
        let head = HeadFields(document)
        emit(
            .article(
                Article(
                    id: Self.identifier(input.name), source: input.name, url: head.url, title: head.title,
                    language: head.language, text: extracted.text)))
    }

    /// The file name without directories and without `.gz`, `.html`, `.htm`, `.xhtml` extensions.
    static func identifier(_ name: String) -> String {
        var stem = Substring(name.split(separator: "/").last ?? Substring(name))
        for ext in [".gz", ".html", ".htm", ".xhtml", ".shtml"] where stem.lowercased().hasSuffix(ext) {
            stem = stem.dropLast(ext.count)
        }
        return stem.isEmpty ? name : String(stem)
    }

    /// Binary data: NUL bytes or many control characters in the first 4 KiB (UTF-16 with a BOM excepted).
    static func looksBinary(_ bytes: [UInt8]) -> Bool {
        if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
            return false
        }
        let head = bytes.prefix(4096)
        var control = 0
        for b in head {
            if b == 0 { return true }
            if b < 0x20, b != 0x09, b != 0x0A, b != 0x0D, b != 0x0C { control += 1 }
        }
        return control * 20 > head.count
    }
}
