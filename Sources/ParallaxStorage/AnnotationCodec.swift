import Foundation
import ParallaxCore

/// The stored form of an ``ArticleAnnotation`` (shared by the SQLite and PostgreSQL drivers): compact binary,
/// without the article text (stored once, in `article.text`), deflated.
///
/// Layout: a format byte, the payload length (varint), then the zlib-deflated payload. The payload is a plain
/// binary walk of the annotation in field order: integers as varints, spans of the document structure as deltas, a
/// token's `norm` only when it is neither its text nor its lowercased text, weights as IEEE 754 bits (exact), the
/// MinHash signature as fixed 64-bit words. Decoding puts the text back and gives an equal annotation; damaged
/// bytes throw, never trap. A change of the annotation's shape needs a new format byte (older blobs stay readable
/// or are re-annotated: ``ArticleAnnotation/version``).
package enum AnnotationCodec {
    package static let format: UInt8 = 1

    package struct CodecError: Error, CustomStringConvertible {
        package var message: String
        package var description: String { message }
    }

    /// How a token's `norm` is stored.
    private enum NormMode: UInt8 {
        case verbatim = 0, lowercased = 1, explicit = 2
    }

    package static func encode(_ annotation: ArticleAnnotation) throws -> Data {
        let document = annotation.document
        let text = Array(document.text.utf8)
        var w = ByteWriter(capacity: 256 + document.tokens.count * 5 + annotation.terms.count * 20)
        w.signed(annotation.version)
        w.article(document.article)
        w.optional(annotation.language) { $0.string($1) }
        w.structure(of: document, text: text)
        w.array(annotation.statements) { $0.statement($1) }
        w.array(annotation.citations) { $0.citation($1) }
        w.array(annotation.creditTokens) { $0.signed($1) }
        w.array(annotation.dates) { $0.date($1) }
        w.array(annotation.unanchoredDates) { $0.date($1) }
        w.array(annotation.names) { $0.match($1) }
        w.array(annotation.framing) { $0.match($1) }
        w.array(annotation.terms) { $0.term($1) }
        w.array(annotation.signature.values) { $0.fixed64($1) }
        w.fixed64(annotation.signature.exactKey)

        guard let blob = Deflate.framed(w.bytes, format: format) else {
            throw CodecError(message: "zlib could not compress an annotation of \(w.bytes.count) bytes")
        }
        return blob
    }

    /// The inflated payload of a blob, to be read in field order.
    private static func payload(_ blob: Data) throws -> ByteReader {
        guard blob.first == format else { throw CodecError(message: "unknown annotation format") }
        guard let payload = Deflate.unframed(blob) else {
            throw CodecError(message: "annotation blob is not valid zlib data")
        }
        return ByteReader(payload)
    }

    /// Only the article of a blob (its first field after the version), with its text put back: what a report of
    /// the article needs, without decoding the document structure and findings.
    package static func decodeArticle(_ blob: Data, text: String) throws -> Article {
        var r = try payload(blob)
        do {
            _ = try r.signed(limit: Int(Int32.max))
            var article = try r.article()
            article.text = text
            return article
        } catch let error as ByteReader.Damaged {
            throw CodecError(message: error.description)
        }
    }

    package static func decode(_ blob: Data, text: String) throws -> ArticleAnnotation {
        var r = try payload(blob)
        do {
            let version = try r.signed(limit: Int(Int32.max))
            var article = try r.article()
            article.text = text
            let language = try r.optional { try $0.string() }
            let document = try r.document(of: article)
            let statements = try r.array { try $0.statement() }
            let citations = try r.array { try $0.citation() }
            let creditTokens = try r.array { try $0.signed() }
            let dates = try r.array { try $0.date() }
            let unanchored = try r.array { try $0.date() }
            let names = try r.array { try $0.match() }
            let framing = try r.array { try $0.match() }
            let terms = try r.array { try $0.term() }
            let values = try r.array { try $0.fixed64() }
            let exactKey = try r.fixed64()
            guard r.isAtEnd else { throw CodecError(message: "trailing bytes after the annotation") }
            return ArticleAnnotation(
                version: version, document: document, language: language, statements: statements,
                citations: citations, creditTokens: creditTokens, dates: dates, unanchoredDates: unanchored,
                names: names, framing: framing, terms: terms,
                signature: MinHashSignature(values: values, exactKey: exactKey))
        } catch let error as ByteReader.Damaged {
            throw CodecError(message: error.description)
        }
    }

    fileprivate static func normMode(of token: Token, in text: [UInt8]) -> UInt8 {
        let s = token.span
        guard s.start >= 0, s.end <= text.count else { return NormMode.explicit.rawValue }
        let raw = text[s.start..<s.end]
        if token.norm.utf8.elementsEqual(raw) { return NormMode.verbatim.rawValue }
        if String(decoding: raw, as: UTF8.self).lowercased().utf8.elementsEqual(token.norm.utf8) {
            return NormMode.lowercased.rawValue
        }
        return NormMode.explicit.rawValue
    }

    fileprivate static func norm(mode: UInt8, span: TextSpan, text: [UInt8], reader: inout ByteReader) throws -> String {
        guard let mode = NormMode(rawValue: mode) else { throw ByteReader.Damaged() }
        if mode == .explicit { return try reader.string() }
        guard span.end <= text.count else { throw CodecError(message: "token outside the article text") }
        let raw = String(decoding: text[span.start..<span.end], as: UTF8.self)
        return mode == .verbatim ? raw : raw.lowercased()
    }
}

