import Foundation

/// Reads the HTML pages of a WARC crawl archive (`.warc`, `.warc.gz` with one gzip member per record, or one
/// gzip stream over the whole file) as articles.
///
/// Streams: the file is read in chunks, inflated and parsed record by record, so memory stays flat on a
/// multi-GB archive (at most one record, capped at ``maxRecordBytes``, is held). Kept: `response` records with a
/// 2xx HTTP status and an HTML payload (`text/html`, `application/xhtml+xml`, or untyped content that starts like
/// HTML), and `resource` records with HTML. Skipped silently: `request`, `metadata`, `warcinfo`, `revisit`,
/// non-HTML and non-2xx responses. Damage (a broken record, a corrupt or truncated gzip member) is reported as an
/// ``IngestIssue`` naming the file and the record, and reading resumes at the next record.
///
/// Each page becomes an ``Article`` through the injected ``HTMLPageReader``; the URL comes from
/// `WARC-Target-URI` and, when the page reader finds no date, the publication day falls back to the `WARC-Date`
/// capture day. `Article.source` is `path#record-N`.
public struct WARCReader: ArticleReader {
    /// Turns each HTML page into an article.
    public var pageReader: any HTMLPageReader
    /// Records with a larger block are skipped with an issue (default 50 MiB).
    public var maxRecordBytes: Int
    /// Size of each read from the file.
    public var chunkSize: Int

    /// Counts of what one ``read(_:emit:)`` call found.
    public struct Statistics: Sendable, Hashable {
        /// Records seen (of every type).
        public var records = 0
        /// HTML pages handed to the page reader.
        public var pages = 0
        /// Articles emitted.
        public var articles = 0
        /// Issues emitted.
        public var issues = 0
        /// Bytes read from the input (compressed size for `.gz`).
        public var inputBytes = 0
        /// Bytes of WARC data after decompression.
        public var warcBytes = 0

        public init() {}
    }

    public init(
        pageReader: any HTMLPageReader = HTMLArticleBuilder(), maxRecordBytes: Int = 50 << 20,
        chunkSize: Int = 1 << 20
    ) {
        self.pageReader = pageReader
        self.maxRecordBytes = maxRecordBytes
        self.chunkSize = max(4096, chunkSize)
    }

    public func read(_ input: InputSource, emit: (IngestEvent) -> Void) throws(IngestIssue) {
        _ = try readCounting(input, emit: emit)
    }

    /// Reads `input` like ``read(_:emit:)`` and returns counts of what it found.
    /// Throws only when the input cannot be opened or read at all.
    public func readCounting(_ input: InputSource, emit: (IngestEvent) -> Void) throws(IngestIssue) -> Statistics {
        var stats = Statistics()
        func emitCounting(_ event: IngestEvent) {
            switch event {
            case .article: stats.articles += 1
            case .issue: stats.issues += 1
            }
            emit(event)
        }
        var parser = WARCRecordParser(maxRecordBytes: maxRecordBytes, keepsBody: Self.mayBeHTML)
        var gzip: GzipStream?
        var sawData = false
        let responseParser = HTTPResponseParser(maxBodyBytes: maxRecordBytes)

        func handle(_ event: WARCRecordParser.Event) {
            switch event {
            case .record(let record):
                stats.records += 1
                if let page = page(in: record, input: input, http: responseParser, emit: emitCounting) {
                    stats.pages += 1
                    emitCounting(finish(pageReader.read(page), page: page))
                }
            case .issue(let location, let kind, let message):
                emitCounting(.issue(IngestIssue(input: input.name, location: location, kind: kind, message: message)))
            }
        }
        func parse(_ bytes: UnsafeBufferPointer<UInt8>) {
            stats.warcBytes += bytes.count
            parser.consume(bytes, emit: handle)
        }
        func feed(_ bytes: UnsafeBufferPointer<UInt8>) {
            guard !bytes.isEmpty else { return }
            stats.inputBytes += bytes.count
            if !sawData {
                sawData = true
                if GzipStream.isGzip(bytes) { gzip = GzipStream() }
            }
            guard let gzip else { return parse(bytes) }
            gzip.decompress(bytes) { output in
                switch output {
                case .bytes(let b): parse(b)
                case .corrupt(let error):
                    let reason = "gzip data damaged (\(error)); skipping to the next gzip member"
                    if !parser.resynchronize(reason: reason, emit: handle) {
                        emitCounting(.issue(IngestIssue(input: input.name,
                            location: "after record \(parser.recordCount)", kind: .corruptCompression, message: reason)))
                    }
                }
            }
        }

        try Self.chunks(of: input, size: chunkSize, body: feed)
        if let gzip {
            do {
                try gzip.finish { _ in }
            } catch {
                let reason = "the compressed file is truncated (\(error))"
                if !parser.resynchronize(reason: reason, emit: handle) {
                    emitCounting(.issue(IngestIssue(input: input.name,
                        location: "after record \(parser.recordCount)", kind: .corruptCompression, message: reason)))
                }
            }
        }
        parser.finish(emit: handle)
        if stats.records == 0, stats.issues == 0 {
            emitCounting(.issue(IngestIssue(input: input.name, kind: sawData ? .brokenRecord : .empty, message: sawData
                ? "no WARC records found (not a WARC file?)" : "empty input")))
        }
        return stats
    }

