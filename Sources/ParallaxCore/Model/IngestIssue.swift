/// A problem with one input (a file, a line of a JSON Lines file, a WARC record) that was skipped.
///
/// Readers report issues instead of throwing so that one bad article never stops a batch. The description
/// names the input and where in it: `feed.xml: not XML (line 3: ...)`, `a.jsonl:12: not valid JSON`.
public struct IngestIssue: Error, Hashable, Sendable, Codable, CustomStringConvertible {
    /// The input that has the problem (a path, `-` for stdin).
    public var input: String
    /// Where in the input: `line 12`, `record 3 (urn:uuid:...)`, or `nil` for the whole input.
    public var location: String?
    /// What is wrong, in words a user can act on.
    public var message: String

    public init(input: String, location: String? = nil, message: String) {
        self.input = input
        self.location = location
        self.message = message
    }

    public var description: String {
        if let location { return "\(input) (\(location)): \(message)" }
        return "\(input): \(message)"
    }
}
