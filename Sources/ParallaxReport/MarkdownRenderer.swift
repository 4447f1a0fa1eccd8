/// Renders a report as GitHub-flavoured Markdown: one section per story with tables.
///
/// The same content as `TextRenderer`; quote drift is written `~~removed~~ **added**`. Article-derived text is
/// escaped so that it cannot open Markdown formatting, break a table or inject HTML; only http(s) URLs become
/// links.
public struct MarkdownRenderer: ReportRendering {
    /// Most claims, quotes, occurrences of a quote and synthesis points listed per story, as in ``TextRenderer``
    /// (the most shared first, then a line saying how many more); a story of more articles than the limit also caps
    /// its article list, its citations (counted per cited source), names, dates and the article numbers of each
    /// finding. nil (the default) lists everything.
    public var itemLimit: Int?

    public init(itemLimit: Int? = nil) { self.itemLimit = itemLimit }

    /// Appends the Markdown report to `output`.
    public func render(_ report: AnalysisReport, to output: inout some TextOutputStream) {
        let stories = StoryContext.all(in: report)
        let outlets = Set(report.articles.map(StoryContext.outletName)).count
        output.write(
            "# Parallax report\n\n\(report.articles.count) articles · \(outlets) outlets · \(stories.count) "
                + (stories.count == 1 ? "story" : "stories") + "\n")
        if stories.isEmpty { output.write("\nNo stories found.\n") }
        for (i, c) in stories.enumerated() { writeStory(c, index: i + 1, to: &output) }
        if !report.issues.isEmpty {
            output.write("\n## Skipped inputs\n\n")
            for issue in report.issues { output.write("- " + esc(issue.description) + "\n") }
        }
    }

