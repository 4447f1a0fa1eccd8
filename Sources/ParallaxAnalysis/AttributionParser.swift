/// One attribution found in a sentence: the cue, the source it names and the content it covers.
///
/// All ranges are indices into `Document.tokens`.
struct Attribution: Sendable, Hashable {
    enum Form: Sendable, Hashable {
        /// "X said (that) ...", "X said: ...".
        case subjectVerb
        /// "..., X said." / "..., said X.": the content comes first.
        case endAttribution
        /// "according to X".
        case accordingTo
        /// "X quoted Y as saying ...".
        case quotedAs
    }

    var form: Form
    var sentence: Int
    /// Token indices of the cue words ("said"; "according", "to"; "quoted", "as", "saying").
    var cue: [Int]
    /// Lemma of the cue verb ("say"), or the cue phrase for prepositional cues.
    var lemma: String
    /// The speaker's noun phrase.
    var source: Range<Int>
    /// The outlet in "X quoted Y as saying" or the listener in "told X".
    var medium: Range<Int>?
    /// The content within this sentence (may be empty when a colon opens the next sentences).
    var content: Range<Int>
    /// Index of a complementizer "that" opening the content, if any.
    var complementizer: Int?
    /// Whether a colon after the cue introduces the content ("X added: ...").
    var opensColon: Bool
}

/// A pair of quotation marks in a paragraph, as token indices of the marks.
struct QuoteMarks: Sendable, Hashable {
    var open: Int
    /// The (last token of the) closing mark, or the paragraph's last token + 1 when the quote runs on unclosed.
    var close: Int
    var closed: Bool
    /// Tokens per mark: 2 for '' and `` marks.
    var markWidth = 1
    /// Token indices strictly inside the marks.
    var inner: Range<Int> { (open + markWidth)..<max(open + markWidth, closed ? close + 1 - markWidth : close) }
}

/// Finds quotation marks and attribution cues (speech verbs, "according to", "quoted ... as saying") in a document.
///
/// Rule-based over tokens: a speaker is the noun phrase before the cue (skipping auxiliaries and adverbs), after it
/// when inverted ("said the official"), or after "according to"; the content is the clause after "that", a colon
/// or the verb, or the text before a closing comma or quotation mark. Words come from `AttributionLexicon`.
struct AttributionParser: Sendable {
    var lexicon: AttributionLexicon

    /// Quotation marks and attributions of a document.
    struct Analysis: Sendable {
        var quotes: [QuoteMarks]
        /// Per token: whether it lies inside a quotation (marks included).
        var inQuote: [Bool]
        /// Attributions per sentence, in order of their cue.
        var attributions: [[Attribution]]
        /// The token rules the parse used (with `inQuote`), for the speaker resolution and citations of the same
        /// document: built once per document.
        var rules: TokenRules
    }

    func analyze(_ doc: Document) -> Analysis {
        var quotes: [QuoteMarks] = []
        // Sentences per paragraph, gathered once (a filter per paragraph is quadratic on long texts).
        var sentencesOf = [[Int]](repeating: [], count: doc.paragraphs.count)
        for (i, sentence) in doc.sentences.enumerated() where sentencesOf.indices.contains(sentence.paragraph) {
            sentencesOf[sentence.paragraph].append(i)
        }
        for p in doc.paragraphs.indices { quotes += quoteMarks(doc, sentences: sentencesOf[p]) }
        var inQuote = [Bool](repeating: false, count: doc.tokens.count)
        for q in quotes { for t in q.open..<(q.closed ? q.close + 1 : q.close) { inQuote[t] = true } }
        let rules = TokenRules(doc: doc, lexicon: lexicon, inQuote: inQuote)
        let attributions = doc.sentences.indices.map { rules.attributions(inSentence: $0) }
        return Analysis(quotes: quotes, inQuote: inQuote, attributions: attributions, rules: rules)
    }

    // MARK: Quotation marks

    /// The quotation marks of one paragraph, given the indices of its sentences.
    private func quoteMarks(_ doc: Document, sentences sentenceIndices: [Int]) -> [QuoteMarks] {
        guard let first = sentenceIndices.first, let last = sentenceIndices.last else { return [] }
        let range = doc.sentences[first].tokens.lowerBound..<doc.sentences[last].tokens.upperBound
        var result: [QuoteMarks] = []
        var openDouble: Int?
        var openSingle: Int?
        var skipNext = false
        for t in range where doc.tokens[t].kind == .punctuation {
            if skipNext {
                skipNext = false
                continue
            }
            guard var scalar = doc.text(of: doc.tokens[t].span).unicodeScalars.first else { continue }
            // Two apostrophes ('' ... '') or backticks (`` ... ``) stand for a double quotation mark.
            if scalar == "'" || scalar == "`", t + 1 < range.upperBound, doc.tokens[t + 1].span.start == doc.tokens[t].span.end,
                doc.text(of: doc.tokens[t + 1].span).unicodeScalars.first == scalar
            {
                scalar = "\""
                skipNext = true
            }
            switch scalar.value {
            case 0x201C:  // “ opens, or closes a „ quote
                if let o = openDouble, doc.text(of: doc.tokens[o].span).unicodeScalars.first?.value == 0x201E {
                    result.append(QuoteMarks(open: o, close: t, closed: true))
                    openDouble = nil
                } else {
                    openDouble = t
                }
            case 0x201E, 0x00AB:  // „ «
                openDouble = t
            case 0x201D, 0x00BB:  // ” »
                if let o = openDouble {
                    result.append(QuoteMarks(open: o, close: t, closed: true))
                    openDouble = nil
                }
            case 0x22:  // " (or a '' pair)
                if let o = openDouble {
                    result.append(QuoteMarks(open: o, close: skipNext ? t + 1 : t, closed: true, markWidth: skipNext ? 2 : 1))
                    openDouble = nil
                } else {
                    openDouble = t
                }
            case 0x2018:  // ‘ opens a single quote only after a space or at the start
                if openSingle == nil, t == range.lowerBound || doc.tokens[t - 1].span.end < doc.tokens[t].span.start {
                    openSingle = t
                }
            case 0x2019:  // ’ closes an open single quote
                if let o = openSingle, t - o > 2 {
                    result.append(QuoteMarks(open: o, close: t, closed: true))
                    openSingle = nil
                }
            default:
                break
            }
        }
        if let o = openDouble, range.upperBound - o > 3 {
            result.append(QuoteMarks(open: o, close: range.upperBound, closed: false))
        }
        // Drop quotes nested in others (a single quote inside a double one).
        result.sort { $0.open < $1.open }
        var kept: [QuoteMarks] = []
        for q in result {
            if let prev = kept.last, q.open > prev.open, q.close <= prev.close { continue }
            kept.append(q)
        }
        return kept
    }
}

