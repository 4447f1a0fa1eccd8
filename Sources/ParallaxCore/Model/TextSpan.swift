/// A half-open range `[start, end)` of UTF-8 byte offsets into a document's text.
///
/// Findings keep spans rather than copied strings so that every result stays traceable to its sentence
/// (in the spirit of spaCy's `Span`). Offsets are UTF-8 bytes of the cleaned `Article.text`.
///
/// Stored as two 32-bit offsets (8 bytes: an article's text is capped far below 2 GiB), since every token and
/// finding holds spans; the API is `Int`.
public struct TextSpan: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    private var lower: Int32
    private var upper: Int32

    public var start: Int {
        get { Int(lower) }
        set { lower = Int32(clamping: newValue) }
    }

    public var end: Int {
        get { Int(upper) }
        set { upper = Int32(clamping: newValue) }
    }

    public init(start: Int, end: Int) {
        precondition(start <= end, "TextSpan start \(start) > end \(end)")
        self.lower = Int32(clamping: start)
        self.upper = Int32(clamping: end)
    }

    private enum CodingKeys: String, CodingKey {
        case start, end
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let start = try c.decode(Int.self, forKey: .start)
        let end = try c.decode(Int.self, forKey: .end)
        guard start <= end else {
            throw DecodingError.dataCorruptedError(forKey: .end, in: c, debugDescription: "span end before start")
        }
        self.init(start: start, end: end)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(start, forKey: .start)
        try c.encode(end, forKey: .end)
    }

    public var length: Int { end - start }
    public var isEmpty: Bool { start == end }

    /// Whether `other` lies entirely inside this span.
    public func contains(_ other: TextSpan) -> Bool { other.start >= start && other.end <= end }

    /// Whether the two spans share at least one byte.
    public func overlaps(_ other: TextSpan) -> Bool { other.start < end && start < other.end }

    public static func < (a: TextSpan, b: TextSpan) -> Bool { (a.lower, a.upper) < (b.lower, b.upper) }

    public var description: String { "[\(start), \(end))" }
}

extension String {
    /// The text of a UTF-8 byte span of this string. Offsets are clamped and rounded to scalar boundaries.
    public subscript(span span: TextSpan) -> Substring {
        let u = utf8
        let n = u.count
        var s = min(max(0, span.start), n)
        var e = min(max(s, span.end), n)
        // Step back to scalar boundaries so a bad span never traps.
        while s > 0, s < n, u[u.index(u.startIndex, offsetBy: s)] & 0xC0 == 0x80 { s -= 1 }
        while e < n, e > 0, u[u.index(u.startIndex, offsetBy: e)] & 0xC0 == 0x80 { e += 1 }
        let si = u.index(u.startIndex, offsetBy: s)
        let ei = u.index(si, offsetBy: e - s)
        return self[si..<ei]
    }

    /// The text of `span`, cut after `limit` bytes (at a character boundary, marked `…`) when longer: for writing a
    /// sentence next to every finding, where a "sentence" of a whole text without punctuation would otherwise make
    /// the output grow with findings times text length.
    public func excerpt(_ span: TextSpan, limit: Int) -> String {
        guard span.length > limit else { return String(self[span: span]) }
        // `[span:]` widens to whole scalars; drop a last character that may be cut.
        return String(self[span: TextSpan(start: span.start, end: span.start + limit)].dropLast()) + "…"
    }
}
