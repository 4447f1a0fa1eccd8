import Testing
@testable import ParallaxCore

struct TokenizerTests {
    func norms(_ text: String) -> [String] {
        Tokenizer().tokens(in: text, span: TextSpan(start: 0, end: text.utf8.count), sentence: 0).map(\.norm)
    }

    @Test func wordsNumbersAndInitialisms() {
        #expect(norms("U.S.-supplied weapons, 1,000 troops") == ["u.s.", "-", "supplied", "weapons", ",", "1,000", "troops"])
        #expect(norms("Ukraine’s don't") == ["ukraine's", "don't"])
        #expect(norms("Москва и Киев") == ["москва", "и", "киев"])
    }

    @Test func normalizerCleansSpaces() {
        let n = TextNormalizer()
        #expect(n.normalize("a\u{00A0}\u{00A0}b\r\n\r\n\r\nc\u{200B}d  ") == "a b\n\nc\u{200B}d".replacingOccurrences(of: "\u{200B}", with: ""))
        #expect(n.foldPunctuation("“Kyiv’s” — …") == "\"Kyiv's\" - ...")
    }
}

struct TextNormalizerTests {
    @Test func composesDecomposedTextAndKeepsComposedText() {
        let n = TextNormalizer()
        // "é" as e + combining acute, and Hangul jamo, are composed.
        #expect(n.normalize("Caf\u{0065}\u{0301} \u{1100}\u{1161}") == "Caf\u{00E9} \u{AC00}")
        // ASCII, Latin-1 and typographic quotes need no normalizer and stay as they are.
        #expect(n.normalize("“Kyiv’s” naïve – résumé…") == "“Kyiv’s” naïve – résumé…")
        #expect(TextNormalizer.isNFCByConstruction("“Kyiv’s” naïve – résumé…"))
        #expect(!TextNormalizer.isNFCByConstruction("Cafe\u{0301}"))
    }
}
