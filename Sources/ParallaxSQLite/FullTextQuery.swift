import ParallaxCore
import ParallaxStorage

/// Turns user text into a safe FTS5 query (snippets are read with ``SnippetMarkers``).
enum FullTextQuery {
    /// The FTS5 expression requiring every word of `text` (``SearchWords``), each quoted as a string so no
    /// character of user text is syntax (`"`, `*`, `NEAR(`, `AND`); `nil` when the text holds no word.
    static func match(_ text: String) -> String? {
        let words = SearchWords.words(of: text)
        return words.isEmpty ? nil : words.map { "\"" + $0 + "\"" }.joined(separator: " ")
    }
}
