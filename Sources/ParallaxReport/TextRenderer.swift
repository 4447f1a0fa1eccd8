/// Renders a report as plain text for a terminal: 100 columns, one block per story, optional ANSI color.
///
/// Per story: the articles (number, outlet, date, title), the coverage matrix (claims × articles, `●` reports it,
/// `·` does not), quotes with each article's wording diffed against the fullest one (`[-removed-]{+added+}`),
/// citations and the most-cited source, naming variants and framing, the timeline and the synthesis. Skipped
/// inputs are listed last. All article-derived text is stripped of control characters first.
public struct TextRenderer: ReportRendering {
    /// Line width in columns.
    public var width: Int
    /// Whether to add ANSI colors and bold (only when writing to a TTY).
    public var color: Bool
    /// Most claims, quotes, occurrences of a quote and synthesis points (and outlets of a point) listed per story:
    /// the top ones (most articles first), then a line saying how many more there are; nil lists everything. The
    /// JSON report always keeps everything.
    public var itemLimit: Int? = 50

    public init(color: Bool = false, width: Int = 100) {
        self.color = color
        self.width = max(width, 60)
    }

    /// Appends the text report to `output`.
    public func render(_ report: AnalysisReport, to output: inout some TextOutputStream) {
        let stories = StoryContext.all(in: report)
        let outlets = Set(report.articles.map(StoryContext.outletName)).count
        output.write(
            style(.bold, "PARALLAX") + "  \(report.articles.count) articles · \(outlets) outlets · "
                + "\(stories.count) \(stories.count == 1 ? "story" : "stories")\n")
        if stories.isEmpty { output.write("\nNo stories found.\n") }
        for (i, context) in stories.enumerated() {
            output.write("\n")
            writeStory(context, index: i + 1, to: &output)
        }
        if !report.issues.isEmpty {
            output.write("\n" + heading("SKIPPED INPUTS (\(report.issues.count))") + "\n")
            for issue in report.issues {
                for line in wrapped(TerminalText.clean(issue.description), indent: 2, hanging: 4) {
                    output.write(line + "\n")
                }
            }
        }
    }

    // MARK: Story

    private func writeStory(_ c: StoryContext, index: Int, to out: inout some TextOutputStream) {
        let rule = String(repeating: "═", count: width)
        let summary = "\(c.members.count) articles · \(c.outletCount) outlets"
        let titleWidth = width - TerminalText.width(summary) - 2
        let title = TerminalText.pad("STORY \(index) · " + TerminalText.clean(c.story.title), to: titleWidth)
        out.write(style(.dim, rule) + "\n" + style(.bold, title) + "  " + summary + "\n" + style(.dim, rule) + "\n")
        writeArticles(c, to: &out)
        writeCoverage(c, to: &out)
        writeQuotes(c, to: &out)
        writeCitations(c, to: &out)
        writeNamingAndFraming(c, to: &out)
        writeTimeline(c, to: &out)
        writeSynthesis(c, to: &out)
    }

    private func writeArticles(_ c: StoryContext, to out: inout some TextOutputStream) {
        out.write("\n" + heading("ARTICLES") + "\n")
        let outletWidth = min(24, max(6, c.members.map { TerminalText.width(clean($0.outletName)) }.max() ?? 6))
        let numberWidth = String(c.members.count).count
        let titleWidth = width - 2 - numberWidth - 2 - outletWidth - 2 - 10 - 2
        out.write(
            style(
                .dim,
                "  " + TerminalText.padLeft("#", to: numberWidth) + "  "
                    + TerminalText.pad("Outlet", to: outletWidth) + "  Date        Title") + "\n")
        for m in c.members.prefix(StoryLimits(itemLimit, c).shownIfCompact(c.members.count)) {
            let date = m.article?.published?.description ?? "—"
            let title = clean(m.article?.title ?? m.id)
            out.write(
                "  " + TerminalText.padLeft(String(m.number), to: numberWidth) + "  "
                    + TerminalText.pad(clean(m.outletName), to: outletWidth) + "  "
                    + TerminalText.pad(date, to: 10) + "  " + TerminalText.truncate(title, to: titleWidth) + "\n")
        }
        if compact(c) { writeMore(c.members.count, "article", indent: 2, to: &out) }
        let copies = c.story.copies.filter { $0.count > 1 }
        for group in copies.prefix(StoryLimits(itemLimit, c).shownIfCompact(copies.count)) {
            let numbers = c.numbers(group, separator: " = ", limit: links(c))
            out.write(style(.dim, "  copies of one text (counted once): \(numbers)") + "\n")
        }
        if compact(c) { writeMore(copies.count, "copy group", indent: 2, to: &out) }
    }