    private func writeStory(_ c: StoryContext, index: Int, to out: inout some TextOutputStream) {
        let limits = StoryLimits(itemLimit, c)
        out.write("\n## Story \(index): \(esc(c.story.title))\n\n")
        out.write("*\(c.members.count) articles from \(c.outletCount) outlets*\n")

        out.write("\n### Articles\n\n| # | Outlet | Date | Title |\n|---:|---|---|---|\n")
        for m in c.members.prefix(limits.shownIfCompact(c.members.count)) {
            let title = esc(m.article?.title ?? m.id)
            let linked = m.article?.url.flatMap(HTMLEscaping.safeURL).map { "[\(title)](<\(urlForLink($0))>)" } ?? title
            out.write(
                "| \(m.number) | \(esc(m.outletName)) | \(m.article?.published?.description ?? "—") | \(linked) |\n")
        }
        writeMore(c.members.count, limits.shownIfCompact(c.members.count), "article", to: &out)
        let copies = c.story.copies.filter { $0.count > 1 }
        for group in copies.prefix(limits.shownIfCompact(copies.count)) {
            out.write("\nCopies of one text (counted once): " + c.numbers(group, separator: " = ", limit: limits.links) + "\n")
        }
        writeMore(copies.count, limits.shownIfCompact(copies.count), "copy group", to: &out)

        let matrix = CoverageMatrix(c)
        if !matrix.isEmpty, limits.compact {
            out.write("\n### Coverage\n\n| Claim | Articles | Outlets |\n|---|---:|---:|\n")
            for row in matrix.rows.prefix(limits.shown(matrix.rows.count)) {
                let outlets = Set(row.reporting.keys.map { c.members[$0].outletName }).count
                out.write(
                    "| **\(esc(StoryContext.shortID(row.claim.id)))** \(esc(row.claim.text)) | \(row.count) | \(outlets) |\n")
            }
            writeMore(matrix.rows.count, limits.shown(matrix.rows.count), "claim", to: &out)
        } else if !matrix.isEmpty {
            out.write(
                "\n### Coverage\n\n● reports the claim, · does not.\n\n| Claim | "
                    + c.members.map { String($0.number) }.joined(separator: " | ") + " |\n|---|"
                    + String(repeating: ":-:|", count: c.members.count) + "\n")
            for row in matrix.rows.prefix(limits.shown(matrix.rows.count)) {
                out.write(
                    "| **\(esc(StoryContext.shortID(row.claim.id)))** \(esc(row.claim.text)) | "
                        + c.members.indices.map { row.cell($0) == nil ? "·" : "●" }.joined(separator: " | ") + " |\n")
            }
            writeMore(matrix.rows.count, limits.shown(matrix.rows.count), "claim", to: &out)
        }

        if !c.story.quotes.isEmpty {
            out.write("\n### Quotes\n\nEach article's wording against the fullest one: ~~removed~~ **added**.\n")
            let quotes = c.quotesByReach
            for (q, _) in quotes.prefix(limits.shown(quotes.count)) {
                let role = q.speakerRole.map { ", " + esc($0) } ?? ""
                out.write("\n**\(esc(StoryContext.shortID(q.id))) — \(esc(q.speaker ?? "unattributed"))\(role)**\n\n> \(esc(q.text))\n\n")
                out.write("| Article | Marks | Wording |\n|---|---|---|\n")
                let shown = min(limits.compact ? CompactStory.occurrences : Int.max, limits.shown(q.occurrences.count))
                for o in q.occurrences.prefix(shown) {
                    out.write(
                        "| \(esc(c.label(o.article))) | \(o.quoted ? "quoted" : "no quotation marks") | "
                            + diff(o) + " |\n")
                }
                writeMore(q.occurrences.count, shown, "occurrence", to: &out)
            }
            writeMore(quotes.count, limits.shown(quotes.count), "quote", to: &out)
        }

        if !c.story.citations.isEmpty || c.story.originalSource != nil {
            out.write("\n### Citations\n\n")
            if !c.story.citations.isEmpty, limits.compact {
                let sources = c.citedSources
                out.write("| Cited source | Citations | Articles |\n|---|---:|---:|\n")
                for s in sources.prefix(limits.shown(sources.count)) {
                    out.write("| \(esc(s.source)) | \(s.citations) | \(s.articles) |\n")
                }
                writeMore(sources.count, limits.shown(sources.count), "cited source", to: &out)
            } else if !c.story.citations.isEmpty {
                out.write("| Article | Cited source | Kind | Cue |\n|---|---|---|---|\n")
                for cite in c.story.citations {
                    out.write(
                        "| \(esc(c.label(cite.article))) | \(esc(cite.source)) | \(cite.sourceKind.rawValue) | "
                            + "\(esc(cite.cue)) |\n")
                }
            }
            if let original = c.story.originalSource {
                out.write("\nMost-cited source: **\(esc(original))**\n")
            }
        }

        if !c.story.naming.isEmpty {
            out.write("\n### Naming\n\n| Entity | Variants (articles) |\n|---|---|\n")
            for n in c.story.naming.prefix(limits.shownIfCompact(c.story.naming.count)) {
                let variants = n.variants.map {
                    "“\(esc($0.form))” (\(c.numbers($0.articles, separator: ", ", limit: limits.links)))"
                }
                out.write("| \(esc(n.entity))\(n.discovered ? " (found in the story)" : "") | \(variants.joined(separator: "; ")) |\n")
            }
            writeMore(c.story.naming.count, limits.shownIfCompact(c.story.naming.count), "name", to: &out)
        }
        if !c.story.framing.isEmpty {
            out.write("\n### Framing\n\n| Phrase | Note | Uses it | Only qualified or quoted |\n|---|---|---|---|\n")
            for f in c.story.framing {
                let bare = f.bareArticles
                let distanced = f.articles.filter { !bare.contains($0) }
                let how = StoryContext.joined(distanced, separator: ", ", limit: limits.links) { a in
                    esc(c.label(a)) + (f.distancing(in: a).map { " (\(esc($0)))" } ?? "")
                }
                out.write(
                    "| “\(esc(f.phrase))” | \(esc(f.note ?? "")) | " + labels(bare, c, limit: limits.links) + " | "
                        + how + " |\n")
            }
        }
        let wording = c.story.wording
        if !wording.isEmpty {
            out.write("\n### Wording one group of outlets uses and the others never do\n\n| Group | Phrase | Articles |\n|---|---|---|\n")
            for p in wording {
                out.write(
                    "| \(esc(p.group)) (\(p.articles.count) of \(p.groupArticles); 0 of \(p.otherArticles) others) | “\(esc(p.phrase))” | "
                        + labels(p.articles, c, limit: limits.links) + " |\n")
            }
        }
        if !c.story.timeline.isEmpty {
            out.write("\n### Timeline\n\n| Date | Event | Articles |\n|---|---|---|\n")
            let events = c.timeline(limit: limits.compact ? itemLimit : nil)
            for e in events {
                out.write("| \(e.date) | \(esc(e.text)) | \(c.numbers(e.articles, separator: ", ", limit: limits.links)) |\n")
            }
            writeMore(c.story.timeline.count, events.count, "date", to: &out)
        }
        if !c.story.synthesis.isEmpty {
            out.write("\n### Synthesis\n\nClaims carried by two or more independent sources.\n\n")
            for p in c.story.synthesis.prefix(limits.shown(c.story.synthesis.count)) {
                let names = p.outlets.prefix(limits.shown(p.outlets.count)).map(esc)
                let more = names.count < p.outlets.count ? " and \(p.outlets.count - names.count) more" : ""
                let outlets = p.outlets.isEmpty ? "" : ": " + names.joined(separator: ", ") + more
                out.write(
                    "- \(esc(p.text)) — *"
                        + StoryContext.count(p.independentSources, "independent source") + "\(outlets)*\n"
                )
            }
            writeMore(c.story.synthesis.count, limits.shown(c.story.synthesis.count), "point", to: &out)
        }
    }

