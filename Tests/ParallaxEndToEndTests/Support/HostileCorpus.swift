import Foundation

/// The browser test's hostile corpus: invented articles about one invented event (the Brenmoor bridge collapse)
/// whose titles, bodies, quotes, outlet names and URLs carry markup that would run script if a page failed to escape
/// it, plus an invented Arabic article for right-to-left text. Every payload that could run sets `document.title` to
/// something starting with PWNED or adds an element whose id starts with `pwned`: `PageAudit` fails when either
/// happens.
enum HostileCorpus {
    private static let mark =
        "document.title='PWNED';document.body.insertAdjacentHTML('beforeend','<b id=pwned-marker>x</b>')"

    enum Payload {
        static let script = "<script>\(mark)</script>"
        static let img = "<img src=x onerror=\"document.title='PWNED-IMG'\">"
        static let svg = "<svg onload=\"document.title='PWNED-SVG'\"><circle r=9 id=pwned-svg></circle></svg>"
        static let style = "</style><script>\(mark)</script><style>"
        static let textarea = "</textarea><script>\(mark)</script>"
        static let attribute = "\" onmouseover=\"document.title='PWNED-ATTR'\" x=\""
        static let single = "' onfocus='document.title=\"PWNED-SINGLE\"' autofocus x='"
        /// A quote and a tag opener each followed by a combining mark: one Character, two Unicode scalars.
        static let combining =
            "\"\u{301} autofocus onfocus=\"document.title='PWNED-COMBINING'\" x=\"\u{301}<\u{301}b id=pwned-comb>"
        static let iframe =
            "<iframe srcdoc=\"<script>parent.document.title='PWNED-IFRAME'</script>\" id=pwned-iframe></iframe>"
    }

    /// Search words that try to break out of the search box's value attribute.
    static let hostileQuery =
        "\"\u{301} autofocus onfocus=\"document.title=1\" x=\"<script>document.title=\"PWNED\"</script>"

    private struct Row: Encodable {
        let id, outlet, url, title, published, language, text: String
    }

    private static let base =
        "The Brenmoor bridge over the river Tamsin collapsed on Friday evening, sending two lorries into the water. "
        + "Rescue teams pulled four drivers from the river, the county fire service said. "

    private static func article(
        _ number: Int, outlet: String, url: String, title: String, extra: String, quote: String
    ) -> Row {
        let text =
            base + extra + "\n\n" + "\u{201C}\(quote)\u{201D}, county engineer Mara Quill said on Saturday. "
            + "Traffic was diverted through Oldcastle while divers searched the riverbed."
        return Row(
            id: "hostile-\(number)", outlet: outlet, url: url, title: title, published: "2025-05-02", language: "en",
            text: text)
    }

    private static var rows: [Row] {
        typealias P = Payload
        return [
            article(
                1, outlet: "Tamsin Gazette " + P.img, url: "javascript:document.title='PWNED-LINK'",
                title: "Brenmoor bridge collapses " + P.script, extra: P.style + " " + P.attribute,
                quote: "The bridge was inspected in March " + P.svg),
            article(
                2, outlet: "Oldcastle Post" + P.attribute,
                url: "https://oldcastle-post.example/a/1\"><script>\(mark)</script>",
                title: "Bridge collapse in Brenmoor " + P.textarea + P.combining, extra: P.single + " " + P.iframe,
                quote: "The bridge was inspected in March and passed " + P.img),
            article(
                3, outlet: "River Courier", url: "  JaVaScRiPt:document.title='PWNED-LINK2'",
                title: "Lorries fall as Brenmoor bridge gives way " + P.svg,
                extra: "<a href=\"javascript:document.title='PWNED-HREF'\">read more</a> " + P.combining,
                quote: "The bridge was inspected in March " + P.script),
            // Invented Arabic article (right-to-left): the Brenmoor bridge collapsed on Friday; four drivers rescued.
            Row(
                id: "hostile-ar", outlet: "صحيفة الوادي", url: "https://alwadi.example/brenmoor",
                title: "انهيار جسر برينمور فوق نهر تامسين", published: "2025-05-03", language: "ar",
                text: "انهار جسر برينمور فوق نهر تامسين مساء الجمعة، وسقطت شاحنتان في الماء. "
                    + "وقالت فرق الإنقاذ إنها انتشلت أربعة سائقين من النهر. "
                    + "وقالت المهندسة مارا كويل: «تم فحص الجسر في شهر مارس». " + P.script),
        ]
    }

    /// Writes the corpus as JSON lines to `url`.
    static func write(to url: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let lines = try rows.map { String(decoding: try encoder.encode($0), as: UTF8.self) }
        try (lines.joined(separator: "\n") + "\n").write(to: url, atomically: true, encoding: .utf8)
    }
}
