/// An article prepared for analysis: its text split into paragraphs, sentences and tokens.
///
/// Built once per article by `DocumentBuilder`; all spans are UTF-8 byte offsets into `article.text`.
public struct Document: Sendable, Hashable, Codable {
    public let article: Article
    /// Paragraph spans, in order.
    public let paragraphs: [TextSpan]
    /// Sentences, in order.
    public let sentences: [Sentence]
    /// Tokens of all sentences, in order; `Sentence.tokens` indexes into this array.
    public let tokens: [Token]

    public init(article: Article, paragraphs: [TextSpan], sentences: [Sentence], tokens: [Token]) {
        self.article = article
        self.paragraphs = paragraphs
        self.sentences = sentences
        self.tokens = tokens
    }

    public var id: String { article.id }
    public var text: String { article.text }

    /// The text of a span of this document.
    public func text(of span: TextSpan) -> Substring { article.text[span: span] }

    /// The tokens of sentence `index`.
    public func tokens(ofSentence index: Int) -> ArraySlice<Token> { tokens[sentences[index].tokens] }

    /// The index of the sentence that contains `offset`, by binary search (O(log n)).
    public func sentenceIndex(containing offset: Int) -> Int? {
        var lo = 0
        var hi = sentences.count - 1
        while lo <= hi {
            let mid = (lo + hi) / 2
            let s = sentences[mid].span
            if offset < s.start { hi = mid - 1 } else if offset >= s.end { lo = mid + 1 } else { return mid }
        }
        return nil
    }
}

/// One sentence of a document.
public struct Sentence: Sendable, Hashable, Codable {
    /// The sentence's span in the article text (trimmed of surrounding whitespace).
    public let span: TextSpan
    /// Index of its paragraph in `Document.paragraphs`.
    public let paragraph: Int
    /// Range of its tokens in `Document.tokens`.
    public let tokens: Range<Int>

    public init(span: TextSpan, paragraph: Int, tokens: Range<Int>) {
        self.span = span
        self.paragraph = paragraph
        self.tokens = tokens
    }
}

/// One token: a word, a number or a punctuation mark.
///
/// 32 bytes: every article holds one per word, so the layout is kept tight (stored fields ordered by size, the
/// sentence index in 32 bits).
public struct Token: Sendable, Hashable, Codable {
    public enum Kind: UInt8, Sendable, Codable {
        case word, number, punctuation
    }

    /// Its span in the article text.
    public let span: TextSpan
    /// Normalized form for matching: lowercased, curly apostrophes and dashes folded (`U.S.` -> `u.s.`).
    public let norm: String
    private let sentenceIndex: Int32
    public let kind: Kind
    /// Whether the token starts with an uppercase letter in the text.
    public let isCapitalized: Bool

    /// Index of its sentence in `Document.sentences`.
    public var sentence: Int { Int(sentenceIndex) }

    public init(span: TextSpan, kind: Kind, norm: String, isCapitalized: Bool, sentence: Int) {
        self.span = span
        self.kind = kind
        self.norm = norm
        self.isCapitalized = isCapitalized
        self.sentenceIndex = Int32(clamping: sentence)
    }

    private enum CodingKeys: String, CodingKey {
        case span, kind, norm, isCapitalized, sentence
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            span: try c.decode(TextSpan.self, forKey: .span), kind: try c.decode(Kind.self, forKey: .kind),
            norm: try c.decode(String.self, forKey: .norm), isCapitalized: try c.decode(Bool.self, forKey: .isCapitalized),
            sentence: try c.decode(Int.self, forKey: .sentence))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(span, forKey: .span)
        try c.encode(kind, forKey: .kind)
        try c.encode(norm, forKey: .norm)
        try c.encode(isCapitalized, forKey: .isCapitalized)
        try c.encode(sentence, forKey: .sentence)
    }
}
