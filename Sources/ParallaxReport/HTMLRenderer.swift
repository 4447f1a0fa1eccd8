/// Renders a report as one self-contained HTML page: inline CSS, an inline SVG per story and a few lines of inline
/// script; no network access, no external fonts.
///
/// Per story: articles, the coverage matrix (outlets as sticky column heads, hover shows the sentence), quote drift
/// (`<del>`/`<ins>`), the citation graph (SVG plus a table), naming and framing, timeline and synthesis. The
/// articles' cleaned texts close the page, with every sentence a finding points at marked and anchored, so each
/// finding links to its sentence. All article-derived text is escaped; only http(s) URLs become links.
public struct HTMLRenderer: ReportRendering {
    /// Outlets known by name: when given, the coverage matrix groups its columns by country and ownership.
    public var outlets: OutletRegistry?
    /// At most this many claims, quotes, citations, dates and synthesis points per story, the most shared first,
    /// each list noting how many more there are (a story of hundreds of articles stays readable); `nil`: all.
    public var itemLimit: Int?
    /// The link of the "more" notes to the whole lists (the web UI's `?all=1`); `nil`: no link.
    public var allHref: String?
    /// Where each article has a page of its own (the web UI's `/articles/`, followed by the id; the page anchors its
    /// sentences as `#s-<start>-<end>`): the findings of a compact story link there instead of to texts inlined
    /// here. `nil`: every text is inlined.
    ///
    /// With an ``itemLimit``, a story of more articles than the limit is drawn compact: its coverage matrix has a
    /// column per outlet (at most the limit) instead of one per article, its per-item article lists are cut short
    /// and its citation graph shows the most-cited sources.
    public var articlePages: String?
    /// A story of more articles than this is drawn compact even when every item is listed (`itemLimit` nil): the
    /// web UI's "show all" of a story of thousands of articles lists every claim and quote, but by outlet and with
    /// the texts on their pages, not as a matrix of claims times articles. `nil`: the item limit decides.
    public var compactAbove: Int?

    public init(
        outlets: OutletRegistry? = nil, itemLimit: Int? = nil, allHref: String? = nil, articlePages: String? = nil,
        compactAbove: Int? = nil
    ) {
        self.outlets = outlets
        self.itemLimit = itemLimit
        self.allHref = allHref
        self.articlePages = articlePages
        self.compactAbove = compactAbove
    }

    /// Appends the HTML page to `output`.
    public func render(_ report: AnalysisReport, to output: inout some TextOutputStream) {
        let stories = StoryContext.all(in: report)
        let outlets = Set(report.articles.map(StoryContext.outletName)).count
        output.write(
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                + "style-src 'unsafe-inline'; "
                + "script-src 'unsafe-inline'; img-src data:\">\n"
                + "<title>Parallax report</title>\n<style>\(HTMLRenderer.css)</style>\n</head>\n<body>\n")
        output.write(
            "<header><h1>Parallax</h1><p class=\"meta\">\(report.articles.count) articles · \(outlets) outlets"
                + " · \(stories.count) \(stories.count == 1 ? "story" : "stories")</p>")
        if stories.count > 1 {
            output.write("<nav><ol>")
            for (i, c) in stories.enumerated() {
                output.write("<li><a href=\"#story-\(i + 1)\">\(e(c.story.title))</a></li>")
            }
            output.write("</ol></nav>")
        }
        output.write("</header>\n<main>\n")
        writeContent(report, stories: stories, to: &output)
        output.write(
            "</main>\n<footer>Made by Parallax. Spans are UTF-8 byte offsets into each article's cleaned "
                + "text.</footer>\n<script>\(HTMLRenderer.script)</script>\n</body>\n</html>\n")
    }

    /// Appends the report's content without the page around it (no `<html>`, header, style or script): each
    /// story's section, the skipped inputs and the articles' texts. For a page that brings its own shell and links
    /// ``css`` as a stylesheet (the web UI's story page). All article-derived text is escaped.
    public func renderContent(_ report: AnalysisReport, to output: inout some TextOutputStream) {
        writeContent(report, stories: StoryContext.all(in: report), to: &output)
    }

    /// Whether story `c` is drawn compact (see ``articlePages``).
    private func isCompact(_ c: StoryContext) -> Bool {
        guard let limit = compactAbove ?? itemLimit else { return false }
        return c.members.count > limit
    }

    private func writeContent(_ report: AnalysisReport, stories: [StoryContext], to output: inout some TextOutputStream) {
        var onPages = Set<String>()
        if articlePages != nil {
            for c in stories where isCompact(c) { onPages.formUnion(c.members.map(\.id)) }
        }
        let anchors = SentenceAnchors(report, onPages: onPages, pagePrefix: articlePages ?? "")
        if stories.isEmpty { output.write("<p>No stories found.</p>\n") }
        for (i, c) in stories.enumerated() {
            StorySection(
                context: c, index: i + 1, anchors: anchors, outlets: outlets, itemLimit: itemLimit, allHref: allHref,
                compact: isCompact(c), textsElsewhere: isCompact(c) && articlePages != nil
            ).write(to: &output)
        }
        if !report.issues.isEmpty {
            output.write("<section class=\"issues\"><h2>Skipped inputs</h2><ul>")
            for issue in report.issues { output.write("<li>\(e(issue.description))</li>") }
            output.write("</ul></section>\n")
        }
        // The texts of a compact story's articles are written only when something shown links to them.
        var linkedOnly = Set<String>()
        if articlePages == nil {
            for c in stories where isCompact(c) { linkedOnly.formUnion(c.members.map(\.id)) }
        }
        writeTexts(report, anchors: anchors, linkedOnly: linkedOnly, to: &output)
    }

