/// How a story of more articles than a report's item limit is cut down (the HTML report's compact story, the
/// text report's coverage counts): lists that grow with the articles are capped, each saying how many more.
enum CompactStory {
    /// Wordings listed per quote.
    static let occurrences = 10
    /// Article links per finding, and outlet names per synthesis point.
    static let links = 10
    /// Sources drawn in the citation graph, and the citing articles drawn with them.
    static let graph = (sources: 12, articles: 40)
}

/// A report's item limit applied to one story: how many items of each list are shown, and whether the story is
/// compact (more articles than the limit, so lists that grow with its articles are capped too).
struct StoryLimits {
    /// The report's item limit (nil: everything).
    let itemLimit: Int?
    /// More articles than ``itemLimit``.
    let compact: Bool

    init(_ itemLimit: Int?, _ c: StoryContext) {
        self.itemLimit = itemLimit
        self.compact = itemLimit.map { c.members.count > $0 } ?? false
    }

    /// How many of `count` items a list shows: the limit, or all.
    func shown(_ count: Int) -> Int { min(count, itemLimit ?? count) }

    /// How many of `count` items a list that grows with the articles shows: the limit in a compact story, or all.
    func shownIfCompact(_ count: Int) -> Int { compact ? shown(count) : count }

    /// Most article numbers listed per finding: a few in a compact story, else all (nil).
    var links: Int? { compact ? CompactStory.links : nil }
}
