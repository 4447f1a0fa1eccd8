/// Finds the quoted and reported statements of one document, with their speaker and attribution cue.
///
/// Direct quotations in any mark style (“…”, "…", «…», „…“, ‘…’), multi-sentence and interrupted ones, partial
/// quotations inside reported speech, and unmarked reported statements ("X said that …", "…, a U.S. official said.",
/// "according to X, …", "X added: …"). A speaker is found in the quotation's sentence, in a preceding sentence that
/// ends with a colon, or carried over from the previous quotation of a paragraph that continues it. An attribution
/// that closes a paragraph ("…, he said.") also covers up to `maxCoveredSentences` preceding sentences of that
/// paragraph that have no attribution of their own. Pronouns and descriptions are resolved by `SpeakerResolver`.
public struct QuoteExtractor: Sendable {
    public var lexicon: AttributionLexicon
    /// How many preceding sentences an attribution at the end of a paragraph (or after a colon) may cover.
    public var maxCoveredSentences = 3
    /// Quotations inside reported speech with fewer words are kept as part of the reported statement.
    public var minimumPartialQuoteWords = 2
    /// Reported (unquoted) statements need at least this many words.
    public var minimumReportedWords = 3

    public init(lexicon: AttributionLexicon = .bundled) {
        self.lexicon = lexicon
    }

    /// The statements of `document`, in text order. O(n) in the number of tokens, times small constants.
    public func extract(from document: Document) -> [QuoteCandidate] {
        var run = AttributionRun(doc: document, extractor: self)
        return run.candidates()
    }
}

/// One extraction over one document: attributions, their resolved speakers, and the statements they cover.
struct AttributionRun {
    let doc: Document
    let extractor: QuoteExtractor
    let analysis: AttributionParser.Analysis
    var resolver: SpeakerResolver
    /// Resolved speaker per attribution, parallel to `analysis.attributions`.
    var speakers: [[SpeakerResolver.Speaker?]] = []
    /// Attributions spoken in the first person ("I would tell you that ..."): not attributions of the article.
    var muted: [[Bool]] = []
    /// The attribution whose words (source or cue) start at a token, as [sentence, index].
    let attributionStarting: [Int: [Int]]
    var tokens: [Token] { doc.tokens }

    init(doc: Document, extractor: QuoteExtractor) {
        self.doc = doc
        self.extractor = extractor
        analysis = AttributionParser(lexicon: extractor.lexicon).analyze(doc)
        resolver = SpeakerResolver(rules: analysis.rules)
        var starting: [Int: [Int]] = [:]
        for (s, list) in analysis.attributions.enumerated() {
            for (k, a) in list.enumerated() {
                let start = min(a.source.lowerBound, a.cue.min() ?? a.source.lowerBound)
                if starting[start] == nil { starting[start] = [s, k] }
            }
        }
        attributionStarting = starting
    }

    mutating func candidates() -> [QuoteCandidate] {
        if speakers.isEmpty { resolveSpeakers() }
        var result: [QuoteCandidate] = []
        var usedAttributions = Set<[Int]>()
        // Direct quotations.
        for q in analysis.quotes {
            guard let (candidate, used) = quoteCandidate(q, previous: result) else { continue }
            result.append(candidate)
            if let used { usedAttributions.insert(used) }
        }
        // Reported statements.
        for s in analysis.attributions.indices {
            let outer = enclosingOthers(s)
            for k in analysis.attributions[s].indices where !muted[s][k] && !usedAttributions.contains([s, k]) {
                if outer[k] { continue }
                if let c = reportedCandidate(s, k, quotes: result) { result.append(c) }
            }
        }
        return result.sorted { $0.span.start < $1.span.start }
    }

