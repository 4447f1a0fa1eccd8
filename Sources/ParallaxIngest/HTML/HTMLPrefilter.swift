import CLibXML2

/// Removes what no reader needs from raw HTML before parsing: the bodies of `<script>` (except JSON-LD, which
/// metadata and the text fallback read) and `<style>` elements, and comments.
///
/// About half the bytes of a typical news page are scripts and styles; libxml2 scans them character by character
/// and stores them as nodes, so cutting them first nearly halves the parse. Tags are kept (an empty `<script>`
/// stays), so the tree keeps its shape. The script bodies and comments cut can be kept aside
/// (``filter(_:keepingHidden:)``): the date search reads them. A `<noscript>` start tag that is never closed is
/// dropped (its element would otherwise swallow the rest of the page). One pass with `memchr`, plus one backward
/// search for the last `</noscript`; never reads past the buffer on truncated input.
///
/// A start tag longer than ``maxTagBytes`` (a tag with 100,000 attributes) loses its attributes: libxml2 compares
/// each new attribute with all earlier ones, so such a tag costs it minutes.
public struct HTMLPrefilter: Sendable {
    /// Longest start tag kept as written; a longer one keeps only its name.
    public static let maxTagBytes = 64 * 1024

    public init() {}

    /// `bytes` without script and style bodies (JSON-LD kept) and without comments.
    public func filter(_ bytes: [UInt8]) -> [UInt8] {
        var hidden: [UInt8] = []
        return filter(bytes, keepingHidden: 0, hidden: &hidden)
    }

    /// ``filter(_:)``, with the cut script bodies and comment texts appended to `hidden` (separated by newlines)
    /// up to `keepingHidden` bytes in all.
    public func filter(_ bytes: [UInt8], keepingHidden limit: Int, hidden: inout [UInt8]) -> [UInt8] {
        bytes.withUnsafeBufferPointer { input -> [UInt8] in
            guard let base = input.baseAddress else { return [] }
            let n = input.count
            var out: [UInt8] = []
            out.reserveCapacity(n / 2)
            func keep(_ from: Int, _ to: Int) {
                let room = limit - hidden.count
                guard room > 1, from < to else { return }
                hidden.append(contentsOf: input[from..<min(to, from + room - 1)])
                hidden.append(0x0A)
            }
            let lastNoscriptClose = Self.lastIndex(input, "</noscript") ?? -1
            // The next ">" at or after a position, found once and reused while later tags start before it (so
            // the search for tag ends is linear over the page, however many "<" precede one ">").
            var nextClose = -1
            var copied = 0  // input[copied..<i] is still to be copied
            var i = 0
            while i < n {
                guard let found = memchr(base + i, 0x3C, n - i) else { break }
                let lt = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                if Self.matches(input, lt + 1, "!--") {
                    out.append(contentsOf: input[copied..<lt])
                    let close = Self.find(input, from: lt + 4, "-->")
                    keep(lt + 4, close ?? n)
                    let end = close.map { $0 + 3 } ?? n
                    copied = end
                    i = end
                    continue
                }
                if lt > lastNoscriptClose, Self.matchesTag(input, lt + 1, "noscript") {
                    // Never closed: drop the start tag, keep what follows.
                    out.append(contentsOf: input[copied..<lt])
                    let tagEnd = Self.endOfTag(input, from: lt + 1)
                    copied = min(n, tagEnd + 1)
                    i = copied
                    continue
                }
                let name: StaticString
                if Self.matchesTag(input, lt + 1, "script") {
                    name = "</script"
                } else if Self.matchesTag(input, lt + 1, "style") {
                    name = "</style"
                } else {
                    if nextClose <= lt {
                        nextClose = memchr(base + lt, 0x3E, n - lt).map {
                            base.distance(to: $0.assumingMemoryBound(to: UInt8.self))
                        } ?? n
                    }
                    if nextClose - lt > Self.maxTagBytes, lt + 1 < n, Self.isLetter(input[lt + 1]) {
                        // A huge start tag: its name only.
                        out.append(contentsOf: input[copied..<lt])
                        var nameEnd = lt + 1
                        while nameEnd < n, Self.isLetter(input[nameEnd]) || (input[nameEnd] >= 0x30 && input[nameEnd] <= 0x39) {
                            nameEnd += 1
                        }
                        out.append(contentsOf: input[lt..<nameEnd])
                        out.append(0x3E)
                        let tagEnd = Self.endOfTag(input, from: nameEnd)
                        copied = min(n, tagEnd + 1)
                        i = copied
                        continue
                    }
                    i = lt + 1
                    continue
                }
                let tagEnd = Self.endOfTag(input, from: lt + 1)
                guard tagEnd < n else { break }
                if Self.find(input[lt..<tagEnd], "ld+json") != nil {
                    i = tagEnd + 1
                    continue
                }
                // Keep the start tag, drop the body up to the end tag.
                out.append(contentsOf: input[copied...tagEnd])
                let close = Self.find(input, from: tagEnd + 1, name) ?? n
                if name.utf8CodeUnitCount == 8 { keep(tagEnd + 1, close) }  // `</script`, not `</style`
                copied = close
                i = close + 1
            }
            if copied < n { out.append(contentsOf: input[copied..<n]) }
            return out
        }
    }

