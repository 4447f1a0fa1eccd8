@_exported import ParallaxCore

/// Renders an `AnalysisReport` in any `ReportFormat`: the one entry point the CLI calls.
///
/// Every renderer is a pure function of the report. Issues (skipped inputs) are part of the JSON/NDJSON output
/// and listed at the end of the human-readable formats; the CLI also prints them to standard error.
public enum ReportRenderer {
    /// Renders `report` in `format`. `color` adds ANSI colors to `.text` (use it only when stdout is a TTY) and
    /// is ignored by the other formats.
    public static func render(_ report: AnalysisReport, format: ReportFormat, color: Bool = false) -> String {
        var out = ""
        render(report, format: format, color: color, to: &out)
        return out
    }

    /// Renders `report` in `format`, appending to `output` (e.g. a buffered standard-output stream). `itemLimit`
    /// caps the claims, quotes and synthesis points the text and Markdown reports list per story, and the lists of
    /// the HTML report; all three draw a story of more articles than that compact (`nil`: all of them, whole).
    public static func render(
        _ report: AnalysisReport, format: ReportFormat, color: Bool = false, itemLimit: Int? = 50,
        to output: inout some TextOutputStream
    ) {
        switch format {
        case .text:
            var text = TextRenderer(color: color)
            text.itemLimit = itemLimit
            text.render(report, to: &output)
        case .html:
            HTMLRenderer(itemLimit: itemLimit).render(report, to: &output)
        case .markdown:
            MarkdownRenderer(itemLimit: itemLimit).render(report, to: &output)
        default:
            renderer(for: format, color: color).render(report, to: &output)
        }
    }

    /// The JSON report of `report` (the members ``render(_:format:color:)`` writes) on one compact line, as the
    /// JSON API serves it (a third smaller than the indented form); with `totals`, a top-level `"totals"` object:
    /// for a report whose stories were cut with ``ParallaxCore/StoryAnalysis/mostShared(_:)``, how many items
    /// each list of each story held before (`totals[storyID][list]`).
    public static func json(_ report: AnalysisReport, totals: [String: [String: Int]]? = nil) -> String {
        // Written member by member, each story item by item: a big story's JSON is never also held as a tree.
        var out = ""
        JSONValue.writeStreamed(JSONValue.members(of: report, totals: totals), indent: nil, level: 0, text: &out) { _ in }
        return out + "\n"
    }

    /// The renderer of `format`; `color` applies to `.text` only.
    public static func renderer(for format: ReportFormat, color: Bool = false) -> any ReportRendering {
        switch format {
        case .text: TextRenderer(color: color)
        case .json: JSONRenderer()
        case .ndjson: NDJSONRenderer()
        case .markdown: MarkdownRenderer()
        case .html: HTMLRenderer()
        }
    }
}
