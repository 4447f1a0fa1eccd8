import ParallaxCore

/// The rows of a corpus export (`parallax export`, the server's `/api/export`): one column list per kind of record
/// and the values of a record in that order, written as a JSON Lines object (columns as keys) or a CSV line. One
/// definition, so that every front end exports the same columns.
public enum ExportRow {
    /// The formats an export row is written in.
    public enum Format: String, Sendable {
        case jsonl, csv
    }

    /// Article columns; `text` last, when the exporter reads the articles' texts.
    public static func articleColumns(withText: Bool) -> [String] {
        ["id", "published", "outlet", "country", "url", "title", "authors", "language", "story", "copy_of"]
            + (withText ? ["text"] : [])
    }

    /// Story columns.
    public static let storyColumns = ["id", "title", "articles", "outlets", "countries", "first_day", "last_day"]

    /// An article's values, in ``articleColumns(withText:)`` order (with `text` when given).
    public static func article(_ a: ArticleRecord, text: String? = nil) -> [JSONValue] {
        [
            .string(a.id), .optional(a.published?.description), .optional(a.outlet), .optional(a.country),
            .optional(a.url), .optional(a.title), .array(a.authors.map { .string($0) }), .optional(a.language),
            .optional(a.story), .optional(a.copyOf),
        ] + (text.map { [.string($0)] } ?? [])
    }

    /// A story's values, in ``storyColumns`` order.
    public static func story(_ s: StoryRecord) -> [JSONValue] {
        [
            .string(s.id), .string(s.title), .int(s.articleCount), .array(s.outlets.map { .string($0) }),
            .array(s.countries.map { .string($0) }), .optional(s.firstDay?.description), .optional(s.lastDay?.description),
        ]
    }

    /// One row: a JSON object with the columns as keys and a line end (JSON Lines), or a CSV line.
    public static func line(_ values: [JSONValue], columns: [String], format: Format) -> String {
        switch format {
        case .jsonl:
            var object: [String: JSONValue] = [:]
            for (k, v) in zip(columns, values) { object[k] = v }
            return JSONValue.object(object).compact + "\n"
        case .csv:
            return CSV.row(values.map(\.csvField))
        }
    }
}

extension JSONValue {
    /// The value as a CSV cell: strings as they are, arrays joined by `; `, null empty.
    public var csvField: String {
        switch self {
        case .string(let s): s
        case .null: ""
        case .array(let items): items.map(\.csvField).joined(separator: "; ")
        default: compact
        }
    }
}
