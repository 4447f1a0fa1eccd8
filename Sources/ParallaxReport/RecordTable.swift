import Foundation
import ParallaxCore

/// Rows of a corpus listing (stories, articles, search hits, counts) for the text, Markdown, HTML and CSV formats.
///
/// Cells are plain strings; every renderer makes them safe for its format: control characters are removed in the
/// terminal, `|` escaped in Markdown, everything HTML-escaped, CSV quoted (RFC 4180). JSON and NDJSON listings
/// encode the records themselves (``RecordJSON``), not this table.
public struct RecordTable: Sendable {
    /// Column headings.
    public var columns: [String]
    /// Rows, each with one cell per column.
    public var rows: [[String]]
    /// Columns whose cells are right-aligned in the terminal (counts).
    public var numeric: Set<Int>
    /// A line under the table ("3 more"), when any.
    public var footer: String?

    public init(columns: [String], rows: [[String]] = [], numeric: Set<Int> = [], footer: String? = nil) {
        self.columns = columns
        self.rows = rows
        self.numeric = numeric
        self.footer = footer
    }

    /// The formats a table renders to.
    public enum Format: String, Sendable, CaseIterable {
        case text, markdown, html, csv
    }

    /// Writes the table in `format`; `maxWidth` caps a text cell's width in terminal columns.
    public func render(_ format: Format, maxWidth: Int = 60, to out: inout some TextOutputStream) {
        switch format {
        case .text: renderText(maxWidth: maxWidth, to: &out)
        case .markdown: renderMarkdown(to: &out)
        case .html: renderHTML(to: &out)
        case .csv:
            out.write(CSV.row(columns))
            for row in rows { out.write(CSV.row(row)) }
        }
    }

    private func cell(_ row: [String], _ i: Int) -> String { i < row.count ? row[i] : "" }

    private func renderText(maxWidth: Int, to out: inout some TextOutputStream) {
        let cleaned = rows.map { row in columns.indices.map { TerminalText.truncate(TerminalText.clean(cell(row, $0)), to: maxWidth) } }
        var widths = columns.map { TerminalText.width($0) }
        for row in cleaned { for i in columns.indices { widths[i] = max(widths[i], TerminalText.width(row[i])) } }
        func line(_ cells: [String]) -> String {
            columns.indices.map { i in
                numeric.contains(i) ? TerminalText.padLeft(cells[i], to: widths[i]) : TerminalText.pad(cells[i], to: widths[i])
            }.joined(separator: "  ").trimmingTrailingSpaces() + "\n"
        }
        out.write(line(columns))
        for row in cleaned { out.write(line(row)) }
        if let footer { out.write(TerminalText.clean(footer) + "\n") }
    }

    private func renderMarkdown(to out: inout some TextOutputStream) {
        func escape(_ s: String) -> String {
            TerminalText.clean(s).replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "|", with: "\\|")
                .replacingOccurrences(of: "<", with: "&lt;")
        }
        out.write("| " + columns.map(escape).joined(separator: " | ") + " |\n")
        out.write("|" + columns.indices.map { numeric.contains($0) ? " ---: |" : " --- |" }.joined() + "\n")
        for row in rows { out.write("| " + columns.indices.map { escape(cell(row, $0)) }.joined(separator: " | ") + " |\n") }
        if let footer { out.write("\n" + escape(footer) + "\n") }
    }

    private func renderHTML(to out: inout some TextOutputStream) {
        out.write("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Parallax</title>")
        out.write("<style>body{font:14px system-ui,sans-serif;margin:2em}table{border-collapse:collapse}")
        out.write("td,th{border-bottom:1px solid #ddd;padding:4px 8px;text-align:left;vertical-align:top}")
        out.write("td.n{text-align:right}</style></head><body>\n<table>\n<tr>")
        for c in columns { out.write("<th>\(HTMLEscaping.escape(c))</th>") }
        out.write("</tr>\n")
        for row in rows {
            out.write("<tr>")
            for i in columns.indices {
                out.write(numeric.contains(i) ? "<td class=\"n\">" : "<td>")
                out.write(HTMLEscaping.escape(cell(row, i)) + "</td>")
            }
            out.write("</tr>\n")
        }
        out.write("</table>\n")
        if let footer { out.write("<p>\(HTMLEscaping.escape(footer))</p>\n") }
        out.write("</body></html>\n")
    }
}

extension String {
    fileprivate func trimmingTrailingSpaces() -> String {
        var s = Substring(self)
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}

/// Comma-separated values as RFC 4180 writes them: a field with a comma, quote, CR or LF is quoted, quotes
/// doubled; lines end with CRLF. A field that a spreadsheet would run as a formula (`=`, `+`, `-`, `@` first) gets a
/// leading apostrophe, since exported cells hold untrusted article text.
public enum CSV {
    /// One line of fields.
    public static func row(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\r\n"
    }

    static func field(_ value: String) -> String {
        var v = value
        if let first = v.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first), Double(v) == nil { v = "'" + v }
        guard v.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return v }
        return "\"" + v.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

/// JSON of records for the `json` (one document) and `ndjson` (one record a line) listings: keys sorted, no
/// escaped slashes, so equal corpora give equal bytes.
public enum RecordJSON {
    /// One record as a single line of JSON.
    public static func line(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return "null" }
        return String(decoding: data, as: UTF8.self)
    }

    /// Records as one JSON document: `{"<key>": [...], ...extra}` written record by record.
    public static func document<S: Sequence>(
        key: String, _ records: S, extra: [String: String] = [:], to out: inout some TextOutputStream
    ) where S.Element: Encodable {
        out.write("{")
        for (k, v) in extra.sorted(by: { $0.key < $1.key }) { out.write("\(line(k)):\(v),") }
        out.write("\(line(key)):[")
        var first = true
        for record in records {
            out.write(first ? "\n" : ",\n")
            out.write(line(record))
            first = false
        }
        out.write(first ? "]}\n" : "\n]}\n")
    }
}
