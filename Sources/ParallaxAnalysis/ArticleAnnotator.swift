import ParallaxCore

/// Computes an article's ``ArticleAnnotation``: everything that depends on the article alone, in one pass.
///
/// Builds the document (paragraphs, sentences, tokens) once, runs the attribution parse once with one lexicon (the
/// bundled cues and the outlet registry, including a user's `--outlets` file) and reads both the quotations (with
/// their resolved speakers) and the citations from that one parse, so a quote's speaker and a citation's source are
/// always the same answer; resolves date mentions, finds naming and framing uses, and computes the grouping terms
/// and the copy signature. Free of shared state: annotate articles concurrently. O(text length) per article, times
/// small constants.
public struct ArticleAnnotator: Sendable {
    /// Segmentation and tokenization.
    public var builder = DocumentBuilder()
    /// Quotations and reported statements; its `lexicon` is the one attribution lexicon, which citations use too.
    public var quoteExtractor: QuoteExtractor
    /// Naming forms (Kiev/Kyiv); the same value aggregates a story's uses.
    public var namingAnalyzer = NamingAnalyzer()
    /// Stance-marked phrases; the same value aggregates a story's uses.
    public var framingDetector = FramingDetector()
    /// Date mentions and the words of their sentences; the same value builds a story's timeline.
    public var timelineBuilder = TimelineBuilder()
    /// Grouping terms and copy signatures; the same value groups the annotations into stories.
    public var clusterer = StoryClusterer()
    /// Finds the language of an article whose source does not give one.
    public var languageDetector = LanguageDetector()
    /// Quotation settings for the languages with bundled attribution data other than the default's, each lexicon
    /// with the same outlets (a language without data of its own is read with `quoteExtractor`).
    private var extractorsByLanguage: [String: QuoteExtractor] = [:]

    /// An annotator with the bundled lexicons; every language's attribution lexicon knows the registry's outlets.
    public init(outlets: OutletRegistry) {
        var lexicon = AttributionLexicon.bundled
        lexicon.addOutlets(from: outlets)
        quoteExtractor = QuoteExtractor(lexicon: lexicon)
        for code in AttributionLexicon.bundledLanguageCodes where code != lexicon.language {
            var other = AttributionLexicon.bundled(language: code)
            other.addOutlets(from: outlets)
            extractorsByLanguage[code] = QuoteExtractor(lexicon: other)
        }
    }

    /// The attribution lexicon every attribution-reading step uses for text in the default language.
    public var attributionLexicon: AttributionLexicon { quoteExtractor.lexicon }

    /// Annotates one article. Its language is the one its source gives, else the detected one; the attribution
    /// parse uses that language's data when Parallax has it.
    public func annotate(_ article: Article) -> ArticleAnnotation {
        var article = article
        article.language = languageDetector.language(of: article)
        let document = builder.build(article)
        let extractor = article.language.flatMap { extractorsByLanguage[LanguageChoice.primary($0)] } ?? quoteExtractor
        var run = AttributionRun(doc: document, extractor: extractor)
        run.resolveSpeakers()
        let citations = CitationExtractor(lexicon: extractor.lexicon).extract(from: run)
        let statements = run.candidates()
        let credits = ClaimAligner.creditTokens(of: run.analysis)
        let units = WordUnit.units(of: document)
        let dates = timelineBuilder.annotationDates(of: document, units: units)
        return ArticleAnnotation(
            document: document, language: article.language, statements: statements, citations: citations,
            creditTokens: credits, dates: dates.resolved, unanchoredDates: dates.unanchored,
            names: namingAnalyzer.matches(in: document, units: units),
            framing: framingDetector.matches(in: document, units: units),
            terms: [WeightedTerm](clusterer.termCounts(of: document)),
            signature: clusterer.signature(of: document))
    }
}
