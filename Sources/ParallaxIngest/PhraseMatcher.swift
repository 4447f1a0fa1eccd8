/// Finds lowercase phrases in a line key (see ``LineShape``) on word boundaries, on UTF-8 bytes.
///
/// Phrases are bucketed by their first byte, so a line is scanned once whatever the number of phrases:
/// O(n · b) for n bytes and b phrases sharing a first byte.
struct PhraseMatcher: Sendable {
    private let phrases: [[UInt8]]
    private let buckets: [[Int]]
    private let starts: [Bool]

    init(_ list: [String]) {
        phrases = list.map { Array($0.utf8) }.filter { !$0.isEmpty }
        var buckets = Array(repeating: [Int](), count: 256)
        for (i, p) in phrases.enumerated() { buckets[Int(p[0])].append(i) }
        self.buckets = buckets
        starts = buckets.map { !$0.isEmpty }
    }

    /// Byte offsets where a phrase starts in `key`, in text order (at most one per offset).
    func matchStarts(in key: [UInt8]) -> [Int] {
        var out: [Int] = []
        scan(key) { start in
            out.append(start)
            return false
        }
        return out
    }

    /// Whether any phrase occurs in `key`.
    func matches(_ key: [UInt8]) -> Bool {
        var found = false
        scan(key) { _ in
            found = true
            return true
        }
        return found
    }

    private func scan(_ key: [UInt8], _ found: (Int) -> Bool) {
        key.withUnsafeBufferPointer { key in
            phrases.withUnsafeBufferPointer { phrases in
                buckets.withUnsafeBufferPointer { buckets in starts.withUnsafeBufferPointer { starts in
                    let n = key.count
                    for start in 0..<n where starts[Int(key[start])] {
                        let candidates = buckets[Int(key[start])]
                        let boundaryBefore = start == 0 || !Self.isWordByte(key[start - 1])
                        for index in candidates where matchesAt(phrases[index], key, start, boundaryBefore) {
                            if found(start) { return }
                            break
                        }
                    }
                }}
            }
        }
    }

    private func matchesAt(
        _ p: [UInt8], _ key: UnsafeBufferPointer<UInt8>, _ start: Int, _ boundaryBefore: Bool
    ) -> Bool {
        let end = start + p.count
        guard end <= key.count, boundaryBefore || !Self.isWordByte(p[0]) else { return false }
        return p.withUnsafeBufferPointer { p in
            for k in 1..<p.count where key[start + k] != p[k] { return false }
            return end == key.count || !Self.isWordByte(p[p.count - 1]) || !Self.isWordByte(key[end])
        }
    }

    /// Letters, digits, `#` and any non-ASCII byte count as word bytes.
    static func isWordByte(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || b == 0x23 || b >= 0x80
    }
}
