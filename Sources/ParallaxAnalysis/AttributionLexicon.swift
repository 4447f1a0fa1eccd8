import Foundation

/// Words that mark attributions and describe sources: speech verbs, citation cues, source descriptors and outlets.
///
/// Loaded from the bundled `speech-verbs.json`, `source-descriptors.json`, `citation-cues.json`,
/// `quote-matching.json` and `grammar.json`, each a list of languages; one lexicon holds one language's words
/// (`bundled(language:)` picks it by the article's language, falling back to English). Users may extend it by
/// merging their own values into these sets. All words are lowercase token norms (see `Tokenizer.norm`);
/// multi-word entries are space-separated.
public struct AttributionLexicon: Sendable {
    /// The BCP 47 code of the language whose words these are.
    public var language: String
    /// Articles, connectors, inflection endings and letter case of the language (`grammar.json`).
    public var grammar: GrammarLexicon.Language
    /// Every inflected form of a speech verb ("say", "says", "said", "saying"), mapped to its lemma.
    public var verbForms: [String: String]
    /// Lemmas whose content may follow as a bare clause ("X said the plan works").
    public var clauseVerbs: Set<String>
    /// Lemmas whose content may be an infinitive ("X vowed to ...").
    public var infinitiveVerbs: Set<String>
    /// Lemmas whose content follows a particle ("called for ...", "warned of ..."), with their particles.
    public var phrasalVerbs: [String: Set<String>]
    /// Lemmas that are cues only with an infinitive or a particle (not "X wanted." or "X called.").
    public var complementOnlyVerbs: Set<String>
    /// Lemmas that take a listener before their content ("told Reuters that ...").
    public var objectVerbs: Set<String>
    /// Lemmas whose object, to the end of the clause, is the attributed content ("Rubio criticized the plan",
    /// "described it as ...", "accused him of lying").
    public var objectContentVerbs: Set<String>
    /// Lemmas of `objectContentVerbs` that attribute only when a quotation follows in the clause ("called the plan
    /// “a disaster”", not "called the meeting").
    public var quotationOnlyVerbs: Set<String>
    /// Lemmas of asking whose content may be an indirect question ("asked Sanders how he was feeling").
    public var questionVerbs: Set<String>
    /// Words that open an indirect question ("whether", "how").
    public var questionWords: Set<String>
    /// Object pronouns that may be the listener of "told" ("told her").
    public var objectPronouns: Set<String>
    /// Subordinators that may open a bare reported clause ("said if he were president, ...").
    public var clauseOpeners: Set<String>
    /// Lemmas without a noun of the same form ("say"): never read as a noun after "the campaign".
    public var verbOnlyLemmas: Set<String>
    /// Verb chains that may stand between a speaker and the speech verb ("went on to say"), as token norms.
    public var verbChains: [[String]]
    /// Forms of verbs of the pattern "X quoted Y as saying".
    public var quotingVerbForms: Set<String>
    /// "saying", "telling": the complement of quoting verbs.
    public var quotingComplements: Set<String>
    /// Auxiliaries and adverbs that may stand between a speaker and its verb.
    public var skippableBeforeVerb: Set<String>
    /// Time words that may stand between a verb and its "that" ("said Monday that").
    public var timeWords: Set<String>
    /// Forms of "be" that make a following participle passive ("was asked").
    public var passiveAuxiliaries: Set<String>
    /// Prepositions of short adjuncts between a speaker and its verb ("Putin on Tuesday warned").
    public var adjunctPrepositions: Set<String>
    public var firstPersonPronouns: Set<String>
    public var personPronouns: Set<String>
    /// Possessives of a person ("his", "her"): "her office said" is the office of the person named before.
    public var personPossessives: Set<String>
    public var pluralPronouns: Set<String>
    public var thingPronouns: Set<String>
    public var determiners: Set<String>
    public var modifiers: Set<String>
    /// Heads of described sources ("official", "spokesperson", "sources").
    public var descriptors: Set<String>
    /// Party words and letters of a party and state tag after a name ("D" in "D-Calif.", "Democrat of Connecticut").
    public var partyWords: Set<String>
    /// Role words and titles that tell a person's gender ("spokeswoman", "Mr."), for pronoun agreement.
    public var roleGenders: [String: FirstNameLexicon.Gender]
    /// Abbreviated titles and the role word each stands for ("gov." -> "governor").
    public var titleAbbreviations: [String: String]
    /// Descriptions of organizations ("agency") and the named bodies each may refer back to ("fsb"), as token
    /// norms joined by spaces.
    public var organizationClasses: [String: Set<String>]
    /// Per name of a body (token norms joined by spaces), the index of its group of aliases ("pentagon" and
    /// "defense department" share one).
    public var organizationAliasGroup: [String: Int]
    /// The alias groups, as token norms joined by spaces.
    public var organizationAliases: [[String]]
    /// Every body `organizationClasses` lists.
    public var organizationClassMembers: Set<String>
    /// Head nouns of places ("region"): a phrase with such a head is no speaker.
    public var placeNouns: Set<String>
    /// Pronouns and the gender they agree with ("he" -> male).
    public var pronounGenders: [String: FirstNameLexicon.Gender]
    /// First names and their gender, for pronoun agreement.
    public var firstNames: FirstNameLexicon = .bundled
    /// Roles that may precede a name ("president", "spokesman").
    public var titles: Set<String>
    /// Words that mark a government body or organization.
    public var organizationWords: Set<String>
    /// Texts that "say" things ("statement", "report") and resolve to their author.
    public var documentNouns: Set<String>
    /// Document nouns issued by a speaker ("statement"), resolved to whoever issued the statement.
    public var statementNouns: Set<String>
    /// "familiar" in "people familiar with the matter".
    public var familiarityWords: Set<String>
    /// Function words ("to", "in", "however"): never names, ignored when comparing wordings.
    public var functionWords: Set<String>
    /// Words that mark citation ("citing", "quoted").
    public var citingWords: Set<String>
    /// Forms of reporting verbs ("reported", "wrote") whose subject is a cited source.
    public var reportingVerbForms: Set<String>
    /// Multi-word prepositional cues ("according to"), as token-norm sequences.
    public var prepositionalCues: [[String]]
    /// Prepositional cues the attribution parse reads as attributions, source after the cue ("according to X").
    public var attributionCues: [[String]]
    /// Prepositional cues that citations take from the attribution parse only ("according to").
    public var attributionOnlyCues: Set<[String]>
    /// Lemmas whose subject, when an unknown name without a role, is an outlet ("Calder Ledger reported").
    public var mediaVerbs: Set<String>
    /// Words that open a "Label: text" line without naming a speaker ("Photo:", "Read also:").
    public var nonSpeakerLabels: Set<String>
    /// Nouns that make a noun phrase an outlet ("newspaper", "agency").
    public var outletNouns: Set<String>
    /// Known outlets: token-norm sequences (without a leading "the") mapped to the display name (added with
    /// ``addOutlets(_:)`` and ``addOutlets(from:)``).
    public private(set) var outlets: [[String]: String] = [:]
    /// Words in the longest key of ``outlets``: a name search never looks at longer spans.
    public private(set) var longestOutletName = 0

