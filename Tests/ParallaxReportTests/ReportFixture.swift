import ParallaxReport

/// A hand-made report about two invented events (a dam breach, a port strike) with every kind of finding, its
/// spans computed from the texts, for the renderer tests. Outlets, people and places are fictional.
enum ReportFixture {
    /// Finds `needle` in an article's text and returns its UTF-8 span (traps when missing: a fixture bug).
    static func span(_ needle: String, in text: String) -> TextSpan {
        let hay = Array(text.utf8)
        let n = Array(needle.utf8)
        for i in 0...(hay.count - n.count) where Array(hay[i..<(i + n.count)]) == n {
            return TextSpan(start: i, end: i + n.count)
        }
        fatalError("fixture: \(needle) not in text")
    }

    /// A reference to the sentence `sentence` of `article`, pointing at `part` inside it (the whole sentence when
    /// nil).
    static func ref(_ article: Article, _ sentence: String, part: String? = nil) -> SpanReference {
        let s = span(sentence, in: article.text)
        let p =
            part.map { sub in
                let inner = span(sub, in: sentence)
                return TextSpan(start: s.start + inner.start, end: s.start + inner.end)
            } ?? s
        return SpanReference(article: article.id, span: p, sentenceSpan: s)
    }

    static let herald = Article(
        id: "herald-dam", source: "examples/corpus/herald-dam.txt", outlet: "Northgate Herald",
        url: "https://northgate-herald.example/news/2025/03/11/harlow-dam-breach",
        title: "Harlow dam gives way, "
            + "flooding three villages in the Calder valley", authors: ["Mara Tessin"],
        published: Day(year: 2025, month: 3, day: 11), dateline: "RIVERTON", language: "en",
        text: """
            RIVERTON – The Harlow dam on the upper Calder gave way early on Tuesday, flooding three villages.
            About 1,200 residents were evacuated overnight, the regional emergency office said.
            “The breach was caused by months of neglected maintenance, and those responsible will answer for it,” \
            Water Minister Ilse Varga said in a statement.
            Engineers had warned about cracks in the spillway in 2023, the Ledger reported.
            """)

    static let ledger = Article(
        id: "ledger-dam", source: "examples/corpus/ledger-dam.txt", outlet: "Calder Ledger",
        url: "https://calderledger.example/2025/03/11/dam", title: "Minister blames neglect for Harlow breach",
        published: Day(year: 2025, month: 3, day: 11), language: "en",
        text: """
            The Harlow Reservoir dam collapsed on Tuesday morning, and the water swept through three villages.
            Minister Ilse Varga told the Ledger the breach was caused by neglected maintenance and that those \
            responsible would answer for it.
            Engineers had warned about cracks in the spillway in 2023, according to documents seen by the Ledger.
            """)

    static let wire = Article(
        id: "wire-dam", source: "examples/corpus/wire.jsonl:1", outlet: "Northgate Wire",
        url: "https://northgatewire.example/a/88213", title: "Dam breach floods Calder villages",
        published: Day(year: 2025, month: 3, day: 12), language: "en",
        text: """
            RIVERTON (Northgate Wire) – The Harlow dam burst on Tuesday, flooding three villages in the Calder valley.
            “The breach was caused by months of neglected maintenance,” Water Minister Ilse Varga said.
            """)

    static let courier = Article(
        id: "courier-dam", source: "examples/corpus/wire.jsonl:2", outlet: "Valley Courier",
        url: "http://valley-courier.example/dam-burst", title: "Dam breach floods Calder villages",
        published: Day(year: 2025, month: 3, day: 12),
        text: """
            RIVERTON (Northgate Wire) – The Harlow dam burst on Tuesday, flooding three villages in the Calder valley.
            “The breach was caused by months of neglected maintenance,” Water Minister Ilse Varga said.
            """)

    static let port = Article(
        id: "port-strike", source: "examples/corpus/port.txt", outlet: "Meridian Times",
        url: "https://meridiantimes.example/port-strike", title: "Dockers walk out at Port Elsby",
        published: Day(year: 2025, month: 3, day: 14),
        text: """
            Dock workers at Port Elsby began a 48-hour strike on Thursday over pay.
            “We have not had a raise in four years,” union leader Tomas Brandt said.
            """)

    static let portHerald = Article(
        id: "port-herald", source: "examples/corpus/port-herald.txt", outlet: "Northgate Herald",
        url: "https://northgate-herald.example/news/2025/03/14/elsby", title: "Elsby strike halts container traffic",
        published: Day(year: 2025, month: 3, day: 14),
        text: """
            Container traffic at Elsby stopped on Thursday as dockers struck.
            Union leader Tomas Brandt said workers had not had a raise in four years.
            """)

