/// A half-open range `[start, end)` of UTF-8 byte offsets into a document's text.
///
/// Findings keep spans rather than copied strings so that every result stays traceable to its sentence
/// (in the spirit of spaCy's `Span`). Offsets are UTF-8 bytes of the cleaned `Article.text`.
public struct TextSpan: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public var start: Int
    public var end: Int

    public init(start: Int, end: Int) {
        precondition(start <= end, "TextSpan start \(start) > end \(end)")
        self.start = start
        self.end = end
    }

    public var length: Int { end - start }
    public var isEmpty: Bool { start == end }

    /// Whether `other` lies entirely inside this span.
    public func contains(_ other: TextSpan) -> Bool { other.start >= start && other.end <= end }

    /// Whether the two spans share at least one byte.
    public func overlaps(_ other: TextSpan) -> Bool { other.start < end && start < other.end }

    public static func < (a: TextSpan, b: TextSpan) -> Bool { (a.start, a.end) < (b.start, b.end) }

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
}
