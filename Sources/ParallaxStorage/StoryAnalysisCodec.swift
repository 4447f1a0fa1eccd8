import Foundation
import ParallaxCore

/// The stored form of a ``StoryAnalysis`` (a story's comparison; shared by every store): compact binary, deflated.
///
/// A big story's comparison names the same few hundred strings (article ids, speakers, cues, sources) in tens of
/// thousands of occurrences; as JSON, the comparison of a story of 9,911 articles was 60 MB and took 1.6 s to decode,
/// most of `parallax story ID`. Here every distinct string is written once, in a table read first, and referred to
/// by its index; integers are varints, spans a start and a length. Decoding builds each distinct string once (the
/// findings share it) and gives an equal comparison.
///
/// Layout: a format byte (never `{`, so comparisons stored as JSON by earlier versions are still read), the payload
/// length (varint), then the zlib-deflated payload: the string table, then the comparison in field order. Damaged
/// bytes throw, never trap. A change of the comparison's shape needs a new format byte.
package enum StoryAnalysisCodec {
    package static let format: UInt8 = 0xA1

    package struct CodecError: Error, CustomStringConvertible {
        package var message: String
        package var description: String { message }
    }

    package static func encode(_ analysis: StoryAnalysis) throws -> Data {
        let payload = payload(of: analysis)
        guard let blob = Deflate.framed(payload, format: format) else {
            throw CodecError(message: "zlib could not compress a comparison of \(payload.count) bytes")
        }
        return blob
    }

    /// The payload before deflation: the string table, then the comparison.
    package static func payload(of analysis: StoryAnalysis) -> [UInt8] {
        var w = TableWriter()
        w.analysis(analysis)
        var payload = ByteWriter(capacity: w.body.bytes.count + w.table.count * 24 + 16)
        payload.varint(w.table.count)
        for s in w.table { payload.string(s) }
        payload.append(w.body.bytes)
        return payload.bytes
    }

    /// The comparison of an inflated payload.
    package static func analysis(fromPayload payload: [UInt8]) throws -> StoryAnalysis {
        do {
            var r = ByteReader(payload)
            let n = try r.itemCount()
            var table: [String] = []
            table.reserveCapacity(n)
            for _ in 0..<n { table.append(try r.string()) }
            var t = TableReader(reader: r, table: table)
            let analysis = try t.analysis()
            guard t.reader.isAtEnd else { throw CodecError(message: "trailing bytes after the comparison") }
            return analysis
        } catch let error as ByteReader.Damaged {
            throw CodecError(message: error.description)
        }
    }

    /// A stored comparison: this binary form, or the JSON that earlier versions stored.
    package static func decode(_ blob: Data) throws -> StoryAnalysis {
        guard let first = blob.first else { throw CodecError(message: "empty comparison") }
        if first == UInt8(ascii: "{") {
            do {
                return try JSONDecoder().decode(StoryAnalysis.self, from: blob)
            } catch {
                throw CodecError(message: "comparison JSON is not readable: \(error)")
            }
        }
        guard first == format else { throw CodecError(message: "unknown comparison format \(first)") }
        guard let payload = Deflate.unframed(blob) else {
            throw CodecError(message: "comparison blob is not valid zlib data")
        }
        return try analysis(fromPayload: payload)
    }
}

/// Writes a comparison with every string replaced by its index in `table`.
private struct TableWriter {
    var body = ByteWriter(capacity: 1 << 16)
    private(set) var table: [String] = []
    private var index: [String: Int] = [:]

    mutating func string(_ s: String) {
        if let i = index[s] { return body.varint(i) }
        index[s] = table.count
        body.varint(table.count)
        table.append(s)
    }

    mutating func optional(_ s: String?) {
        guard let s else { return body.byte(0) }
        body.byte(1)
        string(s)
    }

    mutating func strings(_ values: [String]) {
        body.varint(values.count)
        for s in values { string(s) }
    }

    mutating func span(_ s: TextSpan) {
        body.signed(s.start)
        body.varint(s.end - s.start)  // never negative (a span's start is at most its end)
    }

