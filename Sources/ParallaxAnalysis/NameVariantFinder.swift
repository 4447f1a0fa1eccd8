import ParallaxCore

/// Finds spellings of one name that a story's articles write differently and no lexicon lists: transliteration
/// variants (Kremenchug/Kremenchuk, Zaporozhye/Zaporizhzhia, Natalia/Natalya, Alexey/Oleksiy) found in the story
/// itself.
///
/// 1. Name forms: capitalized single words that do not open their sentence, with at least `minimumLetters`
///    letters, not stopwords and not all capitals (acronyms), outside the spans a lexicon already matched, and
///    never written in lowercase in the story (Navy, Commander and Internet are words, not names).
/// 2. Each form is folded: lowercased, the `variantFolding` rewrites of the naming lexicon applied (`zh` -> `z`,
///    `kh` -> `h`, `g` -> `h`, `y` -> `i`, ...), runs of vowels made one `a`, doubled letters made one.
/// 3. Two forms are variants when
///    - their folded forms start alike (the same letter, or both a vowel) and differ by at most `maximumDistance`
///      of the longer one (edit distance), and the written forms by at most `maximumWrittenDistance` (Dean/Danny,
///      Brown/Brian are other names);
///    - their consonants agree: the same consonant skeleton, or, for skeletons of four or more, one consonant
///      added, dropped or changed before the last (Kislyak/Kisyak), never at the end (Moscow/Mayskoye);
///    - they are not inflections of one word: apart from a common start and end, what differs is only vowels
///      (Dmitry/Dmitri, Ecuadorian/Ecuadorean), not an ending with consonants (Ukraine/Ukrainian, Sweden/Swedish);
///    - the story supports it: each form is used by an article that does not use the other (outlets choose
///      between them; Sergei and Shoigu always stand together), and they share a content word nearby (within
///      `contextWindow` words).
/// 4. Variants are joined transitively; a group of more than `maximumGroup` forms is dropped as noise.
///
/// Cost: O(tokens) to collect; pairs are compared only within blocks of forms with the same first two folded
/// letters, each block capped at `maximumBlock` forms (the most used first).
public struct NameVariantFinder: Sendable {
    /// Thresholds.
    public struct Configuration: Sendable, Hashable, Codable {
        public var minimumLetters = 4
        public var maximumDistance = 0.25
        public var maximumWrittenDistance = 0.34
        public var contextWindow = 4
        public var maximumGroup = 5
        public var maximumBlock = 200

        public init() {}
    }

    public var configuration: Configuration
    /// Folding rules by their first character, longest first (the first rule that matches at a position wins).
    private let folding: [Character: [(from: [Character], to: [Character])]]
    private let vectorizer: TermVectorizer

    /// A finder folding with `folding` pairs (`[from, to]`, lowercase).
    public init(
        configuration: Configuration = Configuration(), folding: [[String]],
        termLexicon: TermVectorizer.Lexicon = .standard
    ) {
        self.configuration = configuration
        let rules = folding.compactMap { pair -> (from: [Character], to: [Character])? in
            guard pair.count == 2, !pair[0].isEmpty else { return nil }
            return (Array(pair[0].lowercased()), Array(pair[1].lowercased()))
        }.sorted { $0.from.count > $1.from.count }
        self.folding = Dictionary(grouping: rules.filter { !$0.from.isEmpty }) { $0.from[0] }
        self.vectorizer = TermVectorizer(lexicon: termLexicon)
    }

    /// One written form and where it is used.
    struct Form {
        var text: String
        var folded: [Character]
        var articles: [String] = []
        var occurrences: [SpanReference] = []
        var context: Set<String> = []
    }

    /// The variant groups of a story, from its members' documents; `covered` holds, per article, the spans a
    /// lexicon already matched (those words are skipped).
    public func variants(in documents: [Document], covered: [String: [TextSpan]] = [:]) -> [NamingChoice] {
        var lowercase = Set<String>()
        for document in documents {
            for token in document.tokens where token.kind == .word && !token.isCapitalized { lowercase.insert(token.norm) }
        }
        var forms: [Form] = []
        var formIndex: [String: Int] = [:]
        for document in documents {
            let skip = covered[document.id] ?? []
            for sentence in document.sentences {
                let tokens = document.tokens[sentence.tokens]
                let words = tokens.filter { $0.kind == .word }
                for (k, token) in words.enumerated() where k > 0 {
                    guard let text = nameForm(token, in: document), !lowercase.contains(Tokenizer.norm(text)),
                        !skip.contains(where: { $0.overlaps(token.span) })
                    else { continue }
                    let (f, isNew) = formIndex.denseID(of: text)
                    if isNew { forms.append(Form(text: text, folded: fold(text))) }
                    if forms[f].articles.last != document.id { forms[f].articles.append(document.id) }
                    forms[f].occurrences.append(
                        SpanReference(article: document.id, span: token.span, sentenceSpan: sentence.span))
                    let lo = max(0, k - configuration.contextWindow)
                    let hi = min(words.count, k + configuration.contextWindow + 1)
                    for j in lo..<hi where j != k && !words[j].isCapitalized {
                        if let term = vectorizer.term(of: words[j]) { forms[f].context.insert(term) }
                    }
                }
            }
        }
        let list = forms.sorted { ($0.occurrences.count, $1.text) > ($1.occurrences.count, $0.text) }
        var blocks: [String: [Int]] = [:]
        for (i, form) in list.enumerated() where form.folded.count >= 2 {
            let key = String(form.folded.prefix(2))
            if (blocks[key]?.count ?? 0) < configuration.maximumBlock { blocks[key, default: []].append(i) }
        }
        var sets = DisjointSets(count: list.count)
        for members in blocks.values {
            for (x, i) in members.enumerated() {
                for j in members[(x + 1)...] where areVariants(list[i], list[j]) { sets.union(i, j) }
            }
        }
        var groups: [Int: [Int]] = [:]
        for i in list.indices { groups[sets.root(i), default: []].append(i) }
        let choices = groups.values.filter { $0.count >= 2 && $0.count <= configuration.maximumGroup }.map { group in
            let variants = group.map { i in
                NamingVariant(
                    form: list[i].text, articles: list[i].articles,
                    occurrences: list[i].occurrences.cappedPerArticle(key: \.article))
            }.sorted { ($0.articles.count, $1.form) > ($1.articles.count, $0.form) }
            return NamingChoice(entity: variants[0].form, variants: variants, discovered: true)
        }
        return choices.sorted {
            (Set($0.variants.flatMap(\.articles)).count, $1.entity) > (Set($1.variants.flatMap(\.articles)).count, $0.entity)
        }
    }