    static let dam: StoryAnalysis = {
        let h1 =
            "“The breach was caused by months of neglected maintenance, and those responsible will answer for "
            + "it,” Water Minister Ilse Varga said in a statement."
        let l1 =
            "Minister Ilse Varga told the Ledger the breach was caused by neglected maintenance and that those "
            + "responsible would answer for it."
        let w1 = "“The breach was caused by months of neglected maintenance,” Water Minister Ilse Varga said."
        let full = "The breach was caused by months of neglected maintenance, and those responsible will answer for it"
        func occurrence(
            _ a: Article, _ sentence: String, _ text: String, quoted: Bool, speaker: String, cue: String,
            diff: [DiffSegment]
        ) -> QuoteOccurrence {
            let r = ref(a, sentence, part: text)
            return QuoteOccurrence(
                article: a.id, text: text, quoted: quoted, speaker: speaker, cue: cue,
                span: r.span, sentenceSpan: r.sentenceSpan, diff: diff)
        }
        let quote = Quote(
            id: "q1", speaker: "Ilse Varga", speakerRole: "Water Minister", text: full,
            occurrences: [
                occurrence(herald, h1, full, quoted: true, speaker: "Ilse Varga", cue: "said", diff: []),
                occurrence(
                    ledger, l1,
                    "the breach was caused by neglected maintenance and that those responsible would "
                        + "answer for it", quoted: false, speaker: "Minister Ilse Varga", cue: "told the Ledger",
                    diff: [
                        .init(kind: .same, text: "The breach was caused by"), .init(kind: .removed, text: "months of"),
                        .init(kind: .same, text: "neglected maintenance,"), .init(kind: .added, text: "that"),
                        .init(kind: .same, text: "and those responsible"), .init(kind: .removed, text: "will"),
                        .init(kind: .added, text: "would"), .init(kind: .same, text: "answer for it"),
                    ]),
                occurrence(
                    wire, w1, "The breach was caused by months of neglected maintenance", quoted: true,
                    speaker: "Ilse Varga", cue: "said",
                    diff: [
                        .init(kind: .same, text: "The breach was caused by months of neglected maintenance"),
                        .init(kind: .removed, text: ", and those responsible will answer for it"),
                    ]),
                occurrence(
                    courier, w1, "The breach was caused by months of neglected maintenance", quoted: true,
                    speaker: "Ilse Varga", cue: "said",
                    diff: [
                        .init(kind: .same, text: "The breach was caused by months of neglected maintenance"),
                        .init(kind: .removed, text: ", and those responsible will answer for it"),
                    ]),
            ])
        let c1Sentences = [
            (
                herald,
                "RIVERTON – The Harlow dam on the upper Calder gave way early on Tuesday, flooding three villages."
            ),
            (
                ledger,
                "The Harlow Reservoir dam collapsed on Tuesday morning, and the water swept through three villages."
            ),
            (
                wire,
                "RIVERTON (Northgate Wire) – The Harlow dam burst on Tuesday, flooding three villages in the Calder "
                    + "valley."
            ),
            (
                courier,
                "RIVERTON (Northgate Wire) – The Harlow dam burst on Tuesday, flooding three villages in the "
                    + "Calder valley."
            ),
        ]
        let c1 = Claim(
            id: "c1", text: "The Harlow dam gave way on Tuesday, flooding three villages.",
            articles: c1Sentences.map(\.0.id), occurrences: c1Sentences.map { ref($0.0, $0.1) })
        let c2 = Claim(
            id: "c2", text: "About 1,200 residents were evacuated overnight.", articles: [herald.id],
            occurrences: [
                ref(herald, "About 1,200 residents were evacuated overnight, the regional emergency office said.")
            ])
        let warnH = "Engineers had warned about cracks in the spillway in 2023, the Ledger reported."
        let warnL =
            "Engineers had warned about cracks in the spillway in 2023, according to documents seen by the Ledger."
        let c3 = Claim(
            id: "c3", text: "Engineers had warned about cracks in the spillway in 2023.",
            articles: [herald.id, ledger.id],
            occurrences: [ref(herald, warnH), ref(ledger, warnL)])
        func cite(_ a: Article, _ sentence: String, _ source: String, _ kind: Citation.SourceKind, _ cue: String)
            -> Citation
        {
            let r = ref(a, sentence, part: source)
            return Citation(
                article: a.id, source: source, sourceKind: kind, cue: cue, span: r.span,
                sentenceSpan: r.sentenceSpan)
        }
        let tuesday = { (a: Article, sentence: String, expr: String) -> DateMention in
            let r = ref(a, sentence, part: expr)
            return DateMention(
                article: a.id, expression: expr, resolution: .relative, anchor: a.published, span: r.span,
                sentenceSpan: r.sentenceSpan)
        }
        return StoryAnalysis(
            story: Story(
                id: "story-1", title: "Harlow dam gives way, flooding three villages in the Calder valley",
                articles: [herald.id, ledger.id, wire.id, courier.id], copies: [[wire.id, courier.id]]),
            quotes: [quote],
            citations: [
                cite(herald, h1, "Ilse Varga", .person, "said in a statement"),
                cite(
                    herald, "About 1,200 residents were evacuated overnight, the regional emergency office said.",
                    "the regional emergency office", .organization, "said"),
                cite(herald, warnH, "the Ledger", .outlet, "reported"),
                cite(ledger, l1, "Ilse Varga", .person, "told the Ledger"),
                cite(ledger, warnL, "documents seen by the Ledger", .anonymous, "according to"),
                cite(wire, w1, "Ilse Varga", .person, "said"),
                cite(courier, w1, "Ilse Varga", .person, "said"),
            ],
            originalSource: "Ilse Varga",
            naming: [
                NamingChoice(
                    entity: "Harlow dam",
                    variants: [
                        NamingVariant(
                            form: "Harlow dam", articles: [herald.id, wire.id, courier.id],
                            occurrences: [ref(herald, c1Sentences[0].1, part: "Harlow dam")]),
                        NamingVariant(
                            form: "Harlow Reservoir dam", articles: [ledger.id],
                            occurrences: [ref(ledger, c1Sentences[1].1, part: "Harlow Reservoir dam")]),
                    ])
            ],
            framing: [
                FramingUse(
                    phrase: "those responsible will answer", note: "assigns blame", articles: [herald.id],
                    occurrences: [ref(herald, h1, part: "those responsible will answer")].map {
                        FramingOccurrence(article: $0.article, span: $0.span, sentenceSpan: $0.sentenceSpan)
                    })
            ],
            claims: [c2, c1, c3],
            timeline: [
                TimelineEvent(
                    date: Day(year: 2025, month: 3, day: 11)!, text: "The Harlow dam gives way.",
                    articles: [herald.id, ledger.id, wire.id, courier.id],
                    occurrences: [
                        tuesday(herald, c1Sentences[0].1, "on Tuesday"),
                        tuesday(ledger, c1Sentences[1].1, "on Tuesday"),
                        tuesday(wire, c1Sentences[2].1, "on Tuesday"),
                    ]),
                TimelineEvent(
                    date: Day(year: 2023, month: 1, day: 1)!, text: "Engineers warn of cracks in the spillway.",
                    articles: [herald.id, ledger.id], occurrences: []),
            ],
            synthesis: [
                SynthesisPoint(
                    text: c1.text, claim: c1.id, articles: c1.articles,
                    outlets: ["Northgate Herald", "Calder Ledger", "Northgate Wire"], independentSources: 3),
                SynthesisPoint(
                    text: c3.text, claim: c3.id, articles: c3.articles, outlets: ["Northgate Herald", "Calder Ledger"],
                    independentSources: 2),
            ])
    }()

