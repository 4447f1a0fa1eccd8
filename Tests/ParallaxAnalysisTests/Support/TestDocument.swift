import ParallaxCore

/// A document built from a small invented text, for tests.
func testDocument(_ text: String, id: String = "a", published: String? = nil, language: String? = nil) -> Document {
    let article = Article(
        id: id, source: "\(id).txt", published: published.flatMap { Day(iso: $0) }, language: language, text: text)
    return DocumentBuilder().build(article)
}
