/// The HTML section of one story (see `HTMLRenderer`).
struct StorySection: Sendable {
    let context: StoryContext
    let index: Int
    let anchors: SentenceAnchors
    /// When given, the coverage matrix groups its columns by the outlets' country and ownership.
    var outlets: OutletRegistry? = nil
    /// At most this many claims, quotes, citations, timeline items and synthesis points, the most shared first
    /// (each list says how many more there are); `nil` shows every one.
    var itemLimit: Int? = nil
    /// Where the whole list is shown, for the "more" notes (e.g. `?all=1`); `nil`: no link.
    var allHref: String? = nil
    /// A story too big to show whole (see ``HTMLRenderer/articlePages``): the matrix has a column per outlet (at most
    /// `itemLimit`), and quotes, link lists and the citation graph are cut as ``CompactStory`` says.
    var compact = false
    /// The articles' texts are on pages of their own (see ``HTMLRenderer/articlePages``), not in this page.
    var textsElsewhere = false

    private func limited<C: Collection>(_ items: C) -> C.SubSequence { items.prefix(itemLimit ?? items.count) }

    /// "… and 12 more claims (show all)" when `total` exceeds the limit.
    private func more(_ total: Int, _ noun: String, to out: inout some TextOutputStream) {
        guard let limit = itemLimit else { return }
        more(total, limit, noun, to: &out)
    }

    /// "… and 12 more claims (show all)" when `total` exceeds `shown` (no link on the page that shows all: a
    /// compact story's caps per item stay there).
    private func more(_ total: Int, _ shown: Int, _ noun: String, to out: inout some TextOutputStream) {
        guard total > shown else { return }
        let link = itemLimit == nil ? "" : allHref.map { " (<a href=\"\(e($0))\">show all</a>)" } ?? ""
        out.write("<p class=\"meta more\">… and \(total - shown) more \(noun)\(link)</p>")
    }

    private var story: StoryAnalysis { context.story }

    func write(to out: inout some TextOutputStream) {
        out.write("<section class=\"story\" id=\"story-\(index)\">\n<h2>\(e(story.title))</h2>")
        out.write(
            "<p class=\"meta\">Story \(index) · \(context.members.count) articles from \(context.outletCount) "
                + "outlets" + (textsElsewhere ? " · each article's text is on its own page, linked from its title" : "")
                + "</p>\n")
        writeArticles(to: &out)
        writeCoverage(to: &out)
        writeQuotes(to: &out)
        writeCitations(to: &out)
        writeNamingAndFraming(to: &out)
        writeOutletUsage(to: &out)
        writeTimeline(to: &out)
        writeSynthesis(to: &out)
        out.write("</section>\n")
    }

    private func writeArticles(to out: inout some TextOutputStream) {
        // The source column is left to each article's page when it has one.
        out.write(
            "<h3>Articles</h3><table class=\"articles\"><thead><tr><th class=\"num\">#</th><th>Outlet</th><th>Date</th>"
                + "<th>Title</th>" + (textsElsewhere ? "" : "<th class=\"url\">Source</th>") + "</tr></thead><tbody>")
        // The first article of each member's copy group (the first group that holds it), read once.
        var original: [String: String] = [:]
        for group in story.copies where group.count > 1 {
            for id in group where original[id] == nil { original[id] = group[0] }
        }
        // A compact story lists its first articles; its findings link to any of them.
        let rows = compact ? Array(limited(context.members)) : context.members
        for m in rows {
            let title = e(m.article?.title ?? m.id)
            var titleCell = anchors.articleHref(m.id).map { "<a href=\"\($0)\">\(title)</a>" } ?? title
            if let first = original[m.id], first != m.id {
                titleCell += " <span class=\"copy\">copy of \(e(context.number(first)))</span>"
            }
            let link =
                m.article?.url.flatMap(HTMLEscaping.safeURL)
                .map { "<a href=\"\(e($0))\" rel=\"noopener noreferrer\">\(e(StoryContext.host(of: $0) ?? $0))</a>" }
                ?? e(m.article?.source ?? "")
            out.write(
                "<tr><td class=\"num\">\(m.number)</td><td class=\"outlet\">\(e(m.outletName))</td>"
                    + "<td><time>\(m.article?.published?.description ?? "—")</time></td><td>\(titleCell)</td>"
                    + (textsElsewhere ? "" : "<td class=\"url\">\(link)</td>") + "</tr>")
        }
        out.write("</tbody></table>")
        more(context.members.count, rows.count, "articles", to: &out)
        let copies = story.copies.filter { $0.count > 1 }
        let groups = compact ? Array(limited(copies)) : copies
        for group in groups {
            let shown = compact ? Array(group.prefix(CompactStory.links)) : group
            out.write(
                "<p class=\"copies\">Copies of one text (counted once as a source): "
                    + shown.map { e(context.label($0)) }.joined(separator: " = ")
                    + (shown.count < group.count ? " = … (\(group.count) in all)" : "") + "</p>")
        }
        more(copies.count, groups.count, "groups of copies", to: &out)
        out.write("\n")
    }

