/// Union-find over `0..<count` with path halving; the smaller index is kept as a set's root.
struct DisjointSets: Sendable {
    private var parent: [Int]

    init(count: Int) { parent = Array(0..<count) }

    /// The root of `i`'s set.
    mutating func root(_ i: Int) -> Int {
        var i = i
        while parent[i] != i {
            parent[i] = parent[parent[i]]
            i = parent[i]
        }
        return i
    }

    /// Joins the sets of `a` and `b`.
    mutating func union(_ a: Int, _ b: Int) {
        let x = root(a)
        let y = root(b)
        if x != y { parent[max(x, y)] = min(x, y) }
    }

    /// The sets with two or more members, each in ascending order, ordered by their smallest member.
    mutating func groups() -> [[Int]] {
        var members: [Int: [Int]] = [:]
        for i in parent.indices { members[root(i), default: []].append(i) }
        return members.values.filter { $0.count > 1 }.sorted { $0[0] < $1[0] }
    }
}