extension ByteWriter {
    fileprivate mutating func article(_ a: Article) {
        string(a.id)
        string(a.source)
        optional(a.outlet) { $0.string($1) }
        optional(a.url) { $0.string($1) }
        optional(a.title) { $0.string($1) }
        array(a.authors) { $0.string($1) }
        optional(a.published) { $0.day($1) }
        optional(a.dateline) { $0.string($1) }
        optional(a.language) { $0.string($1) }
    }

    /// Paragraphs, sentences and tokens, each span as a delta from the previous one's end.
    fileprivate mutating func structure(of document: Document, text: [UInt8]) {
        varint(document.paragraphs.count)
        var previousEnd = 0
        for p in document.paragraphs {
            signed(p.start - previousEnd)
            varint(p.length)
            previousEnd = p.end
        }
        varint(document.sentences.count)
        previousEnd = 0
        var previousParagraph = 0
        var previousToken = 0
        for s in document.sentences {
            signed(s.span.start - previousEnd)
            varint(s.span.length)
            signed(s.paragraph - previousParagraph)
            signed(s.tokens.lowerBound - previousToken)
            varint(s.tokens.count)
            previousEnd = s.span.end
            previousParagraph = s.paragraph
            previousToken = s.tokens.upperBound
        }
        varint(document.tokens.count)
        previousEnd = 0
        var previousSentence = 0
        for t in document.tokens {
            signed(t.span.start - previousEnd)
            varint(t.span.length)
            signed(t.sentence - previousSentence)
            let mode = AnnotationCodec.normMode(of: t, in: text)
            byte(t.kind.rawValue | (t.isCapitalized ? 4 : 0) | mode << 3)
            if mode == 2 { string(t.norm) }
            previousEnd = t.span.end
            previousSentence = t.sentence
        }
    }

    fileprivate mutating func statement(_ q: QuoteCandidate) {
        string(q.article)
        string(q.text)
        span(q.span)
        bool(q.quoted)
        optional(q.speaker) { w, s in
            w.string(s.name)
            w.optional(s.role) { $0.string($1) }
            w.string(s.kind.rawValue)
            w.span(s.mention)
            w.bool(s.isAnaphor)
            w.bool(s.isUnresolvedPronoun)
        }
        optional(q.cue) { $0.string($1) }
        optional(q.cueSpan) { $0.span($1) }
        span(q.contentSpan)
        span(q.sentenceSpan)
        signed(q.sentences.lowerBound)
        varint(q.sentences.count)
    }

    fileprivate mutating func citation(_ c: Citation) {
        string(c.article)
        string(c.source)
        string(c.sourceKind.rawValue)
        string(c.cue)
        span(c.span)
        span(c.sentenceSpan)
    }

    fileprivate mutating func date(_ d: AnnotatedDate) {
        let m = d.mention.mention
        string(m.article)
        string(m.expression)
        string(m.resolution.rawValue)
        optional(m.anchor) { $0.day($1) }
        span(m.span)
        span(m.sentenceSpan)
        day(d.mention.day)
        optional(d.mention.rule) { w, rule in
            switch rule {
            case .offset(let days):
                w.byte(0)
                w.signed(days)
            case .weekday(let weekday, let mode, let future):
                w.byte(1)
                w.signed(weekday)
                w.string(mode.rawValue)
                w.bool(future)
            case .nearest(let month, let day):
                w.byte(2)
                w.signed(month)
                w.signed(day)
            case .nearestOf(let days):
                w.byte(3)
                w.array(days) { $0.day($1) }
            }
        }
        array(d.words) { $0.term($1) }
    }

    fileprivate mutating func match(_ m: LexiconMatch) {
        string(m.entry)
        optional(m.form) { $0.string($1) }
        span(m.span)
        span(m.sentenceSpan)
    }

