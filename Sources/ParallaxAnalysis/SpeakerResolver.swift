/// Resolves the noun phrase of a speaker to who is meant, within one document.
///
/// Splits a role from a name ("National Security Council spokesman John Kirby" -> name "John Kirby", role
/// "National Security Council spokesman"), completes a surname from an earlier full mention ("Putin" ->
/// "Vladimir Putin"), resolves "he"/"she" to the person named last before (outside quotations), "they"/"it" to the
/// last plural or institutional speaker, "the statement" to whoever issued it, and "the newspaper"/"the report" to
/// the outlet named last. Call `resolve` in document order: each resolved speaker becomes a possible antecedent.
public struct SpeakerResolver: Sendable {
    /// A resolved speaker or source (``ParallaxCore/Speaker``).
    public typealias Speaker = ParallaxCore.Speaker

    struct PersonMention: Sendable {
        var token: Int
        var name: String
        var role: String?
        /// Whether the mention may be an antecedent of "he"/"she" (not possessive).
        var canBeAntecedent: Bool
        /// The gender told by the first name or the role, when known.
        var gender: FirstNameLexicon.Gender? = nil
    }

    struct SpeakerMention: Sendable {
        var token: Int
        var speaker: Speaker
        /// Whether the speaker's sentence mentions a statement ("told Sputnik in a statement").
        var issuedStatement: Bool
    }

    /// Weekday and month names of the bundled temporal lexicon: "instructed staff Monday" names no one "Monday".
    static let calendarNames: Set<String> = Set(
        TemporalLexicon.bundled.languages.flatMap { ($0.weekdays + $0.months).flatMap { $0 } }.map { Tokenizer.norm($0) })

    let doc: Document
    let lexicon: AttributionLexicon
    let rules: TokenRules
    /// The grammar words of the lexicon's language.
    let grammar: GrammarLexicon.Language
    /// Persons mentioned, in text order (by token; ``addPerson(_:)`` keeps the order).
    private(set) var persons: [PersonMention] = []
    private(set) var speakers: [SpeakerMention] = []
    /// How many earlier speakers the antecedent search of "they"/"it" looks at, at most.
    static let maxAntecedentSearch = 200
    /// Indices into `speakers` of the described persons ("the Navy spokesperson"), in text order.
    private var describedPersons: [Int] = []
    private(set) var outletMentions: [(token: Int, name: String)] = []
    /// Named bodies mentioned outside quotations ("the Defense Department", "the FSB"), in text order.
    private(set) var organizations: [OrganizationMention] = []
    /// Per body (its alias group or its name's key): the name it was first mentioned by, capitalized words only.
    private var organizationNodes: [String: String] = [:]
    /// Per body: the name of its first resolved speaker mention ("the Pentagon"), its one node from then on.
    private var organizationSpeakers: [String: String] = [:]

    struct OrganizationMention: Sendable {
        var token: Int
        /// The body's node: its group of aliases, or its own key.
        var node: String
        /// Keys (token norms joined by spaces) the body goes by: its name and its known aliases.
        var names: [String]
    }
    /// Per sentence, once asked: whether it holds a statement noun ("statement", "interview"). Asked per resolved
    /// speaker, so a scan per question is quadratic in a long sentence of many attributions.
    private var mentionsStatement: [Int: Bool] = [:]

    /// A resolver over `document`; `inQuote` marks tokens inside quotations (mentions there are not antecedents).
    init(document: Document, lexicon: AttributionLexicon, inQuote: [Bool]) {
        self.init(rules: TokenRules(doc: document, lexicon: lexicon, inQuote: inQuote))
    }

    /// A resolver with the token rules of the document's attribution parse (``AttributionParser/Analysis/rules``).
    init(rules: TokenRules) {
        doc = rules.doc
        lexicon = rules.lexicon
        grammar = rules.lexicon.grammar
        self.rules = rules
        scanMentions(inQuote: rules.inQuote)
    }

    /// A resolver over `document` with the bundled lexicon.
    public init(document: Document) {
        let analysis = AttributionParser(lexicon: .bundled).analyze(document)
        self.init(document: document, lexicon: .bundled, inQuote: analysis.inQuote)
    }