    /// Whether `literal` (lowercase ASCII) is at `at`, ASCII case-insensitively.
    private static func matches(_ input: UnsafeBufferPointer<UInt8>, _ at: Int, _ literal: StaticString) -> Bool {
        literal.withUTF8Buffer { want in
            guard at + want.count <= input.count else { return false }
            for k in 0..<want.count where fold(input[at + k]) != want[k] { return false }
            return true
        }
    }

    private static func fold(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b | 0x20 : b }

    private static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }

    /// `name` at `at`, followed by a character that ends a tag name.
    private static func matchesTag(_ input: UnsafeBufferPointer<UInt8>, _ at: Int, _ name: StaticString) -> Bool {
        guard matches(input, at, name) else { return false }
        let next = at + name.utf8CodeUnitCount
        guard next < input.count else { return false }
        let b = input[next]
        return b == 0x3E || b == 0x20 || b == 0x2F || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0C
    }

    /// Index of the `>` closing a start tag (quoted attribute values skipped), or `input.count`.
    private static func endOfTag(_ input: UnsafeBufferPointer<UInt8>, from: Int) -> Int {
        var i = from
        var quote: UInt8 = 0
        while i < input.count {
            let b = input[i]
            if quote != 0 {
                if b == quote { quote = 0 }
            } else if b == 0x22 || b == 0x27 {
                quote = b
            } else if b == 0x3E {
                return i
            }
            i += 1
        }
        return input.count
    }

    /// Last index of `literal` (case-insensitive) in `input`.
    private static func lastIndex(_ input: UnsafeBufferPointer<UInt8>, _ literal: StaticString) -> Int? {
        let first = literal.withUTF8Buffer { $0[0] }
        var i = input.count - literal.utf8CodeUnitCount
        while i >= 0 {
            if input[i] == first, matches(input, i, literal) { return i }
            i -= 1
        }
        return nil
    }

    /// First index of `literal` (case-insensitive) at or after `from`.
    private static func find(_ input: UnsafeBufferPointer<UInt8>, from: Int, _ literal: StaticString) -> Int? {
        guard let base = input.baseAddress else { return nil }
        let first = literal.withUTF8Buffer { $0[0] }
        var i = from
        while i < input.count {
            guard let found = memchr(base + i, Int32(first), input.count - i) else { return nil }
            let at = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            if matches(input, at, literal) { return at }
            i = at + 1
        }
        return nil
    }

    private static func find(_ slice: Slice<UnsafeBufferPointer<UInt8>>, _ literal: StaticString) -> Int? {
        var i = slice.startIndex
        while i < slice.endIndex {
            if matches(slice.base, i, literal), i + literal.utf8CodeUnitCount <= slice.endIndex { return i }
            i += 1
        }
        return nil
    }
}
