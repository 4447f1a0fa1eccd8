/// The main text of a page as found by ``MainTextExtractor``.
public struct ExtractedText: Sendable, Hashable {
    /// How the text was found.
    public enum Method: String, Sendable, Hashable, Codable {
        /// The best-scoring content container (and its qualifying siblings).
        case mainContainer
        /// The `articleBody` of the page's JSON-LD, because the container text was too short.
        case jsonLD
        /// All prose-like paragraphs of the page, because the container text was too short.
        case allParagraphs
        /// The best-scoring container of the unpruned page, because the main text was short (a small share of
        /// the page's text) and this one clearly longer.
        case unprunedContainer
        /// Nothing usable was found; `text` is empty.
        case none
    }

    /// Cleaned main text (``TextNormalizer``-normalized), paragraphs separated by `"\n"`.
    public var text: String
    /// Which step of the cascade produced `text`.
    public var method: Method

    public init(text: String, method: Method) {
        self.text = text
        self.method = method
    }
}
