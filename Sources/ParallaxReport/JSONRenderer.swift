/// Renders a report as one pretty-printed JSON document (`{"articles", "issues", "stories", "version"}`, see
/// `docs/JSON.md`).
///
/// Keys are sorted, absent optionals are `null`, indentation is two spaces; the output ends with a newline.
public struct JSONRenderer: ReportRendering {
    public init() {}

    /// Appends the JSON document of `report` to `output`, one article and one story at a time.
    public func render(_ report: AnalysisReport, to output: inout some TextOutputStream) {
        // Written member by member (keys in sorted order) so a large report never exists twice in memory.
        let texts = ArticleTexts(report.articles)
        output.write("{\n  \"articles\": ")
        writeArray(report.articles.lazy.map(JSONValue.init), to: &output)
        output.write(",\n  \"issues\": ")
        writeArray(report.issues.lazy.map(JSONValue.init), to: &output)
        output.write(",\n  \"stories\": ")
        writeArray(report.stories.lazy.map { JSONValue($0, texts: texts) }, to: &output)
        output.write(",\n  \"version\": \(reportContractVersion)\n}\n")
    }

    private func writeArray(_ items: some Collection<JSONValue>, to output: inout some TextOutputStream) {
        guard !items.isEmpty else { return output.write("[]") }
        output.write("[")
        var first = true
        for item in items {
            output.write(first ? "\n    " : ",\n    ")
            first = false
            item.write(to: &output, indent: 2, level: 2)
        }
        output.write("\n  ]")
    }
}
