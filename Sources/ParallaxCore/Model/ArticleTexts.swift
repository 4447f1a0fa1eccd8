/// A finding that points at a sentence of one article.
public protocol SentenceAnchored {
    /// The article's id.
    var article: String { get }
    /// The sentence's span in the article's text.
    var sentenceSpan: TextSpan { get }
}

extension SpanReference: SentenceAnchored {}
extension FramingOccurrence: SentenceAnchored {}
extension Citation: SentenceAnchored {}
extension DateMention: SentenceAnchored {}
extension QuoteOccurrence: SentenceAnchored {}

/// Article texts by id, for reading the text behind findings: findings keep spans, and readers slice the text.
public struct ArticleTexts: Sendable {
    private let texts: [String: String]

    /// The texts of `articles` (the first of two with one id).
    public init(_ articles: some Sequence<Article>) {
        var texts: [String: String] = [:]
        for a in articles where texts[a.id] == nil { texts[a.id] = a.text }
        self.texts = texts
    }

    /// The texts of the documents' articles.
    public init(documents: some Sequence<Document>) {
        self.init(documents.lazy.map(\.article))
    }

    /// The text of `span` in article `id`, or an empty string when the article is unknown. Never traps: spans are
    /// clamped to the text.
    public func text(_ id: String, _ span: TextSpan) -> String {
        texts[id].map { String($0[span: span]) } ?? ""
    }

    /// The sentence a finding points at.
    public func sentence(of finding: some SentenceAnchored) -> String {
        text(finding.article, finding.sentenceSpan)
    }

    /// The text of `span` in article `id`, cut after `limit` bytes when longer (``Swift/String/excerpt(_:limit:)``).
    public func excerpt(_ id: String, _ span: TextSpan, limit: Int) -> String {
        texts[id]?.excerpt(span, limit: limit) ?? ""
    }
}
