import Testing
import ParallaxCore

/// `String[span:]`: UTF-8 byte spans sliced out of a text, including spans that do not fit it.
struct TextSpanTests {
    /// "Київ" is 8 UTF-8 bytes, two a letter; "😀" is 4.
    static let text = "Kyiv, Київ 😀!"

    @Test(arguments: [
        (0, 4, "Kyiv"),
        (6, 14, "Київ"),
        (15, 19, "😀"),
        (19, 20, "!"),
        (0, 0, ""),
        (20, 20, ""),
    ])
    func slicesWholeScalars(start: Int, end: Int, expected: String) {
        #expect(Self.text[span: TextSpan(start: start, end: end)] == expected)
    }

    /// Offsets beyond either end are clamped to the text.
    @Test(arguments: [
        (-5, 4, "Kyiv"),
        (19, 500, "!"),
        (500, 900, ""),
        (-9, -2, ""),
        (-1, 1_000, "Kyiv, Київ 😀!"),
    ])
    func outOfRangeSpansAreClamped(start: Int, end: Int, expected: String) {
        #expect(Self.text[span: TextSpan(start: start, end: end)] == expected)
    }

    /// A start inside a scalar moves back to its first byte, an end inside one moves on past its last byte, so a
    /// slice never splits a letter and never traps.
    @Test(arguments: [
        (7, 14, "Київ"),
        (6, 9, "Ки"),
        (7, 8, "К"),
        (16, 17, "😀"),
        (17, 17, "😀"),
        (13, 16, "в 😀"),
    ])
    func midScalarSpansWidenToWholeScalars(start: Int, end: Int, expected: String) {
        #expect(Self.text[span: TextSpan(start: start, end: end)] == expected)
    }

    @Test func emptyTextGivesEmptySlices() {
        #expect(""[span: TextSpan(start: 0, end: 0)] == "")
        #expect(""[span: TextSpan(start: 3, end: 7)] == "")
    }

    @Test func containsAndOverlaps() {
        let outer = TextSpan(start: 2, end: 10)
        #expect(outer.contains(TextSpan(start: 2, end: 10)))
        #expect(outer.contains(TextSpan(start: 4, end: 4)))
        #expect(!outer.contains(TextSpan(start: 1, end: 5)))
        #expect(outer.overlaps(TextSpan(start: 9, end: 12)))
        #expect(!outer.overlaps(TextSpan(start: 10, end: 12)))
        #expect(!outer.overlaps(TextSpan(start: 0, end: 2)))
        #expect(outer.length == 8 && !outer.isEmpty && TextSpan(start: 3, end: 3).isEmpty)
    }
}