    /// The English lexicon shipped with Parallax.
    public static let bundled: AttributionLexicon = bundled(language: LanguageChoice.fallback)

    /// The languages with bundled attribution data (BCP 47 codes).
    public static var bundledLanguageCodes: [String] { bundledLanguages.map(\.language) }

    /// The bundled lexicons, one per language of `speech-verbs.json`, built once.
    private static let bundledLanguages: [AttributionLexicon] = {
        struct Nothing: Decodable {}
        do {
            let files = try (
                resource("speech-verbs"), resource("source-descriptors"), resource("citation-cues"),
                resource("quote-matching"))
            let codes = try JSONDecoder().decode(LanguageFile<Nothing>.self, from: files.0).languages.map(\.code)
            return try codes.map { code in
                try AttributionLexicon(
                    speechVerbs: files.0, descriptors: files.1, citationCues: files.2, matching: files.3,
                    language: code)
            }
        } catch {
            fatalError("ParallaxAnalysis attribution lexicon is invalid: \(error)")
        }
    }()

    /// The bundled lexicon of `language` (an article's BCP 47 code), English when the language has no data.
    public static func bundled(language: String?) -> AttributionLexicon {
        guard let lexicon = LanguageChoice.choose(language, from: bundledLanguages, code: \.language) else {
            fatalError("ParallaxAnalysis grammar.json has no \(LanguageChoice.fallback) entry")
        }
        return lexicon
    }

    private static func resource(_ name: String) throws -> Data {
        guard let url = Bundle.module.url(forResource: name, withExtension: "json") else {
            fatalError("ParallaxAnalysis resource \(name).json is missing")
        }
        return try Data(contentsOf: url)
    }

