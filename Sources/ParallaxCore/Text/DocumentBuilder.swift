/// Builds a ``Document`` from an ``Article``: paragraphs (one per non-empty line), sentences and tokens.
///
/// One article at a time and free of shared state, so callers may build documents concurrently.
public struct DocumentBuilder: Sendable {
    public var segmenter: SentenceSegmenter
    public var tokenizer: Tokenizer

    public init(segmenter: SentenceSegmenter = SentenceSegmenter(), tokenizer: Tokenizer = Tokenizer()) {
        self.segmenter = segmenter
        self.tokenizer = tokenizer
    }

    /// Segments and tokenizes `article.text`. O(n) in the text length.
    public func build(_ article: Article) -> Document {
        let text = article.text
        var paragraphs: [TextSpan] = []
        var sentences: [Sentence] = []
        var tokens: [Token] = []
        var lineStart = 0
        var offset = 0
        var lineHasContent = false
        func closeLine(at end: Int) {
            if lineHasContent {
                let span = trimmed(text, TextSpan(start: lineStart, end: end))
                if !span.isEmpty {
                    let p = paragraphs.count
                    paragraphs.append(span)
                    for s in segmenter.sentences(in: text, paragraph: span) {
                        let first = tokens.count
                        tokens.append(contentsOf: tokenizer.tokens(in: text, span: s, sentence: sentences.count))
                        sentences.append(Sentence(span: s, paragraph: p, tokens: first..<tokens.count))
                    }
                }
            }
            lineHasContent = false
        }
        for byte in text.utf8 {
            if byte == 0x0A {
                closeLine(at: offset)
                lineStart = offset + 1
            } else if byte != 0x20 && byte != 0x09 && byte != 0x0D {
                lineHasContent = true
            }
            offset += 1
        }
        closeLine(at: offset)
        return Document(article: article, paragraphs: paragraphs, sentences: sentences, tokens: tokens)
    }

    private func trimmed(_ text: String, _ span: TextSpan) -> TextSpan {
        let u = Array(text.utf8[text.utf8.index(text.utf8.startIndex, offsetBy: span.start)..<text.utf8.index(text.utf8.startIndex, offsetBy: span.end)])
        var a = 0
        var b = u.count
        while a < b, u[a] == 0x20 || u[a] == 0x09 || u[a] == 0x0D { a += 1 }
        while b > a, u[b - 1] == 0x20 || u[b - 1] == 0x09 || u[b - 1] == 0x0D { b -= 1 }
        return TextSpan(start: span.start + a, end: span.start + b)
    }
}
