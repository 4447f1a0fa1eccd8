/// One article as read from an input: its metadata and its cleaned body text.
///
/// Readers (plain text, JSON Lines, HTML, feeds, WARC) produce `Article`s; every later stage reads them and never
/// changes them. `text` is the cleaned main text: boilerplate removed, Unicode normalized, paragraphs separated by
/// a single `"\n"`. All spans in later findings are UTF-8 offsets into this `text`.
public struct Article: Hashable, Sendable, Codable, Identifiable {
    /// Stable identifier from the canonical URL, else from the cleaned text (``ArticleIdentity``): the same article
    /// read twice, in any run and from any format, has the same id.
    public var id: String
    /// Where it was read from: a file path, `path:line` for JSON Lines, `path#record` for archives, `-` for stdin.
    public var source: String
    /// Outlet name from the outlet registry (e.g. `TASS`), or `nil` when no evidence names one.
    public var outlet: String?
    /// Canonical URL, when known.
    public var url: String?
    /// Headline.
    public var title: String?
    /// Author names, in byline order.
    public var authors: [String]
    /// Publication day, when known.
    public var published: Day?
    /// The place of a dateline ("WASHINGTON"), when the body opens with one.
    public var dateline: String?
    /// BCP 47 language code (`en`, `ru`, ...), when known.
    public var language: String?
    /// Cleaned main text; paragraphs separated by `"\n"`.
    public var text: String

    public init(
        id: String, source: String, outlet: String? = nil, url: String? = nil, title: String? = nil,
        authors: [String] = [], published: Day? = nil, dateline: String? = nil, language: String? = nil,
        text: String
    ) {
        self.id = id
        self.source = source
        self.outlet = outlet
        self.url = url
        self.title = title
        self.authors = authors
        self.published = published
        self.dateline = dateline
        self.language = language
        self.text = text
    }

    /// The JSON field names: the one mapping of an article to JSON, used by `parallax extract` and by the reports.
    public enum CodingKeys: String, CodingKey, CaseIterable {
        case id, source, outlet, url, title, authors, published, dateline, language, text
    }

    /// Writes every field; an absent optional is written as `null`, so every record has the same keys.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(source, forKey: .source)
        try c.encode(outlet, forKey: .outlet)
        try c.encode(url, forKey: .url)
        try c.encode(title, forKey: .title)
        try c.encode(authors, forKey: .authors)
        try c.encode(published, forKey: .published)
        try c.encode(dateline, forKey: .dateline)
        try c.encode(language, forKey: .language)
        try c.encode(text, forKey: .text)
    }
}
