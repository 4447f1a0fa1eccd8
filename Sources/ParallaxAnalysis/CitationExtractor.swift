/// Finds whom a document cites: outlets and agencies, officials and bodies, named people and anonymous sources.
///
/// Every attribution's speaker is a citation ("a State Department spokesperson told Sputnik" cites the
/// spokesperson; "the Pentagon said" cites the Pentagon), and so are the outlet of "X quoted/cited Y as saying",
/// outlets an official "told" ("told the Reuters, AFP and The Associated Press news agencies" cites three), the
/// sources after "citing"/"quoting", and those of "according to", "as reported by". Descriptions resolve to what
/// they refer to ("the newspaper" -> the outlet named before). An article never cites its own outlet.
public struct CitationExtractor: Sendable {
    public var lexicon: AttributionLexicon

    /// A citation extractor; `outlets` adds outlet names to the known ones.
    public init(lexicon: AttributionLexicon = .bundled, outlets: [String] = []) {
        var lexicon = lexicon
        lexicon.addOutlets(outlets)
        self.lexicon = lexicon
    }

    /// A citation extractor that knows the registry's outlets and names them as the registry does.
    public init(lexicon: AttributionLexicon = .bundled, registry: OutletRegistry) {
        var lexicon = lexicon
        lexicon.addOutlets(from: registry)
        self.lexicon = lexicon
    }

    /// The citations of `document`, in text order; one per source and sentence.
    public func extract(from document: Document) -> [Citation] {
        var run = AttributionRun(doc: document, extractor: QuoteExtractor(lexicon: lexicon))
        run.resolveSpeakers()
        return extract(from: run)
    }

    /// The citations read from an attribution run whose speakers are resolved (``AttributionRun/resolveSpeakers()``):
    /// the same parse and the same speakers that the run's quotations get, with the run's lexicon.
    func extract(from run: AttributionRun) -> [Citation] {
        let document = run.doc
        let lexicon = run.extractor.lexicon
        let analysis = run.analysis
        var resolver = run.resolver
        let rules = analysis.rules
        let tokens = document.tokens
        var found: [(position: Int, citation: Citation)] = []
        var seen = Set<[String]>()
        let own = document.article.outlet.map { lexicon.outletKey($0) }

        func add(_ speaker: SpeakerResolver.Speaker?, cue: String, sentence s: Int) {
            guard let speaker, !speaker.isUnresolvedPronoun else { return }
            if let own, lexicon.outletKey(speaker.name) == own { return }
            guard seen.insert([speaker.name, String(s)]).inserted else { return }
            let sentence = document.sentences[s].span
            found.append(
                (
                    speaker.mention.start,
                    Citation(
                        article: document.id, source: speaker.name, sourceKind: speaker.kind, cue: cue,
                        span: speaker.mention, sentenceSpan: sentence)
                ))
        }
        func text(_ r: Range<Int>) -> String {
            String(document.text(of: TextSpan(start: tokens[r.lowerBound].span.start, end: tokens[r.upperBound - 1].span.end)))
        }

        for s in document.sentences.indices {
            var events: [(Int, () -> Void)] = []
            for (k, a) in analysis.attributions[s].enumerated() {
                let source = a.source
                let cueWords = a.cue.map { String(document.text(of: tokens[$0].span)) }
                let cue = a.form == .quotedAs ? cueWords[0] : cueWords.joined(separator: " ")
                // The medium of "X quoted Y" comes first in the text: resolve it first.
                if a.form == .quotedAs, let m = a.medium {
                    events.append((m.lowerBound, { add(resolver.resolve(m, record: false), cue: cue, sentence: s) }))
                }
                // An attribution without content ("Burton explained from a podium.") cites nothing.
                if !run.muted[s][k], a.content.count > 0 || a.opensColon {
                    let speaker = run.speakers[s][k]
                    events.append((source.lowerBound, { add(speaker, cue: cue, sentence: s) }))
                }
                if a.form != .quotedAs, let m = a.medium, lexicon.objectVerbs.contains(a.lemma) {
                    for item in listItems(m, tokens: tokens) {
                        events.append(
                            (
                                item.lowerBound,
                                {
                                    guard let speaker = resolver.resolve(item, record: false), speaker.kind == .outlet,
                                        !speaker.isAnaphor, speaker.name.contains(where: \.isUppercase)
                                    else { return }
                                    add(speaker, cue: "\(cue) \(text(m))", sentence: s)
                                }
                            ))
                    }
                }
            }
            // "citing X", "quoting X", "as reported by X" outside attributions of their own.
            let consumed = Set(analysis.attributions[s].flatMap(\.cue))
            for i in document.sentences[s].tokens where !analysis.inQuote[i] && !consumed.contains(i) {
                let norm = tokens[i].norm
                var next: Int?
                if lexicon.citingWords.contains(norm), lexicon.grammar.isParticiple(norm) {
                    next = i + 1
                } else if let phrase = lexicon.prepositionalCues.first(where: { p in
                    // Cheapest test first: most tokens start no cue.
                    i + p.count < document.sentences[s].tokens.upperBound
                        && p.indices.allSatisfy { tokens[i + $0].norm == p[$0] }
                        && !lexicon.attributionOnlyCues.contains(p)
                }) {
                    next = i + phrase.count
                }
                guard let start = next, let np = rules.forwardNP(from: start, in: s, list: true) else { continue }
                let cue = text(i..<start)
                for item in listItems(np, tokens: tokens) {
                    events.append((item.lowerBound, { add(resolver.resolve(item, record: false), cue: cue, sentence: s) }))
                }
            }
            for (_, run) in events.sorted(by: { $0.0 < $1.0 }) { run() }
        }
        return found.sorted { $0.position < $1.position }.map(\.citation)
    }

    /// The items of a listed noun phrase: "the Reuters, AFP and The Associated Press news agencies" -> three.
    private func listItems(_ np: Range<Int>, tokens: [Token]) -> [Range<Int>] {
        var items: [Range<Int>] = []
        var start = np.lowerBound
        for k in np where tokens[k].norm == "," || lexicon.grammar.nameCoordinators.contains(tokens[k].norm) {
            if k > start { items.append(start..<k) }
            start = k + 1
        }
        if start < np.upperBound { items.append(start..<np.upperBound) }
        // A plain "A and B" of one name ("Burton and Nick" stays a pair only when no outlet is named).
        return items.count > 1 && items.allSatisfy({ r in r.contains { tokens[$0].isCapitalized } }) ? items : [np]
    }
}