    private func writeTexts(
        _ report: AnalysisReport, anchors: SentenceAnchors, linkedOnly: Set<String>, to out: inout some TextOutputStream
    ) {
        let inline = report.articles.enumerated().filter {
            anchors.isInline($0.element.id) && (!linkedOnly.contains($0.element.id) || anchors.isLinked($0.element.id))
        }
        guard !inline.isEmpty else { return }
        out.write("<section class=\"texts\"><h2>Article texts</h2>\n")
        for (i, a) in inline {
            let lang = a.language.map { " lang=\"\(e($0))\"" } ?? ""
            out.write(
                "<article id=\"art-\(i)\"\(lang) dir=\"auto\"><h3><span class=\"outlet\">"
                    + "\(e(StoryContext.outletName(a)))</span> " + e(a.title ?? a.id) + "</h3><p class=\"meta\">")
            var meta: [String] = []
            if let d = a.published { meta.append("<time>\(d)</time>") }
            if !a.authors.isEmpty { meta.append("by " + e(a.authors.joined(separator: ", "))) }
            if let url = a.url {
                meta.append(
                    HTMLEscaping.safeURL(url).map { "<a href=\"\(e($0))\" rel=\"noopener noreferrer\">\(e($0))</a>" }
                        ?? "<span class=\"url\">\(e(url))</span>")
            }
            meta.append("<span class=\"src\">\(e(a.source))</span>")
            out.write(meta.joined(separator: " · ") + "</p>\n<div class=\"text\">")
            anchors.writeText(of: a, index: i, to: &out)
            out.write("</div></article>\n")
        }
        out.write("</section>\n")
    }

    private func e(_ s: some StringProtocol) -> String { HTMLEscaping.escape(s) }