    /// Resolves every attribution's speaker, in document order.
    mutating func resolveSpeakers() {
        for s in analysis.attributions.indices {
            let list = analysis.attributions[s]
            var resolved = [SpeakerResolver.Speaker?](repeating: nil, count: list.count)
            var firstPerson = [Bool](repeating: false, count: list.count)
            for k in list.indices.sorted(by: { list[$0].source.lowerBound < list[$1].source.lowerBound }) {
                let source = list[k].source
                if source.count == 1, extractor.lexicon.firstPersonPronouns.contains(tokens[source.lowerBound].norm) {
                    firstPerson[k] = true
                    continue
                }
                var speaker = resolver.resolve(source, antecedentsBefore: coverStart(s, list[k]))
                // "Calder Ledger reported": an unknown name without a role that reports is an outlet.
                if let p = speaker, p.kind == .person, p.role == nil, !p.isAnaphor,
                    extractor.lexicon.mediaVerbs.contains(list[k].lemma)
                {
                    speaker?.kind = .outlet
                }
                // "Andrei Kartapolov, the head of the defense committee, as saying": the appositive is the role.
                if let p = speaker, p.kind == .person, p.role == nil, !p.isAnaphor, let role = appositive(after: source) {
                    speaker?.role = role
                    resolver.setRole(role, forMentionAt: source.lowerBound)
                }
                resolved[k] = speaker
            }
            speakers.append(resolved)
            muted.append(firstPerson)
        }
    }

    /// The role given in an appositive right after a name: ", the head of the committee," (an article, then a
    /// title or descriptor, up to the next comma).
    private func appositive(after np: Range<Int>) -> String? {
        let s = tokens[np.lowerBound].sentence
        let end = doc.sentences[s].tokens.upperBound
        let lexicon = extractor.lexicon
        guard np.upperBound + 2 < end, tokens[np.upperBound].norm == ",",
            lexicon.grammar.articles.contains(tokens[np.upperBound + 1].norm)
        else { return nil }
        let first = np.upperBound + 2
        guard let close = (first..<min(end, first + 20)).first(where: { [",", ";", ".", "—"].contains(tokens[$0].norm) }),
            tokens[close].norm == ",", close > first,
            !(first..<close).contains(where: { analysis.inQuote[$0] || lexicon.verbForms[tokens[$0].norm] != nil }),
            (first..<close).contains(where: { lexicon.titles.contains(tokens[$0].norm) || lexicon.descriptors.contains(tokens[$0].norm) })
        else { return nil }
        return String(doc.text(of: spanOf(first..<close)))
    }

    // MARK: Quotations

    private func quoteCandidate(_ q: QuoteMarks, previous: [QuoteCandidate]) -> (QuoteCandidate, [Int]?)? {
        let inner = q.inner
        let words = inner.filter { tokens[$0].kind != .punctuation }
        guard !words.isEmpty, !isTitleLike(inner) else { return nil }
        let sOpen = tokens[q.open].sentence
        let sClose = tokens[min(q.close, tokens.count) - (q.closed ? 0 : 1)].sentence
        var chosen: [Int]?
        // (a) an attribution whose content holds the quotation; the innermost one wins.
        var best: (size: Int, key: [Int])?
        for s in sOpen...sClose {
            for (k, a) in analysis.attributions[s].enumerated() where !muted[s][k] {
                guard a.content.overlaps(inner) || a.content.contains(q.open) else { continue }
                if best == nil || a.content.count < best!.size { best = (a.content.count, [s, k]) }
            }
        }
        chosen = best?.key
        // (a2) an attribution right before the quotation in its sentence: "“A,” the mayor said, “B.”"
        if chosen == nil {
            for (k, a) in analysis.attributions[sOpen].enumerated() where !muted[sOpen][k] {
                let end = max(a.source.upperBound, (a.cue.max() ?? 0) + 1)
                guard end <= q.open, q.open - end <= 8, !(end..<q.open).contains(where: { analysis.inQuote[$0] })
                else { continue }
                chosen = [sOpen, k]
            }
        }
        // (a3) an attribution right after the closing mark: "“…,” Trump said on The Late Show." (whatever follows).
        if chosen == nil, q.closed {
            for start in (q.close + 1)..<min(tokens.count, q.close + 4) {
                // (In the next sentence when the quotation closed its own: "“Who are they?” Trump said.")
                if let key = attributionStarting[start], !muted[key[0]][key[1]],
                    key[0] == sClose
                        || (key[0] == sClose + 1 && doc.sentences[key[0]].tokens.lowerBound == q.close + 1
                            && analysis.attributions[key[0]][key[1]].content.isEmpty)
                {
                    chosen = key
                    break
                }
                if tokens[start].kind != .punctuation { break }
            }
        }
        // (b) a preceding sentence that ends with a colon ("X said:").
        if chosen == nil, sOpen > 0 {
            let p = sOpen - 1
            if let k = analysis.attributions[p].indices.last(where: { analysis.attributions[p][$0].opensColon }),
                !muted[p][k], analysis.attributions[p][k].content.isEmpty
            {
                chosen = [p, k]
            }
        }
        var speaker: SpeakerResolver.Speaker?
        var cue: (String, TextSpan)?
        var contentSpan = spanOf(q.open..<(q.closed ? q.close + 1 : q.close))
        var sentences = sOpen...sClose
        if let key = chosen {
            let a = analysis.attributions[key[0]][key[1]]
            let partial = a.content.lowerBound < q.open - 1 || a.content.upperBound > q.close + 1
            if partial, words.count < extractor.minimumPartialQuoteWords { return nil }
            speaker = speakers[key[0]][key[1]]
            cue = cueText(a)
            if a.content.count > 0 {
                let c = a.complementizer.map { $0..<a.content.upperBound } ?? a.content
                contentSpan = union(contentSpan, spanOf(c))
            }
            sentences = min(sOpen, key[0])...max(sClose, key[0])
        } else if let prior = continuedQuote(q, sentence: sOpen, previous: previous) {
            speaker = prior.speaker
            cue = prior.cue.flatMap { c in prior.cueSpan.map { (c, $0) } }
        } else {
            return nil
        }
        let text = trimmedSpan(inner)
        if text.isEmpty { return nil }
        let sentenceSpan = union(doc.sentences[sentences.lowerBound].span, doc.sentences[sentences.upperBound].span)
        let candidate = QuoteCandidate(
            article: doc.id, text: String(doc.text(of: text)), span: text, quoted: true, speaker: speaker,
            cue: cue?.0, cueSpan: cue?.1, contentSpan: contentSpan,
            sentenceSpan: sentenceSpan, sentences: sentences)
        return (candidate, chosen)
    }