    /// Whether `c` has more articles than the item limit: lists that grow with its articles are capped too.
    private func compact(_ c: StoryContext) -> Bool { StoryLimits(itemLimit, c).compact }

    /// Most article numbers listed per finding: all of them, or a few in a compact story.
    private func links(_ c: StoryContext) -> Int? { StoryLimits(itemLimit, c).links }

    private func writeCoverage(_ c: StoryContext, to out: inout some TextOutputStream) {
        let matrix = CoverageMatrix(c)
        guard !matrix.isEmpty else { return }
        if let limit = itemLimit, c.members.count > limit { return writeCoverageCounts(matrix, c, to: &out) }
        out.write("\n" + heading("COVERAGE") + style(.dim, "  claims × articles: ● reports it · does not") + "\n")
        // Article columns are 2 wide ("● "), numbers > 9 take their own width; split into blocks when too many.
        let colWidth = max(2, String(c.members.count).count + 1)
        let idWidth = max(3, matrix.rows.map { TerminalText.width(clean(StoryContext.shortID($0.claim.id))) }.max() ?? 3)
        let perBlock = max(1, min(c.members.count, (width - 2 - idWidth - 2 - 30) / colWidth))
        for blockStart in stride(from: 0, to: max(c.members.count, 1), by: perBlock) {
            let block = blockStart..<min(c.members.count, blockStart + perBlock)
            let textWidth = width - 2 - idWidth - 2 - colWidth * block.count - 1
            let header = block.map { TerminalText.pad(String(c.members[$0].number), to: colWidth) }.joined()
            out.write(
                String(repeating: " ", count: 2 + idWidth + 2 + textWidth + 1) + style(.dim, header.trimmingSpaces)
                    + "\n")
            for row in matrix.rows.prefix(itemLimit ?? matrix.rows.count) {
                let cells = block.map { i in
                    row.cell(i) == nil
                        ? style(.dim, TerminalText.pad("·", to: colWidth)) : TerminalText.pad("●", to: colWidth)
                }
                out.write(
                    "  " + TerminalText.pad(clean(StoryContext.shortID(row.claim.id)), to: idWidth) + "  "
                        + TerminalText.pad(clean(row.claim.text), to: textWidth) + " " + cells.joined().trimmingSpaces
                        + "\n")
            }
        }
        writeMore(matrix.rows.count, "claim", indent: 2, to: &out)
    }

    /// The coverage of a story of more articles than the item limit, too many for a column each: per claim, how
    /// many of the articles and of the outlets report it.
    private func writeCoverageCounts(_ matrix: CoverageMatrix, _ c: StoryContext, to out: inout some TextOutputStream) {
        let outlets = Set(c.members.map(\.outletName)).count
        out.write(
            "\n" + heading("COVERAGE")
                + style(.dim, "  claims by how many of the \(c.members.count) articles and \(outlets) outlets report them")
                + "\n")
        let shown = matrix.rows.prefix(itemLimit ?? matrix.rows.count)
        let idWidth = max(3, shown.map { TerminalText.width(clean(StoryContext.shortID($0.claim.id))) }.max() ?? 3)
        let counts = shown.map { row in
            let reporting = Set(row.reporting.keys.map { c.members[$0].outletName }).count
            return "\(row.count) art · \(reporting) outlets"
        }
        let countWidth = counts.map(TerminalText.width).max() ?? 0
        let textWidth = max(20, width - 2 - idWidth - 2 - countWidth - 2)
        for (row, count) in zip(shown, counts) {
            out.write(
                "  " + TerminalText.pad(clean(StoryContext.shortID(row.claim.id)), to: idWidth) + "  "
                    + TerminalText.pad(clean(row.claim.text), to: textWidth) + "  " + style(.dim, count) + "\n")
        }
        writeMore(matrix.rows.count, "claim", indent: 2, to: &out)
    }