    private func writeCoverage(to out: inout some TextOutputStream) {
        let matrix = CoverageMatrix(context)
        guard !matrix.isEmpty else { return }
        if compact { return writeCoverageByOutlet(matrix, to: &out) }
        let (order, groups) = columns(context.members.map(\.outletName))
        out.write(
            "<h3>Coverage</h3><p class=\"meta\">Which article reports which claim"
                + (groups.isEmpty ? "" : ", outlets grouped by country and ownership")
                + ". Hover a ● for the sentence; click it to read it in place.</p>"
                + "<div class=\"matrix-wrap\"><table class=\"matrix\"><thead>")
        writeGroupRow(groups, to: &out)
        out.write("<tr><th class=\"claim\">Claim</th>")
        for m in order.map({ context.members[$0] }) {
            let date = m.article?.published?.description ?? ""
            out.write(
                "<th title=\"\(e(m.article?.title ?? m.id))\">\(m.number)<br>\(e(m.outletName))"
                    + (date.isEmpty ? "" : "<br><span class=\"count\">\(date)</span>") + "</th>")
        }
        out.write("</tr></thead><tbody>")
        for row in limited(matrix.rows) {
            writeClaimHead(row, to: &out)
            for i in order {
                let m = context.members[i]
                guard let refs = row.cell(i) else {
                    out.write("<td class=\"no\" title=\"\(e(m.outletName)): not reported\">·</td>")
                    continue
                }
                let sentence = refs.map { context.sentence($0.article, $0.sentenceSpan) }.joined(separator: " … ")
                let title = e(m.outletName + ": " + (sentence.isEmpty ? "reports it" : sentence))
                if let ref = refs.first, let href = anchors.href(ref.article, ref.sentenceSpan) {
                    out.write("<td class=\"yes\" title=\"\(title)\"><a href=\"\(href)\">●</a></td>")
                } else {
                    out.write("<td class=\"yes\" title=\"\(title)\">●</td>")
                }
            }
            out.write("</tr>")
        }
        out.write("</tbody></table></div>\n")
        more(matrix.rows.count, "claims", to: &out)
    }

