// The JSON shape of every model type: the field names of the Core types' `Codable` conformances, with `null` for
// absent optionals, plus the `sentence` text of every finding, sliced from its article (findings keep spans only).

/// The version of the JSON contract (`docs/JSON.md`); written as `"version"` at the top of every JSON report and
/// in the first NDJSON line.
public let reportContractVersion = 2

/// Longest `sentence` text written next to a finding, in UTF-8 bytes (longer ones are cut and end in `…`; the
/// `sentenceSpan` always gives the whole sentence).
let sentenceLimit = 2_000

extension JSONValue {
    init(_ report: AnalysisReport) { self = Self.object(Self.members(of: report)) }

    init(_ a: Article) {
        self = .object([
            "id": .string(a.id), "source": .string(a.source), "outlet": .optional(a.outlet), "url": .optional(a.url),
            "title": .optional(a.title), "authors": .strings(a.authors),
            "published": .optional(a.published?.description), "dateline": .optional(a.dateline),
            "language": .optional(a.language), "text": .string(a.text),
        ])
    }

    init(_ s: StoryAnalysis, texts: ArticleTexts) { self = Self.object(Self.members(of: s, texts: texts)) }

    /// The members of a story's JSON object, each list as a count and a function of the index, so that a writer
    /// can make and write one item at a time (``StoryStreamWriter``).
    static func members(of s: StoryAnalysis, texts: ArticleTexts) -> [(key: String, value: Member)] {
        [
            ("id", .value(.string(s.id))), ("title", .value(.string(s.title))),
            ("articles", .value(.strings(s.articles))), ("copies", .value(.array(s.copies.map(JSONValue.strings)))),
            ("quotes", Member(s.quotes) { JSONValue($0, texts: texts) }),
            ("citations", Member(s.citations) { JSONValue($0, texts: texts) }),
            ("originalSource", .value(.optional(s.originalSource))),
            ("naming", Member(s.naming) { JSONValue($0, texts: texts) }),
            ("framing", Member(s.framing) { JSONValue($0, texts: texts) }),
            ("claims", Member(s.claims) { JSONValue($0, texts: texts) }),
            ("timeline", Member(s.timeline) { JSONValue($0, texts: texts) }),
            ("synthesis", Member(s.synthesis) { JSONValue($0) }),
            ("wording", Member(s.wording) { JSONValue($0, texts: texts) }),
        ]
    }

    /// A member of an object written item by item: a value, a list made one item at a time, or a list of objects
    /// each written member by member.
    enum Member {
        case value(JSONValue)
        case items(count: Int, item: (Int) -> JSONValue)
        case objects(count: Int, members: (Int) -> [(key: String, value: Member)])

        init<T>(_ list: [T], _ item: @escaping (T) -> JSONValue) { self = .items(count: list.count) { item(list[$0]) } }

        /// The whole value.
        var whole: JSONValue {
            switch self {
            case .value(let v): v
            case .items(let count, let item): .array((0..<count).map(item))
            case .objects(let count, let members):
                .array((0..<count).map { JSONValue.object(members($0)) })
            }
        }
    }

    /// The object of `members`, built whole.
    static func object(_ members: [(key: String, value: Member)]) -> JSONValue {
        .object(Dictionary(members.map { ($0.key, $0.value.whole) }, uniquingKeysWith: { a, _ in a }))
    }

    /// The members of a report's JSON object, its stories as objects written member by member; with `totals`, a
    /// `"totals"` member (see ``ReportRenderer/json(_:totals:)``).
    static func members(of report: AnalysisReport, totals: [String: [String: Int]]? = nil) -> [(key: String, value: Member)] {
        let texts = ArticleTexts(report.articles)
        var members: [(key: String, value: Member)] = [
            ("version", .value(.int(reportContractVersion))),
            ("articles", Member(report.articles) { JSONValue($0) }),
            ("stories", .objects(count: report.stories.count) { Self.members(of: report.stories[$0], texts: texts) }),
            ("issues", Member(report.issues) { JSONValue($0) }),
        ]
        if let totals { members.append(("totals", .value(.object(totals.mapValues { .object($0.mapValues(JSONValue.int)) })))) }
        return members
    }

    /// Writes an object made of `members` (in any order): the bytes ``write(to:indent:level:)`` writes for the
    /// whole object, with each list's items made and handed to `flush` one at a time, so a story of thousands of
    /// articles never exists as one tree or one string. `text` collects the bytes between flushes.
    static func writeStreamed(
        _ members: [(key: String, value: Member)], indent: Int?, level: Int, text: inout String,
        flush: (inout String) -> Void
    ) {
        writeObject(members, indent: indent, level: level, to: &text) { member, text in
            switch member {
            case .value(let v):
                v.write(to: &text, indent: indent, level: level + 1)
            case .items(let count, let item):
                writeArray(count: count, indent: indent, level: level + 1, to: &text) { k, text in
                    item(k).write(to: &text, indent: indent, level: level + 2)
                    flush(&text)
                }
            case .objects(let count, let members):
                writeArray(count: count, indent: indent, level: level + 1, to: &text) { k, text in
                    writeStreamed(members(k), indent: indent, level: level + 2, text: &text, flush: flush)
                    flush(&text)
                }
            }
        }
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
