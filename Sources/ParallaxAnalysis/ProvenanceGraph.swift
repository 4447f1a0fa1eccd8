/// The provenance of a story: which article cites which source, and the source most articles go back to.
///
/// Edges run from an article to a cited source (one per article and source: its first citation, with cue and
/// sentence). Sources are ranked by the number of distinct articles citing them, then by kind (outlets before
/// organizations, people and anonymous sources), then by how many articles cite them first, then by the number of
/// citations. `originalSource` is the top-ranked source.
public struct ProvenanceGraph: Sendable, Hashable {
    /// A cited source and who cites it.
    public struct Source: Sendable, Hashable, Codable {
        public var name: String
        public var kind: Citation.SourceKind
        /// Articles citing it, in the order of the citations given.
        public var articles: [String]
        /// Articles in which it is the first source cited.
        public var leads: Int
        /// All citations of it.
        public var citations: Int
    }

    /// One edge per article and source: the first citation.
    public let edges: [Citation]
    /// Sources, most cited first.
    public let sources: [Source]

    /// A graph over the citations of one story's articles.
    public init(citations: [Citation]) {
        var edges: [Citation] = []
        var seen = Set<[String]>()
        var firstCited: [String: String] = [:]
        var totals: [String: Int] = [:]
        for c in citations {
            totals[c.source, default: 0] += 1
            if firstCited[c.article] == nil { firstCited[c.article] = c.source }
            if seen.insert([c.article, c.source]).inserted { edges.append(c) }
        }
        var order: [String] = []
        var byName: [String: Source] = [:]
        for e in edges {
            if byName[e.source] == nil {
                order.append(e.source)
                byName[e.source] = Source(
                    name: e.source, kind: e.sourceKind, articles: [], leads: 0, citations: totals[e.source] ?? 0)
            }
            byName[e.source]!.articles.append(e.article)
        }
        for (_, source) in firstCited { byName[source]?.leads += 1 }
        func priority(_ k: Citation.SourceKind) -> Int {
            switch k {
            case .outlet: 3
            case .organization: 2
            case .person: 1
            case .anonymous: 0
            }
        }
        let rank = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1, $0) })
        self.edges = edges
        sources = order.compactMap { byName[$0] }.sorted { a, b in
            (a.articles.count, priority(a.kind), a.leads, a.citations, -rank[a.name]!)
                > (b.articles.count, priority(b.kind), b.leads, b.citations, -rank[b.name]!)
        }
    }

    /// The source the most articles cite (outlets before anonymous sources on ties), or nil without citations.
    public var originalSource: String? { sources.first?.name }

    /// The sources `article` cites, in text order.
    public func sources(citedBy article: String) -> [String] {
        edges.filter { $0.article == article }.map(\.source)
    }
}
