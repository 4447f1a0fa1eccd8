/// One story seen by a renderer: its member articles numbered 1...n, with display names for their outlets.
///
/// Findings refer to articles by id; renderers show them by number and outlet ("3 Calder Ledger"). Ids that the
/// report does not list as articles are kept and shown as they are, so a partial report still renders.
struct StoryContext: Sendable {
    struct Member: Sendable {
        /// 1-based number within the story.
        let number: Int
        let id: String
        let article: Article?
        /// The outlet, else the URL's host, else the article id.
        let outletName: String
    }

    let story: StoryAnalysis
    let members: [Member]
    private let byID: [String: Member]

    init(story: StoryAnalysis, articles: [String: Article]) {
        self.story = story
        var members: [Member] = []
        var byID: [String: Member] = [:]
        for id in story.articles where byID[id] == nil {
            let article = articles[id]
            let m = Member(
                number: members.count + 1, id: id, article: article,
                outletName: article.map(StoryContext.outletName) ?? id)
            members.append(m)
            byID[id] = m
        }
        self.members = members
        self.byID = byID
    }

    /// The contexts of all stories of `report`, in report order.
    static func all(in report: AnalysisReport) -> [StoryContext] {
        var articles: [String: Article] = [:]
        for a in report.articles where articles[a.id] == nil { articles[a.id] = a }
        return report.stories.map { StoryContext(story: $0, articles: articles) }
    }

    func member(_ id: String) -> Member? { byID[id] }

    /// The sentence `span` of member `id` (findings keep spans, not text), cut after ``sentenceLimit`` bytes and
    /// marked `…` when longer (a "sentence" of a whole unpunctuated text, shown next to each of its findings, would
    /// make the report grow with findings times text); empty when the article is not in the report.
    func sentence(_ id: String, _ span: TextSpan) -> String {
        byID[id]?.article?.text.excerpt(span, limit: sentenceLimit) ?? ""
    }

    /// The article's number in the story, as text (`"3"`), or its id when it is not a member.
    func number(_ id: String) -> String { byID[id].map { String($0.number) } ?? id }

    /// The articles' numbers joined by `separator`; with a `limit`, the first `limit` of them and `+N` for the rest
    /// (a finding carried by thousands of articles of a big story lists a few).
    func numbers(_ ids: [String], separator: String = ",", limit: Int? = nil) -> String {
        Self.joined(ids, separator: separator, limit: limit, number)
    }

    /// The first `limit` of `items` (all without a limit) rendered by `render` and joined by `separator`, then
    /// `+N` for the rest: how every report caps a list that grows with a story's articles.
    static func joined<T>(_ items: [T], separator: String, limit: Int?, _ render: (T) -> String) -> String {
        let n = min(items.count, limit ?? items.count)
        let shown = items.prefix(n).map(render).joined(separator: separator)
        return n < items.count ? shown + separator + "+\(items.count - n)" : shown
    }

    /// The timeline as reports list it (``Swift/Array/mostShared(_:)``).
    func timeline(limit: Int?) -> [TimelineEvent] { story.timeline.mostShared(limit) }

    /// `"3 Calder Ledger"`.
    func label(_ id: String) -> String {
        guard let m = byID[id] else { return id }
        return "\(m.number) \(m.outletName)"
    }

    /// Distinct outlet names among the members.
    var outletCount: Int { Set(members.map(\.outletName)).count }

    /// Citation counts per source (how many citations, in how many articles), most cited first.
    var citedSources: [(source: String, citations: Int, articles: Int)] {
        var order: [String] = []
        var counts: [String: (Int, Set<String>)] = [:]
        for c in story.citations {
            if counts[c.source] == nil { order.append(c.source) }
            counts[c.source, default: (0, [])].0 += 1
            counts[c.source, default: (0, [])].1.insert(c.article)
        }
        let rows = order.map { (source: $0, citations: counts[$0]!.0, articles: counts[$0]!.1.count) }
        return rows.enumerated().sorted {
            ($0.element.articles, $0.element.citations, -$0.offset) > (
                $1.element.articles, $1.element.citations, -$1.offset
            )
        }.map(\.element)
    }

    /// The quotes with the number of articles carrying each, most widely carried first (that is where wording
    /// drifts), ties in analysis order.
    var quotesByReach: [(quote: Quote, articles: Int)] {
        story.quotes.byReach(\.reach).map { (quote: $0, articles: $0.reach) }
    }

    /// A content-derived id as people read it: `c-3a0f9e` for `c-3a0f9e12b4c5d6e7` (the prefix and six hex digits,
    /// enough to tell a story's findings apart); other ids unchanged. The JSON output keeps the whole id.
    static func shortID(_ id: String) -> String {
        let parts = id.split(separator: "-", maxSplits: 1)
        guard parts.count == 2, parts[1].count == 16, parts[1].allSatisfy(\.isHexDigit) else { return id }
        return parts[0] + "-" + parts[1].prefix(6)
    }

    /// `"1 article"`, `"3 articles"`.
    static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)" + (n == 1 ? "" : "s") }

    static func outletName(_ a: Article) -> String {
        if let o = a.outlet, !o.isEmpty { return o }
        if let url = a.url, let host = host(of: url) { return host }
        return a.id
    }

    /// The host of an absolute URL, without a leading `www.` (``WebAddress/host(of:)``).
    static func host(of url: String) -> String? {
        guard url.contains("://") else { return nil }
        let host = WebAddress.host(of: url)
        return host.isEmpty ? nil : host
    }
}
