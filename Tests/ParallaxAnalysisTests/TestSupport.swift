import ParallaxAnalysis

/// A document built from invented test text (paragraphs separated by "\n").
func makeDocument(_ text: String, id: String = "a", outlet: String? = nil) -> Document {
    DocumentBuilder().build(Article(id: id, source: "test", outlet: outlet, text: text))
}
