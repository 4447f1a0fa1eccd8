extension StoryAnalysis {
    /// How many items each list of the comparison holds: what ``mostShared(_:)`` cut from.
    public var listSizes: [String: Int] {
        [
            "claims": claims.count, "quotes": quotes.count, "citations": citations.count, "naming": naming.count,
            "framing": framing.count, "timeline": timeline.count, "synthesis": synthesis.count, "wording": wording.count,
        ]
    }

    /// The comparison with each list cut to its `limit` items, the most shared first as the reports show them:
    /// claims and quotes by the number of articles that carry them, dates in date order, the other lists as
    /// analysed (already ranked). Articles and copy groups stay whole.
    public func mostShared(_ limit: Int) -> StoryAnalysis {
        let n = max(0, limit)
        func byReach<T>(_ items: [T], _ articles: (T) -> Int) -> [T] {
            items.enumerated().sorted { (articles($0.element), -$0.offset) > (articles($1.element), -$1.offset) }
                .prefix(n).map(\.element)
        }
        var cut = self
        cut.claims = byReach(claims) { Set($0.articles).union($0.occurrences.map(\.article)).count }
        cut.quotes = byReach(quotes) { Set($0.occurrences.map(\.article)).count }
        cut.citations = Array(citations.prefix(n))
        cut.naming = Array(naming.prefix(n))
        cut.framing = Array(framing.prefix(n))
        cut.timeline = Array(timeline.sorted { $0.date < $1.date }.prefix(n))
        cut.synthesis = Array(synthesis.prefix(n))
        cut.wording = Array(wording.prefix(n))
        return cut
    }
}
