import Foundation

/// Turns input bytes into text: gzip, UTF-8 with replacement, a Windows-1252 fallback, and a garbage check.
enum TextDecoding {
    /// Decodes `bytes` (gunzipping first when they are gzip), or throws an issue for `input` when they are
    /// not text: mostly invalid or control bytes. Invalid UTF-8 in less than half of the text is replaced with
    /// U+FFFD silently; text with no valid UTF-8 multi-byte sequence at all is read as Windows-1252 when it is
    /// mostly ASCII, and refused otherwise.
    static func decode(_ bytes: [UInt8], input: String, maxBytes: Int) throws(IngestIssue) -> String {
        try decode(bytes, input: input, maxBytes: maxBytes, salvages: false) { _ in }
    }

    /// Like ``decode(_:input:maxBytes:)``; with `salvages` set, a truncated or corrupt gzip stream yields the text
    /// decompressed before the damage, with an issue passed to `salvage` (for inputs of many records, such as
    /// JSON Lines).
    static func decode(
        _ bytes: [UInt8], input: String, maxBytes: Int, salvages: Bool, salvage: (IngestIssue) -> Void
    ) throws(IngestIssue) -> String {
        var bytes = bytes
        if CompressedInput.isGzip(bytes) {
            do { bytes = try CompressedInput.gunzip(bytes, maxBytes: maxBytes) } catch {
                let kind: IngestIssue.Kind = error.exceedsLimit ? .tooLarge : .corruptCompression
                let message = error.exceedsLimit
                    ? "decompresses to more than \(maxBytes >> 20) MiB, the limit for one input; skipped"
                    : "cannot decompress: \(error.message)"
                guard salvages, !error.exceedsLimit,
                    let partial = try? CompressedInput.gunzip(bytes, maxBytes: maxBytes, partial: true),
                    !partial.isEmpty
                else { throw IngestIssue(input: input, kind: kind, message: message) }
                salvage(IngestIssue(
                    input: input, kind: .truncated, message: "\(message); read the first \(partial.count) bytes"))
                bytes = partial
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
            // Western European text is mostly ASCII letters; mostly high bytes are another legacy encoding
            // (Cyrillic, Greek, ...) that Windows-1252 would turn into mojibake.
            let high = bytes.lazy.filter { $0 >= 0x80 }.count
            let letters = bytes.lazy.filter { $0 >= 0x80 || (0x41...0x5A).contains($0 & 0xDF) }.count
            guard high * 10 > letters * 3 else { return latin }
            throw IngestIssue(
                input: input, kind: .invalidUTF8, message: "not UTF-8 and not Western European text (an unknown legacy encoding); skipped")
        }
        // Damaged UTF-8 is read with U+FFFD in place of the bad bytes; mostly garbage is not text.
        let scalars = max(1, utf8.unicodeScalars.count)
        guard replaced * 2 < scalars, looksLikeText(bytes) else { throw notText(input) }
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
        IngestIssue(input: input, kind: .binary, message: "not text (binary data or an unknown encoding); skipped")
    }
}
