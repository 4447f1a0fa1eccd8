extension StoryAnalysis {
    /// How many items each list of the comparison holds: what ``mostShared(_:)`` cut from.
    public var listSizes: [String: Int] {
        [
            "claims": claims.count, "quotes": quotes.count, "citations": citations.count, "naming": naming.count,
            "framing": framing.count, "timeline": timeline.count, "synthesis": synthesis.count, "wording": wording.count,
        ]
    }

    /// The comparison with each list cut to its `limit` items, the most shared first as the reports show them:
    /// claims, quotes and dates by the number of articles that carry them (the dates then in date order), the
    /// other lists as analysed (already ranked); each kept item's occurrences (the sentences it was found in) are
    /// cut to `limit` too, while its `articles` stay whole. The story's articles and copy groups stay whole.
    public func mostShared(_ limit: Int) -> StoryAnalysis {
        let n = max(0, limit)
        var cut = self
        cut.claims = claims.byReach(\.reach).prefix(n).map {
            var claim = $0
            // The articles that carry it are counted before its occurrences are cut.
            var seen = Set<String>()
            claim.articles = (claim.articles + claim.occurrences.map(\.article)).filter { seen.insert($0).inserted }
            claim.occurrences = Array(claim.occurrences.prefix(n))
            return claim
        }
        cut.quotes = quotes.byReach(\.reach).prefix(n).map {
            var quote = $0
            quote.occurrences = Array(quote.occurrences.prefix(n))
            return quote
        }
        cut.citations = Array(citations.prefix(n))
        cut.naming = Array(naming.prefix(n))
        cut.framing = Array(framing.prefix(n))
        cut.timeline = timeline.mostShared(n).map {
            var event = $0
            event.occurrences = Array(event.occurrences.prefix(n))
            return event
        }
        cut.synthesis = Array(synthesis.prefix(n))
        cut.wording = Array(wording.prefix(n))
        return cut
    }
}

extension Claim {
    /// The number of articles that carry the claim (named, or found in an occurrence).
    var reach: Int { Set(articles).union(occurrences.map(\.article)).count }
}

extension Quote {
    /// The number of articles that carry the quote.
    var reach: Int { Set(occurrences.map(\.article)).count }
}

extension Array {
    /// The elements ordered by `reach`, the largest first, ties in their order: how every report ranks "most
    /// shared".
    func byReach(_ reach: (Element) -> Int) -> [Element] {
        let keys = map(reach)
        return indices.sorted { (keys[$0], -$0) > (keys[$1], -$1) }.map { self[$0] }
    }
}

extension [TimelineEvent] {
    /// The events in date order; with a `limit` below their number, the `limit` carried by most articles (ties: the
    /// earlier first), in date order.
    func mostShared(_ limit: Int?) -> [TimelineEvent] {
        let events = sorted { $0.date < $1.date }
        guard let limit, events.count > limit else { return events }
        return events.byReach { Set($0.articles).count }.prefix(Swift.max(0, limit)).sorted { $0.date < $1.date }
    }
}
