/// Which word tokens of a document may belong to a name.
///
/// In a script with letter case (`GrammarLexicon.Language.hasCase`) that is a capitalized word, exactly as before.
/// Arabic, Persian, Hebrew and other caseless scripts mark no names, so there a word counts as a name when it is not
/// a closed-class word of the lexicon (function word, pronoun, determiner, speech verb, title, descriptor, ...) and
/// it is listed among the language's `names`, follows a title or honorific ("الرئيس بوتين"), stands right before or
/// after a speech verb (the speaker of "قال بوتين" / "بوتين گفت"), or continues such a name (up to 3 words). A
/// capitalized word (a Latin name in Arabic text) still counts. O(n) in the tokens, once per document.
struct NameCues: Sendable {
    private let hasCase: Bool
    /// Start offsets of the tokens found as names in a caseless script.
    private let caseless: Set<Int>

    init(doc: Document, lexicon: AttributionLexicon) {
        hasCase = lexicon.grammar.hasCase
        guard !hasCase else {
            caseless = []
            return
        }
        let tokens = doc.tokens
        var found = Set<Int>()
        var run = 0
        for i in tokens.indices {
            let t = tokens[i]
            guard t.kind == .word, !NameCues.isClosedClass(t.norm, lexicon) else {
                run = 0
                continue
            }
            let prev =
                i > 0 && tokens[i - 1].sentence == t.sentence && tokens[i - 1].kind == .word ? tokens[i - 1] : nil
            let next = i + 1 < tokens.count && tokens[i + 1].sentence == t.sentence ? tokens[i + 1] : nil
            let cued =
                lexicon.grammar.names.contains(t.norm)
                || prev.map { lexicon.titles.contains($0.norm) || lexicon.verbForms[$0.norm] != nil } == true
                || next.map { lexicon.verbForms[$0.norm] != nil } == true
            if cued || (run > 0 && run < 3) {
                found.insert(t.span.start)
                run += 1
            } else {
                run = 0
            }
        }
        caseless = found
    }

    /// Whether token `t` may belong to a name.
    func isName(_ t: Token) -> Bool {
        t.isCapitalized || (!hasCase && caseless.contains(t.span.start))
    }

    /// Whether a norm belongs to a closed word class of the lexicon (never a name in a caseless script).
    private static func isClosedClass(_ n: String, _ lexicon: AttributionLexicon) -> Bool {
        lexicon.functionWords.contains(n) || lexicon.determiners.contains(n) || lexicon.modifiers.contains(n)
            || lexicon.verbForms[n] != nil || lexicon.quotingVerbForms.contains(n) || lexicon.citingWords.contains(n)
            || lexicon.personPronouns.contains(n) || lexicon.pluralPronouns.contains(n)
            || lexicon.thingPronouns.contains(n) || lexicon.firstPersonPronouns.contains(n)
            || lexicon.personPossessives.contains(n) || lexicon.skippableBeforeVerb.contains(n)
            || lexicon.passiveAuxiliaries.contains(n) || lexicon.timeWords.contains(n)
            || lexicon.adjunctPrepositions.contains(n) || lexicon.descriptors.contains(n) || lexicon.titles.contains(n)
            || lexicon.familiarityWords.contains(n) || lexicon.outletNouns.contains(n)
            || lexicon.documentNouns.contains(n) || lexicon.nonSpeakerLabels.contains(n)
    }
}