    /// A quotation that fills its sentence continues the speaker of the quotation before it in the paragraph (or
    /// of the previous paragraph's last quotation when it opens its own paragraph).
    private func continuedQuote(_ q: QuoteMarks, sentence s: Int, previous: [QuoteCandidate]) -> QuoteCandidate? {
        let range = doc.sentences[s].tokens
        // Only punctuation outside the marks (stops at the first word: O(1) for each of many quotes in a sentence).
        func onlyPunctuation(_ r: Range<Int>) -> Bool { !r.contains { tokens[$0].kind != .punctuation } }
        guard onlyPunctuation(range.lowerBound..<max(range.lowerBound, min(q.open, range.upperBound))),
            onlyPunctuation(min(range.upperBound, max(q.close + 1, range.lowerBound))..<range.upperBound),
            let prior = previous.last, prior.speaker != nil
        else { return nil }
        let paragraph = doc.sentences[s].paragraph
        let priorParagraph = doc.sentences[prior.sentences.upperBound].paragraph
        if priorParagraph == paragraph { return prior }
        // Sentences are in text order: the sentence opens its paragraph when the one before is in another.
        let opensParagraph = s == 0 || doc.sentences[s - 1].paragraph != paragraph
        return opensParagraph && priorParagraph == paragraph - 1 ? prior : nil
    }

    /// Short quotations whose words are all capitalized ("One Hundred Years of Solitude") are titles, not speech.
    private func isTitleLike(_ inner: Range<Int>) -> Bool {
        let words = inner.filter { tokens[$0].kind == .word }
        // (A final period inside the marks, American style, still ends a title: "“Fox and Friends.”")
        guard words.count <= 8,
            !inner.contains(where: { [".", "!", "?"].contains(tokens[$0].norm) && !($0 == inner.upperBound - 1 && tokens[$0].norm == ".") })
        else {
            return false
        }
        let content = words.filter { tokens[$0].norm.count > 3 }
        return !content.isEmpty && content.allSatisfy { tokens[$0].isCapitalized } && words.count > 1
    }

    // MARK: Reported statements

