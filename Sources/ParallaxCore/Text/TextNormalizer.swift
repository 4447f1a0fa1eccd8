import Foundation

/// Normalizes raw article text: Unicode NFC, invisible characters, exotic spaces, line endings and runs of blanks.
///
/// Quotation marks and dashes are kept as written (they carry meaning for quote extraction); use
/// ``TextNormalizer/foldPunctuation(_:)`` to compare texts regardless of their typography.
public struct TextNormalizer: Sendable {
    public init() {}

    /// Returns `text` in NFC with spaces normalized: non-breaking and typographic spaces become `" "`,
    /// zero-width spaces, soft hyphens and BOMs are dropped, CR/CRLF become `"\n"`, blanks inside a line collapse
    /// to one, and lines are trimmed. Line structure is preserved; runs of blank lines collapse to one.
    /// O(n) in the length of `text`.
    public func normalize(_ text: String) -> String {
        let nfc = TextNormalizer.isNFCByConstruction(text) ? text : text.precomposedStringWithCanonicalMapping
        // UTF-8 bytes out (appending to a `String.UnicodeScalarView` one scalar at a time is several times slower).
        var out: [UInt8] = []
        out.reserveCapacity(nfc.utf8.count)
        var pendingSpace = false
        var newlines = 0
        var atLineStart = true
        var previousWasCR = false
        for scalar in nfc.unicodeScalars {
            let v = scalar.value
            if v == 0x0D || v == 0x0A || v == 0x2028 || v == 0x2029 || v == 0x0B || v == 0x0C || v == 0x85 {
                if v == 0x0A && previousWasCR { previousWasCR = false; continue }
                previousWasCR = v == 0x0D
                newlines += 1
                pendingSpace = false
                atLineStart = true
                continue
            }
            previousWasCR = false
            if TextNormalizer.isDropped(v) { continue }
            if TextNormalizer.isSpace(v) {
                if !atLineStart { pendingSpace = true }
                continue
            }
            if v < 0x20 || (v >= 0x7F && v < 0xA0) { continue }  // other control characters
            if newlines > 0 {
                if !out.isEmpty { out.append(0x0A); if newlines > 1 { out.append(0x0A) } }
                newlines = 0
            } else if pendingSpace {
                out.append(0x20)
            }
            pendingSpace = false
            atLineStart = false
            out.appendUTF8(scalar)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Folds typographic variants for comparison: curly and angle quotes to `"`/`'`, dashes to `-`,
    /// `…` to `...`. Lengths in characters may change; do not use the result for spans.
    public func foldPunctuation(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x201C, 0x201D, 0x201E, 0x201F, 0x00AB, 0x00BB, 0x2033, 0x301D, 0x301E: out.append("\"")
            case 0x2018, 0x2019, 0x201A, 0x201B, 0x2039, 0x203A, 0x2032, 0x02BC: out.append("'")
            case 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xFE58, 0xFE63, 0xFF0D: out.append("-")
            case 0x2026: out.append(contentsOf: "...".unicodeScalars)
            default: out.append(scalar)
            }
        }
        return String(out)
    }

    /// Whether `text` is certainly in NFC without running the normalizer: every scalar lies below U+0300 (where
    /// no scalar has a canonical decomposition or combines) or is a dash, quotation mark or bullet of U+2010-U+2027
    /// (which have none either). True for most English news text; O(n) and much cheaper than normalizing.
    static func isNFCByConstruction(_ text: String) -> Bool {
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v < 0x300 || (v >= 0x2010 && v <= 0x2027) { continue }
            return false
        }
        return true
    }

    static func isSpace(_ v: UInt32) -> Bool {
        v == 0x20 || v == 0x09 || v == 0xA0 || v == 0x1680 || (v >= 0x2000 && v <= 0x200A) || v == 0x202F
            || v == 0x205F || v == 0x3000
    }

    static func isDropped(_ v: UInt32) -> Bool {
        // zero-width space, word joiner, BOM, soft hyphen; ZWNJ/ZWJ (U+200C/D) are kept: Persian and emoji need them.
        v == 0x200B || v == 0x2060 || v == 0xFEFF || v == 0x00AD
    }
}
