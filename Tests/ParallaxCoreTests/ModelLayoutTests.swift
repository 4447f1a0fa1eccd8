import Foundation
import ParallaxCore
import Testing

/// Every article keeps one token per word in memory: the layout is part of the memory budget.
struct ModelLayoutTests {
    @Test func tokensAndSpansStayCompact() {
        #expect(MemoryLayout<TextSpan>.stride == 8)
        #expect(MemoryLayout<Token>.stride == 32)
    }

    @Test func spansAndTokensEncodeWithTheirPublicFieldNames() throws {
        let token = Token(span: TextSpan(start: 3, end: 9), kind: .word, norm: "kyiv", isCapitalized: true, sentence: 2)
        let json = String(decoding: try JSONEncoder().encode(token), as: UTF8.self)
        #expect(json.contains("\"start\":3") && json.contains("\"end\":9") && json.contains("\"sentence\":2"))
        #expect(try JSONDecoder().decode(Token.self, from: Data(json.utf8)) == token)
        // A span that ends before it starts is an error, not a trap.
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(TextSpan.self, from: Data(#"{"start":5,"end":2}"#.utf8))
        }
    }
}
