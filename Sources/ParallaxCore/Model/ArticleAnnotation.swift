/// Everything Parallax derives from one article alone, computed once by `ArticleAnnotator` and never again.
///
/// The unit of work of the corpus: story-level stages (quote and claim alignment, timeline, provenance, naming,
/// synthesis) read annotations only, so re-analysing a story never re-parses an article, and a store can keep
/// annotations as they are. Every finding is a span (UTF-8 byte offsets) into `document.article.text`; no
/// sentence text is copied. `version` tells which annotator produced it, so stale annotations can be found.
public struct ArticleAnnotation: Sendable, Hashable, Codable, Identifiable {
    /// The annotator version that produced the current shape and content of annotations. Bump it when a stage
    /// changes what it finds, so stored annotations are recomputed.
    public static let currentVersion = 1

    /// The annotator version that produced this annotation.
    public var version: Int
    /// The article with its paragraphs, sentences and tokens.
    public var document: Document
    /// BCP 47 code of the text's language: the article's own when its source gave one, else detected; `nil` when
    /// neither is known.
    public var language: String?
    /// Quoted and reported statements, with their resolved speakers, from the one attribution parse.
    public var statements: [QuoteCandidate]
    /// Whom the article cites, from the same parse (a quote's speaker and its citation are one answer).
    public var citations: [Citation]
    /// Token indices (ascending) of the credits of reported statements (source, cue, listener outside
    /// quotations): claim alignment leaves them out, so two facts credited to one source do not align on its name.
    public var creditTokens: [Int]
    /// Date expressions resolved against the article's publication day (for an undated article: the complete
    /// dates only), each with the content words of its sentence.
    public var dates: [AnnotatedDate]
    /// An undated article's date expressions that need an anchor ("on Tuesday", "May 10", "04/05/2024"): each
    /// keeps its `rule` and is resolved against the story's anchor (``ResolvedDateMention/resolved(against:)``);
    /// their `day` is provisional until then. Empty for a dated article.
    public var unanchoredDates: [AnnotatedDate]
    /// Uses of the naming lexicon's forms (Kiev/Kyiv).
    public var names: [LexiconMatch]
    /// Uses of stance-marked phrases of the framing lexicon.
    public var framing: [LexiconMatch]
    /// Term weights for story grouping (stems, name skeletons, boosted names and numbers), sorted by term.
    public var terms: [WeightedTerm]
    /// MinHash signature of the word shingles, for copy detection.
    public var signature: MinHashSignature

    public init(
        version: Int = ArticleAnnotation.currentVersion, document: Document, language: String?,
        statements: [QuoteCandidate], citations: [Citation], creditTokens: [Int], dates: [AnnotatedDate],
        unanchoredDates: [AnnotatedDate] = [], names: [LexiconMatch], framing: [LexiconMatch], terms: [WeightedTerm], signature: MinHashSignature
    ) {
        self.version = version
        self.document = document
        self.language = language
        self.statements = statements
        self.citations = citations
        self.creditTokens = creditTokens
        self.dates = dates
        self.unanchoredDates = unanchoredDates
        self.names = names
        self.framing = framing
        self.terms = terms
        self.signature = signature
    }

    /// The article's id.
    public var id: String { document.id }
    /// The article.
    public var article: Article { document.article }
}

/// A date mention of one article with the content words of its sentence (for merging mentions into events).
public struct AnnotatedDate: Sendable, Hashable, Codable {
    /// The expression and the day it names.
    public var mention: ResolvedDateMention
    /// Content words of the sentence outside the expression, spellings unified, with their weights.
    public var words: [WeightedTerm]

    public init(mention: ResolvedDateMention, words: [WeightedTerm]) {
        self.mention = mention
        self.words = words
    }
}

/// One use of a lexicon entry in an article: which entry, which of its forms, and where.
public struct LexiconMatch: Sendable, Hashable, Codable {
    /// The entry's reference name (an entity such as `Kyiv`, or a framing phrase such as `Kiev regime`).
    public var entry: String
    /// The entry's form used here (`Kiev`), when the entry has several.
    public var form: String?
    /// The match's span.
    public var span: TextSpan
    /// The span of its (logical) sentence.
    public var sentenceSpan: TextSpan

    public init(entry: String, form: String? = nil, span: TextSpan, sentenceSpan: TextSpan) {
        self.entry = entry
        self.form = form
        self.span = span
        self.sentenceSpan = sentenceSpan
    }
}

/// A term and its weight.
public struct WeightedTerm: Sendable, Hashable, Codable {
    public var term: String
    public var weight: Double

    public init(_ term: String, _ weight: Double) {
        self.term = term
        self.weight = weight
    }
}

extension Array where Element == WeightedTerm {
    /// The terms of a dictionary, sorted by term (a canonical order, so equal inputs encode equally).
    public init(_ weights: [String: Double]) {
        self = weights.map { WeightedTerm($0.key, $0.value) }.sorted { $0.term < $1.term }
    }

    /// The terms as a dictionary.
    public var dictionary: [String: Double] {
        Dictionary(map { ($0.term, $0.weight) }, uniquingKeysWith: { a, _ in a })
    }
}
