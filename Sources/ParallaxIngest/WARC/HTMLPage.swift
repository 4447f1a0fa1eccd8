/// One HTML page found in an archive, with what the archive says about it, ready to become an ``Article``.
public struct HTMLPage: Sendable {
    /// The page bytes as served (transfer and content encodings already undone).
    public var html: [UInt8]
    /// The page's address (`WARC-Target-URI`).
    public var url: String?
    /// The charset from the HTTP `Content-Type` (lowercased), when declared.
    public var charset: String?
    /// Where it was read from, for `Article.source`: `path#record-N`.
    public var source: String
    /// The day the page was captured (`WARC-Date`); a fallback for the publication day.
    public var captured: Day?

    public init(html: [UInt8], url: String?, charset: String?, source: String, captured: Day?) {
        self.html = html
        self.url = url
        self.charset = charset
        self.source = source
        self.captured = captured
    }
}