    private func writeQuotes(_ c: StoryContext, to out: inout some TextOutputStream) {
        guard !c.story.quotes.isEmpty else { return }
        out.write(
            "\n" + heading("QUOTES")
                + style(
                    .dim,
                    "  “ ” quoted · ~ no quotation marks · "
                        + "[-removed-]{+added+} against the fullest wording") + "\n")
        let labelWidth = min(26, c.members.map { TerminalText.width(clean(c.label($0.id))) }.max() ?? 10)
        let quotes = c.quotesByReach
        for (q, n) in quotes.prefix(itemLimit ?? quotes.count) {
            var who = clean(q.speaker ?? "unattributed")
            if let role = q.speakerRole { who += ", " + clean(role) }
            out.write(
                "  " + style(.bold, clean(StoryContext.shortID(q.id)) + "  " + who)
                    + style(.dim, "  (" + StoryContext.count(n, "article") + ")")
                    + "\n")
            // With one article the fullest wording is that article's own: shown once, below.
            if n > 1 {
                for line in wrapped("“" + clean(q.text) + "”", indent: 6, hanging: 7) { out.write(line + "\n") }
            }
            // A story of more articles than the limit lists fewer wordings per quote.
            let big = itemLimit.map { c.members.count > $0 } ?? false
            let shown = min(big ? CompactStory.occurrences : Int.max, itemLimit ?? q.occurrences.count)
            for o in q.occurrences.prefix(shown) {
                var words = diffWords(o)
                if o.quoted, !words.isEmpty {
                    words[0] = "“" + words[0]
                    words[words.count - 1] += "”"
                }
                if let speaker = o.speaker, speaker != q.speaker { words.append(style(.dim, "— " + clean(speaker))) }
                let prefix =
                    "    " + TerminalText.pad(clean(c.label(o.article)), to: labelWidth)
                    + (o.quoted ? "  " : " ~ ")
                // Continuation lines align with the first word, past the opening quotation mark.
                let hang = TerminalText.width(prefix) + (o.quoted ? 1 : 0)
                let lines = TerminalText.wrap(
                    words.joined(separator: " "), columns: width - hang,
                    visibleWidth: TextRenderer.visibleWidth)
                for (i, line) in lines.enumerated() {
                    out.write((i == 0 ? prefix : String(repeating: " ", count: hang)) + line + "\n")
                }
            }
            writeMore(q.occurrences.count, "occurrence", indent: 4, shown: shown, to: &out)
        }
        writeMore(quotes.count, "quote", indent: 2, to: &out)
    }

    /// "… and 12 more quotes" when `total` exceeds ``itemLimit``.
    private func writeMore(
        _ total: Int, _ noun: String, indent: Int, shown: Int? = nil, to out: inout some TextOutputStream
    ) {
        guard let limit = shown ?? itemLimit, total > limit else { return }
        out.write(
            String(repeating: " ", count: indent)
                + style(.dim, "… and " + StoryContext.count(total - limit, "more " + noun) + " (--format json lists all)")
                + "\n")
    }

    /// The occurrence's wording as words, with removed and added runs marked (and colored).
    private func diffWords(_ o: QuoteOccurrence) -> [String] {
        let segments = o.diff.isEmpty ? [DiffSegment(kind: .same, text: o.text)] : o.diff
        var words: [String] = []
        for seg in segments {
            let parts = clean(seg.text).split(separator: " ").map(String.init)
            guard !parts.isEmpty else { continue }
            switch seg.kind {
            case .same: words += parts
            case .removed, .added:
                let (open, close, tone): (String, String, Tone) =
                    seg.kind == .removed ? ("[-", "-]", .red) : ("{+", "+}", .green)
                for (i, p) in parts.enumerated() {
                    let text = (i == 0 ? open : "") + p + (i == parts.count - 1 ? close : "")
                    words.append(style(tone, text))
                }
            }
        }
        return words
    }