    /// The matrix of a compact story: a column per outlet (the `itemLimit` outlets with most articles in the story,
    /// ties: the first to report), a cell saying how many of the outlet's articles report the claim, linked to the
    /// first one's sentence.
    private func writeCoverageByOutlet(_ matrix: CoverageMatrix, to out: inout some TextOutputStream) {
        var names: [String] = []
        var membersOf: [String: [Int]] = [:]
        for (i, m) in context.members.enumerated() {
            if membersOf[m.outletName] == nil { names.append(m.outletName) }
            membersOf[m.outletName, default: []].append(i)
        }
        let total = names.count
        if let limit = itemLimit, names.count > limit {
            names = names.enumerated().sorted { (membersOf[$0.element]!.count, -$0.offset) > (membersOf[$1.element]!.count, -$1.offset) }
                .prefix(limit).sorted { $0.offset < $1.offset }.map(\.element)
        }
        let (order, groups) = columns(names)
        out.write(
            "<h3>Coverage</h3><p class=\"meta\">Which outlet reports which claim: how many of its articles in the story"
                + " carry it"
                + (total > names.count ? ", for the \(names.count) outlets with most articles of \(total)" : "")
                + (groups.isEmpty ? "" : ", grouped by country and ownership")
                + ". Click a cell to read the sentence" + (textsElsewhere ? " in its article" : "") + ".</p>"
                + "<div class=\"matrix-wrap\"><table class=\"matrix\"><thead>")
        writeGroupRow(groups, to: &out)
        out.write("<tr><th class=\"claim\">Claim</th>")
        for name in order.map({ names[$0] }) {
            out.write("<th>\(e(name))<br><span class=\"count\">\(membersOf[name]!.count)</span></th>")
        }
        out.write("</tr></thead><tbody>")
        for row in limited(matrix.rows) {
            writeClaimHead(row, to: &out)
            for name in order.map({ names[$0] }) {
                let own = membersOf[name]!
                let reporting = own.filter { row.cell($0) != nil }
                guard let first = reporting.first else {
                    out.write("<td class=\"no\">·</td>")
                    continue
                }
                let mark = own.count == 1 ? "●" : "\(reporting.count)/\(own.count)"
                let m = context.members[first]
                let href = row.cell(first)?.first.flatMap { anchors.href($0.article, $0.sentenceSpan) }
                    ?? anchors.articleHref(m.id)
                out.write(
                    "<td class=\"yes\" title=\"\(reporting.count) of \(own.count)\">"
                        + (href.map { "<a href=\"\($0)\">\(mark)</a>" } ?? mark) + "</td>")
            }
            out.write("</tr>")
        }
        out.write("</tbody></table></div>\n")
        more(matrix.rows.count, "claims", to: &out)
    }

    private func writeGroupRow(_ groups: [(label: String, span: Int)], to out: inout some TextOutputStream) {
        guard !groups.isEmpty else { return }
        out.write("<tr class=\"groups\"><th class=\"claim\"></th>")
        for g in groups { out.write("<th colspan=\"\(g.span)\" scope=\"colgroup\">\(e(g.label))</th>") }
        out.write("</tr>")
    }

    private func writeClaimHead(_ row: CoverageMatrix.Row, to out: inout some TextOutputStream) {
        out.write(
            "<tr><th class=\"claim\"><span class=\"cid\">\(e(StoryContext.shortID(row.claim.id)))</span>\(e(row.claim.text)) "
                + "<span class=\"count\">\(row.count)/\(context.members.count)</span></th>")
    }

    /// The matrix's columns for these outlet names (indices into them) and, when outlets are known, their groups by
    /// country and ownership ("GB · public"), unknown ones last; columns keep their order within a group.
    private func columns(_ names: [String]) -> (order: [Int], groups: [(label: String, span: Int)]) {
        let all = Array(names.indices)
        guard let outlets else { return (all, []) }
        let labels = names.map { outlets.countryAndOwnership(ofOutlet: $0) }
        func key(_ i: Int) -> (Int, String, Int) { (labels[i].known ? 0 : 1, labels[i].label, i) }
        let order = all.sorted { key($0) < key($1) }
        var groups: [(label: String, span: Int)] = []
        for i in order {
            if let last = groups.last, last.label == labels[i].label {
                groups[groups.count - 1].span += 1
            } else {
                groups.append((labels[i].label, 1))
            }
        }
        return (order, groups)
    }

