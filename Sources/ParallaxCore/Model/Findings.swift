// Findings of the per-story comparison. Plain values; every occurrence keeps its article id and UTF-8 spans into
// that article's text (the finding and its sentence), so each finding is traceable to its source. Findings do not
// copy sentence text: renderers slice it from the article (`String[span:]`).

/// One statement quoted or reported by one or more articles.
public struct Quote: Sendable, Hashable, Codable, Identifiable {
    public var id: String
    /// The speaker most occurrences name ("John Kirby", "a U.S. official"), if any.
    public var speaker: String?
    /// The speaker's role when given ("National Security Council spokesman").
    public var speakerRole: String?
    /// The fullest wording among the occurrences; diffs are against this text.
    public var text: String
    /// One occurrence per article that carries the statement.
    public var occurrences: [QuoteOccurrence]

    public init(
        id: String, speaker: String?, speakerRole: String? = nil, text: String, occurrences: [QuoteOccurrence]
    ) {
        self.id = id
        self.speaker = speaker
        self.speakerRole = speakerRole
        self.text = text
        self.occurrences = occurrences
    }
}

/// How one article renders a quoted or reported statement.
public struct QuoteOccurrence: Sendable, Hashable, Codable {
    public var article: String
    /// This article's wording of the statement.
    public var text: String
    /// Whether the wording stands inside quotation marks (`false` for reported speech or dropped marks).
    public var quoted: Bool
    /// The speaker as this article names it (after pronoun resolution), if any.
    public var speaker: String?
    /// The attribution cue ("said", "told Reuters", "according to").
    public var cue: String?
    /// Span of `text` in the article.
    public var span: TextSpan
    /// Span of the full sentence(s) that hold the statement.
    public var sentenceSpan: TextSpan
    /// Word-level differences from the quote's fullest wording (`Quote.text`).
    public var diff: [DiffSegment]
    /// Span of the speaker's mention as written ("he", "a U.S. official"), when there is one.
    public var speakerSpan: TextSpan?

    public init(
        article: String, text: String, quoted: Bool, speaker: String?, cue: String? = nil,
        span: TextSpan, sentenceSpan: TextSpan, diff: [DiffSegment] = [], speakerSpan: TextSpan? = nil
    ) {
        self.article = article
        self.text = text
        self.quoted = quoted
        self.speaker = speaker
        self.cue = cue
        self.span = span
        self.sentenceSpan = sentenceSpan
        self.diff = diff
        self.speakerSpan = speakerSpan
    }
}

/// One run of a word-level diff.
public struct DiffSegment: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Codable {
        /// Words in both texts.
        case same
        /// Words only in this occurrence.
        case added
        /// Words of the reference missing from this occurrence.
        case removed
    }

    public var kind: Kind
    public var text: String

    public init(kind: Kind, text: String) {
        self.kind = kind
        self.text = text
    }
}

/// An article naming a source for what it reports: an edge of the story's provenance graph.
public struct Citation: Sendable, Hashable, Codable {
    public enum SourceKind: String, Sendable, Codable {
        /// A news outlet or agency ("Politico", "Reuters").
        case outlet
        /// A named person ("John Kirby").
        case person
        /// A government body or organization ("the Pentagon", "the State Department").
        case organization
        /// An unnamed or described source ("a U.S. official", "two people familiar with the move").
        case anonymous
    }

    public var article: String
    /// The cited source, as named ("Politico", "a State Department spokesperson").
    public var source: String
    public var sourceKind: SourceKind
    /// The words that mark the citation ("citing", "told", "reported", "according to").
    public var cue: String
    /// Span of the source's name in the article.
    public var span: TextSpan
    /// Span of the sentence that cites.
    public var sentenceSpan: TextSpan

    public init(
        article: String, source: String, sourceKind: SourceKind, cue: String, span: TextSpan,
        sentenceSpan: TextSpan
    ) {
        self.article = article
        self.source = source
        self.sourceKind = sourceKind
        self.cue = cue
        self.span = span
        self.sentenceSpan = sentenceSpan
    }
}

