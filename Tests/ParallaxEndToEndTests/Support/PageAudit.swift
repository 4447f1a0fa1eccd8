import Foundation

/// What a page of the web UI must and must not show once Chromium has run it.
///
/// Always: no script ran that the hostile corpus planted (the title does not start with `PWNED` and still ends with
/// the site name, no element id starts with `pwned`), no `<script>` but `/static/parallax.js`, no event-handler or
/// `autofocus` attribute, no `javascript:` or `data:text` URL, no `<iframe>`, `<object>`, `<embed>`, `<base>`,
/// `<frame>` or `<frameset>`. Then each of `texts` must be in the page's text, each of `elements` (see
/// `DumpedPage.matches`) must match an element, and none of `absentTexts` may be in the text.
struct PageAudit: Sendable {
    var texts: [String] = []
    var absentTexts: [String] = []
    var elements: [String] = []

    static let siteTitleEnding = "· Parallax"
    private static let forbiddenTags: Set<String> = ["iframe", "object", "embed", "base", "frame", "frameset"]
    private static let urlAttributes: Set<String> = [
        "href", "src", "action", "formaction", "xlink:href", "data", "srcdoc",
    ]

    /// The faults found on `page`; empty when it passes.
    func problems(_ page: DumpedPage) -> [String] {
        var problems: [String] = []
        if page.elements.isEmpty { problems.append("empty DOM") }
        problems += Self.titleProblems(page.title)
        for element in page.elements {
            let shown =
                "<\(element.tag) "
                + element.attributes.map { "\($0.key)=\"\($0.value)\"" }.sorted().joined(separator: " ") + ">"
            let at = String(shown.prefix(160))
            if (element.attributes["id"] ?? "").lowercased().hasPrefix("pwned") {
                problems.append("planted element in the DOM: \(at)")
            }
            if Self.forbiddenTags.contains(element.tag) { problems.append("forbidden element: \(at)") }
            if element.tag == "script", element.attributes["src"] != "/static/parallax.js" {
                problems.append("unexpected script: \(at)")
            }
            for (name, value) in element.attributes.sorted(by: { $0.key < $1.key }) {
                if name.hasPrefix("on") || name == "autofocus" { problems.append("injected attribute \(name): \(at)") }
                let squeezed = String(value.unicodeScalars.filter { $0.value > 0x20 }.map(Character.init)).lowercased()
                if Self.urlAttributes.contains(name),
                    squeezed.hasPrefix("javascript:") || squeezed.hasPrefix("data:text")
                {
                    problems.append("script URL in \(name): \(at)")
                }
            }
        }
        problems += texts.filter { !page.text.contains($0) }.map { "text not shown: \($0.debugDescription)" }
        problems += absentTexts.filter { page.text.contains($0) }.map {
            "text shown that should not be: \($0.debugDescription)"
        }
        for selector in elements {
            let matched = page.elements.contains { DumpedPage.matches(selector, $0) == true }
            if DumpedPage.matches(selector, DumpedPage.Element(tag: "", attributes: [:])) == nil {
                problems.append("bad selector \(selector)")
            } else if !matched {
                problems.append("no element \(selector)")
            }
        }
        return problems
    }

    /// A planted script sets the title to something starting with PWNED (article titles may hold the word as text,
    /// so the title's start and its ending tell).
    static func titleProblems(_ title: String) -> [String] {
        title.hasPrefix("PWNED") || !title.hasSuffix(siteTitleEnding)
            ? ["a planted script ran: the title is \(title.debugDescription)"] : []
    }
}