    private func writeQuotes(to out: inout some TextOutputStream) {
        guard !story.quotes.isEmpty else { return }
        let quotes = context.quotesByReach
        let shown = limited(quotes)
        let shared = shown.filter { $0.articles > 1 }
        let single = shown.filter { $0.articles <= 1 }
        out.write("<h3>Quotes</h3>")
        if !shared.isEmpty {
            out.write(
                "<p class=\"meta\">Statements carried by several articles, each article's wording against the "
                    + "fullest one: <del>removed</del> <ins>added</ins>; <span class=\"badge q\">quoted</span> in "
                    + "quotation marks, <span class=\"badge u\">paraphrased</span> as reported speech.</p>")
        }
        for (q, n) in shared {
            let role = q.speakerRole.map { ", <span class=\"meta\">\(e($0))</span>" } ?? ""
            out.write(
                "<div class=\"quote\"><h4>\(e(q.speaker ?? "Unattributed"))\(role) <span class=\"count\">"
                    + "\(e(StoryContext.shortID(q.id))) · \(StoryContext.count(n, "article"))</span></h4>"
                    + "<blockquote>“\(e(q.text))”</blockquote><table><thead><tr><th>Article</th><th>Marks</th>"
                    + "<th>Wording</th><th>Cue</th><th></th></tr></thead>"
                    + "<tbody>")
            let shown = compact ? Array(q.occurrences.prefix(CompactStory.occurrences)) : q.occurrences
            for o in shown { writeOccurrence(o, of: q, speakerColumn: false, to: &out) }
            out.write("</tbody></table>")
            more(q.occurrences.count, shown.count, "wordings", to: &out)
            out.write("</div>")
        }
        if !single.isEmpty {
            out.write(
                "<h4>Quoted by one article only</h4><table><thead><tr><th>Speaker</th><th>Article</th>"
                    + "<th>Marks</th><th>Wording</th><th>Cue</th><th></th></tr></thead><tbody>")
            for (q, _) in single {
                for o in q.occurrences { writeOccurrence(o, of: q, speakerColumn: true, to: &out) }
            }
            out.write("</tbody></table>")
        }
        more(quotes.count, "quotes", to: &out)
        out.write("\n")
    }

    private func writeOccurrence(
        _ o: QuoteOccurrence, of q: Quote, speakerColumn: Bool, to out: inout some TextOutputStream
    ) {
        let badge =
            o.quoted
            ? "<span class=\"badge q\">quoted</span>"
            : "<span class=\"badge u\" title=\"reported speech, no quotation marks\">paraphrased</span>"
        let speaker = o.speaker.flatMap { $0 == q.speaker ? nil : " <span class=\"meta\">— \(e($0))</span>" } ?? ""
        // A compact story's sentences are a click away on the article's page, not repeated in a tooltip here.
        let link =
            anchors.href(o.article, o.sentenceSpan)
            .map {
                compact
                    ? "<a href=\"\($0)\">sentence</a>"
                    : "<a href=\"\($0)\" title=\"\(e(context.sentence(o.article, o.sentenceSpan)))\">sentence</a>"
            } ?? ""
        let who = q.speaker.map(e) ?? "Unattributed"
        let role = q.speakerRole.map { "<br><span class=\"meta\">\(e($0))</span>" } ?? ""
        out.write(
            "<tr>" + (speakerColumn ? "<td>\(who)\(role)</td>" : "")
                + "<td class=\"outlet\">\(e(context.label(o.article)))</td><td>\(badge)</td>"
                + "<td>\(o.quoted ? "“" + diff(o) + "”" : diff(o))\(speaker)</td>"
                + "<td class=\"meta\">\(e(o.cue ?? ""))</td>"
                + "<td>\(link)</td></tr>")
    }

    private func diff(_ o: QuoteOccurrence) -> String {
        guard !o.diff.isEmpty else { return e(o.text) }
        return o.diff.map { seg in
            switch seg.kind {
            case .same: e(seg.text)
            case .removed: "<del>" + e(seg.text) + "</del>"
            case .added: "<ins>" + e(seg.text) + "</ins>"
            }
        }.joined(separator: " ")
    }

    private func writeCitations(to out: inout some TextOutputStream) {
        guard !story.citations.isEmpty || story.originalSource != nil else { return }
        out.write("<h3>Citations</h3>")
        if let original = story.originalSource {
            let stats = context.citedSources.first { $0.source == original }
            let detail = stats.map {
                " — cited \($0.citations)× in \($0.articles) of \(context.members.count) articles"
            }
            out.write(
                "<p class=\"original\">Most-cited source: <strong>\(e(original))</strong>"
                    + "<span class=\"meta\">\(detail ?? "")</span></p>")
        }
        let graph = compact ? CitationGraph(context, limits: CompactStory.graph) : CitationGraph(context)
        guard !graph.isEmpty else { return }
        out.write(graph.svg())
        if let note = graph.cut {
            out.write(
                "<p class=\"meta\">The graph shows the \(note.sources.shown) most-cited of \(note.sources.total) sources"
                    + " and \(note.articles.shown) of the \(note.articles.total) articles citing them.</p>")
        }
        out.write(
            "<p class=\"legend\">Sources:<i class=\"k-outlet\"></i>outlet<i class=\"k-person\"></i>person"
                + "<i class=\"k-organization\"></i>organization<i class=\"k-anonymous\"></i>anonymous"
                + (story.originalSource == nil ? "" : "<i class=\"original\"></i>original (most-cited) source")
                + "</p>")
        out.write(
            "<details><summary>Citations as a table</summary><table><thead><tr><th>Article</th>"
                + "<th>Cited source</th><th>Kind</th><th>Cue</th><th>Sentence</th></tr></thead><tbody>")
        for c in limited(story.citations) {
            let text = e(context.sentence(c.article, c.sentenceSpan))
            let sentence = anchors.href(c.article, c.sentenceSpan).map { "<a href=\"\($0)\">\(text)</a>" } ?? text
            out.write(
                "<tr><td class=\"outlet\">\(e(context.label(c.article)))</td><td>\(e(c.source))</td>"
                    + "<td>\(c.sourceKind.rawValue)</td><td>\(e(c.cue))</td><td>\(sentence)</td></tr>")
        }
        out.write("</tbody></table></details>\n")
        more(story.citations.count, "citations", to: &out)
    }