/// The token-level rules of `AttributionParser` over one document (noun phrases, clauses, cue forms).
struct TokenRules {
    let doc: Document
    let lexicon: AttributionLexicon
    let inQuote: [Bool]
    /// Which tokens may belong to names (capital letters, or cues in caseless scripts).
    let names: NameCues
    /// The grammar words of the lexicon's language.
    let grammar: GrammarLexicon.Language
    var tokens: [Token] { doc.tokens }
    /// Per sentence: its first content token and the end of its content, found once. Rules ask for them per cue
    /// or mark, and a scan each time is quadratic in a long sentence of marks or cues (". . . .", "said: said:").
    private var contentBounds: [(first: Int, end: Int)] = []

    init(doc: Document, lexicon: AttributionLexicon, inQuote: [Bool]) {
        self.doc = doc
        self.lexicon = lexicon
        self.inQuote = inQuote
        grammar = lexicon.grammar
        names = NameCues(doc: doc, lexicon: lexicon)
        contentBounds = doc.sentences.indices.map { (scanFirstContentToken($0), scanContentEnd($0)) }
    }

    /// Whether token `t` may belong to a name: capitalized, or a name cue in a caseless script.
    func isName(_ t: Token) -> Bool { names.isName(t) }

    func attributions(inSentence s: Int) -> [Attribution] {
        let range = doc.sentences[s].tokens
        var found: [Attribution] = []
        var consumed = Set<Int>()
        var i = range.lowerBound
        while i < range.upperBound {
            defer { i += 1 }
            guard !inQuote[i], !consumed.contains(i) else { continue }
            if tokens[i].kind == .punctuation {
                if let a = dashCredit(at: i, sentence: s) ?? speakerLabel(at: i, sentence: s) {
                    found.append(a)
                    consumed.formUnion(a.cue)
                }
                continue
            }
            guard tokens[i].kind == .word else { continue }
            let norm = tokens[i].norm
            if let a = prepositional(at: i, sentence: s) {
                found.append(a)
                consumed.formUnion(a.cue)
            } else if lexicon.quotingVerbForms.contains(norm), !isName(tokens[i]),
                let a = quotedAs(at: i, sentence: s)
            {
                found.append(a)
                consumed.formUnion(a.cue)
            } else if let lemma = lexicon.verbForms[norm], !isName(tokens[i]) || i == range.lowerBound,
                !isNoun(at: i, lemma: lemma, in: s), let a = verbAttribution(at: i, lemma: lemma, sentence: s)
            {
                found.append(a)
                consumed.formUnion(a.cue)
            }
        }
        return clipped(found, sentence: s)
    }

    // MARK: Cue forms

    /// Whether a verb-like word is a noun here: "an inspection report said", "the claim", "her statement".
    private func isNoun(at i: Int, lemma: String, in s: Int) -> Bool {
        let n = tokens[i].norm
        guard n == lemma || grammar.pluralEndings.contains(where: { n == lemma + $0 }) else { return false }
        // "the campaign says": a verb without a noun of its form is a verb after a noun ("her say" aside).
        if lexicon.verbOnlyLemmas.contains(lemma), i > doc.sentences[s].tokens.lowerBound,
            !grammar.nounDeterminers.contains(tokens[i - 1].norm)
        {
            return false
        }
        let lower = doc.sentences[s].tokens.lowerBound
        if i + 1 < doc.sentences[s].tokens.upperBound, lexicon.verbForms[tokens[i + 1].norm] != nil { return true }
        guard i > lower else { return false }
        let articles = grammar.nounDeterminers
        let before = tokens[i - 1]
        return articles.contains(before.norm)
            || (before.kind == .word && !isName(before) && isOpenNoun(before) && i - 2 >= lower
                && articles.contains(tokens[i - 2].norm))
    }

    private func prepositional(at i: Int, sentence s: Int) -> Attribution? {
        let range = doc.sentences[s].tokens
        for phrase in lexicon.attributionCues {
            guard i + phrase.count < range.upperBound,
                phrase.indices.allSatisfy({ tokens[i + $0].norm == phrase[$0] && !inQuote[i + $0] })
            else { continue }
            guard let source = forwardNP(from: i + phrase.count, in: s) else { return nil }
            let cue = Array(i..<(i + phrase.count))
            let start = firstContentToken(s)
            var content = i..<i
            if i <= start {
                // "According to X, content."
                var c = source.upperBound
                while c < range.upperBound, tokens[c].norm == "," { c += 1 }
                content = span(c, contentEnd(s))
            } else if tokens[i - 1].norm == "," || tokens[i - 1].norm == "(" {
                content = span(start, i - 1)
                // "But, according to the poll, 46 percent ...": a parenthetical after an opening word or two.
                var c = source.upperBound
                if (start..<(i - 1)).filter({ tokens[$0].kind == .word }).count < 3, c < range.upperBound,
                    tokens[c].norm == ","
                {
                    while c < range.upperBound, tokens[c].norm == "," { c += 1 }
                    content = span(c, contentEnd(s))
                }
            }
            return Attribution(
                form: .accordingTo, sentence: s, cue: cue, lemma: phrase.joined(separator: " "), source: source,
                medium: nil, content: content, complementizer: nil, opensColon: false)
        }
        return nil
    }

    /// “…” ― Name: a quotation credited by a dash.
    private func dashCredit(at i: Int, sentence s: Int) -> Attribution? {
        let range = doc.sentences[s].tokens
        guard ["―", "—", "–"].contains(String(doc.text(of: tokens[i].span))), i > range.lowerBound, inQuote[i - 1],
            tokens[i - 1].kind == .punctuation, let source = forwardNP(from: i + 1, in: s),
            isName(tokens[source.upperBound - 1])
        else { return nil }
        var open = i - 1
        while open > range.lowerBound, inQuote[open - 1] { open -= 1 }
        return Attribution(
            form: .endAttribution, sentence: s, cue: [i], lemma: "—", source: source, medium: nil,
            content: open..<i, complementizer: nil, opensColon: false)
    }

    /// "NAME: text" at the start of a sentence: a speaker label (transcripts, "Politico: ..." headlines).
    private func speakerLabel(at i: Int, sentence s: Int) -> Attribution? {
        let range = doc.sentences[s].tokens
        guard tokens[i].norm == ":" else { return nil }  // before the scans below: once per mark is quadratic
        let first = firstContentToken(s)
        guard tokens[i].norm == ":", i > first, i - first <= 4, i + 1 < contentEnd(s),
            (first..<i).allSatisfy({ tokens[$0].kind == .word && isName(tokens[$0]) }),
            !(first..<i).contains(where: { lexicon.nonSpeakerLabels.contains(tokens[$0].norm) })
        else { return nil }
        _ = range
        return Attribution(
            form: .subjectVerb, sentence: s, cue: [i], lemma: ":", source: first..<i, medium: nil,
            content: span(i + 1, contentEnd(s)), complementizer: nil, opensColon: true)
    }

