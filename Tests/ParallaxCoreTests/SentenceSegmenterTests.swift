import Testing
@testable import ParallaxCore

struct SentenceSegmenterTests {
    func split(_ text: String) -> [String] {
        let doc = DocumentBuilder().build(Article(id: "a", source: "t", text: text))
        return doc.sentences.map { String(doc.text(of: $0.span)) }
    }

    @Test(arguments: [
        ("Gen. Smith met Mr. Jones in the U.S. capital. They talked.", 2),
        ("Forces advanced 30 km. The army said so.", 2),
        ("Antony J. Blinken returned. He spoke.", 2),
        ("It happened in the U.S. The next day it spread.", 2),
        ("Inflation was 3.5 percent. Prices rose!", 2),
        ("“This is one. This is two,” he said. Then he left.", 2),
        ("He asked why? Nobody knew.", 2),
        ("He said “no.” The meeting ended.", 2),
    ])
    func counts(text: String, expected: Int) {
        #expect(split(text).count == expected, "\(split(text))")
    }

    @Test func spansPointAtText() {
        let text = "Première phrase. Deuxième “phrase” ici.\nNew paragraph here."
        let doc = DocumentBuilder().build(Article(id: "a", source: "t", text: text))
        #expect(doc.paragraphs.count == 2)
        #expect(doc.sentences.map { String(doc.text(of: $0.span)) } == [
            "Première phrase.", "Deuxième “phrase” ici.", "New paragraph here.",
        ])
        #expect(doc.sentences[2].paragraph == 1)
        let words = doc.tokens(ofSentence: 1).filter { $0.kind == .word }.map(\.norm)
        #expect(words == ["deuxième", "phrase", "ici"])
    }
}