    /// Resolves the speaker mentioned at `span` (a noun phrase or pronoun of this document), or nil for first-person
    /// pronouns. A pronoun without antecedent stays as written ("he"), as an `.anonymous` source.
    public mutating func resolve(mention span: TextSpan) -> Speaker? {
        let range = doc.tokens.indices.filter { span.contains(doc.tokens[$0].span) }
        guard let first = range.first, let last = range.last else { return nil }
        return resolve(first..<(last + 1))
    }

    // MARK: Resolution

    /// Resolves a noun phrase given as token indices; records the result as a later antecedent.
    ///
    /// Antecedents of pronouns must precede `antecedentsBefore` (e.g. the start of the content the speaker is
    /// credited with, so that "X ... Zelensky ..., he said" does not resolve "he" to a name inside the statement).
    /// With `record` false the result is not kept as an antecedent (listeners, media).
    mutating func resolve(_ np: Range<Int>, antecedentsBefore: Int? = nil, record: Bool = true) -> Speaker? {
        guard let interpreted = interpret(np, antecedentsBefore: antecedentsBefore ?? np.lowerBound) else { return nil }
        let speaker = organizationNode(interpreted, np)
        guard record else { return speaker }
        let s = doc.tokens[np.lowerBound].sentence
        if mentionsStatement[s] == nil {
            mentionsStatement[s] = doc.tokens(ofSentence: s).contains { lexicon.statementNouns.contains($0.norm) }
        }
        speakers.append(
            SpeakerMention(token: np.lowerBound, speaker: speaker, issuedStatement: mentionsStatement[s] == true))
        if isDescribedPerson(speakers[speakers.count - 1]) { describedPersons.append(speakers.count - 1) }
        if speaker.kind == .person {
            addPerson(
                PersonMention(
                    token: np.lowerBound, name: speaker.name, role: speaker.role, canBeAntecedent: true,
                    gender: gender(name: speaker.name, role: speaker.role)))
        }
        return speaker
    }

    /// Adds a person mention at its place in text order, before those at the same token: a backward search meets
    /// the mention added first (the full name found by the scan before a resolved part of it).
    private mutating func addPerson(_ person: PersonMention) {
        persons.insert(person, at: personsBefore(person.token))
    }

