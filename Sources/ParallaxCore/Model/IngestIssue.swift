/// A problem with one input (a file, a line of a JSON Lines file, a WARC record) that was skipped or cut.
///
/// Readers report issues instead of throwing so that one bad article never stops a batch. The description
/// names the input and where in it: `feed.xml: not XML (line 3: ...)`, `a.jsonl:12: not valid JSON`. The
/// ``kind`` classifies the outcome so a run can be counted (``IngestIssue/Tally``), summarized and stored.
public struct IngestIssue: Error, Hashable, Sendable, Codable, CustomStringConvertible {
    /// What kind of problem an issue reports: a closed list, so outcomes can be counted and stored.
    ///
    /// Encoded as its raw value (`"tooLarge"`); a value this version does not know decodes as ``other``.
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        /// The path does not exist, cannot be opened, listed or read (permissions, a broken link, an I/O error).
        case unreadable
        /// A FIFO, socket or device found in a directory: not read.
        case notRegularFile
        /// The format of the input could not be recognized.
        case unknownFormat
        /// The format was recognized but no reader for it is configured.
        case noReader
        /// The input, or the item or record, holds nothing.
        case empty
        /// Binary data, not text.
        case binary
        /// Text that is neither UTF-8 nor a known legacy encoding.
        case invalidUTF8
        /// The input is over a size limit and was skipped.
        case tooLarge
        /// The input or the article text is over a size limit and was cut; the start was read.
        case truncated
        /// Compressed data (gzip) that cannot be decompressed.
        case corruptCompression
        /// An HTML page that could not be parsed.
        case notHTML
        /// An HTML page (or archived page) in which no main text was found.
        case noMainText
        /// A record or item without any article text (no text field, no body).
        case noText
        /// Text was found but nothing was left after removing boilerplate.
        case onlyBoilerplate
        /// A JSON Lines line or a JSON Feed that is not valid JSON (or not a JSON object).
        case notJSON
        /// A feed that is not well-formed XML.
        case notXML
        /// XML or JSON that is not a feed (wrong root element, missing channel).
        case notFeed
        /// A feed that was read with recoverable errors.
        case malformedFeed
        /// A feed without items.
        case noItems
        /// A broken archive record: damaged framing, garbage bytes, a truncated or oversized record, a broken
        /// HTTP payload.
        case brokenRecord
        /// Anything else (also: a kind written by a newer version).
        case other

        public init(from decoder: any Decoder) throws {
            let raw = try decoder.singleValueContainer().decode(String.self)
            self = Kind(rawValue: raw) ?? .other
        }
    }

    /// The input that has the problem (a path, `-` for stdin).
    public var input: String
    /// Where in the input: `line 12`, `record 3 (urn:uuid:...)`, or `nil` for the whole input.
    public var location: String?
    /// What kind of problem it is.
    public var kind: Kind
    /// What is wrong, in words a user can act on.
    public var message: String

    public init(input: String, location: String? = nil, kind: Kind, message: String) {
        self.input = input
        self.location = location
        self.kind = kind
        self.message = message
    }

    enum CodingKeys: String, CodingKey {
        case input, location, kind, message
    }

    /// Decodes an issue; one stored without a `kind` (written before kinds existed) is ``Kind/other``.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        input = try c.decode(String.self, forKey: .input)
        location = try c.decodeIfPresent(String.self, forKey: .location)
        kind = try c.decodeIfPresent(Kind.self, forKey: .kind) ?? .other
        message = try c.decode(String.self, forKey: .message)
    }

    public var description: String {
        if let location { return "\(input) (\(location)): \(message)" }
        return "\(input): \(message)"
    }

    /// Counts of issues by kind, for a run's summary: constant memory however many issues a run has.
    public struct Tally: Hashable, Sendable, Codable, CustomStringConvertible {
        /// How many issues of each kind were added.
        public private(set) var counts: [Kind: Int] = [:]

        public init() {}

        /// Counts `issue`.
        public mutating func add(_ issue: IngestIssue) { counts[issue.kind, default: 0] += 1 }

        /// All issues counted.
        public var total: Int { counts.values.reduce(0, +) }

        /// The kinds met, most frequent first (ties in ``Kind`` declaration order).
        public var summary: [(kind: Kind, count: Int)] {
            Kind.allCases.compactMap { kind in counts[kind].map { (kind: kind, count: $0) } }
                .enumerated().sorted { $0.element.count != $1.element.count ? $0.element.count > $1.element.count : $0.offset < $1.offset }
                .map(\.element)
        }

        /// `3 notJSON, 1 empty`.
        public var description: String { summary.map { "\($0.count) \($0.kind.rawValue)" }.joined(separator: ", ") }
    }
}