    private func reportedCandidate(_ s: Int, _ k: Int, quotes: [QuoteCandidate]) -> QuoteCandidate? {
        let a = analysis.attributions[s][k]
        let paragraph = doc.sentences[s].paragraph
        if isPartOfStatement(a), analysis.attributions[s].enumerated().contains(where: { j, b in
            j != k && !muted[s][j] && b.content.count > a.content.count && b.content.contains(a.cue[0])
        }) {
            return nil
        }
        let first = coveredFirstSentence(s, a)
        var last = s
        var content: TextSpan?
        if a.content.count > 0 { content = spanOf(a.content) }
        if a.opensColon {
            var n = s + 1
            let sameParagraph = a.content.count > 0 || !isLastInParagraph(s)
            let targetParagraph = sameParagraph ? paragraph : paragraph + 1
            while n < doc.sentences.count, n - s <= extractor.maxCoveredSentences,
                doc.sentences[n].paragraph == targetParagraph, isPlain(n)
            {
                last = n
                n += 1
            }
            // A sentence of marks only (spaced punctuation: `. " .`) has no content token: the two ends cross.
            if last > s, firstContentToken(s + 1) < contentEnd(last) {
                let tail = spanOf(firstContentToken(s + 1)..<contentEnd(last))
                content = content.map { union($0, tail) } ?? tail
            }
        }
        if first < s, let c = content {
            content = union(spanOf(firstContentToken(first)..<firstContentToken(first) + 1), c)
        }
        guard let contentSpan = content else { return nil }
        if quotes.contains(where: { contentSpan.contains($0.span) }) { return nil }
        let words = tokenRange(of: contentSpan).filter { tokens[$0].kind == .word }
        guard words.count >= extractor.minimumReportedWords else { return nil }
        let text = trimmed(contentSpan)
        let full = a.complementizer.map { union(spanOf($0..<($0 + 1)), contentSpan) } ?? contentSpan
        let sentenceSpan = union(doc.sentences[first].span, doc.sentences[last].span)
        let cue = cueText(a)
        return QuoteCandidate(
            article: doc.id, text: String(doc.text(of: text)), span: text, quoted: false, speaker: speakers[s][k],
            cue: cue.0, cueSpan: cue.1, contentSpan: full,
            sentenceSpan: sentenceSpan, sentences: first...last)
    }

