/// Writes a JSON or NDJSON report one story at a time, so that a large run never holds every story's analysis,
/// or the whole output, in memory.
///
/// Call ``begin(articles:issues:to:)`` once, ``write(_:to:)`` per story (in report order), then
/// ``finish(to:)``. The bytes are those of ``JSONRenderer`` / ``NDJSONRenderer`` for the same report: both render
/// through this writer.
public struct StoryStreamWriter: Sendable {
    /// The two streamable formats.
    public enum Format: Sendable {
        case json, ndjson
    }

    public let format: Format
    private var texts = ArticleTexts([Article]())
    private var issues: [IngestIssue] = []
    private var storiesWritten = 0

    /// A writer of `format`; `nil` for the formats that need the whole report (text, Markdown, HTML).
    public init?(_ format: ReportFormat) {
        switch format {
        case .json: self.format = .json
        case .ndjson: self.format = .ndjson
        case .text, .markdown, .html: return nil
        }
    }

    /// Writes everything before the stories: the contract version (NDJSON), the articles and (JSON) the issues.
    public mutating func begin(articles: [Article], issues: [IngestIssue], to output: inout some TextOutputStream) {
        texts = ArticleTexts(articles)
        self.issues = issues
        switch format {
        case .json:
            output.write("{\n  \"articles\": ")
            Self.writeArray(articles, JSONValue.init, to: &output)
            output.write(",\n  \"issues\": ")
            Self.writeArray(issues, JSONValue.init, to: &output)
            output.write(",\n  \"stories\": [")
        case .ndjson:
            Self.writeLine(.object(["version": .int(reportContractVersion)]), type: "report", to: &output)
            for a in articles {
                var text = ""
                Self.writeLine(JSONValue(a), type: "article", to: &text)
                output.write(text)
            }
        }
    }

    /// Writes one story, one item of its lists at a time: a story of thousands of articles is never held as one
    /// JSON tree or one string. The many small writes of the JSON writer stay on a local string, handed to
    /// `output` once it holds 64 KiB.
    public mutating func write(_ story: StoryAnalysis, to output: inout some TextOutputStream) {
        var members = JSONValue.members(of: story, texts: texts)
        var text = ""
        func flush(_ text: inout String) {
            guard text.utf8.count >= 1 << 16 else { return }
            output.write(text)
            text = ""
        }
        switch format {
        case .json:
            text.write(storiesWritten == 0 ? "\n    " : ",\n    ")
            JSONValue.writeStreamed(members, indent: 2, level: 2, text: &text, flush: flush)
        case .ndjson:
            members.append(("type", .value(.string("story"))))
            JSONValue.writeStreamed(members, indent: nil, level: 0, text: &text, flush: flush)
            text.write("\n")
        }
        output.write(text)
        storiesWritten += 1
    }

    /// Writes everything after the stories.
    public mutating func finish(to output: inout some TextOutputStream) {
        switch format {
        case .json:
            output.write(storiesWritten == 0 ? "]" : "\n  ]")
            output.write(",\n  \"version\": \(reportContractVersion)\n}\n")
        case .ndjson:
            for i in issues { Self.writeLine(JSONValue(i), type: "issue", to: &output) }
        }
    }

    /// A whole report through the writer.
    static func render(_ report: AnalysisReport, format: ReportFormat, to output: inout some TextOutputStream) {
        guard var writer = StoryStreamWriter(format) else { return }
        writer.begin(articles: report.articles, issues: report.issues, to: &output)
        for story in report.stories { writer.write(story, to: &output) }
        writer.finish(to: &output)
    }

    /// A top-level list of the JSON report, each item rendered into a string first and handed to `output` in one
    /// write.
    private static func writeArray<T, Out: TextOutputStream>(
        _ items: [T], _ value: (T) -> JSONValue, to output: inout Out
    ) {
        JSONValue.writeArray(count: items.count, indent: 2, level: 1, to: &output) { k, output in
            var text = ""
            value(items[k]).write(to: &text, indent: 2, level: 2)
            output.write(text)
        }
    }

    private static func writeLine(_ value: JSONValue, type: String, to output: inout some TextOutputStream) {
        guard case .object(var members) = value else { return }
        members["type"] = .string(type)
        JSONValue.object(members).write(to: &output)
        output.write("\n")
    }
}