/// An entity whose name varies between the story's articles (Kiev/Kyiv).
public struct NamingChoice: Sendable, Hashable, Codable {
    /// The entity's reference name (`Kyiv`).
    public var entity: String
    public var variants: [NamingVariant]
    /// Whether the variants were found in the story by spelling similarity (``NameVariantFinder``) rather than
    /// listed in the naming lexicon.
    public var discovered: Bool

    public init(entity: String, variants: [NamingVariant], discovered: Bool = false) {
        self.entity = entity
        self.variants = variants
        self.discovered = discovered
    }

    private enum CodingKeys: String, CodingKey { case entity, variants, discovered }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        entity = try c.decode(String.self, forKey: .entity)
        variants = try c.decode([NamingVariant].self, forKey: .variants)
        discovered = try c.decodeIfPresent(Bool.self, forKey: .discovered) ?? false
    }
}

/// One spelling of an entity and the articles that use it.
public struct NamingVariant: Sendable, Hashable, Codable {
    public var form: String
    public var articles: [String]
    /// Where each use stands (one span per use, parallel to `articles` order is not implied).
    public var occurrences: [SpanReference]

    public init(form: String, articles: [String], occurrences: [SpanReference] = []) {
        self.form = form
        self.articles = articles
        self.occurrences = occurrences
    }
}

/// A stance-marked phrase ("Kiev regime") and the articles that use it.
public struct FramingUse: Sendable, Hashable, Codable {
    public var phrase: String
    /// What the phrase signals, from the lexicon ("delegitimizing", "Russian official term").
    public var note: String?
    /// Every article that uses it, bare or not.
    public var articles: [String]
    public var occurrences: [FramingOccurrence]

    public init(phrase: String, note: String? = nil, articles: [String], occurrences: [FramingOccurrence] = []) {
        self.phrase = phrase
        self.note = note
        self.articles = articles
        self.occurrences = occurrences
    }

    /// The articles that use the phrase in their own voice at least once (a bare use): the ones it says something
    /// about. The others only mention it qualified or inside quotation marks.
    public var bareArticles: [String] {
        let bare = Set(occurrences.filter { $0.usage == .bare }.map(\.article))
        return articles.filter(bare.contains)
    }

    /// How an article distances itself from the phrase, for display: its first qualifier in quotation marks
    /// (“self-proclaimed”), or `quoted` when it only quotes the phrase; nil when it makes no such use.
    public func distancing(in article: String) -> String? {
        let uses = occurrences.filter { $0.article == article && $0.usage != .bare }
        if let qualifier = uses.lazy.compactMap(\.qualifier).first { return "“" + qualifier + "”" }
        return uses.isEmpty ? nil : "quoted"
    }
}

/// How an article uses a stance-marked phrase.
public enum FramingUsage: String, Sendable, Hashable, Codable {
    /// In the outlet's own voice.
    case bare
    /// With a distancing qualifier just before it ("the self-proclaimed ...", "what Moscow calls ...").
    case qualified
    /// Inside quotation marks: someone else's words or scare quotes.
    case quoted
}

/// One use of a stance-marked phrase: where it is and how it is used.
public struct FramingOccurrence: Sendable, Hashable, Codable {
    public var article: String
    public var span: TextSpan
    /// Span of the (logical) sentence around `span`.
    public var sentenceSpan: TextSpan
    public var usage: FramingUsage
    /// The qualifier that makes a use qualified ("self-proclaimed"), as written.
    public var qualifier: String?

    public init(
        article: String, span: TextSpan, sentenceSpan: TextSpan, usage: FramingUsage = .bare, qualifier: String? = nil
    ) {
        self.article = article
        self.span = span
        self.sentenceSpan = sentenceSpan
        self.usage = usage
        self.qualifier = qualifier
    }
}

/// A pointer to text in one article: a span and its sentence.
public struct SpanReference: Sendable, Hashable, Codable {
    public var article: String
    public var span: TextSpan
    /// Span of the (logical) sentence around `span`.
    public var sentenceSpan: TextSpan

    public init(article: String, span: TextSpan, sentenceSpan: TextSpan) {
        self.article = article
        self.span = span
        self.sentenceSpan = sentenceSpan
    }
}

