import Foundation

/// Reads one article from a plain-text file.
///
/// Layout understood (every part optional): a first line ` date YYYY-MM-DD` (the rest of that line may already
/// be a URL or text), a URL line, the headline, bylines and timestamps, then the body. The id follows
/// ``ArticleIdentity`` (URL, else text); the source is the path. Boilerplate goes through ``BoilerplateFilter``; metadata through
/// ``TextMetadataExtractor``.
public struct PlainTextReader: ArticleReader {
    private let assembler: ArticleAssembler

    /// Creates a reader.
    /// - Parameters:
    ///   - filter: the boilerplate filter (its registry resolves outlets).
    ///   - maxTextBytes: longest article text kept; longer text is cut at a paragraph and reported.
    public init(filter: BoilerplateFilter = BoilerplateFilter(), maxTextBytes: Int = 1 << 20) {
        assembler = ArticleAssembler(filter: filter, maxTextBytes: maxTextBytes)
    }

    public func read(_ input: InputSource, emit: (IngestEvent) -> Void) throws(IngestIssue) {
        let bytes = try input.readAll()
        var text = try TextDecoding.decode(bytes, input: input.name, maxBytes: 256 << 20)
        guard text.contains(where: { !$0.isWhitespace }) else {
            emit(.issue(IngestIssue(input: input.name, kind: .empty, message: "empty file; no article")))
            return
        }
        var known = ArticleAssembler.Known(source: input.name)
        if let (day, rest) = Self.dateLine(text) {
            known.published = day
            text = String(rest)
        }
        assembler.events(text, known: known, input: input.name).forEach(emit)
    }

    /// Splits off a leading `date YYYY-MM-DD` (blanks before it allowed) and returns the day and the rest.
    static func dateLine(_ text: String) -> (Day, Substring)? {
        let trimmed = text.drop { $0 == " " || $0 == "\t" || $0 == "\u{FEFF}" }
        guard trimmed.lowercased().hasPrefix("date"), trimmed.dropFirst(4).first?.isWhitespace == true else {
            return nil
        }
        let afterWord = trimmed.dropFirst(4).drop { $0 == " " || $0 == "\t" || $0 == ":" }
        guard let day = Day(iso: afterWord.prefix(10)) else { return nil }
        var rest = afterWord.dropFirst(10)
        // A timestamp's time part belongs to the date line.
        if rest.first == "T" { rest = rest.drop { !$0.isWhitespace } }
        guard rest.isEmpty || rest.first!.isWhitespace else { return nil }
        return (day, rest.drop { $0 == " " || $0 == "\t" })
    }
}
