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
public struct Token: Sendable, Hashable, Codable {
    public enum Kind: UInt8, Sendable, Codable {
        case word, number, punctuation
    }

    /// Its span in the article text.
    public let span: TextSpan
    public let kind: Kind
    /// Normalized form for matching: lowercased, curly apostrophes and dashes folded (`U.S.` -> `u.s.`).
    public let norm: String
    /// Whether the token starts with an uppercase letter in the text.
    public let isCapitalized: Bool
    /// Index of its sentence in `Document.sentences`.
    public let sentence: Int

    public init(span: TextSpan, kind: Kind, norm: String, isCapitalized: Bool, sentence: Int) {
        self.span = span
        self.kind = kind
        self.norm = norm
        self.isCapitalized = isCapitalized
        self.sentence = sentence
    }
}