    mutating func list<T>(_ values: [T], _ write: (inout TableWriter, T) -> Void) {
        body.varint(values.count)
        for v in values { write(&self, v) }
    }

    mutating func reference(_ r: SpanReference) {
        string(r.article)
        span(r.span)
        span(r.sentenceSpan)
    }

    mutating func analysis(_ a: StoryAnalysis) {
        string(a.id)
        string(a.title)
        strings(a.articles)
        list(a.copies) { $0.strings($1) }
        list(a.quotes) { w, q in
            w.string(q.id)
            w.optional(q.speaker)
            w.optional(q.speakerRole)
            w.string(q.text)
            w.list(q.occurrences) { w, o in
                w.string(o.article)
                w.string(o.text)
                w.body.bool(o.quoted)
                w.optional(o.speaker)
                w.optional(o.cue)
                w.span(o.span)
                w.span(o.sentenceSpan)
                w.list(o.diff) { w, d in
                    w.string(d.kind.rawValue)
                    w.string(d.text)
                }
                w.body.bool(o.speakerSpan != nil)
                if let s = o.speakerSpan { w.span(s) }
            }
        }
        list(a.citations) { w, c in
            w.string(c.article)
            w.string(c.source)
            w.string(c.sourceKind.rawValue)
            w.string(c.cue)
            w.span(c.span)
            w.span(c.sentenceSpan)
        }
        optional(a.originalSource)
        list(a.naming) { w, n in
            w.string(n.entity)
            w.list(n.variants) { w, v in
                w.string(v.form)
                w.strings(v.articles)
                w.list(v.occurrences) { $0.reference($1) }
            }
            w.body.bool(n.discovered)
        }
        list(a.framing) { w, f in
            w.string(f.phrase)
            w.optional(f.note)
            w.strings(f.articles)
            w.list(f.occurrences) { w, o in
                w.string(o.article)
                w.span(o.span)
                w.span(o.sentenceSpan)
                w.string(o.usage.rawValue)
                w.optional(o.qualifier)
            }
        }
        list(a.claims) { w, c in
            w.string(c.id)
            w.string(c.text)
            w.strings(c.articles)
            w.list(c.occurrences) { $0.reference($1) }
            w.body.bool(c.isVerificationNote)
        }
        list(a.timeline) { w, e in
            w.body.signed(e.date.daysSinceEpoch)
            w.string(e.text)
            w.strings(e.articles)
            w.list(e.occurrences) { w, m in
                w.string(m.article)
                w.string(m.expression)
                w.string(m.resolution.rawValue)
                w.body.bool(m.anchor != nil)
                if let d = m.anchor { w.body.signed(d.daysSinceEpoch) }
                w.span(m.span)
                w.span(m.sentenceSpan)
            }
        }
        list(a.synthesis) { w, p in
            w.string(p.text)
            w.string(p.claim)
            w.strings(p.articles)
            w.strings(p.outlets)
            w.body.signed(p.independentSources)
        }
        list(a.wording) { w, p in
            w.string(p.phrase)
            w.string(p.group)
            w.strings(p.articles)
            w.body.signed(p.groupArticles)
            w.body.signed(p.otherArticles)
            w.list(p.occurrences) { $0.reference($1) }
        }
    }
}

/// Reads what ``TableWriter`` wrote, strings from `table`; every index and count is checked.
private struct TableReader {
    var reader: ByteReader
    let table: [String]

    mutating func string() throws -> String {
        let i = try reader.count()
        guard i < table.count else { throw ByteReader.Damaged() }
        return table[i]
    }

    mutating func optional() throws -> String? { try reader.bool() ? string() : nil }

    mutating func strings() throws -> [String] { try list { try $0.string() } }

    mutating func span() throws -> TextSpan {
        let start = try reader.signed(limit: Int(Int32.max))
        let length = try reader.count(limit: Int(Int32.max))
        return TextSpan(start: start, end: start + length)
    }

