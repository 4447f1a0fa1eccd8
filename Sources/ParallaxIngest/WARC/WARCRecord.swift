/// One WARC record: its header fields and its content block.
public struct WARCRecord: Sendable, Hashable {
    /// 1-based position of the record in its file.
    public var number: Int
    /// The WARC version line (`WARC/1.0`, `WARC/1.1`).
    public var version: String
    public var headers: HeaderFields
    /// The content block (`Content-Length` bytes). Empty when the block was not kept.
    public var block: [UInt8]
    /// Whether the block was skipped unread (declined by ``WARCRecordParser/keepsBody`` or over the size limit).
    public var blockOmitted: Bool

    public init(number: Int, version: String, headers: HeaderFields, block: [UInt8], blockOmitted: Bool = false) {
        self.number = number
        self.version = version
        self.headers = headers
        self.block = block
        self.blockOmitted = blockOmitted
    }

    /// `WARC-Type`, lowercased (`response`, `request`, `resource`, `metadata`, `warcinfo`, ...).
    public var type: String { headers["WARC-Type"]?.lowercased() ?? "" }
    /// `WARC-Record-ID` (`<urn:uuid:...>`).
    public var id: String? { headers["WARC-Record-ID"] }
    /// `WARC-Target-URI`, without the angle brackets some writers put around it.
    public var targetURI: String? {
        guard var uri = headers["WARC-Target-URI"] else { return nil }
        if uri.hasPrefix("<"), uri.hasSuffix(">") { uri = String(uri.dropFirst().dropLast()) }
        return uri.isEmpty ? nil : uri
    }
    /// `WARC-Date` (`2024-05-31T12:00:00Z`).
    public var date: String? { headers["WARC-Date"] }

    /// Where the record is, for messages: `record 3 (<urn:uuid:...>)`.
    public var location: String { Self.location(number: number, id: id) }

    static func location(number: Int, id: String?) -> String {
        if let id { return "record \(number) (\(id))" }
        return "record \(number)"
    }
}