    private func quotedAs(at i: Int, sentence s: Int) -> Attribution? {
        let range = doc.sentences[s].tokens
        guard let source = forwardNP(from: i + 1, in: s) else { return nil }
        var k = source.upperBound
        var steps = 0
        while k + 1 < range.upperBound, steps < 30 {
            if grammar.quotingAs.contains(tokens[k].norm), lexicon.quotingComplements.contains(tokens[k + 1].norm) {
                break
            }
            if tokens[k].norm == "." || inQuote[k] { return nil }
            k += 1
            steps += 1
        }
        guard k + 1 < range.upperBound, grammar.quotingAs.contains(tokens[k].norm) else { return nil }
        let medium = backwardNP(before: i, in: s)
        var c = k + 2
        var complementizer: Int?
        // "as saying on Friday that ...": skip a short adjunct before "that".
        if let t = (c..<min(c + 6, range.upperBound)).first(where: {
            grammar.complementizers.contains(tokens[$0].norm)
        }),
            (c..<t).allSatisfy({ !inQuote[$0] && tokens[$0].norm != "," })
        {
            complementizer = t
            c = t + 1
        }
        var content = span(c, contentEnd(s))
        if content.isEmpty {
            let subjectStart = medium?.lowerBound ?? i
            content = span(firstContentToken(s), trimmedEnd(before: subjectStart, in: s))
        }
        return Attribution(
            form: .quotedAs, sentence: s, cue: [i, k, k + 1], lemma: "quote", source: source, medium: medium,
            content: content, complementizer: complementizer, opensColon: false)
    }

    private func verbAttribution(at v: Int, lemma: String, sentence s: Int) -> Attribution? {
        let range = doc.sentences[s].tokens
        // A passive ("Kirby was asked about ...") names whom the words were addressed to, not a speaker.
        var b = v - 1
        while b >= range.lowerBound, isAdverb(tokens[b].norm) { b -= 1 }
        if b >= range.lowerBound, lexicon.passiveAuxiliaries.contains(tokens[b].norm),
            !grammar.isParticiple(tokens[v].norm)
        {
            return nil
        }
        if let subject = subject(before: v, in: s),
            !grammar.isParticiple(tokens[v].norm) || introducesParticiple(subject) || subject.upperBound < v - 1
        {
            // "have not yet replied": a negated verb attributes nothing.
            if (subject.upperBound..<v).contains(where: { grammar.negations.contains(tokens[$0].norm) }) {
                return nil
            }
            // After a closing comma or quotation mark, "X said Monday." is an end attribution, not "X said <clause>".
            let endShape = subject.lowerBound - 1 >= range.lowerBound && isClauseBreak(subject.lowerBound - 1)
                && onlyAdjuncts(after: v, in: s)
            if let (content, complementizer, colon, medium) = forwardContent(
                after: v, lemma: lemma, in: s, allowBareClause: !endShape)
            {
                return Attribution(
                    form: .subjectVerb, sentence: s, cue: [v], lemma: lemma, source: subject, medium: medium,
                    content: content, complementizer: complementizer, opensColon: colon)
            }
            if lexicon.complementOnlyVerbs.contains(lemma) { return nil }
            // Parenthetical: "Too often, Mr. Clarke said, the debate ..." covers the whole sentence.
            let before = subject.lowerBound - 1
            if before > firstContentToken(s), tokens[before].norm == ",", v + 1 < range.upperBound,
                tokens[v + 1].norm == ",", v + 2 < contentEnd(s)
            {
                return Attribution(
                    form: .endAttribution, sentence: s, cue: [v], lemma: lemma, source: subject, medium: nil,
                    content: span(firstContentToken(s), contentEnd(s)), complementizer: nil, opensColon: false)
            }
            // End attribution: ", X said (in a statement)." or “...” X said.
            guard before >= range.lowerBound, isClauseBreak(before), onlyAdjuncts(after: v, in: s) else {
                // A speaker without content here ("Burton explained from a podium."): still an antecedent.
                return Attribution(
                    form: .subjectVerb, sentence: s, cue: [v], lemma: lemma, source: subject, medium: nil,
                    content: v..<v, complementizer: nil, opensColon: false)
            }
            let medium = lexicon.objectVerbs.contains(lemma) ? forwardNP(from: v + 1, in: s, list: true) : nil
            return Attribution(
                form: .endAttribution, sentence: s, cue: [v], lemma: lemma, source: subject, medium: medium,
                content: span(firstContentToken(s), trimmedEnd(before: subject.lowerBound, in: s)),
                complementizer: nil, opensColon: false)
        }
        // Inverted: ", said X." / “...” insists X. (Not a participle: ", stressing his country's strength".)
        guard !lexicon.complementOnlyVerbs.contains(lemma), !grammar.isParticiple(tokens[v].norm),
            v - 1 >= range.lowerBound, isClauseBreak(v - 1),
            let source = forwardNP(from: v + 1, in: s), !isTimePhrase(source),
            onlyAdjuncts(after: source.upperBound - 1, in: s) || onlyAdjuncts(afterPartyTagOf: source, in: s)
                || (source.upperBound + 1 < range.upperBound && tokens[source.upperBound].norm == ","
                    && lexicon.determiners.contains(tokens[source.upperBound + 1].norm))
        else { return nil }
        return Attribution(
            form: .endAttribution, sentence: s, cue: [v], lemma: lemma, source: source, medium: nil,
            content: span(firstContentToken(s), trimmedEnd(before: v, in: s)), complementizer: nil, opensColon: false)
    }

