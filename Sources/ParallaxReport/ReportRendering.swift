/// A renderer of an `AnalysisReport` into one output format (text, JSON, NDJSON, Markdown, HTML).
public protocol ReportRendering: Sendable {
    /// Appends the rendered report to `output` (e.g. a buffered standard-output stream).
    func render(_ report: AnalysisReport, to output: inout some TextOutputStream)
}

extension ReportRendering {
    /// The rendered report as one string.
    public func render(_ report: AnalysisReport) -> String {
        var out = ""
        render(report, to: &out)
        return out
    }
}
