/// The output formats of `parallax analyze`.
public enum ReportFormat: String, CaseIterable, Sendable, Codable {
    /// Plain text for a terminal (100 columns, optional ANSI color).
    case text
    /// One pretty-printed JSON document (the contract in `docs/JSON.md`).
    case json
    /// JSON Lines: one compact object per article, then per story, then per issue, each with a `"type"` field.
    case ndjson
    /// GitHub-flavoured Markdown with tables.
    case markdown
    /// One self-contained HTML page (inline CSS and SVG, no network access).
    case html

    /// The usual file extension of the format, without the dot.
    public var fileExtension: String {
        switch self {
        case .text: "txt"
        case .json: "json"
        case .ndjson: "ndjson"
        case .markdown: "md"
        case .html: "html"
        }
    }
}