    /// The speaker before a verb: "X said", "X has repeatedly said", "X, speaking on condition of anonymity, said".
    private func subject(before v: Int, in s: Int) -> Range<Int>? {
        let lower = doc.sentences[s].tokens.lowerBound
        // "Trump went on to say", "was quick to add": the speaker stands before the chain.
        for chain in lexicon.verbChains where v - chain.count > lower
            && chain.indices.allSatisfy({ tokens[v - chain.count + $0].norm == chain[$0] })
        {
            return backwardNP(before: v - chain.count, in: s)
        }
        if let np = backwardNP(before: v, in: s) { return speaking(np, in: s) }
        // "voters who said": the phrase before the relative pronoun.
        if v - 1 > lower, grammar.relativePronouns.contains(tokens[v - 1].norm) {
            // ("Bush and Christie, who say": before the comma too.)
            let end = v - 2 > lower && tokens[v - 2].norm == "," ? v - 2 : v - 1
            if let np = backwardNP(before: end, in: s) { return speaking(np, in: s) }
        }
        // "Sen. Jane Miller, D-Calif., said": the name before the party tag.
        if let c = partyTagComma(endingAt: v - 1, lower: lower), let np = backwardNP(before: c, in: s) { return np }
        // "Trump attacked the plan, saying ...", "began by saying ...": the sentence's subject speaks.
        if grammar.isParticiple(tokens[v].norm), v - 1 > lower,
            tokens[v - 1].norm == "," || grammar.agentMarkers.contains(tokens[v - 1].norm),
            let np = forwardNP(from: firstContentToken(s), in: s), np.upperBound < v - 1,
            tokens[np.upperBound].kind == .word, !isNPWord(tokens[np.upperBound])
        {
            return np
        }
        // "Clinton visited the site and said ...": the sentence's subject.
        var b = v - 1
        while b > lower, isAdverb(tokens[b].norm) || lexicon.skippableBeforeVerb.contains(tokens[b].norm) { b -= 1 }
        if b > lower, grammar.verbCoordinators.contains(tokens[b].norm),
            let np = forwardNP(from: firstContentToken(s), in: s), np.upperBound < b,
            np.upperBound < tokens.count, lexicon.verbForms[tokens[np.upperBound].norm] != nil
                || isAdverb(tokens[np.upperBound].norm) || tokens[np.upperBound].kind == .word && !isNPWord(tokens[np.upperBound])
        {
            return np
        }
        // "the lawyer for the outlets, David Schulz, said": a name between commas.
        if v - 1 > lower, tokens[v - 1].norm == ",", let name = backwardNP(before: v - 1, in: s),
            name.lowerBound - 1 >= lower, tokens[name.lowerBound - 1].norm == ",", isName(tokens[name.upperBound - 1])
        {
            return name
        }
        guard v - 1 > lower, tokens[v - 1].norm == "," else { return nil }
        var k = v - 2
        while k > lower, k > v - 25 {
            if tokens[k].norm == "," {
                let next = tokens[k + 1].norm
                // "X, speaking on condition of anonymity, said", "X, who ..., said", "X, a law professor, said".
                if grammar.isParticiple(next) || grammar.relativePronouns.contains(next)
                    || lexicon.determiners.contains(next)
                    || lexicon.functionWords.contains(next)
                    // "Jane Doe, executive director of the fund, said"
                    || lexicon.titles.contains(next) || lexicon.modifiers.contains(next)
                    || lexicon.descriptors.contains(next)
                {
                    // An appositive noun phrase has no finite verb: ", the race will be tight, said X" is content.
                    let appositive = grammar.isParticiple(next) || grammar.relativePronouns.contains(next)
                        || !((k + 1)..<(v - 1)).contains { lexicon.passiveAuxiliaries.contains(tokens[$0].norm)
                            || lexicon.skippableBeforeVerb.contains(tokens[$0].norm) && !isAdverb(tokens[$0].norm)
                            && !lexicon.determiners.contains(tokens[$0].norm) }
                    return appositive ? backwardNP(before: k, in: s) : nil
                }
                return nil
            }
            if inQuote[k] || tokens[k].norm == "." { return nil }
            k -= 1
        }
        return nil
    }

    /// A noun phrase that can speak, from the one before a verb: "separatists in the Donetsk region" for the place
    /// "the Donetsk region" after a preposition; nil for a time ("Monday") or a lone place.
    private func speaking(_ np: Range<Int>, in s: Int) -> Range<Int>? {
        if isTimePhrase(np) {
            // "A court document filed Thursday says": the phrase before the participle and its time.
            let p = np.lowerBound - 1
            guard p > doc.sentences[s].tokens.lowerBound, tokens[p].kind == .word, !isName(tokens[p]),
                grammar.isPast(tokens[p].norm) || grammar.isParticiple(tokens[p].norm),
                let owner = backwardNP(before: p, in: s), !isTimePhrase(owner)
            else { return nil }
            return owner
        }
        guard lexicon.placeNouns.contains(tokens[np.upperBound - 1].norm) else { return np }
        let lower = doc.sentences[s].tokens.lowerBound
        let p = np.lowerBound - 1
        if p > lower, lexicon.adjunctPrepositions.contains(tokens[p].norm) || grammar.affiliationWords.contains(tokens[p].norm),
            let owner = backwardNP(before: p, in: s), !lexicon.placeNouns.contains(tokens[owner.upperBound - 1].norm)
        {
            return owner.lowerBound..<np.upperBound
        }
        return nil
    }

    /// Whether every word of a phrase is a time word, weekday or month ("Monday", "last March").
    func isTimePhrase(_ np: Range<Int>) -> Bool {
        np.allSatisfy { k in
            tokens[k].kind != .word || lexicon.timeWords.contains(tokens[k].norm)
                || SpeakerResolver.calendarNames.contains(tokens[k].norm) || lexicon.determiners.contains(tokens[k].norm)
        }
    }

    /// Content after the verb: "that ...", ": ...", a bare clause, or a quotation that follows.
    private func forwardContent(after v: Int, lemma: String, in s: Int, allowBareClause: Bool)
        -> (Range<Int>, Int?, Bool, Range<Int>?)?
    {
        let range = doc.sentences[s].tokens
        let end = contentEnd(s)
        var k = v + 1
        // "vowed to ...", "called for ...": the complement is the content.
        if k < end, lexicon.infinitiveVerbs.contains(lemma), grammar.infinitiveMarkers.contains(tokens[k].norm),
            k + 1 < end
        {
            return (span(k + 1, end), k, false, nil)
        }
        if k < end, let particles = lexicon.phrasalVerbs[lemma], particles.contains(tokens[k].norm), k + 1 < end {
            return (span(k + 1, end), k, false, nil)
        }
        if lexicon.objectContentVerbs.contains(lemma), let content = objectContent(after: v, lemma: lemma, in: s) {
            return (content, nil, false, nil)
        }
        if lexicon.complementOnlyVerbs.contains(lemma) { return nil }
        while k < range.upperBound, grammar.verbParticles.contains(tokens[k].norm) { k += 1 }
        var medium: Range<Int>?
        if lexicon.objectVerbs.contains(lemma), let listener = listener(from: k, in: s) {
            medium = listener
            k = listener.upperBound
        }
        let afterVerb = k
        // "asked Sanders how he was feeling", "urged lawmakers to act": a question or an infinitive after the listener.
        if afterVerb + 1 < end, !inQuote[afterVerb],
            lexicon.questionVerbs.contains(lemma) && lexicon.questionWords.contains(tokens[afterVerb].norm)
                || (medium != nil && lexicon.infinitiveVerbs.contains(lemma)
                    && grammar.infinitiveMarkers.contains(tokens[afterVerb].norm))
        {
            return (span(afterVerb, end), nil, false, medium)
        }
        // "said the plan that ..." is a bare clause whose "that" is a relative pronoun; only adjuncts ("said on
        // Monday that", "told reporters in a statement that") may stand before a complementizer.
        let bare = afterVerb < end && !grammar.complementizers.contains(tokens[afterVerb].norm)
            && !opensAdjunct(afterVerb)
            && lexicon.clauseVerbs.contains(lemma) && allowBareClause && startsClause(afterVerb)
        var m = k
        var steps = 0
        // "told “Fox and Friends.”" after a quotation: the title is the listener, not content.
        if lexicon.objectVerbs.contains(lemma), medium == nil, quotedTitle(at: afterVerb, in: s) != nil {
            return nil
        }
        while !bare, m < range.upperBound, steps < 16 {
            if inQuote[m] {
                if m == afterVerb || steps <= 1 { return (span(m, end), nil, false, medium) }
                break
            }
            let n = tokens[m].norm
            if grammar.complementizers.contains(n) { return (span(m + 1, end), m, false, medium) }
            if n == ":" { return (span(m + 1, end), nil, true, medium) }
            // "said when asked about the budget that ...": a participle after "when" does not end the search.
            if n == "." || n == ";" || lexicon.verbForms[n] != nil && !(m > afterVerb && lexicon.questionWords.contains(tokens[m - 1].norm)) {
                break
            }
            m += 1
            steps += 1
        }
        // At least three words after the verb, counted up to three (counting all of them per cue is quadratic).
        var words = 0
        var w = afterVerb
        while w < end, words < 3 {
            if tokens[w].kind == .word { words += 1 }
            w += 1
        }
        if allowBareClause, lexicon.clauseVerbs.contains(lemma), afterVerb < end, words >= 3, startsClause(afterVerb) {
            return (span(afterVerb, end), nil, false, medium)
        }
        return nil
    }