    /// Builds the lexicon of `language` (BCP 47; English when nil or without data) from the JSON contents of the
    /// four data files; `grammar` defaults to the bundled `grammar.json` entry of the language.
    public init(
        speechVerbs: Data, descriptors: Data, citationCues: Data, matching: Data, language: String? = nil,
        grammar: GrammarLexicon.Language? = nil
    ) throws {
        let decoder = JSONDecoder()
        func entry<T: Decodable>(_ type: T.Type, _ data: Data, _ file: String) throws -> LanguageFile<T>.Entry {
            guard let chosen = try decoder.decode(LanguageFile<T>.self, from: data).entry(for: language) else {
                throw LexiconError(file: file, reason: "no entry for \(language ?? LanguageChoice.fallback)")
            }
            return chosen
        }
        let verbs = try entry(SpeechVerbsFile.self, speechVerbs, "speech-verbs.json")
        let v = verbs.value
        let d = try entry(DescriptorsFile.self, descriptors, "source-descriptors.json").value
        let c = try entry(CitationCuesFile.self, citationCues, "citation-cues.json").value
        let outletNames = try decoder.decode(OutletsFile.self, from: citationCues).outlets ?? []
        functionWords = Set(try entry(MatchingFile.self, matching, "quote-matching.json").value.stopwords)
        guard let g = grammar ?? GrammarLexicon.bundled.language(verbs.code) else {
            throw LexiconError(file: "grammar.json", reason: "no entry for \(verbs.code)")
        }
        self.language = verbs.code
        self.grammar = g
        var forms: [String: String] = [:]
        for lemma in v.verbs {
            for form in g.inflections(of: lemma) + (v.irregularForms[lemma] ?? []) {
                forms[form] = lemma
            }
        }
        var complementOnly: Set<String> = []
        for lemma in v.infinitiveVerbs + Array(v.phrasalVerbs.keys) where forms[lemma] == nil {
            complementOnly.insert(lemma)
            for form in g.inflections(of: lemma) + (v.irregularForms[lemma] ?? []) {
                forms[form] = lemma
            }
        }
        verbForms = forms
        complementOnlyVerbs = complementOnly
        infinitiveVerbs = Set(v.infinitiveVerbs)
        phrasalVerbs = v.phrasalVerbs.mapValues(Set.init)
        clauseVerbs = Set(v.clauseVerbs)
        objectVerbs = Set(v.objectVerbs)
        objectContentVerbs = Set(v.objectContentVerbs ?? [])
        quotationOnlyVerbs = Set(v.quotationOnlyVerbs ?? [])
        questionVerbs = Set(v.questionVerbs ?? [])
        questionWords = Set(v.questionWords ?? [])
        verbChains = v.verbChains ?? []
        verbOnlyLemmas = Set(v.verbOnlyLemmas ?? [])
        clauseOpeners = Set(v.clauseOpeners ?? [])
        objectPronouns = Set(v.objectPronouns ?? [])
        quotingVerbForms = Set(v.quotingVerbs.flatMap { g.inflections(of: $0) })
        quotingComplements = Set(v.quotingComplements)
        skippableBeforeVerb = Set(v.skippableBeforeVerb)
        adjunctPrepositions = Set(v.adjunctPrepositions)
        passiveAuxiliaries = Set(v.passiveAuxiliaries)
        timeWords = Set(v.timeWords)
        firstPersonPronouns = Set(v.firstPersonPronouns)
        personPronouns = Set(v.personPronouns)
        personPossessives = Set(v.personPossessives ?? [])
        pluralPronouns = Set(v.pluralPronouns)
        thingPronouns = Set(v.thingPronouns)
        determiners = Set(d.determiners)
        modifiers = Set(d.modifiers)
        self.descriptors = Set(d.descriptors)
        titles = Set(d.titles)
        partyWords = Set(d.partyWords ?? [])
        roleGenders = d.roleGenders ?? [:]
        titleAbbreviations = d.titleAbbreviations ?? [:]
        placeNouns = Set(d.placeNouns ?? [])
        organizationClasses = (d.organizationClasses ?? [:]).mapValues(Set.init)
        organizationAliases = d.organizationAliases ?? []
        organizationClassMembers = Set(organizationClasses.values.joined())
        var group: [String: Int] = [:]
        for (i, names) in organizationAliases.enumerated() { for name in names { group[name] = i } }
        organizationAliasGroup = group
        pronounGenders = v.pronounGenders ?? [:]
        organizationWords = Set(d.organizationWords)
        documentNouns = Set(d.documentNouns)
        statementNouns = Set(d.statementNouns)
        familiarityWords = Set(d.familiarityWords)
        citingWords = Set(c.citingWords)
        var reporting: Set<String> = []
        for lemma in c.reportingVerbs {
            reporting.formUnion(g.inflections(of: lemma))
            reporting.formUnion(v.irregularForms[lemma] ?? [])
        }
        reportingVerbForms = reporting
        prepositionalCues = c.prepositionalCues
        attributionCues = c.attributionCues ?? []
        attributionOnlyCues = Set(c.attributionOnlyCues ?? [])
        outletNouns = Set(c.outletNouns)
        nonSpeakerLabels = Set(c.nonSpeakerLabels)
        mediaVerbs = Set(c.mediaVerbs)
        addOutlets(outletNames + (c.outlets ?? []))
    }