    private func writeNamingAndFraming(to out: inout some TextOutputStream) {
        guard !story.naming.isEmpty || !story.framing.isEmpty else { return }
        out.write(
            "<h3>Naming and framing</h3><table><thead><tr><th>Entity / phrase</th><th>Used as</th></tr>"
                + "</thead><tbody>")
        let names = compact ? Array(limited(story.naming)) : story.naming
        for n in names {
            let variants = n.variants.map { v in
                "“\(e(v.form))” " + refs(v.articles, v.occurrences.map { ($0.article, $0.sentenceSpan) })
            }
            let found = n.discovered ? " <span class=\"meta\">(spellings found in the story)</span>" : ""
            out.write(
                "<tr><td><strong>\(e(n.entity))</strong>\(found)</td><td>\(variants.joined(separator: "<br>"))</td></tr>")
        }
        if names.count < story.naming.count {
            out.write("<tr><td colspan=\"2\" class=\"meta\">… and \(story.naming.count - names.count) more names</td></tr>")
        }
        for f in story.framing {
            let note = f.note.map { " <span class=\"meta\">(\(e($0)))</span>" } ?? ""
            let bare = f.bareArticles
            let distanced = f.articles.filter { !bare.contains($0) }
            var used = refs(bare, f.occurrences.filter { $0.usage == .bare }.map { ($0.article, $0.sentenceSpan) })
            if !distanced.isEmpty {
                let others = f.occurrences.filter { $0.usage != .bare && distanced.contains($0.article) }
                used += (bare.isEmpty ? "" : "<br>") + "<span class=\"meta\">only qualified or quoted:</span> "
                    + refs(distanced, others.map { ($0.article, $0.sentenceSpan) })
            }
            out.write("<tr><td>“\(e(f.phrase))”\(note)</td><td>" + used + "</td></tr>")
        }
        out.write("</tbody></table>\n")
        let wording = story.wording
        if !wording.isEmpty {
            out.write(
                "<h3>Wording one group of outlets uses and the others never do</h3><table><thead><tr><th>Group</th>"
                    + "<th>Phrase</th><th>Used by</th></tr></thead><tbody>")
            for p in wording {
                out.write(
                    "<tr><td>\(e(p.group)) <span class=\"meta\">(\(p.articles.count) of \(p.groupArticles); 0 of "
                        + "\(p.otherArticles) others)</span></td><td>“\(e(p.phrase))”</td><td>"
                        + refs(p.articles, p.occurrences.map { ($0.article, $0.sentenceSpan) }) + "</td></tr>")
            }
            out.write("</tbody></table>\n")
        }
    }

