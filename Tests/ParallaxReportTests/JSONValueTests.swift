import Testing

@testable import ParallaxReport

struct JSONValueTests {
    private func compact(_ v: JSONValue) -> String {
        var s = ""
        v.write(to: &s)
        return s
    }

    @Test(arguments: [
        ("plain", "\"plain\""), ("a\"b", "\"a\\\"b\""), ("back\\slash", "\"back\\\\slash\""),
        ("line\nbreak", "\"line\\nbreak\""), ("\u{01}", "\"\\u0001\""), ("\u{1F}", "\"\\u001f\""),
        ("Kyiv – Київ", "\"Kyiv – Київ\""), ("T\u{9B}31m", "\"T\\u009b31m\""), ("\u{7F}\u{80}x\u{85}", "\"\\u007f\\u0080x\\u0085\""),
        ("\u{A0}é\u{C2}", "\"\u{A0}é\u{C2}\""),
    ])
    func escapesStrings(input: String, expected: String) {
        #expect(compact(.string(input)) == expected)
    }

    @Test func sortsKeysAndWritesNulls() {
        let v = JSONValue.object(["b": .int(2), "a": .null, "c": .array([.bool(true), .strings(["x"])])])
        #expect(compact(v) == "{\"a\":null,\"b\":2,\"c\":[true,[\"x\"]]}")
    }

    @Test func prettyPrintsWithTwoSpaces() {
        var s = ""
        JSONValue.object(["k": .array([.int(1)]), "e": .array([])]).write(to: &s, indent: 2)
        #expect(s == "{\n  \"e\": [],\n  \"k\": [\n    1\n  ]\n}")
    }
}