    /// "*… and 12 more quotes*" when only `shown` of `total` items were listed.
    private func writeMore(_ total: Int, _ shown: Int, _ noun: String, to out: inout some TextOutputStream) {
        guard total > shown else { return }
        out.write("\n*… and " + StoryContext.count(total - shown, "more " + noun) + " (--format json lists all)*\n")
    }

    /// The articles' labels joined by commas; with a `limit`, the first `limit` and `+N` for the rest.
    private func labels(_ ids: [String], _ c: StoryContext, limit: Int?) -> String {
        StoryContext.joined(ids, separator: ", ", limit: limit) { esc(c.label($0)) }
    }

    /// The occurrence's wording with `~~removed~~` and `**added**` runs.
    private func diff(_ o: QuoteOccurrence) -> String {
        guard !o.diff.isEmpty else { return esc(o.text) }
        return o.diff.compactMap { seg -> String? in
            let t = esc(seg.text).trimmingSpaces
            guard !t.isEmpty else { return nil }
            switch seg.kind {
            case .same: return t
            case .removed: return "~~" + t + "~~"
            case .added: return "**" + t + "**"
            }
        }.joined(separator: " ")
    }

    /// Percent-encodes the characters that would end a `<...>` link destination.
    private func urlForLink(_ url: String) -> String {
        var out = ""
        for u in url.unicodeScalars {
            switch u {
            case " ": out += "%20"
            case "<": out += "%3C"
            case ">": out += "%3E"
            case "|": out += "%7C"
            default: out.unicodeScalars.append(u)
            }
        }
        return out
    }

    /// Article-derived text made inert: on one line, Markdown punctuation backslash-escaped, `<>&` as entities.
    private func esc(_ s: some StringProtocol) -> String {
        var out = ""
        for ch in TerminalText.clean(s).unicodeScalars {
            switch ch {
            case "\\", "`", "*", "_", "[", "]", "|", "~", "#", "!": out += "\\" + String(ch)
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }
}

extension String {
    /// The string without leading and trailing spaces.
    var trimmingSpaces: String {
        var s = Substring(self)
        while s.first == " " { s = s.dropFirst() }
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
