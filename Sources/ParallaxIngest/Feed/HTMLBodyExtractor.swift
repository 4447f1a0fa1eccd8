/// Turns an HTML fragment or page into cleaned article text (paragraphs separated by `"\n"`).
///
/// Feed items carry HTML (`content:encoded`, Atom `content type="html"`, JSON Feed `content_html`) and WARC records
/// carry whole pages; both readers take an extractor so the main-text extractor can be swapped in. The default is
/// ``BlockTextExtractor``.
public protocol HTMLBodyExtractor: Sendable {
    /// The text of `html`; `url` is the page's address (for resolving or site rules), `charset` the declared
    /// character set (`nil`: UTF-8 or what the page declares). Returns `""` when there is no text.
    func text(fromHTML html: [UInt8], url: String?, charset: String?) -> String

    /// Whether the text is already the output of ``TextNormalizer`` (then it is not normalized again).
    var producesNormalizedText: Bool { get }
}

extension HTMLBodyExtractor {
    /// `false`: the text is normalized after extraction.
    public var producesNormalizedText: Bool { false }

    /// The text of UTF-8 `html`.
    public func text(fromHTML html: [UInt8], url: String?) -> String {
        text(fromHTML: html, url: url, charset: nil)
    }
}
