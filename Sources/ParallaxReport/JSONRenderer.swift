/// Renders a report as one pretty-printed JSON document (`{"articles", "issues", "stories", "version"}`, see
/// `docs/JSON.md`).
///
/// Keys are sorted, absent optionals are `null`, indentation is two spaces; the output ends with a newline.
/// Written member by member through ``StoryStreamWriter``, so a large report never exists twice in memory.
public struct JSONRenderer: ReportRendering {
    public init() {}

    /// Appends the JSON document of `report` to `output`, one article and one story at a time.
    public func render(_ report: AnalysisReport, to output: inout some TextOutputStream) {
        StoryStreamWriter.render(report, format: .json, to: &output)
    }
}