    /// Per attribution of sentence `s`: whether another one (not muted, not part of a statement) has a shorter
    /// content that starts inside its content. The innermost attribution is preferred, so such an outer one yields
    /// no reported statement. O(k log k) in the sentence's attributions (a range minimum over contents sorted by
    /// start), not a comparison of every pair: a sentence of thousands of cues ("he said she said ...") stays fast.
    private func enclosingOthers(_ s: Int) -> [Bool] {
        let list = analysis.attributions[s]
        var inner = list.indices.filter { !muted[s][$0] && list[$0].content.count > 0 && !isPartOfStatement(list[$0]) }
        inner.sort { list[$0].content.lowerBound < list[$1].content.lowerBound }
        let starts = inner.map { list[$0].content.lowerBound }
        let minimum = RangeMinimum(inner.map { list[$0].content.count })
        func firstIndex(atLeast x: Int) -> Int {
            var lo = 0
            var hi = starts.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if starts[mid] < x { lo = mid + 1 } else { hi = mid }
            }
            return lo
        }
        return list.map { a in
            let lo = firstIndex(atLeast: a.content.lowerBound)
            let hi = firstIndex(atLeast: a.content.upperBound)
            // (The attribution itself has the same count, never a shorter one.)
            return lo < hi && minimum.min(lo..<hi) < a.content.count
        }
    }

    /// The first sentence an attribution covers: its own, or an earlier one of its paragraph when a closing
    /// "…, he said." ends the paragraph and the sentences before it have no attribution of their own. A closing
    /// "according to X" credits its own sentence only ("Crews searched the streets. Two were missing, according to
    /// the office." does not credit the search to the office).
    private func coveredFirstSentence(_ s: Int, _ a: Attribution) -> Int {
        var first = s
        let opensSentence = a.content.lowerBound <= firstContentToken(s)
        guard a.form == .endAttribution, opensSentence, a.content.count > 0,
            isLastInParagraph(s), !a.content.contains(where: { analysis.inQuote[$0] })
        else { return s }
        let paragraph = doc.sentences[s].paragraph
        while first > 0, s - first < extractor.maxCoveredSentences, doc.sentences[first - 1].paragraph == paragraph,
            isPlain(first - 1)
        {
            first -= 1
        }
        return first
    }

    /// Where the content credited to an attribution starts: pronoun antecedents must come before it.
    private func coverStart(_ s: Int, _ a: Attribution) -> Int {
        guard a.content.count > 0, a.content.lowerBound < a.source.lowerBound else { return a.source.lowerBound }
        let first = coveredFirstSentence(s, a)
        return first < s ? doc.sentences[first].tokens.lowerBound : a.content.lowerBound
    }

    /// An intention or infinitive inside a statement ("he planned to suggest ...", "vowed to ..."): when nested in
    /// another attribution's content it belongs to that statement rather than replacing it.
    private func isPartOfStatement(_ a: Attribution) -> Bool {
        extractor.lexicon.complementOnlyVerbs.contains(a.lemma)
            || a.complementizer.map { extractor.lexicon.grammar.infinitiveMarkers.contains(tokens[$0].norm) } == true
    }

    /// A sentence without quotations or attributions of its own, which a neighbour's attribution may cover.
    private func isPlain(_ s: Int) -> Bool {
        let range = doc.sentences[s].tokens
        if range.contains(where: { analysis.inQuote[$0] }) { return false }
        return analysis.attributions[s].indices.allSatisfy { muted[s][$0] }
    }

    private func isLastInParagraph(_ s: Int) -> Bool {
        s + 1 >= doc.sentences.count || doc.sentences[s + 1].paragraph != doc.sentences[s].paragraph
    }

    // MARK: Helpers

    private func cueText(_ a: Attribution) -> (String, TextSpan) {
        let first = tokens[a.cue[0]].span
        var words = a.cue.map { String(doc.text(of: tokens[$0].span)) }
        if a.form == .quotedAs { words.insert("…", at: 1) }
        if let m = a.medium, a.form != .quotedAs, extractor.lexicon.objectVerbs.contains(a.lemma) {
            words.append(String(doc.text(of: spanOf(m))))
        }
        return (words.joined(separator: " "), first)
    }

    private func firstContentToken(_ s: Int) -> Int {
        let range = doc.sentences[s].tokens
        var k = range.lowerBound
        while k < range.upperBound - 1, tokens[k].kind == .punctuation { k += 1 }
        return k
    }

    private func contentEnd(_ s: Int) -> Int {
        let range = doc.sentences[s].tokens
        var e = range.upperBound
        while e > range.lowerBound + 1, tokens[e - 1].kind == .punctuation, !analysis.inQuote[e - 1] { e -= 1 }
        return e
    }

    private func spanOf(_ range: Range<Int>) -> TextSpan {
        TextSpan(start: tokens[range.lowerBound].span.start, end: tokens[range.upperBound - 1].span.end)
    }

    private func union(_ a: TextSpan, _ b: TextSpan) -> TextSpan {
        TextSpan(start: min(a.start, b.start), end: max(a.end, b.end))
    }

    /// The span of a token range without leading or trailing commas, dashes and colons.
    private func trimmedSpan(_ range: Range<Int>) -> TextSpan {
        var a = range.lowerBound
        var b = range.upperBound
        while a < b, tokens[a].kind == .punctuation, [",", ":", ";", "-", "—"].contains(tokens[a].norm) { a += 1 }
        while b > a, tokens[b - 1].kind == .punctuation, [",", ":", ";", "-", "—"].contains(tokens[b - 1].norm) {
            b -= 1
        }
        guard a < b else { return TextSpan(start: 0, end: 0) }
        return spanOf(a..<b)
    }

    private func trimmed(_ span: TextSpan) -> TextSpan {
        let inside = tokenRange(of: span)
        guard !inside.isEmpty else { return span }
        let t = trimmedSpan(inside)
        return t.isEmpty ? span : t
    }

    /// The tokens lying inside `span`, found through the sentences it touches (not a scan of the document).
    private func tokenRange(of span: TextSpan) -> Range<Int> {
        guard let first = doc.sentenceIndex(containing: span.start) ?? doc.sentences.firstIndex(where: { $0.span.end > span.start }),
            let last = doc.sentenceIndex(containing: max(span.start, span.end - 1)) ?? doc.sentences.lastIndex(where: { $0.span.start < span.end })
        else { return 0..<0 }
        let candidates = doc.sentences[first].tokens.lowerBound..<doc.sentences[max(first, last)].tokens.upperBound
        guard let a = candidates.first(where: { span.contains(tokens[$0].span) }),
            let b = candidates.last(where: { span.contains(tokens[$0].span) })
        else { return 0..<0 }
        return a..<(b + 1)
    }
}
