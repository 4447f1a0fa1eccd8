import ParallaxCore

/// Finds the entities whose name varies between a story's articles (Kyiv/Kiev, Kharkiv/Kharkov, Zelenskyy/
/// Zelensky) and which article uses which form, with every use traced to its sentence.
///
/// Forms come from a `NamingLexicon`. Matching is on whole words, hyphen parts and possessives included
/// (`Kyiv’s`, `pro-Kiev`, `the Kiev regime`); phrases listed as exclusions (`Chicken Kiev`) are not uses.
/// By default an entity is reported when the story uses two or more of its forms; set `minimumForms` to 1 to
/// report every entity found. Names no lexicon lists are compared too: their spelling variants within the story
/// (``NameVariantFinder``) follow the lexicon's entities, marked ``NamingChoice/discovered``.
public struct NamingAnalyzer: Sendable {
    public let lexicon: NamingLexicon
    /// Least number of distinct forms a story must use for an entity to be reported.
    public var minimumForms: Int
    private let matcher: PhraseMatcher
    /// Payload -> (entity index, variant index); exclusions have variant index -1.
    private let targets: [(entity: Int, variant: Int)]
    /// Finds variants of names outside the lexicon; nil turns discovery off.
    public var variantFinder: NameVariantFinder?

    /// Creates an analyzer over `lexicon` (the bundled one by default).
    public init(lexicon: NamingLexicon = .bundled, minimumForms: Int = 2) {
        self.lexicon = lexicon
        self.minimumForms = minimumForms
        var phrases: [(phrase: String, payload: Int)] = []
        var targets: [(entity: Int, variant: Int)] = []
        for (e, entity) in lexicon.entities.enumerated() {
            for (v, variant) in entity.variants.enumerated() {
                for spelling in variant.spellings {
                    phrases.append((spelling, targets.count))
                    targets.append((e, v))
                }
            }
            for phrase in entity.exclude ?? [] {
                phrases.append((phrase, targets.count))
                targets.append((e, -1))
            }
        }
        self.targets = targets
        self.matcher = PhraseMatcher(phrases: phrases, requireCapital: true)
        self.variantFinder = NameVariantFinder(folding: lexicon.variantFolding ?? [])
    }

    /// The naming choices of a story's documents (see ``choices(from:)``). O(total text length).
    public func analyze(_ documents: [Document]) -> [NamingChoice] {
        choices(from: documents.map { ($0.id, matches(in: $0, units: WordUnit.units(of: $0))) })
    }

    /// The uses of the lexicon's forms in one document, in text order (part of its annotation). O(text length).
    func matches(in document: Document, units: [WordUnit]) -> [LexiconMatch] {
        matcher.matches(in: units).compactMap { match in
            let target = targets[match.payload]
            guard target.variant >= 0 else { return nil }
            let entity = lexicon.entities[target.entity]
            return LexiconMatch(
                entry: entity.name, form: entity.variants[target.variant].form, span: match.span,
                sentenceSpan: document.logicalSentenceSpan(of: match.sentence))
        }
    }

    /// The naming choices of a story from its articles' annotations (in story order): entities with at least
    /// `minimumForms` forms in use, the entities used by most articles first; forms ordered by the number of
    /// articles using them.
    public func choices(from annotations: [ArticleAnnotation]) -> [NamingChoice] {
        let listed = choices(from: annotations.map { ($0.id, $0.names) })
        guard let variantFinder else { return listed }
        let covered = Dictionary(
            annotations.map { ($0.id, $0.names.map(\.span) + $0.framing.map(\.span)) }, uniquingKeysWith: { a, _ in a })
        return listed + variantFinder.variants(in: annotations.map(\.document), covered: covered)
    }

    private func choices(from matches: [(article: String, matches: [LexiconMatch])]) -> [NamingChoice] {
        // entity -> form -> occurrences, forms in first-use order
        var uses: [String: [String: [SpanReference]]] = [:]
        for (article, found) in matches {
            for m in found {
                uses[m.entry, default: [:]][m.form ?? m.entry, default: []]
                    .append(SpanReference(article: article, span: m.span, sentenceSpan: m.sentenceSpan))
            }
        }
        var choices: [(choice: NamingChoice, articles: Int)] = []
        for (entity, byForm) in uses where byForm.count >= max(1, minimumForms) {
            let variants = byForm.map { form, occurrences in
                NamingVariant(
                    form: form, articles: occurrences.articleIDs,
                    occurrences: occurrences.cappedPerArticle(key: \.article))
            }.sorted { ($0.articles.count, $1.form) > ($1.articles.count, $0.form) }
            let articles = Set(variants.flatMap(\.articles)).count
            choices.append((NamingChoice(entity: entity, variants: variants), articles))
        }
        return choices.sorted { ($0.articles, $1.choice.entity) > ($1.articles, $0.choice.entity) }.map(\.choice)
    }
}
