import Foundation

/// Makes fuzz case `i` from the seeds: one to three mutation families applied in turn, each chosen among those
/// that fit the input's format. Families: byte flips, noise (invalid UTF-8, NUL, C0/C1 controls, terminal escape
/// sequences, bidi controls), truncation, repetition of a slice (quadratic-cost finders), splicing two inputs,
/// line ends, encoding lies, markup (deep nesting, attribute storms, unclosed raw-text elements, entity storms),
/// feeds (entity expansion, item storms), JSON (broken lines, wrong types, deep nesting), WARC (length lies,
/// escapes in headers), prose (quote, attribution, weekday and name storms, unbroken words) and hostile text
/// (script payloads that a report must escape). Every result is at most `maxBytes`.
struct FuzzMutator: Sendable {
    let seeds: [FuzzSeed]
    let maxBytes: Int

    /// The marker that hostile payloads call: a report that contains it inside a tag has let article text through.
    static let marker = "parallaxFuzz"

    struct Case: Sendable {
        var index: Int
        var kind: String
        var bytes: [UInt8]
        var families: [String]
        var origin: String
        /// The file name the case is written under (its extension tells Parallax the format).
        var fileName: String { "case-\(index).\(kind)" }
    }

    typealias Family = (name: String, fits: @Sendable (String) -> Bool, apply: @Sendable (inout [UInt8], inout String, inout FuzzRandom, FuzzMutator) -> Void)

    func makeCase(seed: UInt64, index: Int) -> Case {
        var rng = FuzzRandom(seed: seed, index: index)
        let start = seeds.isEmpty ? FuzzSeed(kind: "txt", bytes: Array("Empty.".utf8), origin: "none") : rng.pick(seeds)
        var bytes = start.bytes
        var kind = start.kind
        var applied: [String] = []
        let count = 1 + rng.below(3)
        for _ in 0..<count {
            let fitting = Self.families.filter { $0.fits(kind) }
            let family = rng.pick(fitting)
            family.apply(&bytes, &kind, &rng, self)
            if bytes.count > maxBytes { bytes.removeSubrange(maxBytes...) }
            applied.append(family.name)
        }
        return Case(index: index, kind: kind, bytes: bytes, families: applied, origin: start.origin)
    }

    // MARK: Families

    static let markupKinds: Set<String> = ["html", "htm", "rss", "xml", "atom", "warc"]
    static let feedKinds: Set<String> = ["rss", "xml", "atom"]