    /// The number of person mentions before token `token` (binary search: `persons` is in text order).
    private func personsBefore(_ token: Int) -> Int {
        var lo = 0
        var hi = persons.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if persons[mid].token < token { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// The last person mentioned before `token` that `accept`s, looking back at most ``maxAntecedentSearch``
    /// mentions and only while `near` holds: O(log n + bound) per search, not a scan of every person.
    private func lastPerson(before token: Int, near: ((Int) -> Bool)? = nil, where accept: (PersonMention) -> Bool)
        -> PersonMention?
    {
        var i = personsBefore(token)
        var examined = 0
        while i > 0, examined < Self.maxAntecedentSearch {
            i -= 1
            examined += 1
            let p = persons[i]
            if let near, !near(p.token) { return nil }
            if accept(p) { return p }
        }
        return nil
    }

    /// The gender of a person told by a role word ("spokeswoman", "Mrs.") or else by the first name, nil when
    /// neither tells it.
    func gender(name: String, role: String?) -> FirstNameLexicon.Gender? {
        if let role {
            for word in role.split(separator: " ") {
                if let g = lexicon.roleGenders[Tokenizer.norm(String(word))] { return g }
            }
        }
        guard let first = name.split(separator: " ").first else { return nil }
        return lexicon.firstNames.gender(of: String(first))
    }

    /// Whether a person may be the antecedent of a pronoun of gender `g` (unknown genders agree with all).
    private func agrees(_ person: FirstNameLexicon.Gender?, _ g: FirstNameLexicon.Gender?) -> Bool {
        guard let person, let g, person != .either, g != .either else { return true }
        return person == g
    }

    /// Whether a role (as written) holds the role word `head` ("Gov." holds "governor", "Defense Secretary" holds
    /// "secretary").
    private func role(_ role: String?, holds head: String) -> Bool {
        guard let role else { return false }
        return role.split(separator: " ").contains { word in
            let n = Tokenizer.norm(String(word))
            return n == head || lexicon.titleAbbreviations[n] == head
        }
    }

    /// Records a role learned after resolution (an appositive) for the person mentioned at `token`.
    mutating func setRole(_ role: String, forMentionAt token: Int) {
        for i in persons.indices where persons[i].token == token {
            persons[i].role = role
            persons[i].gender = gender(name: persons[i].name, role: role)
        }
        for i in speakers.indices where speakers[i].token == token { speakers[i].speaker.role = role }
    }

    /// A named organization speaker under its node's name: "the Defense Department" after "the Pentagon" is the
    /// Pentagon, "The Pentagon" at a sentence start is the same node as "the Pentagon".
    private mutating func organizationNode(_ speaker: Speaker, _ np: Range<Int>) -> Speaker {
        guard speaker.kind == .organization, !speaker.isAnaphor, let mention = organizationMention(in: np) else {
            return speaker
        }
        guard let name = organizationSpeakers[mention.node] else {
            organizationSpeakers[mention.node] = speaker.name
            return speaker
        }
        var s = speaker
        s.name = name
        return s
    }

    /// The named body a phrase names: its longest run of capitalized words (a leading article dropped) whose key,
    /// or a final part of it, is a known alias or class member or ends with an organization word.
    private func organizationMention(in np: Range<Int>) -> OrganizationMention? {
        let tokens = doc.tokens
        var a = np.lowerBound
        while a < np.upperBound, !rules.isName(tokens[a]) || lexicon.determiners.contains(tokens[a].norm) { a += 1 }
        var e = a
        while e < np.upperBound, tokens[e].kind == .word, rules.isName(tokens[e])
            || (e > a && grammar.nameConnectors.contains(tokens[e].norm) && e + 1 < np.upperBound && rules.isName(tokens[e + 1]))
        {
            e += 1
        }
        guard a < e else { return nil }
        var norms = (a..<e).map { tokens[$0].norm }
        if let last = norms.last, grammar.isPossessive(last) { norms[norms.count - 1] = String(last.dropLast(grammar.possessiveSuffix.count)) }
        for start in norms.indices {
            let key = norms[start...].joined(separator: " ")
            if let group = lexicon.organizationAliasGroup[key] {
                return OrganizationMention(token: a, node: "#\(group)", names: lexicon.organizationAliases[group])
            }
            if classMembers.contains(key) { return OrganizationMention(token: a, node: key, names: [key]) }
        }
        guard let head = norms.last, lexicon.organizationWords.contains(head), norms.count > 1 else { return nil }
        let key = norms.joined(separator: " ")
        return OrganizationMention(token: a, node: key, names: [key])
    }

    /// "the agency" after "the FSB", "the department" after "the Defense Department": the most recent named body
    /// (within six paragraphs) whose name ends with the description's head or that the head's class lists.
    private func describedOrganization(head: String, before token: Int) -> OrganizationMention? {
        let paragraph = doc.sentences[doc.tokens[token].sentence].paragraph
        let members = lexicon.organizationClasses[head] ?? []
        for m in organizations.reversed() where m.token < token {
            if paragraph - doc.sentences[doc.tokens[m.token].sentence].paragraph > 6 { return nil }
            if m.names.contains(where: { $0 == head || $0.hasSuffix(" " + head) || members.contains($0) }) { return m }
        }
        return nil
    }

    private func interpret(_ phrase: Range<Int>, antecedentsBefore bound: Int) -> Speaker? {
        let tokens = doc.tokens
        let span = TextSpan(start: tokens[phrase.lowerBound].span.start, end: tokens[phrase.upperBound - 1].span.end)
        // "Rep. Jane Miller (D-Ore.)": the parenthetical is not part of the name.
        var np = phrase
        if tokens[np.upperBound - 1].norm == ")", let open = np.last(where: { tokens[$0].norm == "(" }), open > np.lowerBound {
            np = np.lowerBound..<open
        }
        let text = String(doc.text(of: spanOf(np)))
        let head = tokens[np.upperBound - 1]
        if np.count == 1, head.kind == .word, rules.isPronoun(head.norm) {
            if lexicon.firstPersonPronouns.contains(head.norm) { return nil }
            // Unresolved: keep the pronoun as written, as an unidentified source.
            return pronoun(head.norm, at: min(bound, np.lowerBound), span: span)
                ?? Speaker(
                    name: text, role: nil, kind: .anonymous, mention: span, isAnaphor: false, isUnresolvedPronoun: true)
        }
        let norms = np.map { tokens[$0].norm }
        let nameRange = self.nameRange(in: np)
        if nameRange.isEmpty, lexicon.statementNouns.contains(head.norm) {
            if let issuer = issuer(before: np.lowerBound) {
                return Speaker(name: issuer.name, role: issuer.role, kind: issuer.kind, mention: span, isAnaphor: true)
            }
            return Speaker(name: text, role: nil, kind: .anonymous, mention: span, isAnaphor: false)
        }
        if let outlet = knownOutlet(in: norms, of: np) {
            return Speaker(name: outlet, role: nil, kind: .outlet, mention: span, isAnaphor: false)
        }
        // "the agency" after "the FSB" (and no outlet named since): that body.
        if nameRange.isEmpty, np.count >= 2, grammar.definiteArticles.contains(norms[0]),
            lexicon.organizationClasses[head.norm] != nil || lexicon.organizationWords.contains(head.norm),
            let body = describedOrganization(head: head.norm, before: np.lowerBound),
            body.token > outletMentions.last(where: { $0.token < np.lowerBound })?.token ?? -1,
            let name = organizationSpeakers[body.node] ?? organizationNodes[body.node]
        {
            return Speaker(name: name, role: nil, kind: .organization, mention: span, isAnaphor: true)
        }
        // "the National Disaster Mitigation Agency": a capitalized organization head names a body, not the outlet
        // a lowercase "news agency" would be.
        if nameRange.isEmpty, rules.isName(head), np.count > 1, lexicon.organizationWords.contains(head.norm) {
            if let member = personOfOrganization(np, span: span) { return member }
            return Speaker(name: text, role: nil, kind: .organization, mention: span, isAnaphor: false)
        }
        if nameRange.isEmpty, lexicon.outletNouns.contains(head.norm) || lexicon.documentNouns.contains(head.norm) {
            let definite = grammar.definiteDeterminers.contains(norms.first ?? "")
            if definite, let outlet = outletMentions.last(where: { $0.token < np.lowerBound }) {
                return Speaker(name: outlet.name, role: nil, kind: .outlet, mention: span, isAnaphor: true)
            }
            let kind: Citation.SourceKind = lexicon.outletNouns.contains(head.norm) ? .outlet : .anonymous
            return Speaker(name: text, role: nil, kind: kind, mention: span, isAnaphor: false)
        }
        if !nameRange.isEmpty {
            if nameRange.contains(where: { lexicon.organizationWords.contains(tokens[$0].norm) }) {
                if let member = personOfOrganization(np, span: span) { return member }
                return Speaker(name: text, role: nil, kind: .organization, mention: span, isAnaphor: false)
            }
            // "USGS", "FEMA": a short all-capital word not written otherwise in the article is an organization.
            if nameRange.count == 1, isAcronym(tokens[nameRange.lowerBound]),
                (np.lowerBound..<nameRange.lowerBound).allSatisfy({ lexicon.determiners.contains(tokens[$0].norm) })
            {
                return Speaker(name: text, role: nil, kind: .organization, mention: span, isAnaphor: false)
            }
            // "the Commission on Presidential Debates", "the city of Phoenix", "a spokesman for Hamas": a name after
            // a connector is part of one described source, not a person with a role ("Commission on").
            // After a title, only a one-word name ("executive director of HRWA", "Secretary of State"): "Secretary of
            // State Antony Blinken" is a person.
            if nameRange.lowerBound - np.lowerBound >= 2,
                grammar.nameConnectors.contains(tokens[nameRange.lowerBound - 1].norm),
                !lexicon.titles.contains(tokens[nameRange.lowerBound - 2].norm)
                    || nameRange.filter({ tokens[$0].kind == .word }).count == 1,
                let whole = roleText(np.lowerBound..<np.upperBound)
            {
                let before = tokens[nameRange.lowerBound - 2].norm
                let described = lexicon.descriptors.contains(before) || lexicon.titles.contains(before)
                return Speaker(
                    name: whole, role: nil, kind: described ? .anonymous : .organization, mention: span,
                    isAnaphor: false)
            }
            let nameRange = roleWordSplit(afterOutlet(nameRange))
            let name = grammar.withoutPossessive(String(doc.text(of: spanOf(nameRange))))
            var role = roleText(np.lowerBound..<nameRange.lowerBound)
            var full = name
            if let known = fullName(for: name, before: np.lowerBound) {
                full = known.name
                if role == nil { role = known.role }
            }
            return Speaker(name: full, role: role, kind: .person, mention: span, isAnaphor: full != name)
        }
        let described = lexicon.descriptors.contains(head.norm) || lexicon.titles.contains(head.norm)
        let body = !described && norms.contains(where: { lexicon.organizationWords.contains($0) })
        // "her office", "his spokesman": the person named last before (even inside the statement: "Holt ordered an
        // inquiry, her office said") is the possessor.
        if described || body, np.count >= 2, lexicon.personPossessives.contains(norms[0]), let owner = possessor(before: np.lowerBound) {
            let rest = String(doc.text(of: spanOf((np.lowerBound + 1)..<np.upperBound)))
            return Speaker(
                name: "\(owner)’s \(rest)", role: nil, kind: body ? .organization : .anonymous, mention: span,
                isAnaphor: true)
        }
        // "the governor" after "Gov. Jane Doe" (or "Jane Doe, the governor,"): the named holder of the role.
        if described, np.count >= 2, grammar.definiteArticles.contains(norms[0]), lexicon.titles.contains(head.norm),
            let holder = lastPerson(before: np.lowerBound, where: { role($0.role, holds: head.norm) })
        {
            return Speaker(name: holder.name, role: holder.role, kind: .person, mention: span, isAnaphor: true)
        }
        if described {
            return Speaker(name: text, role: nil, kind: .anonymous, mention: span, isAnaphor: false)
        }
        if body {
            return Speaker(name: text, role: nil, kind: .organization, mention: span, isAnaphor: false)
        }
        return Speaker(name: text, role: nil, kind: .anonymous, mention: span, isAnaphor: false)
    }

    /// The person a possessive "his"/"her" at `token` refers to: the one named last before it, within three
    /// paragraphs.
    private func possessor(before token: Int) -> String? {
        let paragraph = doc.sentences[doc.tokens[token].sentence].paragraph
        return lastPerson(
            before: token, near: { paragraph - doc.sentences[doc.tokens[$0].sentence].paragraph <= 3 }, where: { _ in true }
        )?.name
    }

    private func pronoun(_ norm: String, at token: Int, span: TextSpan) -> Speaker? {
        let paragraph = doc.sentences[doc.tokens[token].sentence].paragraph
        func near(_ t: Int) -> Bool { paragraph - doc.sentences[doc.tokens[t].sentence].paragraph <= 3 }
        if lexicon.personPronouns.contains(norm) {
            // Gender agreement: "she" skips a man named later, "he" a woman ("either" and unknown agree with both).
            let g = lexicon.pronounGenders[norm]
            let person = lastPerson(before: token, near: near) { $0.canBeAntecedent && agrees($0.gender, g) }
            // "the Navy spokesperson said ... he said": an unnamed speaker whose head is a person's role is an
            // antecedent too, when it comes after the last named person.
            if let described = lastDescribedPerson(before: token, near: near),
                described.token > (person?.token ?? -1),
                agrees(gender(name: "", role: described.speaker.name), g)
            {
                var s = described.speaker
                s.mention = span
                s.isAnaphor = true
                return s
            }
            guard let p = person else { return nil }
            return Speaker(name: p.name, role: p.role, kind: .person, mention: span, isAnaphor: true)
        }
        let plural = lexicon.pluralPronouns.contains(norm)
        guard plural || lexicon.thingPronouns.contains(norm) else { return nil }
        // The last such speaker before, nearby: speakers are recorded in text order, so the search goes back from
        // the end and stops at the first that is too far, or after `maxAntecedentSearch` speakers (a long run of
        // unresolvable "they said" would otherwise make each search reach the start of the paragraph).
        var found: SpeakerMention?
        var examined = 0
        for m in speakers.reversed() where m.token < token {
            examined += 1
            guard near(m.token), examined <= Self.maxAntecedentSearch else { break }
            if m.speaker.kind != .person, grammar.pluralEndings.contains(where: { m.speaker.name.hasSuffix($0) }) == plural {
                found = m
                break
            }
        }
        guard let m = found else { return nil }
        var s = m.speaker
        s.mention = span
        s.isAnaphor = true
        return s
    }

    /// The last described person ("the Navy spokesperson") resolved before `token` and near it. Speakers are
    /// recorded in text order, so the search goes back only as far as the nearby paragraphs.
    private func lastDescribedPerson(before token: Int, near: (Int) -> Bool) -> SpeakerMention? {
        for i in describedPersons.reversed() where speakers[i].token < token {
            return near(speakers[i].token) ? speakers[i] : nil
        }
        return nil
    }

    /// "Sutopo Purwo Nugroho of the National Disaster Agency": a person's name (two or more capitalized words, no
    /// title or organization word) joined by "of"/"from"/"at" to the organization, which becomes the role.
    private func personOfOrganization(_ np: Range<Int>, span: TextSpan) -> Speaker? {
        let tokens = doc.tokens
        guard let c = np.first(where: { grammar.affiliationWords.contains(tokens[$0].norm) }), c + 1 < np.upperBound
        else { return nil }
        var a = np.lowerBound
        while a < c, lexicon.determiners.contains(tokens[a].norm) { a += 1 }
        let words = (a..<c).filter { tokens[$0].kind == .word }
        guard words.count >= 2, words.count == c - a,
            words.allSatisfy({
                rules.isName(tokens[$0]) && !lexicon.titles.contains(tokens[$0].norm)
                    && !lexicon.organizationWords.contains(tokens[$0].norm)
                    && !lexicon.descriptors.contains(tokens[$0].norm)
            }),
            let role = roleText((c + 1)..<np.upperBound)
        else { return nil }
        return Speaker(
            name: String(doc.text(of: spanOf(a..<c))), role: role, kind: .person, mention: span, isAnaphor: false)
    }

    /// A name without a known outlet of two or more words written before it ("the editorial board of the
    /// Washington Post Trump said"): the capitalized words after the outlet's name.
    private func afterOutlet(_ nameRange: Range<Int>) -> Range<Int> {
        let norms = nameRange.map { doc.tokens[$0].norm }
        // Two words at least: a one-word outlet may also be a given name ("Sun Yang", "Time" in "Time Magazine").
        for length in stride(from: min(5, norms.count - 1), through: 2, by: -1)
        where lexicon.outlets[Array(norms.prefix(length))] != nil {
            let rest = (nameRange.lowerBound + length)..<nameRange.upperBound
            return rest.contains { doc.tokens[$0].kind == .word } ? rest : nameRange
        }
        return nameRange
    }

    /// A name without a capitalized role word glued before it ("Rival Hillary Clinton", "Democrat Hillary
    /// Clinton"): when a name of three or more words, less its first word, is written more often in the article
    /// than the whole, the first word is a role.
    private func roleWordSplit(_ nameRange: Range<Int>) -> Range<Int> {
        let words = nameRange.filter { doc.tokens[$0].kind == .word }
        guard words.count >= 3, let second = words.dropFirst().first else { return nameRange }
        let whole = String(doc.text(of: spanOf(nameRange)))
        let rest = String(doc.text(of: spanOf(second..<nameRange.upperBound)))
        func count(_ needle: String) -> Int { doc.text.components(separatedBy: needle).count - 1 }
        return count(rest) > count(whole) ? second..<nameRange.upperBound : nameRange
    }

    /// Whether a word is an acronym: two to five capital letters, not also written in lowercase in the article
    /// (a transcript's "PENCE:" is a name written "Pence" elsewhere).
    private func isAcronym(_ t: Token) -> Bool {
        let text = doc.text(of: t.span)
        guard (2...5).contains(text.count), text.allSatisfy({ $0.isUppercase && $0.isLetter }) else { return false }
        return !doc.tokens.contains { $0.norm == t.norm && doc.text(of: $0.span) != text }
    }

    /// Whether a speaker is one unnamed person described by a role ("a ministry spokesperson", "the official").
    private func isDescribedPerson(_ m: SpeakerMention) -> Bool {
        guard m.speaker.kind == .anonymous, !m.speaker.isUnresolvedPronoun, !m.speaker.isAnaphor,
            let head = m.speaker.name.split(separator: " ").last.map({ Tokenizer.norm(String($0)) })
        else { return false }
        // A role ("the director", "the spokesperson"), not a body or a modifier used as a title ("press", "staff").
        return lexicon.titles.contains(head)
            && (lexicon.descriptors.contains(head)
                || !lexicon.modifiers.contains(head) && !lexicon.organizationWords.contains(head)
                    && !grammar.isPlural(head))
    }

    /// Whoever issued the statement a later "the statement said" refers to.
    private func issuer(before token: Int) -> Speaker? {
        let paragraph = doc.sentences[doc.tokens[token].sentence].paragraph
        let candidates = speakers.filter {
            $0.token < token && paragraph - doc.sentences[doc.tokens[$0.token].sentence].paragraph <= 3
                && !lexicon.statementNouns.contains(doc.tokens[$0.token].norm) && $0.speaker.kind != .outlet
        }.sorted { $0.token < $1.token }
        return (candidates.last(where: \.issuedStatement) ?? candidates.last)?.speaker
    }

    private func fullName(for name: String, before token: Int) -> PersonMention? {
        let words = name.split(separator: " ")
        guard let surname = words.last else { return nil }
        let matching = persons.filter {
            let other = $0.name.split(separator: " ")
            return other.count > words.count && other.last == surname
        }
        return matching.filter { $0.token < token }.max { $0.token < $1.token } ?? matching.first
    }

    /// The trailing run of capitalized words of a noun phrase: the name after any role words.
    func nameRange(in np: Range<Int>) -> Range<Int> {
        let tokens = doc.tokens
        var b = np.upperBound
        while b > np.lowerBound {
            let t = tokens[b - 1]
            let initial = t.norm.count == 1 && b < np.upperBound && tokens[b].norm == "."  // "Jane A. Miller"
            // A capital only from the sentence start does not make a descriptor a name ("Authorities said").
            let capitalizedDescriptor =
                b - 1 == doc.sentences[t.sentence].tokens.lowerBound
                && (lexicon.descriptors.contains(t.norm) || lexicon.modifiers.contains(t.norm))
                && !lexicon.organizationWords.contains(t.norm)
            if t.kind == .word, rules.isName(t), !lexicon.titles.contains(t.norm), !capitalizedDescriptor,
                initial || !lexicon.determiners.contains(t.norm), !lexicon.outletNouns.contains(t.norm)
            {
                b -= 1
            } else if t.kind == .punctuation, t.norm == "." || t.norm == "-", b - 1 > np.lowerBound, b < np.upperBound {
                b -= 1
            } else if grammar.nameCoordinators.contains(t.norm), b - 1 > np.lowerBound, b < np.upperBound,
                rules.isName(tokens[b - 2])
            {
                b -= 1
            } else {
                break
            }
        }
        while b < np.upperBound, doc.tokens[b].kind != .word { b += 1 }
        // "Secretary of State Antony Blinken": after "of", the first capitalized word still belongs to the role.
        let words = (b..<np.upperBound).filter { tokens[$0].kind == .word }
        if b > np.lowerBound, grammar.roleJoiners.contains(tokens[b - 1].norm), words.count >= 3 { b = words[1] }
        return b..<np.upperBound
    }

    private func roleText(_ range: Range<Int>) -> String? {
        var a = range.lowerBound
        while a < range.upperBound, lexicon.determiners.contains(doc.tokens[a].norm) || doc.tokens[a].kind != .word {
            a += 1
        }
        guard a < range.upperBound else { return nil }
        return String(doc.text(of: spanOf(a..<range.upperBound)))
    }

    /// The longest known outlet named in a phrase, not counting one that only opens a longer capitalized name
    /// ("the National Disaster Mitigation Agency" does not name the outlet "The National").
    func knownOutlet(in written: [String], of np: Range<Int>? = nil) -> String? {
        // "NBC's Meet the Press": the outlet's name without its possessive.
        let norms = written.map { grammar.isPossessive($0) ? String($0.dropLast(grammar.possessiveSuffix.count)) : $0 }
        var best: (length: Int, name: String)?
        // Spans no longer than the longest known name: O(words x longest name) lookups, not O(words^2).
        for start in norms.indices {
            let longest = min(norms.count, start + lexicon.longestOutletName)
            for end in stride(from: longest, to: start, by: -1) where end - start > (best?.length ?? 0) {
                if let np, end < norms.count, rules.isName(doc.tokens[np.lowerBound + end]),
                    doc.tokens[np.lowerBound + end].kind == .word, !grammar.isPossessive(written[end - 1])
                {
                    continue
                }
                if let name = lexicon.outlets[Array(norms[start..<end])] {
                    if let np, !writtenAsName(np.lowerBound + start..<np.lowerBound + end, phraseEnd: np.upperBound, name)
                    {
                        continue
                    }
                    best = (end - start, name)
                    break
                }
            }
        }
        return best?.name
    }

    /// Whether the words matching a capitalized outlet name are written as a name: one of them capitalized, and not
    /// only by the sentence start when more words follow ("an independent monitor", "Independent monitors said" do
    /// not name The Independent).
    private func writtenAsName(_ range: Range<Int>, phraseEnd: Int, _ name: String) -> Bool {
        guard name.contains(where: \.isUppercase) else { return true }
        return range.contains { i in
            let t = doc.tokens[i]
            guard t.kind == .word, rules.isName(t) else { return false }
            return i != doc.sentences[t.sentence].tokens.lowerBound || range.upperBound == phraseEnd
        }
    }

    func spanOf(_ range: Range<Int>) -> TextSpan {
        TextSpan(start: doc.tokens[range.lowerBound].span.start, end: doc.tokens[range.upperBound - 1].span.end)
    }

    // MARK: Mentions

    /// Every body the organization classes list, as keys.
    private var classMembers: Set<String> { lexicon.organizationClassMembers }

    /// Named bodies outside quotations, each run of capitalized words once (linear in the tokens).
    private mutating func scanOrganizations(inQuote: [Bool]) {
        let tokens = doc.tokens
        var i = 0
        while i < tokens.count {
            guard !inQuote[i], tokens[i].kind == .word, rules.isName(tokens[i]) else {
                i += 1
                continue
            }
            var e = i + 1
            while e < tokens.count, e - i < 10, tokens[e].sentence == tokens[i].sentence, !inQuote[e], tokens[e].kind == .word,
                rules.isName(tokens[e])
                    || (grammar.nameConnectors.contains(tokens[e].norm) && e + 1 < tokens.count && rules.isName(tokens[e + 1]))
            {
                e += 1
            }
            if let m = organizationMention(in: i..<e) {
                organizations.append(m)
                if organizationNodes[m.node] == nil {
                    var a = i
                    while a < e, lexicon.determiners.contains(tokens[a].norm) { a += 1 }
                    organizationNodes[m.node] = grammar.withoutPossessive(String(doc.text(of: spanOf(a..<e))))
                }
            }
            i = e
        }
    }

    private mutating func scanMentions(inQuote: [Bool]) {
        scanOrganizations(inQuote: inQuote)
        let tokens = doc.tokens
        var i = 0
        while i < tokens.count {
            defer { i += 1 }
            guard !inQuote[i], tokens[i].kind == .word else { continue }
            // Known outlets (longest match of up to 5 words).
            // Only lengths ending on a capitalized word can match: test that before building the key (hot path).
            for length in stride(from: 5, through: 1, by: -1)
            where i + length <= tokens.count && rules.isName(tokens[i + length - 1]) {
                let norms = (i..<(i + length)).map { tokens[$0].norm }
                if let name = lexicon.outlet(named: norms[...]) {
                    outletMentions.append((i, name))
                    i += length - 1
                    break
                }
            }
            // Title followed by a capitalized name: "spokesman John Kirby", "President Joe Biden".
            guard lexicon.titles.contains(tokens[i].norm) else { continue }
            // "Gov. Maria Lopez": the period of an abbreviated title.
            let first = i + 1 < tokens.count && tokens[i + 1].norm == "." ? i + 2 : i + 1
            var e = first
            while e < tokens.count, !inQuote[e], tokens[e].sentence == tokens[i].sentence,
                tokens[e].kind == .word && rules.isName(tokens[e]) && !lexicon.titles.contains(tokens[e].norm)
                    || (tokens[e].norm == "." && e > first)
            {
                e += 1
            }
            while e > first, tokens[e - 1].kind != .word { e -= 1 }
            guard e > first else { continue }
            var nameStart = first
            let words = (nameStart..<e).filter { tokens[$0].kind == .word && tokens[$0].norm.count > 1 }
            if words.count > 3, let first = words.dropLast(3).last { nameStart = first + 1 }
            let nameTokens = nameStart..<e
            if nameTokens.contains(where: {
                lexicon.organizationWords.contains(tokens[$0].norm) || lexicon.determiners.contains(tokens[$0].norm)
                    || Self.calendarNames.contains(tokens[$0].norm)
            }) {
                continue
            }
            let possessive = grammar.isPossessive(tokens[e - 1].norm)
                || (e < tokens.count && grammar.possessiveMarks.contains(tokens[e].norm))
            var name = String(doc.text(of: spanOf(nameTokens)))
            if possessive { name = grammar.withoutPossessive(name) }
            let roleStart = rules.backwardNP(before: i + 1, in: tokens[i].sentence)?.lowerBound ?? i
            let role = roleText(roleStart..<nameStart)
            addPerson(
                PersonMention(
                    token: nameStart, name: name, role: role, canBeAntecedent: !possessive,
                    gender: gender(name: name, role: role)))
            i = e - 1
        }
    }
}
