import Foundation

/// Header fields of a WARC record or an HTTP message: ordered `Name: value` pairs with case-insensitive lookup.
public struct HeaderFields: Sendable, Hashable {
    /// The fields in the order they were written; names as written.
    public var fields: [(name: String, value: String)]

    public init(_ fields: [(name: String, value: String)] = []) {
        self.fields = fields
    }

    /// The value of the first field called `name` (case-insensitive), trimmed.
    public subscript(_ name: String) -> String? {
        for f in fields where f.name.count == name.count && f.name.lowercased() == name.lowercased() {
            return f.value
        }
        return nil
    }

    /// The media type of `Content-Type`, lowercased, without parameters (`text/html`).
    public var mediaType: String? {
        guard let v = self["Content-Type"] else { return nil }
        let type = v.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        let t = type.trimmingCharacters(in: .whitespaces).lowercased()
        return t.isEmpty ? nil : t
    }

    /// The `charset` parameter of `Content-Type`, lowercased and unquoted (`utf-8`), when given.
    public var charset: String? {
        guard let v = self["Content-Type"] else { return nil }
        for part in v.split(separator: ";").dropFirst() {
            let kv = part.split(separator: "=", maxSplits: 1)
            guard kv.count == 2, kv[0].trimmingCharacters(in: .whitespaces).lowercased() == "charset" else { continue }
            let value = kv[1].trimmingCharacters(in: CharacterSet(charactersIn: " \t\"'")).lowercased()
            return value.isEmpty ? nil : value
        }
        return nil
    }

    /// Parses header lines (after the first line of a message) from `bytes`: `Name: value` lines, folded
    /// continuation lines (starting with a space or tab) joined to the previous value. CRLF or LF line ends.
    /// Lines without a colon are ignored. Bytes that are not UTF-8 are decoded as Latin-1.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> HeaderFields {
        var out: [(name: String, value: String)] = []
        var lineStart = 0
        while lineStart < bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count, bytes[lineEnd] != 0x0A { lineEnd += 1 }
            var end = lineEnd
            if end > lineStart, bytes[end - 1] == 0x0D { end -= 1 }
            let line = UnsafeBufferPointer(rebasing: bytes[lineStart..<end])
            lineStart = lineEnd + 1
            guard !line.isEmpty else { continue }
            if line[0] == 0x20 || line[0] == 0x09, !out.isEmpty {
                out[out.count - 1].value += " " + decode(line).trimmingCharacters(in: .whitespaces)
                continue
            }
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { continue }
            let name = decode(UnsafeBufferPointer(rebasing: line[0..<colon])).trimmingCharacters(in: .whitespaces)
            let value = decode(UnsafeBufferPointer(rebasing: line[(colon + 1)...]))
                .trimmingCharacters(in: .whitespaces)
            if !name.isEmpty { out.append((name, value)) }
        }
        return HeaderFields(out)
    }

    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        if let s = String(validating: bytes, as: UTF8.self) { return s }
        var scalars = String.UnicodeScalarView()
        for b in bytes { scalars.append(Unicode.Scalar(b)) }
        return String(scalars)
    }

    public static func == (a: HeaderFields, b: HeaderFields) -> Bool {
        a.fields.map(\.name) == b.fields.map(\.name) && a.fields.map(\.value) == b.fields.map(\.value)
    }

    public func hash(into hasher: inout Hasher) {
        for f in fields {
            hasher.combine(f.name)
            hasher.combine(f.value)
        }
    }
}