    /// The content of a verb whose object is the attributed stance ("criticized the plan", "called the plan “a
    /// disaster”", "accused him of lying"): from the object to the end of the sentence's content; for
    /// `quotationOnlyVerbs`, only when a quotation opens within the next words of the clause.
    private func objectContent(after v: Int, lemma: String, in s: Int) -> Range<Int>? {
        let end = contentEnd(s)
        let k = v + 1
        guard k < end, inQuote[k] || startsClause(k) || forwardNP(from: k, in: s) != nil else { return nil }
        guard lexicon.quotationOnlyVerbs.contains(lemma) else { return span(k, end) }
        var m = k
        while m < end, m < k + 12 {
            if inQuote[m] { return span(k, end) }
            let n = tokens[m].norm
            if n == "." || n == ";" || grammar.complementizers.contains(n) || grammar.clauseCoordinators.contains(n) {
                return nil
            }
            m += 1
        }
        return nil
    }

    /// Whether tokens `range` are a party and state tag after a name: "D-Calif.", "R-Utah", "Democrat of
    /// Connecticut" (a party word or letter, a dash or an affiliation word, then a capitalized place).
    func isPartyTag(_ range: Range<Int>) -> Bool {
        guard !range.isEmpty, range.count <= 7, let first = range.first, tokens[first].kind == .word else {
            return false
        }
        var rest = (first + 1)..<range.upperBound
        let norm = tokens[first].norm
        if let dash = norm.firstIndex(of: "-") {
            // One token: "D-Calif", "R-N.Y".
            let written = doc.text(of: tokens[first].span)
            guard lexicon.partyWords.contains(String(norm[..<dash])),
                let place = written.split(separator: "-", maxSplits: 1).last, place.first?.isUppercase == true
            else { return false }
        } else {
            guard lexicon.partyWords.contains(norm), range.count >= 3,
                tokens[first + 1].norm == "-" || grammar.affiliationWords.contains(tokens[first + 1].norm),
                isName(tokens[first + 2])
            else { return false }
            rest = (first + 2)..<range.upperBound
        }
        return rest.allSatisfy {
            tokens[$0].kind == .punctuation ? [".", "-"].contains(tokens[$0].norm) : isName(tokens[$0])
        }
    }

    /// The start of a party tag between commas that ends right before `comma` (", D-Calif.,"): the earlier comma.
    private func partyTagComma(endingAt comma: Int, lower: Int) -> Int? {
        guard comma - 1 > lower, tokens[comma].norm == "," else { return nil }
        var c = comma - 1
        while c > lower, comma - c <= 8, tokens[c].norm != ",", tokens[c].norm != "(" { c -= 1 }
        guard c > lower, tokens[c].norm == ",", isPartyTag((c + 1)..<comma) else { return nil }
        return c
    }

    // MARK: Noun phrases

    /// Tokens a backward noun-phrase search looks at: a speaker's phrase is never longer, and the bound keeps a
    /// sentence of thousands of capitalized words linear (each search is O(1), not O(sentence)).
    static let maxPhraseTokens = 48

    /// The noun phrase that ends right before `end` (auxiliaries and adverbs skipped), or nil; it starts at most
    /// ``maxPhraseTokens`` tokens before `end`.
    func backwardNP(before end: Int, in s: Int) -> Range<Int>? {
        let lower = max(doc.sentences[s].tokens.lowerBound, end - Self.maxPhraseTokens)
        var j = end - 1
        while j >= lower {
            if tokens[j].kind == .word, !isName(tokens[j]),
                lexicon.skippableBeforeVerb.contains(tokens[j].norm) || isAdverb(tokens[j].norm)
            {
                j -= 1
            } else if let a = adjunctStart(endingAt: j, lower: lower) {
                j = a - 1
            } else {
                break
            }
        }
        guard j >= lower, !inQuote[j] else { return nil }
        if tokens[j].kind == .word, isPronoun(tokens[j].norm) { return j..<(j + 1) }
        var start = j + 1
        var k = j
        var viaFamiliarity = false
        var openNouns = 0
        var openHead = false
        while k >= lower, !inQuote[k] {
            let t = tokens[k]
            if isNPWord(t) {
                start = k
                k -= 1
                continue
            }
            // Nouns outside the lexicon ("city official", "the engineer"), when a determiner or name precedes them.
            if isOpenNoun(t), openNouns < 3, start == k + 1, k == j || !isName(tokens[k + 1]),
                k - 1 < lower || tokens[k - 1].kind == .punctuation || isNPWord(tokens[k - 1])
                    || (k - 2 >= lower && isOpenNoun(tokens[k - 1]) && isNPWord(tokens[k - 2]))
            {
                openNouns += 1
                if k == j { openHead = true }
                start = k
                k -= 1
                continue
            }
            // A bare plural at the start of a clause: ", doctors said".
            if k == j, isOpenNoun(t), grammar.isPlural(t.norm),
                k == lower || tokens[k - 1].kind == .punctuation
            {
                return k..<(k + 1)
            }
            // "Mr. Barrett", "Rep. John Mica": the period of an abbreviated title.
            if t.norm == ".", k - 1 >= lower, start == k + 1,
                lexicon.titles.contains(tokens[k - 1].norm)
                    || (isName(tokens[k - 1]) && tokens[k - 1].norm.count == 1)
            {
                k -= 1
                continue
            }
            // "Rep. John Mica (R-Fla.) said": a parenthetical right after the name.
            if t.norm == ")", start == k + 1 || k == j, let open = (max(lower, k - 8)..<k).last(where: { tokens[$0].norm == "(" }),
                open - 1 >= lower, isNPWord(tokens[open - 1])
            {
                start = open
                k = open - 1
                continue
            }
            let coordinator = grammar.nameCoordinators.contains(t.norm)
            // "teachers and union officials": two plural nouns coordinated.
            let plurals = coordinator && k - 1 >= lower && grammar.isPlural(tokens[k - 1].norm)
                && (isOpenNoun(tokens[k - 1]) || lexicon.descriptors.contains(tokens[k - 1].norm))
                && grammar.isPlural(tokens[j].norm)
            if grammar.nameJoiners.contains(t.norm) || coordinator, k - 1 >= lower,
                start == k + 1, isNPWord(tokens[k - 1]) || ((!coordinator || plurals) && isOpenNoun(tokens[k - 1])),
                !coordinator || isName(tokens[k + 1]) || plurals
            {
                if plurals { start = k }
                k -= 1
                continue
            }
            // "Commission on Presidential Debates", "Center at Princeton": inside a capitalized name.
            if grammar.namePrepositions.contains(t.norm), k - 1 >= lower, start == k + 1, isName(tokens[k - 1]),
                isName(tokens[k + 1])
            {
                k -= 1
                continue
            }
            if start == j + 1, t.kind == .word, let f = familiarity(before: k, lower: lower) {
                start = f
                k = f - 1
                viaFamiliarity = true
                continue
            }
            break
        }
        guard start <= j else { return nil }
        // "WATCH Trump said": a label in capitals ("WATCH", "VIDEO") opening the phrase is no part of the speaker.
        while start < j, lexicon.nonSpeakerLabels.contains(tokens[start].norm), isShouted(tokens[start]) { start += 1 }
        while start <= j,
            grammar.nameJoiners.contains(tokens[start].norm) || grammar.nameCoordinators.contains(tokens[start].norm)
        {
            start += 1
        }
        // "after his visit to Kiev US Secretary of State Antony Blinken said": the place after the preposition
        // belongs to the adjunct, not to the speaker's role.
        if start > lower, start < j, isName(tokens[start]), lexicon.adjunctPrepositions.contains(tokens[start - 1].norm)
            || grammar.placePrepositions.contains(tokens[start - 1].norm),
            isName(tokens[start + 1]), (start + 1...j).contains(where: { lexicon.titles.contains(tokens[$0].norm) }),
            !lexicon.titles.contains(tokens[start].norm)
        {
            start += 1
        }
        var head = j
        if tokens[j].norm == ")", let open = (start..<j).last(where: { tokens[$0].norm == "(" }), open > start {
            head = open - 1
        }
        guard start <= j, viaFamiliarity || openHead || isHead(tokens[head]) else { return nil }
        return start..<(j + 1)
    }

