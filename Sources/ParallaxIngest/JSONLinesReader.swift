import Foundation

/// Reads articles from JSON Lines: one JSON object per line.
///
/// Fields (each with the aliases in `jsonl-fields.json`): `outlet`, `url`, `title`, `date` (`YYYY-MM-DD` or an
/// ISO timestamp, or any date ``TextMetadataExtractor`` reads), `text` (required), `authors` (a string or an
/// array), `language`. The text goes through the same cleaning as plain text; the article id follows
/// ``ArticleIdentity`` (an `id` field is local to its file and not used). A line that is not a JSON
/// object or has no text is reported as an issue naming the file and line; the other lines are read.
public struct JSONLinesReader: ArticleReader {
    /// The JSON keys accepted for each field, in order of preference.
    public struct FieldNames: Sendable, Codable {
        public var outlet: [String]
        public var url: [String]
        public var title: [String]
        public var date: [String]
        public var text: [String]
        public var authors: [String]
        public var language: [String]

        /// The keys shipped with Parallax (`jsonl-fields.json`).
        public static let bundled = BundledResource.decode(FieldNames.self, from: "jsonl-fields")
    }

    private let assembler: ArticleAssembler
    private let fields: FieldNames
    /// Lines parsed and assembled at once (output order does not depend on it).
    public var concurrency = ProcessInfo.processInfo.activeProcessorCount

    /// Creates a reader.
    /// - Parameters:
    ///   - filter: the boilerplate filter applied to each text (its registry resolves outlet names).
    ///   - fields: accepted JSON keys.
    ///   - maxTextBytes: longest article text kept; longer text is cut and reported.
    public init(
        filter: BoilerplateFilter = BoilerplateFilter(), fields: FieldNames = .bundled, maxTextBytes: Int = 1 << 20
    ) {
        assembler = ArticleAssembler(filter: filter, maxTextBytes: maxTextBytes)
        self.fields = fields
    }

    public func read(_ input: InputSource, emit: (IngestEvent) -> Void) throws(IngestIssue) {
        let bytes = try input.readAll()
        // A truncated `.jsonl.gz` still yields the lines before the cut.
        let decoded = try TextDecoding.decode(bytes, input: input.name, maxBytes: 256 << 20, salvages: true) {
            emit(.issue($0))
        }
        // Lines are parsed and assembled in batches on up to `concurrency` threads, and emitted in line order.
        var any = false
        var batch: [(number: Int, line: Substring)] = []
        func flush() {
            let events = ParallelMap.map(batch, concurrency: concurrency) {
                self.events(of: $0.line, number: $0.number, input: input.name)
            }
            for list in events { list.forEach(emit) }
            batch.removeAll(keepingCapacity: true)
        }
        // Split on the newline byte (not on Characters: no grapheme breaking over the whole file, and a CRLF
        // line ends at its LF too; the CR is white space to the JSON parser).
        for (index, bytes) in decoded.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() {
            let line = Substring(bytes)
            guard line.unicodeScalars.contains(where: { !$0.properties.isWhitespace }) else { continue }
            any = true
            batch.append((index + 1, line))
            if batch.count >= 256 { flush() }
        }
        flush()
        if !any { emit(.issue(IngestIssue(input: input.name, kind: .empty, message: "empty file; no article"))) }
    }

    /// The events of one line: an article, or the issues that kept it from being one.
    private func events(of line: Substring, number: Int, input name: String) -> [IngestEvent] {
        let location = "line \(number)"
        func issue(_ kind: IngestIssue.Kind, _ message: String) -> [IngestEvent] {
            [.issue(IngestIssue(input: name, location: location, kind: kind, message: message))]
        }
        guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) else {
            return issue(.notJSON, "not valid JSON; skipped")
        }
        guard let record = object as? [String: Any] else {
            return issue(.notJSON, "not a JSON object; skipped")
        }
        guard let text = string(record, fields.text), text.contains(where: { !$0.isWhitespace }) else {
            return issue(.noText, "no article text (expected one of: \(fields.text.joined(separator: ", "))); skipped")
        }
        let url = string(record, fields.url)
        var known = ArticleAssembler.Known(
            source: "\(name):\(number)",
            url: url, title: string(record, fields.title), outlet: outletName(record),
            published: string(record, fields.date).flatMap(day(from:)),
            authors: authors(record), language: string(record, fields.language))
        known.detectTitle = known.title == nil
        return assembler.events(text, known: known, input: name, location: location)
    }

    /// The first field among `keys` holding a non-empty string (numbers are written out).
    private func string(_ record: [String: Any], _ keys: [String]) -> String? {
        for key in keys {
            switch record[key] {
            case let s as String where !s.trimmingWhitespace().isEmpty:
                return s.trimmingWhitespace()
            case let n as NSNumber: return n.stringValue
            default: continue
            }
        }
        return nil
    }

    /// A date field: ISO, a written date, or Unix time in seconds or milliseconds.
    private func day(from value: String) -> Day? {
        if let day = Day(iso: value) ?? assembler.metadata.day(in: value) { return day }
        guard (9...13).contains(value.count), value.allSatisfy(\.isASCII), let number = Int(value) else { return nil }
        let seconds = value.count >= 12 ? number / 1000 : number
        return Day(daysSinceEpoch: seconds / 86_400)
    }

    /// The outlet: a string, or an object with a `name` (as in `"source": {"name": "Reuters"}`).
    private func outletName(_ record: [String: Any]) -> String? {
        if let s = string(record, fields.outlet) { return s }
        for key in fields.outlet {
            if let nested = record[key] as? [String: Any], let name = string(nested, ["name", "title", "domain"]) {
                return name
            }
        }
        return nil
    }

    /// Authors from a string ("Jane Doe and John Smith"), an array of strings, or an array of `{name: ...}`.
    private func authors(_ record: [String: Any]) -> [String] {
        for key in fields.authors {
            switch record[key] {
            case let s as String:
                let metadata = assembler.metadata
                let byline = (metadata.byline(in: s) ?? metadata.byline(in: "By " + s))?.authors ?? []
                if !byline.isEmpty { return byline }
                let trimmed = s.trimmingWhitespace()
                if !trimmed.isEmpty { return [trimmed] }
            case let list as [Any]:
                let names = list.compactMap { item -> String? in
                    if let s = item as? String { return s }
                    return (item as? [String: Any]).flatMap { string($0, ["name", "title"]) }
                }.map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
                if !names.isEmpty { return names }
            default: continue
            }
        }
        return []
    }
}
