import ParallaxCore

/// The highlight markers a database puts around matched words in a search snippet (FTS5 `snippet()`, PostgreSQL
/// `ts_headline`), and how to turn a marked snippet into text with highlight spans.
package enum SnippetMarkers {
    /// Opening and closing markers: control characters absent from cleaned text.
    package static let open: UInt8 = 0x01
    package static let close: UInt8 = 0x02

    /// The snippet without its markers, and the marked passages as UTF-8 spans of it. O(snippet bytes).
    package static func highlights(in marked: String) -> (String, [TextSpan]) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(marked.utf8.count)
        var spans: [TextSpan] = []
        var start: Int?
        for b in marked.utf8 {
            if b == open {
                start = bytes.count
            } else if b == close {
                if let s = start, s < bytes.count { spans.append(TextSpan(start: s, end: bytes.count)) }
                start = nil
            } else {
                bytes.append(b)
            }
        }
        return (String(decoding: bytes, as: UTF8.self), spans)
    }
}
