/// An inverted index from keys (words, terms, shingles) to items, for blocking: only items that share a key are
/// compared, and at most a fixed number of them per item.
///
/// ``candidates(of:limit:marks:skippingListsLongerThan:accept:)`` reads the posting lists of an item's keys shortest
/// (rarest key) first, lists of equal length by their items (not in the caller's set order, so that a cut does not
/// depend on hashing), so when the limit cuts the list the items dropped are those sharing only common keys. Cost per
/// query: O(keys log keys + limit), independent of the number of items once the limit is reached.
struct CandidateIndex<Key: Hashable & Sendable>: Sendable {
    private var postings: [Key: [Int]] = [:]

    /// Files `item` under each of `keys` (items are added in ascending order for lists to stay sorted).
    mutating func insert(_ item: Int, keys: some Sequence<Key>) {
        for key in keys { postings[key, default: []].append(item) }
    }

    /// Number of items filed under `key`.
    func count(of key: Key) -> Int { postings[key]?.count ?? 0 }

    /// The distinct items filed under any of `keys`, rarest keys first, at most `limit`; lists longer than
    /// `longest` are not read (a key shared by most items cannot make a pair distinctive). `accept` filters items
    /// before they count towards the limit; at most `4 * limit` entries are read in all. `marks` (sized for every
    /// item filed, reused from query to query) records the items seen.
    func candidates(
        of keys: some Sequence<Key>, limit: Int, marks: inout CandidateMarks, skippingListsLongerThan longest: Int = .max,
        accept: (Int) -> Bool = { _ in true }
    ) -> [Int] {
        marks.startQuery()
        let lists = keys.compactMap { postings[$0] }.filter { $0.count <= longest }
            .sorted { $0.count != $1.count ? $0.count < $1.count : $0.lexicographicallyPrecedes($1) }
        var result: [Int] = []
        var budget = limit.multipliedReportingOverflow(by: 4).overflow ? Int.max : 4 * limit
        for list in lists {
            for item in list {
                budget -= 1
                if budget < 0 { return result }
                guard marks.insert(item), accept(item) else { continue }
                result.append(item)
                if result.count >= limit { return result }
            }
        }
        return result
    }
}

/// The items one query of a ``CandidateIndex`` has seen, as a stamp per item: starting a query is O(1), so a loop
/// of queries over one index allocates nothing per query.
struct CandidateMarks {
    private var stamps: [UInt32]
    private var current: UInt32 = 0

    /// Marks for items `0..<count`.
    init(count: Int) { stamps = [UInt32](repeating: 0, count: count) }

    /// Forgets every item seen.
    mutating func startQuery() {
        current &+= 1
        if current == 0 {
            stamps = [UInt32](repeating: 0, count: stamps.count)
            current = 1
        }
    }

    /// Marks `item` as seen; whether it was not seen before in this query.
    mutating func insert(_ item: Int) -> Bool {
        guard stamps[item] != current else { return false }
        stamps[item] = current
        return true
    }
}