/// A fact of the story, aligned across the articles that report it (in their own words).
public struct Claim: Sendable, Hashable, Codable, Identifiable {
    public var id: String
    /// A representative wording (the most central sentence).
    public var text: String
    /// Articles that report it.
    public var articles: [String]
    /// Each article's sentence(s) carrying it.
    public var occurrences: [SpanReference]
    /// Whether its sentences say that something could not be verified ("Reuters could not independently verify
    /// the report"): a note on the reporting, not a fact, so never a synthesis point.
    public var isVerificationNote: Bool

    public init(
        id: String, text: String, articles: [String], occurrences: [SpanReference], isVerificationNote: Bool = false
    ) {
        self.id = id
        self.text = text
        self.articles = articles
        self.occurrences = occurrences
        self.isVerificationNote = isVerificationNote
    }

    private enum CodingKeys: String, CodingKey { case id, text, articles, occurrences, isVerificationNote }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        text = try c.decode(String.self, forKey: .text)
        articles = try c.decode([String].self, forKey: .articles)
        occurrences = try c.decode([SpanReference].self, forKey: .occurrences)
        isVerificationNote = try c.decodeIfPresent(Bool.self, forKey: .isVerificationNote) ?? false
    }
}

/// A dated event of the story.
public struct TimelineEvent: Sendable, Hashable, Codable {
    public var date: Day
    /// What happened, as a short sentence.
    public var text: String
    public var articles: [String]
    public var occurrences: [DateMention]

    public init(date: Day, text: String, articles: [String], occurrences: [DateMention]) {
        self.date = date
        self.text = text
        self.articles = articles
        self.occurrences = occurrences
    }
}

/// A date expression in an article and the day it resolves to.
public struct DateMention: Sendable, Hashable, Codable {
    public enum Resolution: String, Sendable, Codable {
        /// A calendar date in the text ("May 10", "30 May 2024").
        case absolute
        /// Resolved against the article's publication date ("on Tuesday", "yesterday").
        case relative
    }

    public var article: String
    /// The expression as written ("on Tuesday").
    public var expression: String
    public var resolution: Resolution
    /// The anchor day a relative expression was resolved against.
    public var anchor: Day?
    public var span: TextSpan
    /// Span of the sentence around the expression.
    public var sentenceSpan: TextSpan

    public init(
        article: String, expression: String, resolution: Resolution, anchor: Day?, span: TextSpan,
        sentenceSpan: TextSpan
    ) {
        self.article = article
        self.expression = expression
        self.resolution = resolution
        self.anchor = anchor
        self.span = span
        self.sentenceSpan = sentenceSpan
    }
}

/// A claim that two or more independent articles share, for the neutral synthesis.
public struct SynthesisPoint: Sendable, Hashable, Codable {
    public var text: String
    /// The claim it comes from.
    public var claim: String
    /// Articles behind it (all of them, copies included).
    public var articles: [String]
    /// Outlets behind it, copies counted once.
    public var outlets: [String]
    /// Number of independent sources (copies of one text count once).
    public var independentSources: Int

    public init(text: String, claim: String, articles: [String], outlets: [String], independentSources: Int) {
        self.text = text
        self.claim = claim
        self.articles = articles
        self.outlets = outlets
        self.independentSources = independentSources
    }
}

/// A phrase that one group of a story's outlets uses and the others do not (``StoryAnalysis/wording``).
public struct ContrastivePhrase: Sendable, Hashable, Codable {
    /// The phrase as first written.
    public var phrase: String
    /// The group of outlets that uses it (`state-owned media`).
    public var group: String
    /// The articles of that group that use it.
    public var articles: [String]
    /// Articles in the group, and outside it (none of which uses the phrase).
    public var groupArticles: Int
    public var otherArticles: Int
    /// The first use in each article.
    public var occurrences: [SpanReference]

    public init(
        phrase: String, group: String, articles: [String], groupArticles: Int, otherArticles: Int,
        occurrences: [SpanReference]
    ) {
        self.phrase = phrase
        self.group = group
        self.articles = articles
        self.groupArticles = groupArticles
        self.otherArticles = otherArticles
        self.occurrences = occurrences
    }
}
