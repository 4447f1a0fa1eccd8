/// The most central members of a group (a claim's sentences, a timeline event's mentions), scored without comparing
/// every pair when the group is large.
enum Centrality {
    /// Each candidate member's summed similarity to every other member (added in member order), candidates in
    /// ascending order.
    ///
    /// Up to `limit` members, every member is a candidate and every pair is compared, O(count²). Above it, members
    /// with the same `key` are copies (they score alike): the candidates are the first members of the `limit` most
    /// repeated keys, and a candidate is compared with one member per key, O(limit × count).
    static func scores<Key: Hashable>(
        count: Int, limit: Int, key: (Int) -> Key, similarity: (Int, Int) -> Double
    ) -> [(member: Int, score: Double)] {
        guard count > limit else {
            return (0..<count).map { m in
                (m, (0..<count).reduce(0.0) { $0 + ($1 == m ? 0 : similarity(m, $1)) })
            }
        }
        var index: [Key: Int] = [:]
        var first: [Int] = []
        var repeats: [Int] = []
        let classOf = (0..<count).map { m -> Int in
            let k = key(m)
            if let c = index[k] {
                repeats[c] += 1
                return c
            }
            index[k] = first.count
            first.append(m)
            repeats.append(1)
            return first.count - 1
        }
        let chosen = first.indices.sorted { (repeats[$0], first[$1]) > (repeats[$1], first[$0]) }.prefix(limit)
        return chosen.map { first[$0] }.sorted().map { m in
            var known = [Double?](repeating: nil, count: first.count)
            var score = 0.0
            for o in 0..<count where o != m {
                if let s = known[classOf[o]] {
                    score += s
                } else {
                    let s = similarity(m, o)
                    known[classOf[o]] = s
                    score += s
                }
            }
            return (m, score)
        }
    }
}