    static let families: [Family] = [
        ("flip", { _ in true }, { bytes, _, rng, _ in
            guard !bytes.isEmpty else { return }
            for _ in 0..<(1 + rng.below(16)) { bytes[rng.below(bytes.count)] ^= UInt8(truncatingIfNeeded: 1 + rng.below(255)) }
        }),
        ("noise", { _ in true }, { bytes, _, rng, _ in
            for _ in 0..<(1 + rng.below(8)) { bytes.insert(contentsOf: rng.pick(noise), at: rng.below(bytes.count + 1)) }
        }),
        ("truncate", { _ in true }, { bytes, _, rng, _ in
            bytes.removeSubrange(rng.below(bytes.count + 1)...)
        }),
        ("repeat", { _ in true }, { bytes, _, rng, m in
            guard !bytes.isEmpty else { return }
            let start = rng.below(bytes.count)
            let slice = Array(bytes[start..<min(bytes.count, start + rng.size(upTo: 256))])
            let times = rng.size(upTo: max(1, (m.maxBytes - bytes.count) / max(1, slice.count)))
            bytes.insert(contentsOf: (0..<times).flatMap { _ in slice }, at: start)
        }),
        ("splice", { _ in true }, { bytes, _, rng, m in
            guard let other = m.seeds.isEmpty ? nil : rng.pick(m.seeds) else { return }
            let cut = rng.below(bytes.count + 1)
            bytes = Array(bytes[..<cut]) + other.bytes[rng.below(other.bytes.count + 1)...]
        }),
        ("line-ends", { _ in true }, { bytes, _, rng, _ in
            switch rng.below(4) {
            case 0: bytes = bytes.flatMap { $0 == 0x0A ? [0x0D, 0x0A] : [$0] }
            case 1: bytes = bytes.map { $0 == 0x0A ? 0x0D : $0 }
            case 2: bytes = bytes.map { $0 == 0x0A ? 0x20 : $0 }  // one long line
            default: bytes.insert(contentsOf: [UInt8](repeating: 0x0A, count: rng.size(upTo: 100_000)), at: rng.below(bytes.count + 1))
            }
        }),
        ("encoding", { _ in true }, { bytes, kind, rng, _ in
            switch rng.below(4) {
            case 0:  // a declaration that lies
                let name = rng.pick(["EBCDIC-US", "UTF-16", "windows-1252", "x-unknown", "ISO-2022-JP", "utf-32"])
                let declaration = markupKinds.contains(kind)
                    ? "<?xml version=\"1.0\" encoding=\"\(name)\"?><meta charset=\"\(name)\">" : "charset=\(name)\n"
                bytes.insert(contentsOf: Array(declaration.utf8), at: 0)
            case 1:  // UTF-16 with a byte order mark
                bytes = [0xFF, 0xFE] + String(decoding: bytes, as: UTF8.self).utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
            case 2:  // Latin-1 bytes where UTF-8 is expected
                bytes = bytes.map { $0 >= 0x80 ? UInt8(0x80 + (Int($0) % 0x80)) : $0 }
            default:  // a lone BOM in the middle
                bytes.insert(contentsOf: [0xEF, 0xBB, 0xBF], at: rng.below(bytes.count + 1))
            }
        }),
        ("markup", { markupKinds.contains($0) }, { bytes, _, rng, m in
            let n = rng.size(upTo: max(1, m.maxBytes / 16))
            let piece: String
            switch rng.below(7) {
            case 0: piece = String(repeating: "<div>", count: n) + "deep" + String(repeating: "</div>", count: rng.below(n + 1))
            case 1: piece = "<p " + (0..<n).map { "a\($0)=\"\($0)\"" }.joined(separator: " ") + ">attributes</p>"
            case 2: piece = "<" + rng.pick(["noscript", "script", "style", "textarea", "title", "template", "iframe", "xmp"]) + ">"
            case 3: piece = String(repeating: rng.pick(["&quot;", "&amp;", "&#0;", "&#xD800;", "&#x110000;", "&nbsp;", "&bogus;", "&#"]), count: n)
            case 4: piece = "<!--" + String(repeating: "-", count: n) + (rng.chance(50) ? "-->" : "")
            case 5: piece = "<![CDATA[" + String(repeating: "]]", count: n)
            default: piece = String(repeating: "<p>Read also: <a href=\"/x\">more</a></p>", count: n)
            }
            insert(piece, into: &bytes, &rng)
        }),
        ("feed", { feedKinds.contains($0) }, { bytes, _, rng, m in
            let n = rng.size(upTo: max(1, m.maxBytes / 64))
            switch rng.below(3) {
            case 0:
                let laugh = "<!DOCTYPE rss [<!ENTITY a \"\(String(repeating: "lol", count: 1000))\"><!ENTITY b \"\(String(repeating: "&a;", count: 100))\">]>"
                bytes = Array(laugh.utf8) + bytes
                insert(String(repeating: "&b;", count: n), into: &bytes, &rng)
            case 1:
                insert(String(repeating: "<item><title>Same</title><description>Same text again.</description></item>", count: n), into: &bytes, &rng)
            default:
                insert("<pubDate>\(rng.pick(["Fri, 99 Mai 2024", "0000-00-00", "-1", String(repeating: "9", count: 40), ""]))</pubDate>", into: &bytes, &rng)
            }
        }),
        ("json", { $0 == "jsonl" || $0 == "json" }, { bytes, _, rng, m in
            let n = rng.size(upTo: max(1, m.maxBytes / 8))
            let line: String
            switch rng.below(6) {
            case 0: line = "{\"text\": " + String(repeating: "[", count: n)
            case 1: line = "{\"title\": 42, \"text\": [\"a\"], \"date\": {}}"
            case 2: line = "{\"text\": \"\(String(repeating: "\\ud800", count: n))\"}"
            case 3: line = "{\"text\": \"" + String(repeating: "x", count: n)
            case 4: line = "{\"id\": \"dup\", \"text\": \"Same words here.\"}\n{\"id\": \"dup\", \"text\": \"Other words.\"}"
            default: line = "not json at all \u{1B}[31m"
            }
            insert("\n" + line + "\n", into: &bytes, &rng, atLineStart: true)
        }),
        ("warc", { $0 == "warc" }, { bytes, _, rng, _ in
            let text = String(decoding: bytes, as: UTF8.self)
            switch rng.below(3) {
            case 0:
                let lie = rng.pick(["0", "-5", "99999999999", "abc", "18446744073709551616", String(bytes.count * 2)])
                bytes = Array(text.replacingOccurrences(of: #"Content-Length: \d+"#, with: "Content-Length: " + lie, options: .regularExpression).utf8)
            case 1:
                bytes = Array(text.replacingOccurrences(of: "WARC-Record-ID: ", with: "WARC-Record-ID: \u{1B}]0;title\u{07}\u{1B}[2J").utf8)
            default:
                bytes += Array("WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 10\r\n\r\nHTTP/1.1 404".utf8)
            }
        }),
        ("prose", { _ in true }, { bytes, _, rng, m in
            let n = rng.size(upTo: max(1, m.maxBytes / 24))
            let unit = rng.pick([
                "\"Yes,\" he said. ", "she said he said they said ", "on Tuesday ", "Kiev Kyiv Kharkov Kharkiv ",
                "John Smith Mary Jones Ivan Petrov ", "\u{1F600}", ". ", "“", "according to Reuters, citing sources, ",
                "word", "Mr. ", "\"", "A spokesperson told CNN that ", "\u{202E}", "e\u{301}\u{302}\u{303}",
            ])
            insert(String(repeating: unit, count: n), into: &bytes, &rng)
        }),
        ("hostile", { _ in true }, { bytes, kind, rng, _ in
            let payload = rng.pick([
                "<script>\(marker)()</script>", "<img src=x onerror=\(marker)()>", "<a href=\"javascript:\(marker)()\">x</a>",
                "</style><script>\(marker)()</script>", "</textarea><svg onload=\(marker)()>", "\"><script>\(marker)()</script>",
            ])
            // In markup the payload is written escaped, so that it reaches the article text as text.
            let text = markupKinds.contains(kind)
                ? payload.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                    .replacingOccurrences(of: ">", with: "&gt;")
                : (kind == "jsonl" || kind == "json" ? payload.replacingOccurrences(of: "\"", with: "\\\"") : payload)
            insert(text, into: &bytes, &rng)
        }),
    ]

    /// Byte sequences that readers must survive: invalid UTF-8, NUL, controls, escape sequences, bidi overrides.
    static let noise: [[UInt8]] = [
        [0xC3, 0x28], [0xFF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82], [0x00], [0x07], [0x08],
        [0xC2, 0x9B], [0xC2, 0x85], Array("\u{1B}[2J\u{1B}]0;pwn\u{07}".utf8), Array("\u{1B}]52;c;AAAA\u{07}".utf8),
        Array("\u{202E}\u{2066}".utf8), Array("\u{FEFF}".utf8), Array("\u{2028}\u{2029}".utf8), [0x0D],
    ]

    /// Inserts `piece` at a random position (after a newline when `atLineStart`).
    static func insert(_ piece: String, into bytes: inout [UInt8], _ rng: inout FuzzRandom, atLineStart: Bool = false) {
        var at = rng.below(bytes.count + 1)
        if atLineStart { while at < bytes.count, at > 0, bytes[at - 1] != 0x0A { at += 1 } }
        bytes.insert(contentsOf: Array(piece.utf8), at: min(at, bytes.count))
    }
}
