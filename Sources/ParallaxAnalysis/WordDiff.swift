/// Word-level difference between two wordings of a statement, as runs of same, added and removed words.
///
/// Words are compared case-insensitively, ignoring surrounding punctuation and periods inside initialisms
/// (`U.S.-supplied` equals `US-supplied`), so typography alone never shows up as a change. Longest common
/// subsequence over words: O(n·m) time and memory; above `maxCells` it falls back to a common prefix and suffix.
public struct WordDiff: Sendable {
    /// Largest n·m computed exactly.
    public var maxCells = 4_000_000

    public init() {}

    /// The runs that turn `reference` into `text`: `same` and `added` carry `text`'s words, `removed` the
    /// reference's. At a substitution the removed run comes first.
    public func diff(_ text: String, against reference: String) -> [DiffSegment] {
        let a = WordDiff.words(reference)
        let b = WordDiff.words(text)
        // Keys as integer ids: the n·m table compares integers, not strings.
        var ids: [String: Int] = [:]
        func id(_ word: String) -> Int { ids.denseID(of: WordDiff.key(word)).id }
        let ka = a.map(id)
        let kb = b.map(id)
        var ops: [(DiffSegment.Kind, String)] = []
        if ka == kb {
            ops = b.map { (.same, $0) }  // the same wording (a quote's own reference): what the table would give
        } else if a.count * b.count <= maxCells {
            ops = lcsOps(a, b, ka, kb)
        } else {
            var p = 0
            while p < a.count, p < b.count, ka[p] == kb[p] { p += 1 }
            var s = 0
            while s < a.count - p, s < b.count - p, ka[a.count - 1 - s] == kb[b.count - 1 - s] { s += 1 }
            ops = b[..<p].map { (.same, $0) } + a[p..<(a.count - s)].map { (.removed, $0) }
                + b[p..<(b.count - s)].map { (.added, $0) } + b[(b.count - s)...].map { (.same, $0) }
        }
        var segments: [DiffSegment] = []
        for (kind, word) in ops {
            if let last = segments.last, last.kind == kind {
                segments[segments.count - 1].text += " " + word
            } else {
                segments.append(DiffSegment(kind: kind, text: word))
            }
        }
        return segments
    }

    private func lcsOps(_ a: [String], _ b: [String], _ ka: [Int], _ kb: [Int]) -> [(DiffSegment.Kind, String)] {
        let n = a.count
        let m = b.count
        // table[i][j] = LCS length of a[i...] and b[j...], row-major.
        var table = [Int32](repeating: 0, count: (n + 1) * (m + 1))
        if n > 0, m > 0 {
            for i in stride(from: n - 1, through: 0, by: -1) {
                for j in stride(from: m - 1, through: 0, by: -1) {
                    table[i * (m + 1) + j] =
                        ka[i] == kb[j]
                        ? table[(i + 1) * (m + 1) + j + 1] + 1
                        : max(table[(i + 1) * (m + 1) + j], table[i * (m + 1) + j + 1])
                }
            }
        }
        var ops: [(DiffSegment.Kind, String)] = []
        var pendingRemoved: [String] = []
        var pendingAdded: [String] = []
        func flush() {
            ops += pendingRemoved.map { (.removed, $0) } + pendingAdded.map { (.added, $0) }
            pendingRemoved = []
            pendingAdded = []
        }
        var i = 0
        var j = 0
        while i < n || j < m {
            if i < n, j < m, ka[i] == kb[j] {
                flush()
                ops.append((.same, b[j]))
                i += 1
                j += 1
            } else if j < m, i == n || table[i * (m + 1) + j + 1] >= table[(i + 1) * (m + 1) + j] {
                pendingAdded.append(b[j])
                j += 1
            } else {
                pendingRemoved.append(a[i])
                i += 1
            }
        }
        flush()
        return ops
    }

    static func words(_ text: String) -> [String] {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).map(String.init)
    }

    /// The comparison key of a word: lowercased, typographic variants folded, edge punctuation and inner periods
    /// dropped.
    static func key(_ word: String) -> String {
        if word.utf8.allSatisfy({ $0 < 0x80 }) {
            // ASCII (most words): the same key on bytes, without Unicode property lookups.
            var kept: [UInt8] = []
            kept.reserveCapacity(word.utf8.count)
            for byte in word.utf8 {
                let b = byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
                if (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) || b == 0x2D { kept.append(b) }
            }
            return kept.isEmpty ? Tokenizer.norm(word) : String(decoding: kept, as: UTF8.self)
        }
        let folded = Tokenizer.norm(word)
        var scalars = String.UnicodeScalarView()
        for s in folded.unicodeScalars where s.properties.isAlphabetic || s.properties.numericType != nil || s == "-" {
            scalars.append(s)
        }
        let key = String(scalars)
        return key.isEmpty ? folded : key
    }
}