    /// Whether a word is written in capitals only, two letters at least ("WATCH").
    private func isShouted(_ t: Token) -> Bool {
        let text = doc.text(of: t.span)
        return text.count >= 2 && text.allSatisfy { !$0.isLetter || $0.isUppercase }
    }

    /// The noun phrase that starts at `from`, or nil. With `list`, "A, B and the C agencies" is one phrase.
    func forwardNP(from: Int, in s: Int, list: Bool = false) -> Range<Int>? {
        let upper = doc.sentences[s].tokens.upperBound
        guard from < upper, !inQuote[from] else { return nil }
        if tokens[from].kind == .word, isPronoun(tokens[from].norm) { return from..<(from + 1) }
        var k = from
        var lastHead: Int?
        var openNouns = 0
        while k < upper, !inQuote[k] {
            let t = tokens[k]
            // A determiner right after a head starts another phrase ("told Kyodo the closure was ...").
            // (Not inside a capitalized title: "NBC's Meet the Press".)
            if lastHead == k - 1, lexicon.determiners.contains(t.norm), !isName(t) || !list,
                !(grammar.definiteArticles.contains(t.norm) && !isName(t) && isName(tokens[k - 1])
                    && k + 1 < upper && isName(tokens[k + 1]) && !inQuote[k + 1])
            {
                break
            }
            if isNPWord(t) {
                if isHead(t) { lastHead = k }
                k += 1
                continue
            }
            // Nouns outside the lexicon after a determiner or modifier ("a senior engineer"), or a bare plural; not
            // an irregular participle after a noun, before its agent ("data seen by the paper"; but "an analysis by").
            if isOpenNoun(t), openNouns < 2,
                k > from || grammar.isPlural(t.norm),
                !(k > from && k + 1 < upper && grammar.agentMarkers.contains(tokens[k + 1].norm)
                    && !lexicon.determiners.contains(tokens[k - 1].norm) && !lexicon.modifiers.contains(tokens[k - 1].norm))
            {
                openNouns += 1
                lastHead = k
                k += 1
                continue
            }
            let next = k + 1 < upper ? tokens[k + 1] : nil
            if let next, t.norm == ".", k > from, isName(next),
                lexicon.titles.contains(tokens[k - 1].norm)
                    || (isName(tokens[k - 1]) && tokens[k - 1].norm.count == 1)
            {
                k += 1
                continue
            }
            if let next, grammar.nameJoiners.contains(t.norm), isNPWord(next) {
                k += 1
                continue
            }
            if let next, grammar.nameCoordinators.contains(t.norm),
                isName(next) || lexicon.determiners.contains(next.norm)
            {
                k += 1
                continue
            }
            if list, let next, t.norm == ",", isName(next) {
                k += 1
                continue
            }
            if let h = lastHead, lexicon.descriptors.contains(tokens[h].norm),
                lexicon.familiarityWords.contains(t.norm)
            {
                // "people familiar with the matter": up to the next punctuation or cue.
                var e = k + 1
                while e < upper, e < k + 8, tokens[e].kind == .word, !inQuote[e],
                    !grammar.complementizers.contains(tokens[e].norm),
                    lexicon.verbForms[tokens[e].norm] == nil
                {
                    e += 1
                }
                lastHead = e - 1
                k = e
            }
            break
        }
        guard let h = lastHead else { return nil }
        return from..<(h + 1)
    }

    /// Start of a short time or place adjunct ending at `j` ("on Tuesday", "on May 28", "in Brussels").
    private func adjunctStart(endingAt j: Int, lower: Int) -> Int? {
        var k = j
        if tokens[k].kind == .number { k -= 1 }
        guard k > lower, k < j || isName(tokens[k]), tokens[k].kind == .word || tokens[k].kind == .number else {
            return nil
        }
        if k < j, !isName(tokens[k]) { return nil }
        let prep = tokens[k - 1].norm
        guard !isName(tokens[k - 1]), lexicon.adjunctPrepositions.contains(prep) else { return nil }
        return k - 1
    }

    private func familiarity(before k: Int, lower: Int) -> Int? {
        var m = k
        while m > lower, m > k - 7 {
            guard tokens[m].kind == .word, !inQuote[m] else { return nil }
            if lexicon.familiarityWords.contains(tokens[m].norm), lexicon.descriptors.contains(tokens[m - 1].norm) {
                return m
            }
            m -= 1
        }
        return nil
    }

    func isNPWord(_ t: Token) -> Bool {
        switch t.kind {
        case .number: return true
        case .punctuation: return false
        case .word:
            if isName(t) {
                if lexicon.functionWords.contains(t.norm), !lexicon.determiners.contains(t.norm) { return false }
                // (A name with an inner apostrophe, "O'Hanlon", "D'Souza", is a name.)
                if let apostrophe = t.norm.firstIndex(of: "'"), t.norm[apostrophe...].count <= 3,
                    t.norm[apostrophe...] != grammar.possessiveSuffix || isPronoun(String(t.norm[..<apostrophe]))
                {
                    return false  // "He's", "They're", "It's"
                }
                return lexicon.verbForms[t.norm] == nil || !isSentenceInitial(t)
            }
            let n = t.norm
            return lexicon.determiners.contains(n) || lexicon.modifiers.contains(n) || lexicon.descriptors.contains(n)
                || lexicon.titles.contains(n) || lexicon.organizationWords.contains(n)
                || lexicon.outletNouns.contains(n) || lexicon.documentNouns.contains(n)
        }
    }

