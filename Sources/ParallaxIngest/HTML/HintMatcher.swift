/// Finds which hint patterns occur in an element's class names and id, in one pass over their bytes.
///
/// An Aho-Corasick automaton over a small alphabet (`a`-`z`, `0`-`9`, `-`, `_`, and `|` for any other byte, which
/// separates names). Each pattern carries a bit mask of roles; ``roles(in:)`` returns the union of the masks of all
/// patterns found. O(n) in the input length, no allocation.
///
/// In token mode (`tokens: true`) names read as tokens: `_` is read as `-`, and a camelCase boundary (a lowercase
/// letter or digit followed by an uppercase letter) as a `-` between them, so `APageRoot` reads `apage-root` and
/// `articleBody` reads `article-body`. Patterns anchored with `|` (name start or end) and `-` (token start or end)
/// then match whole tokens only (``anchored(_:atNameStart:toTokenEnd:)``).
struct HintMatcher: Sendable {
    private static let alphabetSize = 39
    private static let boundary: UInt8 = 38
    private static let dash: UInt8 = 36
    /// Byte -> symbol; uppercase letters fold to lowercase.
    private static let symbolOf: [UInt8] = {
        var table = [UInt8](repeating: boundary, count: 256)
        for b in UInt8(ascii: "a")...UInt8(ascii: "z") { table[Int(b)] = b - UInt8(ascii: "a") }
        for b in UInt8(ascii: "A")...UInt8(ascii: "Z") { table[Int(b)] = b - UInt8(ascii: "A") }
        for b in UInt8(ascii: "0")...UInt8(ascii: "9") { table[Int(b)] = 26 + b - UInt8(ascii: "0") }
        table[Int(UInt8(ascii: "-"))] = 36
        table[Int(UInt8(ascii: "_"))] = 37
        return table
    }()

    private var transitions: [Int32]  // state * alphabetSize + symbol -> state
    private var output: [UInt32]  // state -> union of role masks of patterns ending here (with suffix links)
    /// Token mode: `_` as `-`, camelCase boundaries as `-`.
    let tokens: Bool

    /// The spellings of `pattern` (lowercase; `_` read as `-`) that match it as whole tokens in token mode: from
    /// the start of a name (`atNameStart`) or of any token, and, with `toTokenEnd`, up to the end of a token (so
    /// `pager` never matches `apage-root`, `-promo` never `node-promoted`). A pattern that begins or ends with
    /// `|` or `-` keeps that anchor as written.
    static func anchored(_ pattern: String, atNameStart: Bool, toTokenEnd: Bool) -> [String] {
        let p = pattern.lowercased().replacingOccurrences(of: "_", with: "-")
        guard let first = p.first, let last = p.last else { return [] }
        let starts = first == "|" || first == "-" ? [p] : (atNameStart ? ["|" + p] : ["|" + p, "-" + p])
        guard toTokenEnd, last != "|", last != "-" else { return starts }
        return starts.flatMap { [$0 + "-", $0 + "|"] }
    }

    /// Builds the automaton. `patterns` pairs each pattern with its role mask.
    init(patterns: [(String, UInt32)], tokens: Bool = false) {
        self.tokens = tokens
        let k = Self.alphabetSize
        var goto: [[Int32]] = [[Int32](repeating: -1, count: k)]
        var out: [UInt32] = [0]
        for (pattern, mask) in patterns {
            var state = 0
            for byte in pattern.utf8 {
                let s = Int(Self.symbolOf[Int(byte)])
                if goto[state][s] < 0 {
                    goto.append([Int32](repeating: -1, count: k))
                    out.append(0)
                    goto[state][s] = Int32(goto.count - 1)
                }
                state = Int(goto[state][s])
            }
            out[state] |= mask
        }
        // Breadth-first: failure links, then full transition table.
        var fail = [Int32](repeating: 0, count: goto.count)
        var table = [Int32](repeating: 0, count: goto.count * k)
        var queue: [Int] = []
        for s in 0..<k {
            let next = goto[0][s]
            if next >= 0 {
                table[s] = next
                fail[Int(next)] = 0
                queue.append(Int(next))
            }
        }
        var head = 0
        while head < queue.count {
            let state = queue[head]
            head += 1
            out[state] |= out[Int(fail[state])]
            for s in 0..<k {
                let next = goto[state][s]
                if next >= 0 {
                    fail[Int(next)] = table[Int(fail[state]) * k + s]
                    table[state * k + s] = next
                    queue.append(Int(next))
                } else {
                    table[state * k + s] = table[Int(fail[state]) * k + s]
                }
            }
        }
        self.transitions = table
        self.output = out
    }

    /// The union of the role masks of all patterns that occur in `|bytes|` (the text is framed by boundaries).
    func roles(in bytes: UnsafeBufferPointer<UInt8>, state: inout Int32, mask: inout UInt32) {
        let k = Self.alphabetSize
        guard tokens else {
            for byte in bytes {
                state = transitions[Int(state) * k + Int(Self.symbolOf[Int(byte)])]
                mask |= output[Int(state)]
            }
            return
        }
        var previousLower = false
        for byte in bytes {
            let isUpper = byte >= 0x41 && byte <= 0x5A
            if isUpper, previousLower {
                state = transitions[Int(state) * k + Int(Self.dash)]
                mask |= output[Int(state)]
            }
            previousLower = (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
            let symbol = byte == UInt8(ascii: "_") ? Self.dash : Self.symbolOf[Int(byte)]
            state = transitions[Int(state) * k + Int(symbol)]
            mask |= output[Int(state)]
        }
    }

    /// Feeds one name boundary into a running match.
    func boundary(state: inout Int32, mask: inout UInt32) {
        state = transitions[Int(state) * Self.alphabetSize + Int(Self.boundary)]
        mask |= output[Int(state)]
    }

    /// The union of the role masks of all patterns found in `|text|`.
    func roles(in text: String) -> UInt32 {
        var state: Int32 = 0
        var mask: UInt32 = 0
        boundary(state: &state, mask: &mask)
        var copy = text
        copy.withUTF8 { roles(in: $0, state: &state, mask: &mask) }
        boundary(state: &state, mask: &mask)
        return mask
    }
}
