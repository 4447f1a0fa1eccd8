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
