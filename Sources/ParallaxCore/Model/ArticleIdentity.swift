/// The rule that names an article: the same article gets the same id in every run, from every input format.
///
/// - An article with a web address is named by its canonical URL (``WebAddress/canonical(_:)``: scheme and host
///   lowercased, `www.`, fragment and tracking parameters dropped): id `u` + 32 hex digits of the 128-bit FNV-1a
///   hash of that URL.
/// - Otherwise it is named by its content: `t` + 32 hex digits of the hash of the cleaned text with case,
///   typography (curly quotes, dashes) and runs of white space folded.
///
/// Never a run-local counter, a file name or a `-2` suffix: two inputs with the same id are the same article
/// (the pipeline keeps one of them). An identifier the input gives (a JSON Lines `id`, a feed guid) is not used:
/// it is local to its source.
public enum ArticleIdentity {
    /// The id of an article with this address (when any) and cleaned text.
    public static func id(url: String?, text: String) -> String {
        if let url, let canonical = WebAddress.canonical(url) { return "u" + hex(hash(canonical.utf8)) }
        return "t" + hex(contentHash(text))
    }

    /// `hash(contentKey(text).utf8)` without building the key: the folded, lowercased scalars are hashed as they
    /// come (ASCII, most of news text, without Unicode property lookups). O(n).
    static func contentHash(_ text: String) -> (UInt64, UInt64) {
        var hasher = FNV128()
        var pendingSpace = false
        var started = false
        func feed(_ scalar: Unicode.Scalar) {
            if pendingSpace { hasher.add(0x20) }
            pendingSpace = false
            started = true
            for unit in scalar.utf8 { hasher.add(unit) }
        }
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v < 0x80 {
                if v == 0x20 || (v >= 0x09 && v <= 0x0D) {
                    pendingSpace = started
                } else if v >= 0x41 && v <= 0x5A {
                    feed(Unicode.Scalar(UInt8(v + 0x20)))
                } else {
                    feed(scalar)
                }
                continue
            }
            for folded in TextNormalizer().foldPunctuation(String(scalar)).lowercased().unicodeScalars {
                if folded.properties.isWhitespace { pendingSpace = started } else { feed(folded) }
            }
        }
        return (hasher.hi, hasher.lo)
    }

    /// The text an id by content is computed from: lowercased, typography folded, blanks collapsed to one space
    /// (the definition; ``contentHash(_:)`` hashes it without building it).
    static func contentKey(_ text: String) -> String {
        let folded = TextNormalizer().foldPunctuation(text).lowercased()
        var out = ""
        out.reserveCapacity(folded.utf8.count)
        var pendingSpace = false
        for scalar in folded.unicodeScalars {
            if scalar.properties.isWhitespace {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace { out.unicodeScalars.append(" ") }
            pendingSpace = false
            out.unicodeScalars.append(scalar)
        }
        return out
    }

    /// 128-bit FNV-1a of `bytes`. O(n).
    static func hash(_ bytes: some Sequence<UInt8>) -> (UInt64, UInt64) {
        var hasher = FNV128()
        for byte in bytes { hasher.add(byte) }
        return (hasher.hi, hasher.lo)
    }

    /// FNV-1a with the 128-bit offset basis and prime, on two 64-bit halves.
    struct FNV128 {
        var hi: UInt64 = 0x6c62_272e_07bb_0142
        var lo: UInt64 = 0x62b8_2175_6295_c58d

        mutating func add(_ byte: UInt8) {
            lo ^= UInt64(byte)
            // (hi, lo) *= 2^88 + 0x13B, modulo 2^128.
            let (carry, low) = lo.multipliedFullWidth(by: 0x13B)
            let newHi = hi &* 0x13B &+ carry &+ (lo << 24)
            lo = low
            hi = newHi
        }
    }

    private static func hex(_ value: (UInt64, UInt64)) -> String {
        func pad(_ v: UInt64) -> String {
            let s = String(v, radix: 16)
            return String(repeating: "0", count: 16 - s.count) + s
        }
        return pad(value.0) + pad(value.1)
    }
}
