import Testing

@testable import ParallaxReport

struct HTMLEscapingTests {
    @Test(arguments: [
        ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ("\" onmouseover=\"alert(1)", "&quot; onmouseover=&quot;alert(1)"),
        ("it's & more", "it&#39;s &amp; more"),
        ("bell\u{07}esc\u{1B}", "bellesc"),
        ("Київ – 🌊", "Київ – 🌊"),
    ])
    func escapes(input: String, expected: String) {
        #expect(HTMLEscaping.escape(input) == expected)
    }

    @Test(
        arguments: [
            ("https://a.example/x?y=1&z=2", "https://a.example/x?y=1&z=2"),
            ("  HTTP://A.example/  ", "HTTP://A.example/"),
            ("javascript:alert(1)", nil), ("JaVaScRiPt:alert(1)", nil), (" javascript:alert(1)", nil),
            ("java\nscript:alert(1)", nil), ("data:text/html,<b>x</b>", nil), ("//evil.example/x", nil),
            ("/relative/path", nil), ("https://", nil),
            ("https://a.example/\"onmouseover=", "https://a.example/\"onmouseover="),
            ("https://a.example/ x", nil),
        ] as [(String, String?)])
    func acceptsOnlyHTTPURLs(input: String, expected: String?) {
        #expect(HTMLEscaping.safeURL(input) == expected)
    }
}