    /// Fills in what the archive knows and the page reader did not find.
    private func finish(_ event: IngestEvent, page: HTMLPage) -> IngestEvent {
        guard case .article(var article) = event else { return event }
        if article.url == nil { article.url = page.url }
        if article.published == nil { article.published = page.captured }
        return .article(article)
    }

    /// The HTML page a record holds, or `nil` (skipped silently, or with an issue emitted for a broken payload).
    private func page(
        in record: WARCRecord, input: InputSource, http: HTTPResponseParser, emit: (IngestEvent) -> Void
    ) -> HTMLPage? {
        guard !record.blockOmitted else { return nil }
        let type = record.type
        let html: [UInt8]
        let charset: String?
        switch type {
        case "response":
            guard record.headers.mediaType?.hasPrefix("application/http") ?? true else { return nil }
            let response: HTTPResponse
            do { response = try http.parse(record.block) } catch {
                emit(.issue(IngestIssue(input: input.name, location: record.location, kind: .brokenRecord, message: "\(error)")))
                return nil
            }
            guard (200..<300).contains(response.status) else { return nil }
            guard Self.isHTML(mediaType: response.headers.mediaType, body: response.body) else { return nil }
            html = response.body
            charset = response.headers.charset
        case "resource":
            guard Self.isHTML(mediaType: record.headers.mediaType, body: record.block) else { return nil }
            html = record.block
            charset = record.headers.charset
        default:
            return nil
        }
        guard !html.isEmpty else { return nil }
        return HTMLPage(
            html: html, url: record.targetURI, charset: charset,
            source: "\(input.name)#record-\(record.number)", captured: record.date.flatMap { Day(iso: $0) })
    }

    /// Whether a record may hold an HTML page, from its WARC headers alone (decides whether its block is kept).
    @Sendable static func mayBeHTML(_ headers: HeaderFields) -> Bool {
        switch headers["WARC-Type"]?.lowercased() {
        case "response": return headers.mediaType.map { $0.hasPrefix("application/http") } ?? true
        case "resource": return headers.mediaType.map(isHTMLType) ?? true
        default: return false
        }
    }

    private static func isHTMLType(_ mediaType: String) -> Bool {
        mediaType == "text/html" || mediaType == "application/xhtml+xml"
    }

    /// HTML by its declared type, or, when untyped, by its first bytes (`<!doctype html`, `<html`).
    static func isHTML(mediaType: String?, body: [UInt8]) -> Bool {
        if let mediaType { return isHTMLType(mediaType) }
        let head = String(decoding: body.prefix(512), as: UTF8.self).lowercased()
        let trimmed = head.drop { $0.isWhitespace || $0 == "\u{FEFF}" }
        return trimmed.hasPrefix("<!doctype html") || trimmed.hasPrefix("<html")
    }

    /// Calls `body` with successive chunks of `input`.
    private static func chunks(
        of input: InputSource, size: Int, body: (UnsafeBufferPointer<UInt8>) -> Void
    ) throws(IngestIssue) {
        let handle: FileHandle
        switch input.location {
        case .bytes(let bytes):
            var start = 0
            while start < bytes.count {
                let end = min(start + size, bytes.count)
                bytes[start..<end].withUnsafeBufferPointer(body)
                start = end
            }
            return
        case .standardInput:
            handle = FileHandle.standardInput
        case .file(let path):
            guard let h = FileHandle(forReadingAtPath: path) else {
                throw IngestIssue(input: input.name, kind: .unreadable, message: "cannot open file (missing or not readable)")
            }
            handle = h
        }
        defer { if case .file = input.location { try? handle.close() } }
        while true {
            let chunk: Data?
            do { chunk = try handle.read(upToCount: size) } catch {
                throw IngestIssue(input: input.name, kind: .unreadable, message: "read failed: \(error.localizedDescription)")
            }
            guard let chunk, !chunk.isEmpty else { break }
            chunk.withUnsafeBytes { raw in body(raw.bindMemory(to: UInt8.self)) }
        }
    }
}