    /// Adds outlet names (e.g. from the outlet registry) to the known outlets.
    public mutating func addOutlets(_ names: [String]) {
        for name in names {
            let key = outletKey(name)
            if outlets[key] == nil { outlets[key] = name }
            longestOutletName = max(longestOutletName, key.count)
        }
    }

    /// Adds the registry's outlets (names and aliases, except those that are also common words) under their
    /// registry name, and renames known outlets to the registry's name ("Associated Press" -> the registry's form).
    /// A name two registry outlets share is the first one's, as in the registry.
    public mutating func addOutlets(from registry: OutletRegistry) {
        for (key, display) in outlets {
            if let known = registry.outlet(named: display) { outlets[key] = known.name }
        }
        var taken: Set<[String]> = []
        for outlet in registry.outlets {
            let ambiguous = Set(outlet.ambiguous.map(outletKey))
            for name in outlet.allNames {
                let key = outletKey(name)
                guard !key.isEmpty, !ambiguous.contains(key), taken.insert(key).inserted else { continue }
                outlets[key] = outlet.name
                longestOutletName = max(longestOutletName, key.count)
            }
        }
    }

    /// The lookup key of an outlet name: its token norms, without the leading definite article of a name of three
    /// words or more ("the New York Times" is also written "New York Times"); a name of an article and one word
    /// keeps it ("The Times", "The Hill"), so that "Times" in "Washington Times" never names The Times (as in the
    /// outlet registry).
    func outletKey(_ name: String) -> [String] {
        var key = AttributionLexicon.normTokens(name)
        if let first = key.first, grammar.definiteArticles.contains(first), key.count > 2 { key.removeFirst() }
        return key
    }

    /// The outlet a phrase's token norms name: as written, else without a leading definite article ("the BBC").
    func outlet(named norms: ArraySlice<String>) -> String? {
        if let name = outlets[Array(norms)] { return name }
        guard norms.count > 1, let first = norms.first, grammar.definiteArticles.contains(first) else { return nil }
        return outlets[Array(norms.dropFirst())]
    }

    /// Token norms of a short name, as the tokenizer would produce them.
    static func normTokens(_ name: String) -> [String] {
        Tokenizer().tokens(in: name, span: TextSpan(start: 0, end: name.utf8.count), sentence: 0).map(\.norm)
    }

    /// Outlet names listed once for all languages (`citation-cues.json`).
    private struct OutletsFile: Decodable {
        var outlets: [String]?
    }

    private struct SpeechVerbsFile: Decodable {
        var verbs: [String]
        var irregularForms: [String: [String]]
        var clauseVerbs: [String]
        var infinitiveVerbs: [String]
        var phrasalVerbs: [String: [String]]
        var objectVerbs: [String]
        var objectContentVerbs: [String]?
        var quotationOnlyVerbs: [String]?
        var questionVerbs: [String]?
        var questionWords: [String]?
        var verbChains: [[String]]?
        var verbOnlyLemmas: [String]?
        var clauseOpeners: [String]?
        var objectPronouns: [String]?
        var pronounGenders: [String: FirstNameLexicon.Gender]?
        var quotingVerbs: [String]
        var quotingComplements: [String]
        var skippableBeforeVerb: [String]
        var adjunctPrepositions: [String]
        var passiveAuxiliaries: [String]
        var timeWords: [String]
        var firstPersonPronouns: [String]
        var personPronouns: [String]
        var personPossessives: [String]?
        var pluralPronouns: [String]
        var thingPronouns: [String]
    }

    private struct DescriptorsFile: Decodable {
        var determiners: [String]
        var modifiers: [String]
        var descriptors: [String]
        var titles: [String]
        var partyWords: [String]?
        var roleGenders: [String: FirstNameLexicon.Gender]?
        var titleAbbreviations: [String: String]?
        var placeNouns: [String]?
        var organizationClasses: [String: [String]]?
        var organizationAliases: [[String]]?
        var organizationWords: [String]
        var documentNouns: [String]
        var statementNouns: [String]
        var familiarityWords: [String]
    }

    private struct MatchingFile: Decodable {
        var stopwords: [String]
    }

    private struct CitationCuesFile: Decodable {
        var citingWords: [String]
        var reportingVerbs: [String]
        var prepositionalCues: [[String]]
        var attributionCues: [[String]]?
        var attributionOnlyCues: [[String]]?
        var outletNouns: [String]
        /// Outlets of this language only (the shared list is at the top of the file).
        var outlets: [String]?
        var nonSpeakerLabels: [String]
        var mediaVerbs: [String]
    }
}