    private func writeCitations(_ c: StoryContext, to out: inout some TextOutputStream) {
        guard !c.story.citations.isEmpty || c.story.originalSource != nil else { return }
        let legend = compact(c) ? "  cited sources, most citing articles first" : "  article → cited source (cue)"
        out.write("\n" + heading("CITATIONS") + style(.dim, legend) + "\n")
        let labelWidth = min(26, c.members.map { TerminalText.width(clean(c.label($0.id))) }.max() ?? 10)
        var seen = Set<String>()
        if compact(c) {
            // Too many articles for a line each: each cited source with how often and by how many articles.
            let sources = c.citedSources
            for s in sources.prefix(itemLimit ?? sources.count) {
                out.write(
                    "    " + clean(s.source)
                        + style(.dim, " — cited \(s.citations)× in " + StoryContext.count(s.articles, "article")) + "\n")
            }
            writeMore(sources.count, "cited source", indent: 4, to: &out)
        }
        for cite in compact(c) ? [] : c.story.citations
        where seen.insert(cite.article + "\u{0}" + cite.source + "\u{0}" + cite.cue)
            .inserted
        {
            let line =
                "    " + TerminalText.pad(clean(c.label(cite.article)), to: labelWidth) + " → "
                + clean(cite.source) + style(.dim, " (\(clean(cite.cue)), \(cite.sourceKind.rawValue))")
            out.write(line + "\n")
        }
        if let original = c.story.originalSource {
            let stats = c.citedSources.first { $0.source == original }
            let detail =
                stats.map { " — cited \($0.citations)× in \($0.articles) of \(c.members.count) articles" } ?? ""
            out.write("  " + style(.bold, "Most-cited source: ") + clean(original) + style(.dim, detail) + "\n")
        }
    }

    private func writeNamingAndFraming(_ c: StoryContext, to out: inout some TextOutputStream) {
        if !c.story.naming.isEmpty {
            out.write("\n" + heading("NAMING") + style(.dim, "  one entity, different names (article numbers)") + "\n")
            for n in c.story.naming.prefix(StoryLimits(itemLimit, c).shownIfCompact(c.story.naming.count)) {
                let variants = n.variants.map { v in
                    "“" + clean(v.form) + "” " + style(.dim, c.numbers(v.articles, limit: links(c)))
                }
                let found = n.discovered ? style(.dim, " (spellings found in the story)") : ""
                writeWrapped(
                    "  " + clean(n.entity) + found + ": " + variants.joined(separator: " · "), hanging: 6, to: &out)
            }
            if compact(c) { writeMore(c.story.naming.count, "name", indent: 2, to: &out) }
        }
        if !c.story.framing.isEmpty {
            out.write("\n" + heading("FRAMING") + style(.dim, "  stance-marked phrases (article numbers)") + "\n")
            for f in c.story.framing {
                let note = f.note.map { style(.dim, " (\(clean($0)))") } ?? ""
                let bare = f.bareArticles
                var uses = StoryContext.joined(bare, separator: ", ", limit: links(c)) { clean(c.label($0)) }
                let distanced = f.articles.filter { !bare.contains($0) }
                if !distanced.isEmpty {
                    let how = StoryContext.joined(distanced, separator: ", ", limit: links(c)) { a in
                        clean(c.label(a)) + (f.distancing(in: a).map { " (\(clean($0)))" } ?? "")
                    }
                    uses += (uses.isEmpty ? "" : "; ") + style(.dim, "only qualified or quoted: ") + how
                }
                writeWrapped("  “" + clean(f.phrase) + "”" + note + " — " + uses, hanging: 6, to: &out)
            }
        }
        let wording = c.story.wording
        if !wording.isEmpty {
            out.write(
                "\n" + heading("WORDING") + style(.dim, "  phrases one group of outlets uses and the others never do")
                    + "\n")
            var groups: [String] = []
            for p in wording where !groups.contains(p.group) { groups.append(p.group) }
            for group in groups {
                let phrases = wording.filter { $0.group == group }
                guard let first = phrases.first else { continue }
                let head = clean(group) + style(.dim, " (\(first.groupArticles) articles; \(first.otherArticles) others)")
                let list = phrases.map { p in
                    "“" + clean(p.phrase) + "” " + style(.dim, c.numbers(p.articles, limit: links(c)))
                }
                writeWrapped("  " + head + ": " + list.joined(separator: " · "), hanging: 6, to: &out)
            }
        }
    }

