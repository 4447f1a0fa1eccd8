import ParallaxCore

/// Finds the entities whose name varies between a story's articles (Kyiv/Kiev, Kharkiv/Kharkov, Zelenskyy/
/// Zelensky) and which article uses which form, with every use traced to its sentence.
///
/// Forms come from a `NamingLexicon`. Matching is on whole words, hyphen parts and possessives included
/// (`Kyiv’s`, `pro-Kiev`, `the Kiev regime`); phrases listed as exclusions (`Chicken Kiev`) are not uses.
/// By default an entity is reported when the story uses two or more of its forms; set `minimumForms` to 1 to
/// report every entity found.
public struct NamingAnalyzer: Sendable {
    public let lexicon: NamingLexicon
    /// Least number of distinct forms a story must use for an entity to be reported.
    public var minimumForms: Int
    private let matcher: PhraseMatcher
    /// Payload -> (entity index, variant index); exclusions have variant index -1.
    private let targets: [(entity: Int, variant: Int)]

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
    }

    /// The naming choices of a story's documents: entities with at least `minimumForms` forms in use, the
    /// entities used by most articles first; forms ordered by the number of articles using them.
    /// O(total text length).
    public func analyze(_ documents: [Document]) -> [NamingChoice] {
        // entity -> variant -> occurrences
        var uses: [Int: [Int: [SpanReference]]] = [:]
        for document in documents {
            for match in matcher.matches(in: WordUnit.units(of: document)) {
                let target = targets[match.payload]
                guard target.variant >= 0 else { continue }
                uses[target.entity, default: [:]][target.variant, default: []]
                    .append(document.reference(to: match.span, sentence: match.sentence))
            }
        }
        var choices: [(choice: NamingChoice, articles: Int)] = []
        for (e, byVariant) in uses where byVariant.count >= max(1, minimumForms) {
            let entity = lexicon.entities[e]
            let variants = byVariant.map { v, occurrences in
                NamingVariant(
                    form: entity.variants[v].form, articles: occurrences.articleIDs, occurrences: occurrences)
            }.sorted { ($0.articles.count, $1.form) > ($1.articles.count, $0.form) }
            let articles = Set(variants.flatMap(\.articles)).count
            choices.append((NamingChoice(entity: entity.name, variants: variants), articles))
        }
        return choices.sorted { ($0.articles, $1.choice.entity) > ($1.articles, $0.choice.entity) }.map(\.choice)
    }

}
