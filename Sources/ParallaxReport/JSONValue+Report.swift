// The JSON shape of every model type: the field names of the Core types' `Codable` conformances, with `null` for
// absent optionals, plus the `sentence` text of every finding, sliced from its article (findings keep spans only).

/// The version of the JSON contract (`docs/JSON.md`); written as `"version"` at the top of every JSON report and
/// in the first NDJSON line.
public let reportContractVersion = 2

/// Longest `sentence` text written next to a finding, in UTF-8 bytes (longer ones are cut and end in `…`; the
/// `sentenceSpan` always gives the whole sentence).
let sentenceLimit = 2_000

extension JSONValue {
    init(_ report: AnalysisReport) {
        let texts = ArticleTexts(report.articles)
        self = .object([
            "version": .int(reportContractVersion),
            "articles": .array(report.articles.map(JSONValue.init)),
            "stories": .array(report.stories.map { JSONValue($0, texts: texts) }),
            "issues": .array(report.issues.map(JSONValue.init)),
        ])
    }

    init(_ a: Article) {
        self = .object([
            "id": .string(a.id), "source": .string(a.source), "outlet": .optional(a.outlet), "url": .optional(a.url),
            "title": .optional(a.title), "authors": .strings(a.authors),
            "published": .optional(a.published?.description), "dateline": .optional(a.dateline),
            "language": .optional(a.language), "text": .string(a.text),
        ])
    }

    init(_ s: StoryAnalysis, texts: ArticleTexts) {
        self = .object([
            "id": .string(s.id), "title": .string(s.title), "articles": .strings(s.articles),
            "copies": .array(s.copies.map(JSONValue.strings)),
            "quotes": .array(s.quotes.map { JSONValue($0, texts: texts) }),
            "citations": .array(s.citations.map { JSONValue($0, texts: texts) }),
            "originalSource": .optional(s.originalSource),
            "naming": .array(s.naming.map { JSONValue($0, texts: texts) }),
            "framing": .array(s.framing.map { JSONValue($0, texts: texts) }),
            "claims": .array(s.claims.map { JSONValue($0, texts: texts) }),
            "timeline": .array(s.timeline.map { JSONValue($0, texts: texts) }),
            "synthesis": .array(s.synthesis.map(JSONValue.init)),
            "wording": .array(s.wording.map { JSONValue($0, texts: texts) }),
        ])
    }

    init(_ w: ContrastivePhrase, texts: ArticleTexts) {
        self = .object([
            "phrase": .string(w.phrase), "group": .string(w.group), "articles": .strings(w.articles),
            "groupArticles": .int(w.groupArticles), "otherArticles": .int(w.otherArticles),
            "occurrences": .array(w.occurrences.map { JSONValue($0, texts: texts) }),
        ])
    }

    init(_ q: Quote, texts: ArticleTexts) {
        self = .object([
            "id": .string(q.id), "speaker": .optional(q.speaker), "speakerRole": .optional(q.speakerRole),
            "text": .string(q.text), "occurrences": .array(q.occurrences.map { JSONValue($0, texts: texts) }),
        ])
    }

    init(_ o: QuoteOccurrence, texts: ArticleTexts) {
        self = .object([
            "article": .string(o.article), "text": .string(o.text), "quoted": .bool(o.quoted),
            "speaker": .optional(o.speaker), "cue": .optional(o.cue), "sentence": .string(texts.excerpt(o.article, o.sentenceSpan, limit: sentenceLimit)),
            "span": JSONValue(o.span), "sentenceSpan": JSONValue(o.sentenceSpan),
            "speakerSpan": o.speakerSpan.map(JSONValue.init) ?? .null,
            "diff": .array(o.diff.map { .object(["kind": .string($0.kind.rawValue), "text": .string($0.text)]) }),
        ])
    }

    init(_ c: Citation, texts: ArticleTexts) {
        self = .object([
            "article": .string(c.article), "source": .string(c.source), "sourceKind": .string(c.sourceKind.rawValue),
            "cue": .string(c.cue), "sentence": .string(texts.excerpt(c.article, c.sentenceSpan, limit: sentenceLimit)), "span": JSONValue(c.span),
            "sentenceSpan": JSONValue(c.sentenceSpan),
        ])
    }

    init(_ n: NamingChoice, texts: ArticleTexts) {
        self = .object([
            "entity": .string(n.entity), "discovered": .bool(n.discovered),
            "variants": .array(
                n.variants.map {
                    .object([
                        "form": .string($0.form), "articles": .strings($0.articles),
                        "occurrences": .array($0.occurrences.map { JSONValue($0, texts: texts) }),
                    ])
                }),
        ])
    }

    init(_ f: FramingUse, texts: ArticleTexts) {
        self = .object([
            "phrase": .string(f.phrase), "note": .optional(f.note), "articles": .strings(f.articles),
            "bareArticles": .strings(f.bareArticles),
            "occurrences": .array(f.occurrences.map { JSONValue($0, texts: texts) }),
        ])
    }

    init(_ c: Claim, texts: ArticleTexts) {
        self = .object([
            "id": .string(c.id), "text": .string(c.text), "articles": .strings(c.articles),
            "occurrences": .array(c.occurrences.map { JSONValue($0, texts: texts) }),
            "verificationNote": .bool(c.isVerificationNote),
        ])
    }

    init(_ t: TimelineEvent, texts: ArticleTexts) {
        self = .object([
            "date": .string(t.date.description), "text": .string(t.text), "articles": .strings(t.articles),
            "occurrences": .array(t.occurrences.map { JSONValue($0, texts: texts) }),
        ])
    }

    init(_ m: DateMention, texts: ArticleTexts) {
        self = .object([
            "article": .string(m.article), "expression": .string(m.expression),
            "resolution": .string(m.resolution.rawValue), "anchor": .optional(m.anchor?.description),
            "span": JSONValue(m.span), "sentence": .string(texts.excerpt(m.article, m.sentenceSpan, limit: sentenceLimit)), "sentenceSpan": JSONValue(m.sentenceSpan),
        ])
    }

    init(_ p: SynthesisPoint) {
        self = .object([
            "text": .string(p.text), "claim": .string(p.claim), "articles": .strings(p.articles),
            "outlets": .strings(p.outlets), "independentSources": .int(p.independentSources),
        ])
    }

    init(_ r: SpanReference, texts: ArticleTexts) {
        self = .object([
            "article": .string(r.article), "span": JSONValue(r.span), "sentence": .string(texts.excerpt(r.article, r.sentenceSpan, limit: sentenceLimit)),
            "sentenceSpan": JSONValue(r.sentenceSpan),
        ])
    }

    init(_ o: FramingOccurrence, texts: ArticleTexts) {
        self = .object([
            "article": .string(o.article), "span": JSONValue(o.span),
            "sentence": .string(texts.excerpt(o.article, o.sentenceSpan, limit: sentenceLimit)),
            "sentenceSpan": JSONValue(o.sentenceSpan), "usage": .string(o.usage.rawValue),
            "qualifier": .optional(o.qualifier),
        ])
    }

    init(_ span: TextSpan) {
        self = .object(["start": .int(span.start), "end": .int(span.end)])
    }

    init(_ issue: IngestIssue) {
        self = .object([
            "input": .string(issue.input), "location": .optional(issue.location), "kind": .string(issue.kind.rawValue),
            "message": .string(issue.message),
        ])
    }
}
