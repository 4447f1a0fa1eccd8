/// The comparison of one story's articles: everything Parallax found, per finding kind.
///
/// Encodes to the `stories[]` object of the JSON contract (`docs/JSON.md`).
public struct StoryAnalysis: Sendable, Hashable, Codable, Identifiable {
    public var id: String
    public var title: String
    /// Member article ids.
    public var articles: [String]
    /// Groups of ids that are copies of one text.
    public var copies: [[String]]
    public var quotes: [Quote]
    public var citations: [Citation]
    /// The source most cited across the story's articles, taken as the story's original source.
    public var originalSource: String?
    public var naming: [NamingChoice]
    public var framing: [FramingUse]
    public var claims: [Claim]
    public var timeline: [TimelineEvent]
    public var synthesis: [SynthesisPoint]
    /// Phrases one group of the story's outlets uses and the others do not (empty in comparisons stored before
    /// they were computed).
    public var wording: [ContrastivePhrase]

    public init(
        story: Story, quotes: [Quote] = [], citations: [Citation] = [], originalSource: String? = nil,
        naming: [NamingChoice] = [], framing: [FramingUse] = [], claims: [Claim] = [],
        timeline: [TimelineEvent] = [], synthesis: [SynthesisPoint] = [], wording: [ContrastivePhrase] = []
    ) {
        self.id = story.id
        self.title = story.title
        self.articles = story.articles
        self.copies = story.copies
        self.quotes = quotes
        self.citations = citations
        self.originalSource = originalSource
        self.naming = naming
        self.framing = framing
        self.claims = claims
        self.timeline = timeline
        self.synthesis = synthesis
        self.wording = wording
    }

    private enum CodingKeys: String, CodingKey {
        case id, title, articles, copies, quotes, citations, originalSource, naming, framing, claims, timeline
        case synthesis, wording
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        title = try c.decode(String.self, forKey: .title)
        articles = try c.decode([String].self, forKey: .articles)
        copies = try c.decode([[String]].self, forKey: .copies)
        quotes = try c.decode([Quote].self, forKey: .quotes)
        citations = try c.decode([Citation].self, forKey: .citations)
        originalSource = try c.decodeIfPresent(String.self, forKey: .originalSource)
        naming = try c.decode([NamingChoice].self, forKey: .naming)
        framing = try c.decode([FramingUse].self, forKey: .framing)
        claims = try c.decode([Claim].self, forKey: .claims)
        timeline = try c.decode([TimelineEvent].self, forKey: .timeline)
        synthesis = try c.decode([SynthesisPoint].self, forKey: .synthesis)
        wording = try c.decodeIfPresent([ContrastivePhrase].self, forKey: .wording) ?? []
    }
}

/// The whole result of `parallax analyze`: the articles read, the stories found and their analyses.
public struct AnalysisReport: Sendable, Hashable, Codable {
    public var articles: [Article]
    public var stories: [StoryAnalysis]
    /// Inputs that were skipped, with the reason.
    public var issues: [IngestIssue]

    public init(articles: [Article], stories: [StoryAnalysis], issues: [IngestIssue] = []) {
        self.articles = articles
        self.stories = stories
        self.issues = issues
    }
}
