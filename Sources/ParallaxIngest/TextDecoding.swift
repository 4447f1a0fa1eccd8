import Foundation

/// Turns input bytes into text: gzip, UTF-8 with replacement, a Windows-1252 fallback, and a garbage check.
enum TextDecoding {
    /// Decodes `bytes` (gunzipping first when they are gzip), or throws an issue for `input` when they are
    /// not text: mostly invalid or control bytes. Some invalid UTF-8 is replaced with U+FFFD silently; text with
    /// no valid UTF-8 multi-byte sequence at all is read as Windows-1252.
    static func decode(_ bytes: [UInt8], input: String, maxBytes: Int) throws(IngestIssue) -> String {
        var bytes = bytes
        if CompressedInput.isGzip(bytes) {
            do { bytes = try CompressedInput.gunzip(bytes, maxBytes: maxBytes) } catch {
                throw IngestIssue(input: input, message: "cannot decompress: \(error.message)")
            }
        }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        let utf8 = String(decoding: bytes, as: UTF8.self)
        let replaced = utf8.unicodeScalars.lazy.filter { $0 == "\u{FFFD}" }.count
        guard replaced > 0 else {
            guard looksLikeText(bytes) else { throw notText(input) }
            return utf8
        }
        // Not valid UTF-8. With no valid multi-byte sequence at all, a legacy single-byte encoding is the usual
        // reason; otherwise it is damaged UTF-8.
        let validNonASCII = utf8.unicodeScalars.contains { $0.value >= 0x80 && $0 != "\u{FFFD}" }
        if !validNonASCII, let latin = String(bytes: bytes, encoding: .windowsCP1252), looksLikeText(bytes) {
            return latin
        }
        let scalars = max(1, utf8.unicodeScalars.count)
        guard replaced * 10 < scalars, looksLikeText(bytes) else { throw notText(input) }
        return utf8
    }

    /// Whether bytes are mostly printable text: few NULs and control bytes (tabs and line breaks allowed).
    static func looksLikeText(_ bytes: [UInt8]) -> Bool {
        guard !bytes.isEmpty else { return true }
        var bad = 0
        for b in bytes where b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D && b != 0x0C { bad += 1 }
        return bad * 100 <= bytes.count * 2 && !bytes.prefix(1024).contains(0)
    }

    private static func notText(_ input: String) -> IngestIssue {
        IngestIssue(input: input, message: "not text (binary data or an unknown encoding); skipped")
    }
}
