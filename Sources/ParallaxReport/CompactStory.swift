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
