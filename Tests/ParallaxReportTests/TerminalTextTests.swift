import Testing

@testable import ParallaxReport

struct TerminalTextTests {
    @Test func cleanRemovesControlsAndFoldsLines() {
        #expect(TerminalText.clean("a\u{1B}[31mb\nc\t\td\u{9B}e  ") == "a [31mb c d e")
    }

    @Test(arguments: [("abc", 3), ("Київ", 4), ("東京", 4), ("e\u{301}", 1), ("", 0)])
    func measuresColumns(text: String, columns: Int) {
        #expect(TerminalText.width(text) == columns)
    }

    @Test func truncatesWithAnEllipsis() {
        #expect(TerminalText.truncate("The Harlow dam", to: 9) == "The Harl…")
        #expect(TerminalText.truncate("short", to: 9) == "short")
        #expect(TerminalText.pad("ab", to: 4) == "ab  ")
        #expect(TerminalText.width(TerminalText.truncate("東京東京東京", to: 5)) <= 5)
    }

    @Test func wrapsAtWordsAndSplitsLongWords() {
        #expect(TerminalText.wrap("one two three four", columns: 9) == ["one two", "three", "four"])
        let long = TerminalText.wrap("x " + String(repeating: "y", count: 20), columns: 8)
        #expect(long.allSatisfy { TerminalText.width($0) <= 8 })
        #expect(long.joined().filter { $0 == "y" }.count == 20)
    }
}
