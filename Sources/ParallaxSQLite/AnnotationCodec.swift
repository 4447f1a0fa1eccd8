import Foundation
import ParallaxCore

/// The stored form of an ``ArticleAnnotation``: compact, without the article text (stored once, in `article.text`).
///
/// Layout: a format byte, the payload length (varint), then the zlib-deflated payload. The payload holds the
/// document's structure in binary (paragraph, sentence and token spans as varint deltas; a token's `norm` only
/// when it is neither its text nor its lowercased text), the MinHash signature as fixed 64-bit words, then the
/// JSON of the rest of the annotation with the text, structure and signature emptied. Decoding puts the text back
/// and gives an equal annotation.
enum AnnotationCodec {
    static let format: UInt8 = 1

    /// How a token's `norm` is stored.
    private enum NormMode: UInt8 {
        case verbatim = 0, lowercased = 1, explicit = 2
    }

    static func encode(_ annotation: ArticleAnnotation) throws -> Data {
        let document = annotation.document
        let text = Array(document.text.utf8)
        var w = ByteWriter(capacity: 16 + document.tokens.count * 5)
        w.varint(document.paragraphs.count)
        var previousEnd = 0
        for p in document.paragraphs {
            w.signed(p.start - previousEnd)
            w.varint(p.length)
            previousEnd = p.end
        }
        w.varint(document.sentences.count)
        previousEnd = 0
        var previousParagraph = 0
        var previousToken = 0
        for s in document.sentences {
            w.signed(s.span.start - previousEnd)
            w.varint(s.span.length)
            w.signed(s.paragraph - previousParagraph)
            w.signed(s.tokens.lowerBound - previousToken)
            w.varint(s.tokens.count)
            previousEnd = s.span.end
            previousParagraph = s.paragraph
            previousToken = s.tokens.upperBound
        }
        w.varint(document.tokens.count)
        previousEnd = 0
        var previousSentence = 0
        for t in document.tokens {
            w.signed(t.span.start - previousEnd)
            w.varint(t.span.length)
            w.signed(t.sentence - previousSentence)
            let mode = normMode(of: t, in: text)
            w.byte(t.kind.rawValue | (t.isCapitalized ? 4 : 0) | mode.rawValue << 3)
            if mode == .explicit { w.string(t.norm) }
            previousEnd = t.span.end
            previousSentence = t.sentence
        }
        w.varint(annotation.signature.values.count)
        for v in annotation.signature.values { w.fixed64(v) }
        w.fixed64(annotation.signature.exactKey)

        var rest = annotation
        var article = document.article
        article.text = ""
        rest.document = Document(article: article, paragraphs: [], sentences: [], tokens: [])
        rest.signature = MinHashSignature(values: [], exactKey: 0)
        w.append(try JSONEncoder().encode(rest))

        let payload = w.bytes
        guard let packed = Deflate.compress(payload) else {
            throw CodecError(message: "zlib could not compress an annotation of \(payload.count) bytes")
        }
        var out = ByteWriter(capacity: packed.count + 8)
        out.byte(format)
        out.varint(payload.count)
        out.append(packed)
        return Data(out.bytes)
    }

    static func decode(_ blob: Data, text: String) throws -> ArticleAnnotation {
        var header = ByteReader([UInt8](blob))
        guard header.byte() == format else { throw CodecError(message: "unknown annotation format") }
        guard let length = header.count(limit: 1 << 30),
            let payload = Deflate.decompress(header.remaining, count: length)
        else { throw CodecError(message: "annotation blob is not valid zlib data") }
        var r = ByteReader(payload)
        let bytes = Array(text.utf8)
        func span(after previousEnd: Int) throws -> TextSpan {
            guard let delta = r.signed(), let length = r.count() else { throw CodecError(message: "truncated span") }
            let start = previousEnd + delta
            guard start >= 0, start <= Int(Int32.max) - length else { throw CodecError(message: "span out of range") }
            return TextSpan(start: start, end: start + length)
        }
        guard let paragraphCount = r.count(limit: payload.count) else { throw CodecError(message: "truncated") }
        var paragraphs: [TextSpan] = []
        paragraphs.reserveCapacity(paragraphCount)
        var previousEnd = 0
        for _ in 0..<paragraphCount {
            let p = try span(after: previousEnd)
            paragraphs.append(p)
            previousEnd = p.end
        }
        guard let sentenceCount = r.count(limit: payload.count) else { throw CodecError(message: "truncated") }
        var sentences: [Sentence] = []
        sentences.reserveCapacity(sentenceCount)
        previousEnd = 0
        var previousParagraph = 0
        var previousToken = 0
        for _ in 0..<sentenceCount {
            let s = try span(after: previousEnd)
            guard let dp = r.signed(), let dt = r.signed(), let n = r.count() else {
                throw CodecError(message: "truncated sentence")
            }
            let lower = previousToken + dt
            guard lower >= 0, lower <= Int(Int32.max) - n else { throw CodecError(message: "token range out of range") }
            sentences.append(Sentence(span: s, paragraph: previousParagraph + dp, tokens: lower..<lower + n))
            previousEnd = s.end
            previousParagraph += dp
            previousToken = lower + n
        }
        guard let tokenCount = r.count(limit: payload.count) else { throw CodecError(message: "truncated") }
        var tokens: [Token] = []
        tokens.reserveCapacity(tokenCount)
        previousEnd = 0
        var previousSentence = 0
        for _ in 0..<tokenCount {
            let s = try span(after: previousEnd)
            guard let ds = r.signed(), let flags = r.byte(), let kind = Token.Kind(rawValue: flags & 3),
                let mode = NormMode(rawValue: flags >> 3)
            else { throw CodecError(message: "truncated token") }
            let norm: String
            switch mode {
            case .explicit:
                guard let v = r.string() else { throw CodecError(message: "truncated token norm") }
                norm = v
            case .verbatim, .lowercased:
                guard s.end <= bytes.count else { throw CodecError(message: "token outside the article text") }
                let raw = String(decoding: bytes[s.start..<s.end], as: UTF8.self)
                norm = mode == .verbatim ? raw : raw.lowercased()
            }
            previousSentence += ds
            tokens.append(Token(span: s, kind: kind, norm: norm, isCapitalized: flags & 4 != 0, sentence: previousSentence))
            previousEnd = s.end
        }
        guard let valueCount = r.count(limit: payload.count / 8) else { throw CodecError(message: "truncated") }
        var values: [UInt64] = []
        values.reserveCapacity(valueCount)
        for _ in 0..<valueCount {
            guard let v = r.fixed64() else { throw CodecError(message: "truncated signature") }
            values.append(v)
        }
        guard let exactKey = r.fixed64() else { throw CodecError(message: "truncated signature") }

        var annotation = try JSONDecoder().decode(ArticleAnnotation.self, from: Data(r.remaining))
        var article = annotation.document.article
        article.text = text
        annotation.document = Document(article: article, paragraphs: paragraphs, sentences: sentences, tokens: tokens)
        annotation.signature = MinHashSignature(values: values, exactKey: exactKey)
        return annotation
    }

    private static func normMode(of token: Token, in text: [UInt8]) -> NormMode {
        let s = token.span
        guard s.start >= 0, s.end <= text.count else { return .explicit }
        let raw = text[s.start..<s.end]
        if token.norm.utf8.elementsEqual(raw) { return .verbatim }
        if String(decoding: raw, as: UTF8.self).lowercased().utf8.elementsEqual(token.norm.utf8) { return .lowercased }
        return .explicit
    }

    struct CodecError: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }
}