    private func writeTimeline(_ c: StoryContext, to out: inout some TextOutputStream) {
        guard !c.story.timeline.isEmpty else { return }
        out.write("\n" + heading("TIMELINE") + "\n")
        for e in c.timeline(limit: compact(c) ? itemLimit : nil) {
            let relative = e.occurrences.filter { $0.resolution == .relative }.map { "“\(clean($0.expression))”" }
            let via =
                relative.isEmpty ? "" : style(.dim, " from " + Array(Set(relative)).sorted().joined(separator: ", "))
            writeWrapped(
                "  " + e.date.description + "  " + clean(e.text)
                    + style(.dim, " [" + c.numbers(e.articles, limit: links(c)) + "]") + via, hanging: 13,
                to: &out)
        }
        if compact(c) { writeMore(c.story.timeline.count, "date", indent: 2, to: &out) }
    }

    private func writeSynthesis(_ c: StoryContext, to out: inout some TextOutputStream) {
        guard !c.story.synthesis.isEmpty else { return }
        out.write(
            "\n" + heading("SYNTHESIS") + style(.dim, "  claims carried by two or more independent sources")
                + "\n")
        for p in c.story.synthesis.prefix(itemLimit ?? c.story.synthesis.count) {
            let sources = StoryContext.count(p.independentSources, "independent source")
            let shown = p.outlets.prefix(itemLimit ?? p.outlets.count).map(clean)
            let more = shown.count < p.outlets.count ? " and \(p.outlets.count - shown.count) more" : ""
            let outlets = p.outlets.isEmpty ? "" : ": " + shown.joined(separator: ", ") + more
            writeWrapped("  • " + clean(p.text) + style(.dim, " — " + sources + outlets), hanging: 4, to: &out)
        }
        writeMore(c.story.synthesis.count, "point", indent: 2, to: &out)
    }

    // MARK: Helpers

    private func clean(_ s: some StringProtocol) -> String { TerminalText.clean(s) }

    private func heading(_ s: String) -> String { style(.bold, s) }

    private func wrapped(_ s: String, indent: Int, hanging: Int) -> [String] {
        let lines = TerminalText.wrap(
            s, columns: width - hanging, firstColumns: width - indent,
            visibleWidth: TextRenderer.visibleWidth)
        return lines.enumerated().map { i, l in String(repeating: " ", count: i == 0 ? indent : hanging) + l }
    }

    /// Writes a line that starts with its own indentation, wrapping continuation lines at `hanging` columns.
    private func writeWrapped(_ s: String, hanging: Int, to out: inout some TextOutputStream) {
        let indent = s.prefix { $0 == " " }.count
        for line in wrapped(String(s.dropFirst(indent)), indent: indent, hanging: hanging) { out.write(line + "\n") }
    }

    private enum Tone: String {
        case bold = "1"
        case dim = "2"
        case red = "31"
        case green = "32"
    }

    private func style(_ tone: Tone, _ s: String) -> String {
        color ? "\u{1B}[\(tone.rawValue)m" + s + "\u{1B}[0m" : s
    }

    /// `s` without ANSI SGR sequences (ESC [ ... m), for measuring.
    /// Terminal columns of `s` without its color escapes (a byte test first: most words have none).
    static func visibleWidth(_ s: Substring) -> Int {
        s.utf8.contains(0x1B) ? TerminalText.width(stripANSI(s)) : TerminalText.width(s)
    }

    static func stripANSI(_ s: some StringProtocol) -> String {
        guard s.utf8.contains(0x1B) else { return String(s) }
        var out = ""
        var inEscape = false
        for ch in s.unicodeScalars {
            if inEscape {
                if ch == "m" { inEscape = false }
            } else if ch == "\u{1B}" {
                inEscape = true
            } else {
                out.unicodeScalars.append(ch)
            }
        }
        return out
    }
}
