import Testing

@testable import ParallaxIngest

struct HTMLPrefilterTests {
    func filter(_ html: String) -> String {
        String(decoding: HTMLPrefilter().filter(Array(html.utf8)), as: UTF8.self)
    }

    @Test func dropsScriptAndStyleBodiesAndComments() {
        let html = """
            <p>a</p><script src="x.js">var s = "</p>"; if (a < b) {}</script><STYLE media="x>y">p{color:red}</Style>\
            <!-- a comment <p>hidden</p> --><p>b</p>
            """
        #expect(filter(html) == "<p>a</p><script src=\"x.js\"></script><STYLE media=\"x>y\"></Style><p>b</p>")
    }

    @Test func keepsJSONLD() {
        let html = "<script type=\"application/ld+json\">{\"articleBody\":\"x\"}</script><scripts>y</scripts>"
        #expect(filter(html) == html)
    }

    @Test func aHugeStartTagKeepsOnlyItsName() {
        let attributes = (0..<20_000).map { "a\($0)=\"\($0)\"" }.joined(separator: " ")
        #expect(filter("<p>x</p><div \(attributes)><p>body</p></div>") == "<p>x</p><div><p>body</p></div>")
        // Normal tags, many of them, are kept as written.
        let many = "<div class=\"a\" id=\"b\">" + String(repeating: "<b>x</b> ", count: 30_000)
        #expect(filter(many) == many, "many short tags changed")
        // Unclosed: the name, then nothing.
        #expect(filter("<p>x</p><div " + attributes) == "<p>x</p><div>")
    }

    @Test func truncatedInputIsSafe() {
        #expect(filter("<p>a</p><script>var x = 1;") == "<p>a</p><script>")
        #expect(filter("<p>a</p><!-- open") == "<p>a</p>")
        #expect(filter("<p>a</p><script") == "<p>a</p><script")
        #expect(filter("<") == "<")
        #expect(filter("") == "")
    }

    @Test func keepsCutScriptsAndCommentsAside() {
        var hidden: [UInt8] = []
        let out = HTMLPrefilter().filter(
            Array("<p>a</p><script>var d = '2024-01-02';</script><!-- built 2024-01-03 --><style>p{}</style>".utf8),
            keepingHidden: 1000, hidden: &hidden)
        #expect(String(decoding: out, as: UTF8.self) == "<p>a</p><script></script><style></style>")
        #expect(String(decoding: hidden, as: UTF8.self) == "var d = '2024-01-02';\n built 2024-01-03 \n")
        var small: [UInt8] = []
        _ = HTMLPrefilter().filter(Array("<script>0123456789</script>".utf8), keepingHidden: 5, hidden: &small)
        #expect(small.count <= 5)
    }

    @Test func unclosedNoscriptStartTagIsDropped() {
        #expect(filter("<noscript><p>a</p><p>b</p>") == "<p>a</p><p>b</p>")
        #expect(filter("<noscript>x</noscript><p>a</p>") == "<noscript>x</noscript><p>a</p>")
        #expect(filter("<noscript>x</noscript><noscript class=\"y\"><p>a</p>") == "<noscript>x</noscript><p>a</p>")
    }
}