    /// A lowercase content word outside the lexicon that may be a noun: not a function word, verb form or adverb.
    func isOpenNoun(_ t: Token) -> Bool {
        guard t.kind == .word, !isName(t), t.norm.count >= 3 else { return false }
        let n = t.norm
        return !lexicon.functionWords.contains(n) && lexicon.verbForms[n] == nil && !isAdverb(n)
            && !lexicon.skippableBeforeVerb.contains(n) && !lexicon.passiveAuxiliaries.contains(n)
            && !lexicon.quotingVerbForms.contains(n) && !lexicon.citingWords.contains(n) && !grammar.isParticiple(n)
            && !grammar.isPast(n) && !isPronoun(n) && !lexicon.familiarityWords.contains(n)
    }

    func isHead(_ t: Token) -> Bool {
        guard t.kind == .word else { return false }
        if isName(t) { return !lexicon.determiners.contains(t.norm) && !lexicon.functionWords.contains(t.norm) }
        let n = t.norm
        return lexicon.descriptors.contains(n) || lexicon.titles.contains(n) || lexicon.organizationWords.contains(n)
            || lexicon.outletNouns.contains(n) || lexicon.documentNouns.contains(n)
    }

    func isPronoun(_ n: String) -> Bool {
        lexicon.personPronouns.contains(n) || lexicon.pluralPronouns.contains(n) || lexicon.thingPronouns.contains(n)
            || lexicon.firstPersonPronouns.contains(n)
    }

    private func isSentenceInitial(_ t: Token) -> Bool {
        doc.sentences[t.sentence].span.start == t.span.start
    }

    private func isAdverb(_ n: String) -> Bool { grammar.isAdverb(n) }

    // MARK: Clause helpers

    /// Whether a participle's subject stands where a participle clause may open: "with one insider adding", ", X
    /// saying", at the sentence start (not "recommendations for Ukraine describing").
    private func introducesParticiple(_ subject: Range<Int>) -> Bool {
        let b = subject.lowerBound - 1
        let lower = doc.sentences[tokens[subject.lowerBound].sentence].tokens.lowerBound
        return b < lower || grammar.participleOpeners.contains(tokens[b].norm) || tokens[b].kind == .punctuation
    }

    /// `a..<b`, empty when `b` precedes `a`.
    private func span(_ a: Int, _ b: Int) -> Range<Int> { a..<max(a, b) }

    /// Whether token `k` ends a clause before a trailing attribution: a comma, or a closing quotation mark.
    private func isClauseBreak(_ k: Int) -> Bool {
        let n = tokens[k].norm
        if n == "," || n == "—" || n == "-" { return true }
        return inQuote[k] && tokens[k].kind == .punctuation && (k + 1 >= tokens.count || !inQuote[k + 1])
    }

    /// Whether everything after token `k` up to the sentence end is adjuncts ("in a statement on Thursday"): nothing,
    /// or a phrase opened by a preposition, time word or adverb (after the listener of "told"), and no clause.
    private func onlyAdjuncts(after k: Int, in s: Int) -> Bool {
        let end = doc.sentences[s].tokens.upperBound
        var m = k + 1
        if let lemma = lexicon.verbForms[tokens[k].norm], lexicon.objectVerbs.contains(lemma),
            let listener = listener(from: m, in: s) ?? quotedTitle(at: m, in: s)
        {
            m = listener.upperBound
        }
        if m < end, tokens[m].kind != .punctuation || tokens[m].norm == "(", !opensAdjunct(m) { return false }
        while m < end {
            let n = tokens[m].norm
            // ", adding that ..." opens a participle clause of its own.
            if n == ",", m + 1 < end, tokens[m + 1].kind == .word, grammar.isParticiple(tokens[m + 1].norm) {
                return true
            }
            // “A,” she said, “B.”: the quotation resumes after the attribution.
            if n == ",", m + 1 < end, inQuote[m + 1] { return true }
            if inQuote[m] || grammar.complementizers.contains(n) || n == ":" { return false }
            // Another verb ("... and said there ...") starts a clause; "a written statement" does not.
            if m > k + 1, lexicon.verbForms[n] != nil, !isName(tokens[m]),
                !lexicon.determiners.contains(tokens[m - 1].norm)
            {
                return false
            }
            if n == "." || n == "!" || n == "?" || n == "…" { return true }
            m += 1
        }
        return true
    }

    /// ", said Sen. Mike Lee, R-Utah.": only a party tag (and adjuncts) after the name.
    private func onlyAdjuncts(afterPartyTagOf source: Range<Int>, in s: Int) -> Bool {
        let end = doc.sentences[s].tokens.upperBound
        guard source.upperBound < end, tokens[source.upperBound].norm == "," else { return false }
        var e = source.upperBound + 1
        while e < end, e - source.upperBound <= 8, tokens[e].norm != ",", !["!", "?", ";"].contains(tokens[e].norm),
            !(tokens[e].norm == "." && (e + 1 == end || !isName(tokens[e - 1])))
        {
            e += 1
        }
        if e < end, tokens[e].norm == "." { e += 1 }
        guard isPartyTag((source.upperBound + 1)..<e) else { return false }
        return e >= end || onlyAdjuncts(after: e - 1, in: s)
    }

    /// The listener of "told": a noun phrase ("told Reuters", "told the AFP and Reuters agencies") or an object
    /// pronoun ("told her").
    func listener(from k: Int, in s: Int) -> Range<Int>? {
        if k < doc.sentences[s].tokens.upperBound, !inQuote[k], lexicon.objectPronouns.contains(tokens[k].norm) {
            return k..<(k + 1)
        }
        return forwardNP(from: k, in: s, list: true)
    }

    /// A quoted title standing as a listener ("told “Fox and Friends.”"): a short quotation of capitalized words
    /// at `k` that ends the sentence.
    private func quotedTitle(at k: Int, in s: Int) -> Range<Int>? {
        let end = doc.sentences[s].tokens.upperBound
        guard k < end, inQuote[k], tokens[k].kind == .punctuation else { return nil }
        var e = k + 1
        while e < end, e - k <= 8, inQuote[e], !(tokens[e].kind == .punctuation && e > k + 1 && (e + 1 == end || !inQuote[e + 1])) {
            guard tokens[e].kind != .word || isName(tokens[e]) || grammar.nameCoordinators.contains(tokens[e].norm)
                || lexicon.functionWords.contains(tokens[e].norm)
            else { return nil }
            e += 1
        }
        guard e < end, inQuote[e], e > k + 1, (e + 1..<end).allSatisfy({ tokens[$0].kind == .punctuation }) else {
            return nil
        }
        return k..<(e + 1)
    }