    mutating func day() throws -> Day { Day(daysSinceEpoch: try reader.signed(limit: 4_000_000)) }

    mutating func count() throws -> Int { try reader.signed(limit: Int(Int32.max)) }

    mutating func raw<E: RawRepresentable>(_: E.Type) throws -> E where E.RawValue == String {
        guard let v = E(rawValue: try string()) else { throw ByteReader.Damaged() }
        return v
    }

    mutating func list<T>(_ read: (inout TableReader) throws -> T) throws -> [T] {
        let n = try reader.itemCount()
        var out: [T] = []
        out.reserveCapacity(n)
        for _ in 0..<n { out.append(try read(&self)) }
        return out
    }

    mutating func reference() throws -> SpanReference {
        SpanReference(article: try string(), span: try span(), sentenceSpan: try span())
    }

    mutating func analysis() throws -> StoryAnalysis {
        let id = try string()
        let title = try string()
        let articles = try strings()
        let copies = try list { try $0.strings() }
        let quotes = try list { r in
            Quote(
                id: try r.string(), speaker: try r.optional(), speakerRole: try r.optional(), text: try r.string(),
                occurrences: try r.list { r in
                    QuoteOccurrence(
                        article: try r.string(), text: try r.string(), quoted: try r.reader.bool(),
                        speaker: try r.optional(), cue: try r.optional(), span: try r.span(),
                        sentenceSpan: try r.span(),
                        diff: try r.list { r in DiffSegment(kind: try r.raw(DiffSegment.Kind.self), text: try r.string()) },
                        speakerSpan: try r.reader.bool() ? try r.span() : nil)
                })
        }
        let citations = try list { r in
            Citation(
                article: try r.string(), source: try r.string(), sourceKind: try r.raw(Citation.SourceKind.self),
                cue: try r.string(), span: try r.span(), sentenceSpan: try r.span())
        }
        let originalSource = try optional()
        let naming = try list { r in
            NamingChoice(
                entity: try r.string(),
                variants: try r.list { r in
                    NamingVariant(form: try r.string(), articles: try r.strings(), occurrences: try r.list { try $0.reference() })
                },
                discovered: try r.reader.bool())
        }
        let framing = try list { r in
            FramingUse(
                phrase: try r.string(), note: try r.optional(), articles: try r.strings(),
                occurrences: try r.list { r in
                    FramingOccurrence(
                        article: try r.string(), span: try r.span(), sentenceSpan: try r.span(),
                        usage: try r.raw(FramingUsage.self), qualifier: try r.optional())
                })
        }
        let claims = try list { r in
            Claim(
                id: try r.string(), text: try r.string(), articles: try r.strings(),
                occurrences: try r.list { try $0.reference() }, isVerificationNote: try r.reader.bool())
        }
        let timeline = try list { r in
            TimelineEvent(
                date: try r.day(), text: try r.string(), articles: try r.strings(),
                occurrences: try r.list { r in
                    DateMention(
                        article: try r.string(), expression: try r.string(),
                        resolution: try r.raw(DateMention.Resolution.self),
                        anchor: try r.reader.bool() ? try r.day() : nil, span: try r.span(), sentenceSpan: try r.span())
                })
        }
        let synthesis = try list { r in
            SynthesisPoint(
                text: try r.string(), claim: try r.string(), articles: try r.strings(), outlets: try r.strings(),
                independentSources: try r.count())
        }
        let wording = try list { r in
            ContrastivePhrase(
                phrase: try r.string(), group: try r.string(), articles: try r.strings(), groupArticles: try r.count(),
                otherArticles: try r.count(), occurrences: try r.list { try $0.reference() })
        }
        var analysis = StoryAnalysis(
            story: Story(id: id, title: title, articles: articles, copies: copies), quotes: quotes,
            citations: citations, originalSource: originalSource, naming: naming, framing: framing, claims: claims,
            timeline: timeline, synthesis: synthesis, wording: wording)
        analysis.id = id
        return analysis
    }
}