    static let strike: StoryAnalysis = {
        let s1 = "“We have not had a raise in four years,” union leader Tomas Brandt said."
        let s2 = "Union leader Tomas Brandt said workers had not had a raise in four years."
        let r1 = ref(port, s1, part: "We have not had a raise in four years")
        let r2 = ref(portHerald, s2, part: "workers had not had a raise in four years")
        return StoryAnalysis(
            story: Story(id: "story-2", title: "Dockers walk out at Port Elsby", articles: [port.id, portHerald.id]),
            quotes: [
                Quote(
                    id: "q2", speaker: "Tomas Brandt", text: "We have not had a raise in four years",
                    occurrences: [
                        QuoteOccurrence(
                            article: port.id, text: "We have not had a raise in four years", quoted: true,
                            speaker: "Tomas Brandt", cue: "said", span: r1.span,
                            sentenceSpan: r1.sentenceSpan),
                        QuoteOccurrence(
                            article: portHerald.id, text: "workers had not had a raise in four years",
                            quoted: false, speaker: "Tomas Brandt", cue: "said", span: r2.span,
                            sentenceSpan: r2.sentenceSpan,
                            diff: [
                                .init(kind: .removed, text: "We have"), .init(kind: .added, text: "workers had"),
                                .init(kind: .same, text: "not had a raise in four years"),
                            ]),
                    ])
            ],
            citations: [
                Citation(
                    article: port.id, source: "Tomas Brandt", sourceKind: .person, cue: "said",
                    span: r1.span, sentenceSpan: r1.sentenceSpan)
            ],
            originalSource: "Tomas Brandt")
    }()

    static let report = AnalysisReport(
        articles: [herald, ledger, wire, courier, port, portHerald], stories: [dam, strike],
        issues: [IngestIssue(input: "examples/corpus/broken.jsonl", location: "line 3", kind: .notJSON, message: "not valid JSON")])
}
