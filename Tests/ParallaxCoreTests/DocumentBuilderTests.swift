import Testing
import ParallaxCore

/// `DocumentBuilder`: paragraphs, sentences and tokens as UTF-8 byte spans into the article text.
struct DocumentBuilderTests {
    func build(_ text: String) -> Document { DocumentBuilder().build(Article(id: "a", source: "a.txt", text: text)) }

    func texts(_ doc: Document, _ spans: [TextSpan]) -> [String] { spans.map { String(doc.text(of: $0)) } }

    /// The structural promises every document keeps, whatever the text (`label` names the text in failures).
    func checkInvariants(_ doc: Document, _ label: String = "") {
        let n = doc.article.text.utf8.count
        var next = 0
        for (i, s) in doc.sentences.enumerated() {
            #expect(s.tokens.lowerBound == next, "\(label): sentence \(i): tokens not contiguous")
            next = s.tokens.upperBound
            #expect(doc.paragraphs.indices.contains(s.paragraph), "\(label): sentence \(i): no paragraph")
            if doc.paragraphs.indices.contains(s.paragraph) {
                #expect(doc.paragraphs[s.paragraph].contains(s.span), "\(label): sentence \(i) outside its paragraph")
            }
            for t in doc.tokens[s.tokens] {
                #expect(t.sentence == i, "\(label): token \(t.span) names sentence \(t.sentence), not \(i)")
                #expect(s.span.contains(t.span), "\(label): token \(t.span) outside sentence \(s.span)")
            }
        }
        #expect(next == doc.tokens.count, "\(label): tokens outside every sentence")
        for p in doc.paragraphs { #expect(p.start >= 0 && p.end <= n && !p.isEmpty, "\(label): paragraph \(p)") }
        for (a, b) in zip(doc.tokens, doc.tokens.dropFirst()) {
            #expect(a.span.end <= b.span.start, "\(label): tokens \(a.span) and \(b.span) overlap")
        }
    }

    @Test func oneParagraphPerNonEmptyLineTrimmed() {
        let doc = build("  First line here.\t\r\n\n   \n\t\nSecond line. Two sentences.\r\n")
        #expect(texts(doc, doc.paragraphs) == ["First line here.", "Second line. Two sentences."])
        #expect(texts(doc, doc.sentences.map(\.span)) == ["First line here.", "Second line.", "Two sentences."])
        #expect(doc.sentences.map(\.paragraph) == [0, 1, 1])
        checkInvariants(doc)
    }

    @Test func offsetsAreUTF8Bytes() {
        let doc = build("Київ і Kyiv.\n😀 “Да”, сказал он.")
        #expect(doc.paragraphs.first == TextSpan(start: 0, end: "Київ і Kyiv.".utf8.count))
        let first = doc.tokens[0]
        #expect(first.span == TextSpan(start: 0, end: 8))
        #expect(first.norm == "київ" && first.isCapitalized && first.kind == .word)
        #expect(doc.tokens.map(\.norm).contains("сказал"))
        checkInvariants(doc)
    }

    @Test(arguments: ["", "\n\n\n", "   \t  ", "\r\n\r\n"])
    func blankTextHasNothing(_ text: String) {
        let doc = build(text)
        #expect(doc.paragraphs.isEmpty && doc.sentences.isEmpty && doc.tokens.isEmpty)
    }

    /// Texts that stress segmentation; only the invariants are checked.
    @Test(arguments: [
        "Aug . 05 , 2013 | 2 : 47 p . m .\nHe is known for \"Local Hero . \" and \"Children of Earth . \"",
        ". . . , , ; : ! ? \" ' “ ” « »",
        "\" \" \" ' ' ' `` '' “ ” „ “",
        "no punctuation at all just words and more words running on without end",
        "\u{200B}\u{FEFF}\u{0301}\u{202E}abc\u{2028}def\u{0085}ghi",
        String(repeating: "😀", count: 500),
        "Dr. Mr. U.S. e.g. i.e. a.m. p.m. No. 5.",
        "“Nested ‘quotes „inside” here’ end” — and „unbalanced « marks",
    ])
    func invariantsHoldOnHostileText(_ text: String) {
        checkInvariants(build(text), text)
    }
}