    /// The report's stylesheet (inline in ``render(_:to:)``; the web UI serves it as a file).
    public static let css = """
        :root{--ink:#1d232b;--mute:#66707c;--line:#dfe3e8;--bg:#fff;--soft:#f5f7f9;--acc:#1f5fa8;--yes:#2f7d4f;\
        --del:#fde2e1;--ins:#dff3e4;--mark:#fff4c2}
        *{box-sizing:border-box}
        body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;\
        color:var(--ink);background:var(--bg)}
        header,main,footer{max-width:1200px;margin:0 auto;padding:0 24px}
        header{padding-top:20px;border-bottom:3px solid var(--ink)}
        h1{margin:0;font-size:26px;letter-spacing:.04em;text-transform:uppercase}
        h2{font-size:24px;margin:40px 0 4px;line-height:1.25}
        h3{font-size:13px;text-transform:uppercase;letter-spacing:.08em;color:var(--mute);margin:28px 0 8px;\
        border-bottom:1px solid var(--line);padding-bottom:4px}
        h4{margin:14px 0 4px;font-size:15px}
        .meta,footer{color:var(--mute);font-size:13px}
        nav ol{margin:4px 0 12px;padding-left:20px;font-size:14px}
        a{color:var(--acc);text-decoration:none}a:hover{text-decoration:underline}
        table{border-collapse:collapse;width:100%;font-size:14px}
        th,td{text-align:left;vertical-align:top;padding:5px 8px;border-bottom:1px solid var(--line)}
        thead th{font-size:12px;color:var(--mute);font-weight:600;background:var(--soft)}
        td.num,th.num{text-align:right;width:2.5em;color:var(--mute)}
        .outlet{font-weight:600}
        .story{border-bottom:1px solid var(--line);padding-bottom:24px}
        .copies{font-size:13px;color:var(--mute)}
        .matrix-wrap{max-height:70vh;overflow:auto;border:1px solid var(--line)}
        .matrix{width:auto;min-width:100%}
        .matrix thead th{position:sticky;top:0;z-index:2;text-align:center;min-width:64px;max-width:110px;\
        white-space:normal;vertical-align:bottom;border-left:1px solid var(--line)}
        .matrix thead th.claim{left:0;z-index:3;text-align:left}
        .matrix th.claim{position:sticky;left:0;background:var(--bg);min-width:340px;max-width:520px;\
        font-weight:normal;z-index:1}
        .matrix .cid{color:var(--mute);font-size:12px;margin-right:6px}
        .matrix td{text-align:center;border-left:1px solid var(--line);font-size:16px}
        .matrix td.yes a{color:var(--yes);display:block}
        .matrix td.yes:hover{background:var(--ins)}
        .matrix td.no{color:#a9b1ba}
        .matrix tbody tr:hover th.claim{background:var(--soft)}
        .count{color:var(--mute);font-size:12px}
        .quote{margin:14px 0 22px}
        blockquote{margin:6px 0 8px;padding:8px 14px;border-left:4px solid var(--acc);background:var(--soft);\
        font-size:15px}
        .badge{display:inline-block;font-size:11px;padding:1px 6px;border-radius:9px;white-space:nowrap}
        .badge.q{background:#e6eef8;color:var(--acc)}.badge.u{background:#fbead0;color:#8a5300}
        del{background:var(--del);color:#a01b14;text-decoration:line-through}
        ins{background:var(--ins);color:#16602f;text-decoration:none}
        .graph{display:block;max-width:960px;margin:6px 0}
        .graph .edge{fill:none;stroke:#9aa6b2;stroke-width:1.5}
        .graph .edge:hover{stroke:var(--acc);stroke-width:3}
        .graph .cue{font-size:11px;fill:#4b5560;paint-order:stroke;stroke:#fff;stroke-width:4px}
        .graph .colhead{font-size:11px;fill:var(--mute);text-transform:uppercase;letter-spacing:.08em}
        .graph .node rect{fill:#eef3f9;stroke:#9fb6d3}
        .graph .node text{font-size:12.5px;fill:var(--ink)}
        .graph .src.k-person rect{fill:#fdf1e3;stroke:#e0b27a}
        .graph .src.k-organization rect{fill:#e9f5ee;stroke:#8cc3a1}
        .graph .src.k-anonymous rect{fill:#f1eef7;stroke:#b3a6cf}
        .graph .src.k-outlet rect{fill:#eef3f9;stroke:#9fb6d3}
        .graph .src.original rect{stroke:#b3261e;stroke-width:2.5}
        .graph .src.original text{font-weight:700}
        .legend{font-size:12px;color:var(--mute)}
        .legend i.k-outlet{background:#eef3f9;border-color:#9fb6d3}
        .legend i.k-person{background:#fdf1e3;border-color:#e0b27a}
        .legend i.k-organization{background:#e9f5ee;border-color:#8cc3a1}
        .legend i.k-anonymous{background:#f1eef7;border-color:#b3a6cf}
        .legend i.original{background:#fff;border:2.5px solid #b3261e}
        .matrix thead tr.groups th{position:static;font-size:11px;text-transform:uppercase;letter-spacing:.05em;\
        border-left:2px solid var(--ink);text-align:left}
        .copy{color:var(--mute);font-size:12px;white-space:nowrap}
        .legend i{display:inline-block;width:10px;height:10px;border-radius:2px;margin:0 4px 0 10px;\
        vertical-align:-1px;border:1px solid}
        details summary{cursor:pointer;color:var(--acc);font-size:13px;margin:6px 0}
        .original{margin:8px 0;font-size:14px}
        .timeline{list-style:none;padding:0;margin:0;border-left:2px solid var(--line)}
        .timeline li{position:relative;padding:4px 0 8px 18px}
        .timeline li:before{content:"";position:absolute;left:-6px;top:11px;width:10px;height:10px;\
        border-radius:50%;background:var(--acc)}
        .timeline time{font-weight:600;font-variant-numeric:tabular-nums;margin-right:8px}
        .refs a{font-size:12px;margin-left:4px;padding:0 4px;border:1px solid var(--line);border-radius:3px}
        .via{color:var(--mute);font-size:12px}
        .synthesis li{margin:4px 0}
        .texts article{border-top:1px solid var(--line);padding:6px 0 14px}
        .texts h3{text-transform:none;letter-spacing:0;color:var(--ink);font-size:17px;border:0;margin-top:14px}
        .texts h3 .outlet{display:block;font-size:12px;color:var(--mute);text-transform:uppercase;letter-spacing:.06em}
        .text{white-space:pre-wrap;line-height:1.6;max-width:820px}
        .text .ref{box-shadow:inset 0 -2px #efd27c}
        .text .hl{background:#ffd34d;outline:2px solid #e0a800}
        .url,.src{word-break:break-all}
        .issues li{color:#8a1c12}
        footer{padding:24px;border-top:1px solid var(--line);margin-top:32px}
        td,th,blockquote,h2,h3,h4,li,.text,.meta{overflow-wrap:anywhere}
        td time{white-space:nowrap}
        @media (max-width:640px){header,main,footer{padding:0 10px}.matrix th.claim{min-width:180px;max-width:60vw}\
        table{font-size:13px}th,td{padding:4px 4px}table.articles .url{display:none}td.outlet{min-width:6.5em}}
        """

    /// Highlights every piece of the sentence named by the URL fragment (ids are digits and dashes only).
    static let script = """
        function hl(){document.querySelectorAll('.hl').forEach(function(n){n.classList.remove('hl')});\
        var h=location.hash.slice(1);if(!/^s-[0-9]+-[0-9]+-[0-9]+$/.test(h))return;\
        document.querySelectorAll('[data-s~="'+h+'"]').forEach(function(n){n.classList.add('hl')})}\
        window.addEventListener('hashchange',hl);hl();
        """
}
