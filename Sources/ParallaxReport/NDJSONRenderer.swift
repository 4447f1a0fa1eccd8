/// Renders a report as JSON Lines: the contract version, then one compact object per article, per story and per
/// issue.
///
/// The first line is `{"type":"report","version":N}` (the contract version); each further line is an object of
/// the JSON contract (`docs/JSON.md`) plus a `"type"` member: `"article"`, `"story"` or `"issue"`. Consumers can
/// stream it line by line. Written through ``StoryStreamWriter``.
public struct NDJSONRenderer: ReportRendering {
    public init() {}

    /// Appends the JSON Lines of `report` to `output`.
    public func render(_ report: AnalysisReport, to output: inout some TextOutputStream) {
        StoryStreamWriter.render(report, format: .ndjson, to: &output)
    }
}
