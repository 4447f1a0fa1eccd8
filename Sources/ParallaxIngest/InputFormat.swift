import Foundation

/// The kinds of input Parallax reads, with detection by file name and by content.
public enum InputFormat: String, CaseIterable, Hashable, Sendable, Codable {
    /// Plain text, one article per file.
    case text
    /// JSON Lines: one article object per line.
    case jsonl
    /// One HTML page per file.
    case html
    /// An RSS 2.0, Atom or JSON Feed document.
    case feed
    /// A WARC web archive.
    case warc

    /// The format named by a path's extension (`.txt`, `.jsonl.gz`, `.warc.gz`, ...), or `nil` when the
    /// extension says nothing (or could be several formats, like `.json` and `.xml`).
    public static func fromExtension(_ path: String) -> InputFormat? {
        var name = (path as NSString).lastPathComponent.lowercased()
        if name.hasSuffix(".gz") { name.removeLast(3) }
        if name.hasSuffix(".gzip") { name.removeLast(5) }
        let ext = (name as NSString).pathExtension
        switch ext {
        case "txt", "text", "md": return .text
        case "jsonl", "ndjson", "jsonlines": return .jsonl
        case "html", "htm", "xhtml", "shtml": return .html
        case "rss", "atom", "rdf": return .feed
        case "warc", "arc": return .warc
        default: return nil
        }
    }

    /// The format of content from its first bytes (decompressed when gzip); `nil` when it is not text at all.
    ///
    /// `WARC/` opens an archive; a JSON object with a JSON Feed `version` is a feed, other JSON objects are
    /// JSON Lines; XML whose root is `rss`, `feed` or `rdf:RDF` is a feed, and so is (for its reader to reject) an
    /// XML document without HTML; other markup is HTML;
    /// anything else that decodes as text is plain text.
    public static func sniff(_ head: [UInt8]) -> InputFormat? {
        var bytes = head
        if CompressedInput.isGzip(bytes) {
            guard let inflated = try? CompressedInput.gunzip(bytes, maxBytes: 1 << 16, partial: true) else {
                return nil
            }
            bytes = inflated
        }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        let start = bytes.firstIndex { !($0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D) } ?? bytes.count
        let body = bytes[start...]
        guard !body.isEmpty else { return .text }
        let prefix = String(decoding: body.prefix(4096), as: UTF8.self).lowercased()
        if prefix.hasPrefix("warc/") { return .warc }
        if prefix.hasPrefix("{") {
            // JSON may escape slashes: "https:\/\/jsonfeed.org\/version\/1".
            let firstObject = prefix.prefix(2048).replacingOccurrences(of: "\\/", with: "/")
            if firstObject.contains("jsonfeed.org/version") { return .feed }
            return .jsonl
        }
        if prefix.hasPrefix("<") {
            let tags = ["<rss", "<feed", "<rdf:rdf"]
            if let feedTag = tags.compactMap({ prefix.range(of: $0)?.lowerBound }).min() {
                if let html = prefix.range(of: "<html")?.lowerBound, html < feedTag { return .html }
                return .feed
            }
            // An XML document that is not a page: let the feed reader say what it is ("XML but not a feed").
            if prefix.hasPrefix("<?xml"), !prefix.contains("<html"), !prefix.contains("<!doctype html") {
                return .feed
            }
            return .html
        }
        if prefix.contains("<html") || prefix.contains("<!doctype html") { return .html }
        return TextDecoding.looksLikeText(Array(body.prefix(4096))) ? .text : nil
    }

    /// The format of a file: its extension when decisive, otherwise its content.
    public static func detect(path: String, head: [UInt8]) -> InputFormat? {
        fromExtension(path) ?? sniff(head)
    }
}