    fileprivate mutating func term(_ t: WeightedTerm) {
        string(t.term)
        double(t.weight)
    }
}

extension ByteReader {
    fileprivate mutating func article() throws -> Article {
        Article(
            id: try string(), source: try string(), outlet: try optional { try $0.string() },
            url: try optional { try $0.string() }, title: try optional { try $0.string() },
            authors: try array { try $0.string() }, published: try optional { try $0.day() },
            dateline: try optional { try $0.string() }, language: try optional { try $0.string() }, text: "")
    }

    fileprivate mutating func document(of article: Article) throws -> Document {
        let text = Array(article.text.utf8)
        var paragraphs: [TextSpan] = []
        var previousEnd = 0
        for _ in 0..<(try itemCount()) {
            let p = try span(after: previousEnd, delta: true)
            paragraphs.append(p)
            previousEnd = p.end
        }
        var sentences: [Sentence] = []
        previousEnd = 0
        var paragraph = 0
        var previousToken = 0
        for _ in 0..<(try itemCount()) {
            let s = try span(after: previousEnd, delta: true)
            paragraph += try signed(limit: Int(Int32.max))
            let lower = previousToken + (try signed(limit: Int(Int32.max)))
            let n = try count()
            guard lower >= 0, lower <= Int(Int32.max) - n else { throw Damaged() }
            sentences.append(Sentence(span: s, paragraph: paragraph, tokens: lower..<lower + n))
            previousEnd = s.end
            previousToken = lower + n
        }
        var tokens: [Token] = []
        previousEnd = 0
        var sentence = 0
        for _ in 0..<(try itemCount()) {
            let s = try span(after: previousEnd, delta: true)
            sentence += try signed(limit: Int(Int32.max))
            let flags = try byte()
            guard let kind = Token.Kind(rawValue: flags & 3) else { throw Damaged() }
            let norm = try AnnotationCodec.norm(mode: flags >> 3, span: s, text: text, reader: &self)
            tokens.append(Token(span: s, kind: kind, norm: norm, isCapitalized: flags & 4 != 0, sentence: sentence))
            previousEnd = s.end
        }
        return Document(article: article, paragraphs: paragraphs, sentences: sentences, tokens: tokens)
    }

    fileprivate mutating func statement() throws -> QuoteCandidate {
        let article = try string()
        let text = try string()
        let span = try span()
        let quoted = try bool()
        let speaker = try optional { r in
            Speaker(
                name: try r.string(), role: try r.optional { try $0.string() }, kind: try r.raw(Citation.SourceKind.self),
                mention: try r.span(), isAnaphor: try r.bool(), isUnresolvedPronoun: try r.bool())
        }
        let cue = try optional { try $0.string() }
        let cueSpan = try optional { try $0.span() }
        let contentSpan = try self.span()
        let sentenceSpan = try self.span()
        let first = try signed(limit: Int(Int32.max))
        let count = try self.count()
        guard count >= 1, first <= Int(Int32.max) - count else { throw Damaged() }
        return QuoteCandidate(
            article: article, text: text, span: span, quoted: quoted, speaker: speaker, cue: cue, cueSpan: cueSpan,
            contentSpan: contentSpan, sentenceSpan: sentenceSpan, sentences: first...(first + count - 1))
    }

    fileprivate mutating func citation() throws -> Citation {
        Citation(
            article: try string(), source: try string(), sourceKind: try raw(Citation.SourceKind.self), cue: try string(),
            span: try span(), sentenceSpan: try span())
    }

    fileprivate mutating func date() throws -> AnnotatedDate {
        let mention = DateMention(
            article: try string(), expression: try string(), resolution: try raw(DateMention.Resolution.self),
            anchor: try optional { try $0.day() }, span: try span(), sentenceSpan: try span())
        let day = try self.day()
        let rule = try optional { r -> DateRule in
            switch try r.byte() {
            case 0: return .offset(days: try r.signed(limit: 4_000_000))
            case 1: return .weekday(try r.signed(limit: 7), mode: try r.raw(DateRule.WeekdayMode.self), future: try r.bool())
            case 2: return .nearest(month: try r.signed(limit: 12), day: try r.signed(limit: 31))
            case 3: return .nearestOf(try r.array { try $0.day() })
            default: throw Damaged()
            }
        }
        return AnnotatedDate(
            mention: ResolvedDateMention(mention: mention, day: day, rule: rule), words: try array { try $0.term() })
    }

    fileprivate mutating func match() throws -> LexiconMatch {
        LexiconMatch(entry: try string(), form: try optional { try $0.string() }, span: try span(), sentenceSpan: try span())
    }

    fileprivate mutating func term() throws -> WeightedTerm { WeightedTerm(try string(), try double()) }
}
