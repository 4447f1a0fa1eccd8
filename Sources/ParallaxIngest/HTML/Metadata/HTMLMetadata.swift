import ParallaxCore

/// What an HTML page says about itself: title, dates, authors, outlet, canonical URL, language.
///
/// Every field is optional evidence; `nil` (or empty) means the page did not say it in a form the extractor trusts.
public struct HTMLMetadata: Sendable, Hashable {
    /// The article's headline, without the site name.
    public var title: String?
    /// The day the article was first published (the original, not an update).
    public var published: Day?
    /// The day the article was last modified or updated, when the page says so.
    public var modified: Day?
    /// Author names, cleaned of "By" and split, in page order, without duplicates.
    public var authors: [String]
    /// The outlet's name as the page gives it (`og:site_name`, JSON-LD publisher, `application-name`).
    public var siteName: String?
    /// The canonical URL (`<link rel=canonical>`, `og:url`), absolute when it could be resolved.
    public var canonicalURL: String?
    /// The page's language as a lowercase BCP 47 tag (`"uk"`, `"en-us"`).
    public var language: String?
    /// The page's own summary (`og:description`, `<meta name=description>`).
    public var description: String?
    /// Where the publication date came from (`"json-ld"`, `"meta"`, `"url"`, `"time"`, `"element"`, `"text"`, ...).
    public var publishedSource: String?

    public init(
        title: String? = nil, published: Day? = nil, modified: Day? = nil, authors: [String] = [],
        siteName: String? = nil, canonicalURL: String? = nil, language: String? = nil, description: String? = nil,
        publishedSource: String? = nil
    ) {
        self.title = title
        self.published = published
        self.modified = modified
        self.authors = authors
        self.siteName = siteName
        self.canonicalURL = canonicalURL
        self.language = language
        self.description = description
        self.publishedSource = publishedSource
    }
}
