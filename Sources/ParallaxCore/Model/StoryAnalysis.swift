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

    public init(
        story: Story, quotes: [Quote] = [], citations: [Citation] = [], originalSource: String? = nil,
        naming: [NamingChoice] = [], framing: [FramingUse] = [], claims: [Claim] = [],
        timeline: [TimelineEvent] = [], synthesis: [SynthesisPoint] = []
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
