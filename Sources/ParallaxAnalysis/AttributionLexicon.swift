import Foundation

/// Words that mark attributions and describe sources: speech verbs, citation cues, source descriptors and outlets.
///
/// Loaded from the bundled `speech-verbs.json`, `source-descriptors.json` and `citation-cues.json`; users may
/// extend it by merging their own values into these sets. All words are lowercase token norms
/// (see `Tokenizer.norm`); multi-word entries are space-separated.
public struct AttributionLexicon: Sendable {
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
    /// Lemmas whose subject, when an unknown name without a role, is an outlet ("Calder Ledger reported").
    public var mediaVerbs: Set<String>
    /// Words that open a "Label: text" line without naming a speaker ("Photo:", "Read also:").
    public var nonSpeakerLabels: Set<String>
    /// Nouns that make a noun phrase an outlet ("newspaper", "agency").
    public var outletNouns: Set<String>
    /// Known outlets: token-norm sequences (without a leading "the") mapped to the display name.
    public var outlets: [[String]: String]

    /// The lexicon shipped with Parallax.
    public static let bundled: AttributionLexicon = {
        do {
            return try AttributionLexicon(
                speechVerbs: resource("speech-verbs"), descriptors: resource("source-descriptors"),
                citationCues: resource("citation-cues"), matching: resource("quote-matching"))
        } catch {
            fatalError("ParallaxAnalysis attribution lexicon is invalid: \(error)")
        }
    }()

    private static func resource(_ name: String) throws -> Data {
        guard let url = Bundle.module.url(forResource: name, withExtension: "json") else {
            fatalError("ParallaxAnalysis resource \(name).json is missing")
        }
        return try Data(contentsOf: url)
    }

    /// Builds a lexicon from the JSON contents of the four data files.
    public init(speechVerbs: Data, descriptors: Data, citationCues: Data, matching: Data) throws {
        let decoder = JSONDecoder()
        let v = try decoder.decode(SpeechVerbsFile.self, from: speechVerbs)
        let d = try decoder.decode(DescriptorsFile.self, from: descriptors)
        let c = try decoder.decode(CitationCuesFile.self, from: citationCues)
        functionWords = Set(try decoder.decode(MatchingFile.self, from: matching).stopwords)
        var forms: [String: String] = [:]
        for lemma in v.verbs {
            for form in AttributionLexicon.inflections(of: lemma) + (v.irregularForms[lemma] ?? []) {
                forms[form] = lemma
            }
        }
        var complementOnly: Set<String> = []
        for lemma in v.infinitiveVerbs + Array(v.phrasalVerbs.keys) where forms[lemma] == nil {
            complementOnly.insert(lemma)
            for form in AttributionLexicon.inflections(of: lemma) + (v.irregularForms[lemma] ?? []) {
                forms[form] = lemma
            }
        }
        verbForms = forms
        complementOnlyVerbs = complementOnly
        infinitiveVerbs = Set(v.infinitiveVerbs)
        phrasalVerbs = v.phrasalVerbs.mapValues(Set.init)
        clauseVerbs = Set(v.clauseVerbs)
        objectVerbs = Set(v.objectVerbs)
        quotingVerbForms = Set(v.quotingVerbs.flatMap { AttributionLexicon.inflections(of: $0) })
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
        organizationWords = Set(d.organizationWords)
        documentNouns = Set(d.documentNouns)
        statementNouns = Set(d.statementNouns)
        familiarityWords = Set(d.familiarityWords)
        citingWords = Set(c.citingWords)
        var reporting: Set<String> = []
        for lemma in c.reportingVerbs {
            reporting.formUnion(AttributionLexicon.inflections(of: lemma))
            reporting.formUnion(v.irregularForms[lemma] ?? [])
        }
        reportingVerbForms = reporting
        prepositionalCues = c.prepositionalCues
        outletNouns = Set(c.outletNouns)
        nonSpeakerLabels = Set(c.nonSpeakerLabels)
        mediaVerbs = Set(c.mediaVerbs)
        var outletMap: [[String]: String] = [:]
        for name in c.outlets {
            let key = AttributionLexicon.outletKey(name)
            if outletMap[key] == nil { outletMap[key] = name }
        }
        outlets = outletMap
    }

    /// Adds outlet names (e.g. from the outlet registry) to the known outlets.
    public mutating func addOutlets(_ names: [String]) {
        for name in names {
            let key = AttributionLexicon.outletKey(name)
            if outlets[key] == nil { outlets[key] = name }
        }
    }

    /// Adds the registry's outlets (names and aliases, except those that are also common words) under their
    /// registry name, and renames known outlets to the registry's name ("Associated Press" -> the registry's form).
    public mutating func addOutlets(from registry: OutletRegistry) {
        for (key, display) in outlets {
            if let known = registry.outlet(named: display) { outlets[key] = known.name }
        }
        for outlet in registry.outlets {
            let ambiguous = Set(outlet.ambiguous.map(AttributionLexicon.outletKey))
            for name in outlet.allNames {
                let key = AttributionLexicon.outletKey(name)
                guard !key.isEmpty, !ambiguous.contains(key) else { continue }
                outlets[key] = outlet.name
            }
        }
    }

    /// Regular inflections of an English verb lemma: base, -s, -ed, -ing.
    static func inflections(of lemma: String) -> [String] {
        var forms = [lemma]
        let vowels: Set<Character> = ["a", "e", "i", "o", "u"]
        if lemma.hasSuffix("e") {
            forms += [lemma + "s", lemma + "d", String(lemma.dropLast()) + "ing"]
        } else if lemma.hasSuffix("y"), let p = lemma.dropLast().last, !vowels.contains(p) {
            let stem = String(lemma.dropLast())
            forms += [stem + "ies", stem + "ied", lemma + "ing"]
        } else if lemma.hasSuffix("s") || lemma.hasSuffix("sh") || lemma.hasSuffix("ch") || lemma.hasSuffix("x") {
            forms += [lemma + "es", lemma + "ed", lemma + "ing"]
        } else {
            forms += [lemma + "s", lemma + "ed", lemma + "ing"]
        }
        return forms
    }

    /// The lookup key of an outlet name: its token norms without a leading "the".
    static func outletKey(_ name: String) -> [String] {
        var key = normTokens(name)
        if key.first == "the", key.count > 1 { key.removeFirst() }
        return key
    }

    /// Token norms of a short name, as the tokenizer would produce them.
    static func normTokens(_ name: String) -> [String] {
        Tokenizer().tokens(in: name, span: TextSpan(start: 0, end: name.utf8.count), sentence: 0).map(\.norm)
    }

    private struct SpeechVerbsFile: Decodable {
        var verbs: [String]
        var irregularForms: [String: [String]]
        var clauseVerbs: [String]
        var infinitiveVerbs: [String]
        var phrasalVerbs: [String: [String]]
        var objectVerbs: [String]
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
        var outletNouns: [String]
        var outlets: [String]
        var nonSpeakerLabels: [String]
        var mediaVerbs: [String]
    }
}
