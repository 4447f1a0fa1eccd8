/// Renders a report as JSON Lines: one compact object per article, then per story, then per issue.
///
/// The first line is `{"type":"report","version":N}` (the contract version); each further line is an object of
/// the JSON contract (`docs/JSON.md`) plus a `"type"` member: `"article"`, `"story"` or `"issue"`. Consumers can
/// stream it line by line.
public struct NDJSONRenderer: ReportRendering {
    public init() {}

    /// Appends the JSON Lines of `report` to `output`.
    public func render(_ report: AnalysisReport, to output: inout some TextOutputStream) {
        let texts = ArticleTexts(report.articles)
        writeLine(.object(["version": .int(reportContractVersion)]), type: "report", to: &output)
        for a in report.articles { writeLine(JSONValue(a), type: "article", to: &output) }
        for s in report.stories { writeLine(JSONValue(s, texts: texts), type: "story", to: &output) }
        for i in report.issues { writeLine(JSONValue(i), type: "issue", to: &output) }
    }

    private func writeLine(_ value: JSONValue, type: String, to output: inout some TextOutputStream) {
        guard case .object(var members) = value else { return }
        members["type"] = .string(type)
        JSONValue.object(members).write(to: &output)
        output.write("\n")
    }
}