    /// Per outlet: the names it uses for the story's entities and the stance-marked phrases it uses unqualified.
    private func writeOutletUsage(to out: inout some TextOutputStream) {
        guard !story.naming.isEmpty || !story.framing.isEmpty else { return }
        var names: [String: [String]] = [:]
        var phrases: [String: [String]] = [:]
        func add(_ item: String, for articles: [String], to table: inout [String: [String]]) {
            for id in articles {
                let outlet = context.member(id)?.outletName ?? id
                if !(table[outlet]?.contains(item) ?? false) { table[outlet, default: []].append(item) }
            }
        }
        for n in story.naming { for v in n.variants { add(v.form, for: v.articles, to: &names) } }
        for f in story.framing { add(f.phrase, for: f.bareArticles, to: &phrases) }
        var outlets: [String] = []
        for m in context.members where !outlets.contains(m.outletName) { outlets.append(m.outletName) }
        out.write(
            "<h3>Names and stance-marked phrases by outlet</h3><table class=\"by-outlet\"><thead><tr><th>Outlet</th>"
                + "<th>Names used</th><th>Stance-marked phrases (unqualified)</th></tr></thead><tbody>")
        for o in outlets {
            func list(_ items: [String]?) -> String {
                guard let items, !items.isEmpty else { return "<span class=\"meta\">—</span>" }
                return items.map { "“" + e($0) + "”" }.joined(separator: ", ")
            }
            out.write(
                "<tr><td class=\"outlet\">\(e(o))</td><td>\(list(names[o]))</td><td>\(list(phrases[o]))</td></tr>")
        }
        out.write("</tbody></table>\n")
    }

    private func writeTimeline(to out: inout some TextOutputStream) {
        guard !story.timeline.isEmpty else { return }
        out.write("<h3>Timeline</h3><ol class=\"timeline\">")
        for t in context.timeline(limit: itemLimit) {
            let relative = Set(t.occurrences.filter { $0.resolution == .relative }.map(\.expression)).sorted()
            let via =
                relative.isEmpty
                ? ""
                : " <span class=\"via\">from " + relative.map { "“\(e($0))”" }.joined(separator: ", ") + "</span>"
            out.write(
                "<li><time>\(t.date)</time>\(e(t.text)) "
                    + refs(t.articles, t.occurrences.map { ($0.article, $0.sentenceSpan) }) + via + "</li>")
        }
        out.write("</ol>\n")
        more(story.timeline.count, "dates", to: &out)
    }

    private func writeSynthesis(to out: inout some TextOutputStream) {
        guard !story.synthesis.isEmpty else { return }
        out.write(
            "<h3>Synthesis</h3><p class=\"meta\">Claims carried by two or more independent sources "
                + "(copies of one text count once).</p><ul class=\"synthesis\">")
        for p in limited(story.synthesis) {
            let claim = story.claims.first { $0.id == p.claim }
            let names = compact ? Array(p.outlets.prefix(CompactStory.links)) : p.outlets
            let rest = p.outlets.count - names.count
            let outlets = names.isEmpty ? "" : ": " + names.map(e).joined(separator: ", ") + (rest > 0 ? " and \(rest) more" : "")
            out.write(
                "<li>\(e(p.text)) <span class=\"meta\">— "
                    + StoryContext.count(p.independentSources, "independent source") + outlets
                    + "</span> " + refs(p.articles, claim?.occurrences.map { ($0.article, $0.sentenceSpan) } ?? [])
                    + "</li>")
        }
        out.write("</ul>\n")
        more(story.synthesis.count, "points", to: &out)
    }

    /// Small numbered links, one per article, to the article's sentence (or the article when no span is known).
    private func refs(_ articles: [String], _ spans: [(String, TextSpan)]) -> String {
        var seen = Set<String>()
        let distinct = articles.filter { seen.insert($0).inserted }
        let shown = compact ? Array(distinct.prefix(CompactStory.links)) : distinct
        var firstSpan: [String: TextSpan] = [:]
        for (id, span) in spans where firstSpan[id] == nil { firstSpan[id] = span }
        let links = shown.map { id -> String in
            let label = e(context.number(id))
            let title = e(context.member(id)?.outletName ?? id)
            let href = firstSpan[id].flatMap { anchors.href(id, $0) } ?? anchors.articleHref(id)
            return href.map { "<a href=\"\($0)\" title=\"\(title)\">\(label)</a>" }
                ?? "<span title=\"\(title)\">\(label)</span>"
        }
        let rest = distinct.count - shown.count
        return "<span class=\"refs\">" + links.joined() + (rest > 0 ? " <span class=\"meta\">+\(rest)</span>" : "")
            + "</span>"
    }

    private func e(_ s: some StringProtocol) -> String { HTMLEscaping.escape(s) }
}
