import Foundation
import ParallaxCore

/// Small annotations built by hand from Core types.
enum Fixture {
    static func annotation(
        id: String, text: String, title: String? = nil, outlet: String? = nil, published: Day? = nil,
        terms: [WeightedTerm] = [], signature: [UInt64] = [1, 2, 3]
    ) -> ArticleAnnotation {
        let article = Article(
            id: id, source: "\(id).txt", outlet: outlet, url: "https://example.org/\(id)", title: title,
            authors: ["Ann Writer", "Bo \"Quote\" Smith"], published: published, dateline: "KYIV", language: "en",
            text: text)
        let document = DocumentBuilder().build(article)
        let first = document.sentences.first?.span ?? TextSpan(start: 0, end: 0)
        let speaker = Speaker(
            name: "Jane Doe", role: "spokeswoman", kind: .person, mention: TextSpan(start: 0, end: 0), isAnaphor: false)
        let statement = QuoteCandidate(
            article: id, text: "a statement", span: first, quoted: true, speaker: speaker, cue: "said",
            cueSpan: TextSpan(start: 0, end: 0), contentSpan: first, sentenceSpan: first, sentences: 0...0)
        let match = LexiconMatch(entry: "Kyiv", form: "Kiev", span: first, sentenceSpan: first)
        let citation = Citation(
            article: id, source: "Reuters", sourceKind: .outlet, cue: "according to", span: first, sentenceSpan: first)
        func date(_ rule: DateRule?, anchor: Day?) -> AnnotatedDate {
            let mention = DateMention(
                article: id, expression: "on Tuesday", resolution: rule == nil ? .absolute : .relative, anchor: anchor,
                span: first, sentenceSpan: first)
            return AnnotatedDate(
                mention: ResolvedDateMention(mention: mention, day: Day(year: 2024, month: 5, day: 28)!, rule: rule),
                words: [WeightedTerm("dam", 0.1 + 0.2)])
        }
        let anchor = Day(year: 2024, month: 5, day: 31)
        let dates = [date(nil, anchor: nil), date(.weekday(2, mode: .last, future: false), anchor: anchor), date(.offset(days: -1), anchor: anchor)]
        let unanchored = [
            date(.nearest(month: 5, day: 10), anchor: nil),
            date(.nearestOf([Day(year: 2024, month: 4, day: 5)!, Day(year: 2024, month: 5, day: 4)!]), anchor: nil),
        ]
        return ArticleAnnotation(
            document: document, language: "en", statements: [statement, statement], citations: [citation],
            creditTokens: [0, 2], dates: dates, unanchoredDates: unanchored, names: [match], framing: [match], terms: terms,
            signature: MinHashSignature(values: signature + [UInt64.max, 0x8000_0000_0000_0001], exactKey: UInt64.max - 7))
    }

    static func record(
        _ annotation: ArticleAnnotation, story: String? = nil, copyOf: String? = nil, country: String? = nil
    ) -> ArticleRecord {
        ArticleRecord(
            id: annotation.id, source: annotation.article.source, country: country,
            contentHash: "h-\(annotation.article.text.utf8.count)", textBytes: annotation.article.text.utf8.count,
            story: story, copyOf: copyOf)
    }

    static let text = """
        Officials in Kyiv said on Tuesday that the dam “will hold”, according to Reuters.
        The mayor, who didn’t comment, left. Café owners — and U.S. diplomats — were evacuated.
        Ünïcödé ÉTÉ 123,45 naïve façade 東京 is here.
        """
}