    /// Whether token `k` opens an adjunct: a preposition, an adverb or a time word.
    private func opensAdjunct(_ k: Int) -> Bool {
        let t = tokens[k]
        guard t.kind == .word else { return t.norm == "," }
        let n = t.norm
        return (lexicon.functionWords.contains(n) && !lexicon.determiners.contains(n) && !isPronoun(n))
            || isAdverb(n) || lexicon.timeWords.contains(n) || lexicon.skippableBeforeVerb.contains(n)
    }

    private func startsClause(_ k: Int) -> Bool {
        let t = tokens[k]
        if t.kind == .number { return true }
        guard t.kind == .word else { return false }
        if isName(t) { return true }
        let n = t.norm
        // "said if he were president, ...", "said seeing the officers was a relief".
        if lexicon.clauseOpeners.contains(n) || (grammar.isParticiple(n) && lexicon.verbForms[n] == nil && n.count > 5) {
            return true
        }
        return lexicon.determiners.contains(n) || lexicon.personPronouns.contains(n)
            || lexicon.pluralPronouns.contains(n) || lexicon.thingPronouns.contains(n)
            || lexicon.firstPersonPronouns.contains(n) || grammar.clauseSubjects.contains(n)
            || lexicon.modifiers.contains(n) || isOpenNoun(t)
    }

    /// The first token of the sentence that may open content (leading punctuation skipped).
    func firstContentToken(_ s: Int) -> Int { contentBounds[s].first }

    private func scanFirstContentToken(_ s: Int) -> Int {
        let range = doc.sentences[s].tokens
        var k = range.lowerBound
        while k < range.upperBound, tokens[k].kind == .punctuation, !inQuote[k] { k += 1 }
        return datelineEnd(from: k, upper: range.upperBound) ?? k
    }

    /// The token after a dateline that opens a sentence ("RIVERTON –", "KYIV, Ukraine (AP) —"): capitalized words
    /// with at least one in capitals, optional commas and a parenthesized agency, then a dash; nil when none.
    private func datelineEnd(from start: Int, upper: Int) -> Int? {
        var k = start
        var shouted = false
        var inParens = false
        while k < upper, k < start + 12, !inQuote[k] {
            let t = tokens[k]
            let raw = doc.text(of: t.span)
            if t.kind == .word {
                guard inParens || isName(t) else { return nil }
                if !inParens, raw.count >= 3, raw.allSatisfy({ !$0.isLetter || $0.isUppercase }) { shouted = true }
            } else if raw == "(" {
                inParens = true
            } else if raw == ")" {
                inParens = false
            } else if ["–", "—", "-"].contains(raw), !inParens {
                guard shouted, k > start, k + 1 < upper, tokens[k + 1].kind != .punctuation || inQuote[k + 1] else {
                    return nil
                }
                return k + 1
            } else if raw != ",", raw != "." {
                return nil
            }
            k += 1
        }
        return nil
    }

    /// End of the sentence's content: before final punctuation that is not part of a quote.
    func contentEnd(_ s: Int) -> Int { contentBounds[s].end }

    private func scanContentEnd(_ s: Int) -> Int {
        let range = doc.sentences[s].tokens
        var e = range.upperBound
        while e > range.lowerBound, tokens[e - 1].kind == .punctuation, !inQuote[e - 1] { e -= 1 }
        return e
    }

    /// `k` moved back over commas and dashes that separate content from its attribution.
    private func trimmedEnd(before k: Int, in s: Int) -> Int {
        let lower = doc.sentences[s].tokens.lowerBound
        var e = k
        while e > lower, tokens[e - 1].kind == .punctuation, !inQuote[e - 1] { e -= 1 }
        return e
    }

    /// With several attributions in one sentence, forward content stops where the next attribution begins, and
    /// any content stops before a coordinated speech verb ("... and said she would ...").
    private func clipped(_ found: [Attribution], sentence s: Int) -> [Attribution] {
        var result = found
        // Every "and"/"but" of the sentence followed (adverbs skipped) by a verb, found once: a scan of each
        // attribution's content is quadratic in a long sentence with many cues.
        var coordinated: [(conjunction: Int, verb: Int)] = []
        if found.contains(where: { $0.content.count > 1 }) {
            let lastContent = found.map(\.content.upperBound).max() ?? 0
            let end = min(tokens.count, max(doc.sentences[s].tokens.upperBound, lastContent))
            for k in doc.sentences[s].tokens where !inQuote[k] && grammar.clauseCoordinators.contains(tokens[k].norm) {
                var v = k + 1
                while v < end, isAdverb(tokens[v].norm) || lexicon.skippableBeforeVerb.contains(tokens[v].norm) {
                    v += 1
                }
                if v < end, lexicon.verbForms[tokens[v].norm] != nil, !isName(tokens[v]) {
                    coordinated.append((k, v))
                }
            }
        }
        for a in result.indices where result[a].content.count > 1 {
            let content = result[a].content
            // The first coordinated verb inside the content, after its first token.
            var lo = 0
            var hi = coordinated.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if coordinated[mid].conjunction <= content.lowerBound { lo = mid + 1 } else { hi = mid }
            }
            if let k = coordinated[lo...].prefix(while: { $0.conjunction < content.upperBound })
                .first(where: { $0.verb < content.upperBound })?.conjunction
            {
                result[a].content = content.lowerBound..<max(content.lowerBound, trimmedEnd(before: k, in: s))
            }
        }
        guard found.count > 1 else { return result }
        // A's content stops before the first other attribution B that starts inside it and whose content lies
        // elsewhere (B opens a colon, or B's content starts before A's). One sweep over the contents by start,
        // adding the B that qualify as A's start grows, each A asking for the first B start after its own:
        // O(k log k), not a comparison of every pair.
        let starts = result.map { min($0.source.lowerBound, $0.cue.min() ?? Int.max) }
        let order = result.indices.sorted { starts[$0] < starts[$1] }
        let sortedStarts = order.map { starts[$0] }
        var position = [Int](repeating: 0, count: result.count)
        for (p, b) in order.enumerated() { position[b] = p }
        let original = result.map(\.content)
        let keyed = result.indices.compactMap { b -> (key: Int, b: Int)? in
            if result[b].opensColon { return (Int.min, b) }
            return original[b].count > 0 ? (original[b].lowerBound, b) : nil
        }.sorted { $0.key < $1.key }
        var active = FirstActive(count: result.count)
        var next = 0
        for a in result.indices.sorted(by: { original[$0].lowerBound < original[$1].lowerBound }) {
            let content = original[a]
            while next < keyed.count, keyed[next].key < content.lowerBound {
                active.insert(position[keyed[next].b])
                next += 1
            }
            // The first start after the content's first token.
            var lo = 0
            var hi = sortedStarts.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if sortedStarts[mid] <= content.lowerBound { lo = mid + 1 } else { hi = mid }
            }
            var p = lo
            while let q = active.first(atOrAfter: p) {
                if order[q] == a {
                    p = q + 1
                    continue
                }
                if sortedStarts[q] < content.upperBound {
                    let end = trimmedEnd(before: sortedStarts[q], in: s)
                    result[a].content = content.lowerBound..<max(content.lowerBound, end)
                }
                break
            }
        }
        return result
    }
}
