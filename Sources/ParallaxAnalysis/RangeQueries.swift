/// Range queries over the attributions of one sentence, so that comparing each with the others stays O(k log k)
/// in a sentence of thousands of cues ("he said she said ...").
/// Minimum over ranges of a fixed array (a sparse table): O(n log n) to build, O(1) per query.
struct RangeMinimum {
    private var levels: [[Int]]

    init(_ values: [Int]) {
        levels = [values]
        var width = 1
        while width * 2 <= values.count {
            let previous = levels[levels.count - 1]
            levels.append((0...(values.count - width * 2)).map { Swift.min(previous[$0], previous[$0 + width]) })
            width *= 2
        }
    }

    /// The minimum of the values at `range` (not empty).
    func min(_ range: Range<Int>) -> Int {
        var level = 0
        while 1 << (level + 1) <= range.count { level += 1 }
        return Swift.min(levels[level][range.lowerBound], levels[level][range.upperBound - (1 << level)])
    }
}

/// A set of positions 0..<count that only grows, answering "the first position in the set at or after p" in
/// O(log count) (a segment tree of "any member below").
struct FirstActive {
    private var size = 1
    private var tree: [Bool]

    init(count: Int) {
        while size < max(1, count) { size *= 2 }
        tree = [Bool](repeating: false, count: 2 * size)
    }

    mutating func insert(_ position: Int) {
        var n = position + size
        while n >= 1, !tree[n] {
            tree[n] = true
            n /= 2
        }
    }

    /// The smallest member at or after `position`, or nil.
    func first(atOrAfter position: Int) -> Int? {
        position < size ? find(1, 0, size, position) : nil
    }

    private func find(_ node: Int, _ lo: Int, _ hi: Int, _ position: Int) -> Int? {
        if hi <= position || !tree[node] { return nil }
        if hi - lo == 1 { return lo }
        let mid = (lo + hi) / 2
        return find(2 * node, lo, mid, position) ?? find(2 * node + 1, mid, hi, position)
    }
}
