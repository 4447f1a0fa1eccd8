/// One quoted or reported statement found in one document, before alignment across articles.
public struct QuoteCandidate: Sendable, Hashable, Codable {
    public var article: String
    /// The statement's wording (inside the quotation marks for direct quotes).
    public var text: String
    /// Span of `text` in the article.
    public var span: TextSpan
    /// Whether the wording stands inside quotation marks.
    public var quoted: Bool
    /// The resolved speaker, if any.
    public var speaker: Speaker?
    /// The attribution cue as written ("said", "according to", "quoted as saying").
    public var cue: String?
    /// Span of the cue's first word.
    public var cueSpan: TextSpan?
    /// The whole attributed content, including a complementizer "that" and any partial quotation inside it
    /// (the unit that attribution corpora such as PolNeAR annotate).
    public var contentSpan: TextSpan
    /// Span of the sentence(s) holding the statement and its attribution.
    public var sentenceSpan: TextSpan
    /// Indices of those sentences in `Document.sentences`.
    public var sentences: ClosedRange<Int>

    public init(
        article: String, text: String, span: TextSpan, quoted: Bool, speaker: Speaker?, cue: String?,
        cueSpan: TextSpan?, contentSpan: TextSpan, sentenceSpan: TextSpan, sentences: ClosedRange<Int>
    ) {
        self.article = article
        self.text = text
        self.span = span
        self.quoted = quoted
        self.speaker = speaker
        self.cue = cue
        self.cueSpan = cueSpan
        self.contentSpan = contentSpan
        self.sentenceSpan = sentenceSpan
        self.sentences = sentences
    }

    /// Whether the speaker is a news outlet or a report ("Politico reported ..."): reporting rather than a statement.
    public var isOutletReport: Bool { speaker?.kind == .outlet }

    /// This candidate as an occurrence of an aligned `Quote` (without a diff).
    public var occurrence: QuoteOccurrence {
        QuoteOccurrence(
            article: article, text: text, quoted: quoted, speaker: speaker?.name, cue: cue,
            span: span, sentenceSpan: sentenceSpan, speakerSpan: speaker?.mention)
    }
}
