/// An inverted index from keys (words, terms, shingles) to items, for blocking: only items that share a key are
/// compared, and at most a fixed number of them per item.
///
/// ``candidates(of:limit:skippingListsLongerThan:accept:)`` reads the posting lists of an item's keys shortest (rarest
/// key) first, lists of equal length by their items (not in the caller's set order, so that a cut does not depend on
/// hashing), so when the limit cuts the list the items dropped are those sharing only common keys. Cost per query:
/// O(keys log keys + limit), independent of the number of items once the limit is reached.
struct CandidateIndex<Key: Hashable> {
    private var postings: [Key: [Int]] = [:]

    /// Files `item` under each of `keys` (items are added in ascending order for lists to stay sorted).
    mutating func insert(_ item: Int, keys: some Sequence<Key>) {
        for key in keys { postings[key, default: []].append(item) }
    }

    /// Number of items filed under `key`.
    func count(of key: Key) -> Int { postings[key]?.count ?? 0 }

    /// The distinct items filed under any of `keys`, rarest keys first, at most `limit`; lists longer than
    /// `longest` are not read (a key shared by most items cannot make a pair distinctive). `accept` filters items
    /// before they count towards the limit; at most `4 * limit` entries are read in all.
    func candidates(
        of keys: some Sequence<Key>, limit: Int, skippingListsLongerThan longest: Int = .max,
        accept: (Int) -> Bool = { _ in true }
    ) -> [Int] {
        let lists = keys.compactMap { postings[$0] }.filter { $0.count <= longest }
            .sorted { $0.count != $1.count ? $0.count < $1.count : $0.lexicographicallyPrecedes($1) }
        var seen = Set<Int>()
        var result: [Int] = []
        var budget = limit.multipliedReportingOverflow(by: 4).overflow ? Int.max : 4 * limit
        for list in lists {
            for item in list {
                budget -= 1
                if budget < 0 { return result }
                guard seen.insert(item).inserted, accept(item) else { continue }
                result.append(item)
                if result.count >= limit { return result }
            }
        }
        return result
    }
}
