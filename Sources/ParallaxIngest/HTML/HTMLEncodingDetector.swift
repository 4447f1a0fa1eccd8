/// Decides the character encoding of raw HTML bytes before parsing.
///
/// Order: a byte-order mark; then a `<meta charset>` or `http-equiv="content-type"` declaration in the first
/// 4 KiB (WHATWG labels: `latin1`, `ascii` and `iso-8859-1` mean windows-1252); a declared legacy encoding
/// (single-byte, or multi-byte such as EUC-KR or Shift_JIS) is overruled when the bytes are valid UTF-8 with
/// non-ASCII characters: a common mislabel, and legacy text is practically never valid UTF-8; without a
/// declaration, UTF-8 when the bytes are valid UTF-8, else windows-1252. libxml2 2.9's `htmlReadMemory` guesses
/// badly on its own, so the result is always passed to it explicitly.
public struct HTMLEncodingDetector: Sendable {
    public init() {}

    /// The IANA name of the encoding to decode `bytes` with (`"UTF-8"`, `"windows-1252"`, `"UTF-16LE"`, ...).
    public func encoding(of bytes: [UInt8]) -> String {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { return "UTF-8" }
        if bytes.count >= 2, bytes[0] == 0xFF, bytes[1] == 0xFE { return "UTF-16LE" }
        if bytes.count >= 2, bytes[0] == 0xFE, bytes[1] == 0xFF { return "UTF-16BE" }
        let declared = declaredEncoding(bytes).map(Self.canonical)
        if let declared, declared != "UTF-8" {
            // UTF-16 cannot be declared in an ASCII-compatible document; browsers then use UTF-8.
            if declared.hasPrefix("UTF-16") { return "UTF-8" }
            if Self.isNonASCIIUTF8(bytes) { return "UTF-8" }
            return declared
        }
        if declared == "UTF-8" { return "UTF-8" }
        return Self.isValidUTF8(bytes) ? "UTF-8" : "windows-1252"
    }

    /// The charset named by the first `<meta>` declaration in the first 4 KiB, lowercased.
    func declaredEncoding(_ bytes: [UInt8]) -> String? {
        let head = bytes.prefix(4096).map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        var from = head.startIndex
        while let meta = head[from...].firstRange(of: Array("<meta".utf8)) {
            let close = head[meta.upperBound...].firstIndex(of: UInt8(ascii: ">")) ?? head.endIndex
            let tag = head[meta.upperBound..<close]
            if let charset = tag.firstRange(of: Array("charset".utf8)) {
                var i = charset.upperBound
                while i < tag.endIndex, tag[i] == 0x20 || tag[i] == UInt8(ascii: "=") || tag[i] == 0x22
                    || tag[i] == 0x27
                {
                    i += 1
                }
                var j = i
                while j < tag.endIndex, Self.isLabelByte(tag[j]) { j += 1 }
                if j > i { return String(decoding: tag[i..<j], as: UTF8.self) }
            }
            from = close
        }
        return nil
    }

    private static func isLabelByte(_ b: UInt8) -> Bool {
        (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) || b == UInt8(ascii: "-") || b == UInt8(ascii: "_")
            || b == UInt8(ascii: ":") || b == UInt8(ascii: ".")
    }

    /// A WHATWG-style canonical name for a charset label.
    static func canonical(_ label: String) -> String {
        switch label {
        case "utf-8", "utf8", "unicode-1-1-utf-8", "x-unicode20utf8": return "UTF-8"
        case "iso-8859-1", "iso8859-1", "latin1", "l1", "ascii", "us-ascii", "windows-1252", "cp1252",
            "x-cp1252", "iso_8859-1", "cp819", "ibm819":
            return "windows-1252"
        case "utf-16", "utf-16le", "utf-16be", "unicode": return "UTF-16"
        default: return label.uppercased()
        }
    }

    static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { validateUTF8($0) != nil }
    }

    private static func isNonASCIIUTF8(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { (validateUTF8($0) ?? 0) > 0 }
    }

    /// Number of non-ASCII scalars if `buffer` is valid UTF-8, else `nil`.
    private static func validateUTF8(_ buffer: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = 0
        var nonASCII = 0
        let n = buffer.count
        while i < n {
            let b = buffer[i]
            if b < 0x80 {
                i += 1
                continue
            }
            let length: Int
            if b >= 0xC2 && b <= 0xDF { length = 2 } else if b >= 0xE0 && b <= 0xEF { length = 3 } else if b >= 0xF0
                && b <= 0xF4
            { length = 4 } else { return nil }
            // A sequence cut by the end of a truncated page still counts as UTF-8.
            if i + length > n { return nonASCII }
            for k in 1..<length where buffer[i + k] & 0xC0 != 0x80 { return nil }
            if length == 3 {
                let b1 = buffer[i + 1]
                if (b == 0xE0 && b1 < 0xA0) || (b == 0xED && b1 >= 0xA0) { return nil }
            } else if length == 4 {
                let b1 = buffer[i + 1]
                if (b == 0xF0 && b1 < 0x90) || (b == 0xF4 && b1 >= 0x90) { return nil }
            }
            nonASCII += 1
            i += length
        }
        return nonASCII
    }
}