    /// The token's text as a name form (possessive cut off), or nil when it is no candidate.
    func nameForm(_ token: Token, in document: Document) -> String? {
        guard token.isCapitalized, !vectorizer.isStopword(token.norm) else { return nil }
        var text = Substring(document.text(of: token.span))
        for ending in ["'s", "’s", "'", "’"] where text.hasSuffix(ending) {
            text = text.dropLast(ending.count)
            break
        }
        guard text.count >= configuration.minimumLetters, text.allSatisfy(\.isLetter),
            text.dropFirst().contains(where: \.isLowercase)
        else { return nil }
        return String(text)
    }

    /// The folded form (see the type's summary).
    func fold(_ text: String) -> [Character] {
        let lower = Array(text.lowercased())
        var rewritten: [Character] = []
        var i = 0
        outer: while i < lower.count {
            for rule in folding[lower[i]] ?? [] where i + rule.from.count <= lower.count {
                if lower[i..<(i + rule.from.count)].elementsEqual(rule.from) {
                    rewritten += rule.to
                    i += rule.from.count
                    continue outer
                }
            }
            rewritten.append(lower[i])
            i += 1
        }
        var out: [Character] = []
        let letters = rewritten.filter(\.isLetter)
        for (i, c) in letters.enumerated() {
            // A word-initial y before a vowel is a consonant (York, Yury).
            let consonantY = i == 0 && c == "y" && letters.count > 1 && Self.isVowel(letters[1])
            let d: Character = Self.isVowel(c) && !consonantY ? "a" : c
            if out.last != d { out.append(d) }
        }
        return out
    }

    private static let vowels = Set("aeiouyàáâäåèéêëìíîïòóôöùúûüýæøœ")

    static func isVowel(_ c: Character) -> Bool { vowels.contains(c) }

    func areVariants(_ a: Form, _ b: Form) -> Bool {
        guard a.folded.first == b.folded.first else { return false }
        let x = Array(a.text.lowercased())
        let y = Array(b.text.lowercased())
        guard x != y, !Self.isInflection(x, y) else { return false }
        let setA = Set(a.articles)
        let setB = Set(b.articles)
        guard !setA.isSubset(of: setB), !setB.isSubset(of: setA), !a.context.isDisjoint(with: b.context) else {
            return false
        }
        let longer = max(a.folded.count, b.folded.count)
        let bound = Int((Double(longer) * configuration.maximumDistance).rounded(.down))
        guard Self.distance(a.folded, b.folded, bound: bound) <= bound else { return false }
        let written = max(1, Int((Double(max(x.count, y.count)) * configuration.maximumWrittenDistance).rounded(.down)))
        guard Self.distance(x, y, bound: written) <= written else { return false }
        let ca = a.folded.filter { $0 != "a" }
        let cb = b.folded.filter { $0 != "a" }
        if ca == cb { return true }
        return min(ca.count, cb.count) >= 3 && max(ca.count, cb.count) >= 4 && ca.last == cb.last
            && Self.distance(ca, cb, bound: 1) <= 1
    }

    /// Whether two lowercased words differ, past their common start and end, by more than vowels: an inflection or
    /// derivation of one word (Ukraine/Ukrainian), not a spelling variant. Only short differences (at most three
    /// letters on each side) after a common start of four letters count as inflection.
    static func isInflection(_ x: [Character], _ y: [Character]) -> Bool {
        var start = 0
        while start < min(x.count, y.count), x[start] == y[start] { start += 1 }
        var end = 0
        while end < min(x.count, y.count) - start, x[x.count - 1 - end] == y[y.count - 1 - end] { end += 1 }
        let dx = x[start..<(x.count - end)]
        let dy = y[start..<(y.count - end)]
        if dx.isEmpty || dy.isEmpty { return start >= 3 }  // one is the other plus letters (Russia/Russian)
        guard start >= 4, end == 0, dx.count <= 3, dy.count <= 3 else { return false }
        return (dx + dy).contains { !isVowel($0) }
    }

    /// Levenshtein distance, or `bound + 1` as soon as it must exceed `bound`. O(n x m) on short names.
    static func distance(_ a: [Character], _ b: [Character], bound: Int) -> Int {
        if abs(a.count - b.count) > bound { return bound + 1 }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...max(1, a.count) where !a.isEmpty {
            current[0] = i
            var best = current[0]
            for j in 1...max(1, b.count) where !b.isEmpty {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                best = min(best, current[j])
            }
            if best > bound { return bound + 1 }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
