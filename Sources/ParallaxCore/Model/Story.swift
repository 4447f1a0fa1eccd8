/// Articles about one event, as grouped by the story clusterer.
public struct Story: Sendable, Hashable, Codable, Identifiable {
    /// Stable id within a run (`story-1`, ...).
    public var id: String
    /// A representative headline.
    public var title: String
    /// Member article ids, oldest first.
    public var articles: [String]
    /// Groups of member ids whose texts are exact or near copies of each other (wire copies); each group has
    /// two or more ids. Articles in one group count once when findings are counted across "independent" outlets.
    public var copies: [[String]]

    public init(id: String, title: String, articles: [String], copies: [[String]] = []) {
        self.id = id
        self.title = title
        self.articles = articles
        self.copies = copies
    }
}
