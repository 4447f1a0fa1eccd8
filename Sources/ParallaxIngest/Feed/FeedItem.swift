/// One entry of a feed as written, before it becomes an ``Article``.
struct FeedItem: Sendable {
    /// The item body: HTML to extract text from, or plain text.
    enum Body: Sendable {
        case html([UInt8])
        case text(String)
    }

    var id: String?
    var url: String?
    var title: String?
    var date: String?
    var authors: [String] = []
    /// Bodies in order of preference (full content before summary).
    var bodies: [Body] = []
}

/// A parsed feed: its own metadata and its items.
struct Feed: Sendable {
    var title: String?
    var language: String?
    var items: [FeedItem] = []
}
