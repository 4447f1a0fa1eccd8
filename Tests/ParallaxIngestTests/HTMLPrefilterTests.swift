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

    @Test func truncatedInputIsSafe() {
        #expect(filter("<p>a</p><script>var x = 1;") == "<p>a</p><script>")
        #expect(filter("<p>a</p><!-- open") == "<p>a</p>")
        #expect(filter("<p>a</p><script") == "<p>a</p><script")
        #expect(filter("<") == "<")
        #expect(filter("") == "")
    }
}
