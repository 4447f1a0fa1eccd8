import Foundation
import Synchronization

/// The sentences of each article that findings point at, and how to link to them in the HTML page.
///
/// A sentence is anchored by its article's position in the report and its span (`s-3-120-245`: digits only, so
/// ids never carry article text). The article text is cut at every span boundary; each piece inside a referenced
/// sentence is a `<span class="ref">` listing the sentences it belongs to in `data-s`, and the first piece of each
/// sentence carries its id. Spans that overlap (a quote's two sentences, a claim's one) all stay reachable.
///
/// Articles in `onPages` are not written into the page: links to them go to their own page,
/// `<pagePrefix><id>#s-<start>-<end>` (the web UI's article page anchors every sentence that way).
struct SentenceAnchors: Sendable {
    /// The articles some link points at, recorded as links are written: the texts of a compact story that nothing
    /// shown links to are left out of the page.
    private final class Linked: Sendable {
        let ids = Mutex(Set<String>())
    }

    private let linked = Linked()
    private let indexByID: [String: Int]
    private let spansByArticle: [Int: Set<TextSpan>]
    private let onPages: Set<String>
    private let pagePrefix: String

    init(_ report: AnalysisReport, onPages: Set<String> = [], pagePrefix: String = "") {
        self.onPages = onPages
        self.pagePrefix = pagePrefix
        var indexByID: [String: Int] = [:]
        for (i, a) in report.articles.enumerated() where indexByID[a.id] == nil { indexByID[a.id] = i }
        var spans: [Int: Set<TextSpan>] = [:]
        func add(_ article: String, _ span: TextSpan) {
            guard let i = indexByID[article], !span.isEmpty else { return }
            spans[i, default: []].insert(span)
        }
        for s in report.stories {
            for q in s.quotes { for o in q.occurrences { add(o.article, o.sentenceSpan) } }
            for c in s.citations { add(c.article, c.sentenceSpan) }
            for n in s.naming { for v in n.variants { for r in v.occurrences { add(r.article, r.sentenceSpan) } } }
            for f in s.framing { for r in f.occurrences { add(r.article, r.sentenceSpan) } }
            for c in s.claims { for r in c.occurrences { add(r.article, r.sentenceSpan) } }
            for t in s.timeline { for m in t.occurrences { add(m.article, m.sentenceSpan) } }
        }
        self.indexByID = indexByID
        self.spansByArticle = spans
    }

    /// `#s-<article>-<start>-<end>` for a sentence of an article in the report (its page's
    /// `#s-<start>-<end>` for an article on its own page), else `nil`.
    func href(_ article: String, _ span: TextSpan) -> String? {
        guard let i = indexByID[article], !span.isEmpty else { return nil }
        linked.ids.withLock { _ = $0.insert(article) }
        if onPages.contains(article) { return page(article) + "#s-\(span.start)-\(span.end)" }
        return "#" + SentenceAnchors.id(i, span)
    }

    /// `#art-<index>` for an article in the report (its page for an article on its own page).
    func articleHref(_ article: String) -> String? {
        guard let i = indexByID[article] else { return nil }
        linked.ids.withLock { _ = $0.insert(article) }
        return onPages.contains(article) ? page(article) : "#art-\(i)"
    }

    /// Whether a link to `article` (or one of its sentences) was written.
    func isLinked(_ article: String) -> Bool { linked.ids.withLock { $0.contains(article) } }

    /// Whether `article` is written into the page (not on a page of its own).
    func isInline(_ article: String) -> Bool { !onPages.contains(article) }

    private func page(_ article: String) -> String {
        pagePrefix + (article.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(["/"])) ?? "")
    }

    private static func id(_ article: Int, _ span: TextSpan) -> String { "s-\(article)-\(span.start)-\(span.end)" }

    /// Writes the escaped text of `article` with its referenced sentences wrapped and anchored.
    func writeText(of article: Article, index: Int, to out: inout some TextOutputStream) {
        let bytes = Array(article.text.utf8)
        let n = bytes.count
        func boundary(_ offset: Int) -> Int {
            // Clamp into the text and move forward to a scalar boundary, so a bad span never splits a character.
            var o = min(max(0, offset), n)
            while o < n, bytes[o] & 0xC0 == 0x80 { o += 1 }
            return o
        }
        let spans = (spansByArticle[index] ?? []).sorted()
        var cuts = Set([0, n])
        var clamped: [(span: TextSpan, start: Int, end: Int)] = []
        for s in spans {
            let a = boundary(s.start)
            let b = boundary(s.end)
            guard a < b else { continue }
            clamped.append((s, a, b))
            cuts.insert(a)
            cuts.insert(b)
        }
        let points = cuts.sorted()
        for (a, b) in zip(points, points.dropFirst()) where a < b {
            let text = HTMLEscaping.escape(String(decoding: bytes[a..<b], as: UTF8.self))
                .replacing("\n", with: "\n\n")
            let covering = clamped.filter { $0.start <= a && $0.end >= b }
            guard !covering.isEmpty else {
                out.write(text)
                continue
            }
            let ids = covering.map { SentenceAnchors.id(index, $0.span) }
            // The piece that starts a sentence carries its id; further sentences starting there get empty anchors.
            let starting = covering.filter { $0.start == a }
            for extra in starting.dropFirst() {
                out.write("<span id=\"\(SentenceAnchors.id(index, extra.span))\"></span>")
            }
            var open = "<span class=\"ref\" data-s=\"\(ids.joined(separator: " "))\""
            if let first = starting.first { open += " id=\"\(SentenceAnchors.id(index, first.span))\"" }
            out.write(open + ">" + text + "</span>")
        }
    }
}
