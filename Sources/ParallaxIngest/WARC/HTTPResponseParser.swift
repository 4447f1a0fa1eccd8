/// Parses an HTTP/1.x response as stored in a WARC `response` record: status line, headers, and a body with
/// `Transfer-Encoding: chunked` and `Content-Encoding: gzip | deflate` undone.
///
/// Tolerant of what crawlers write: LF instead of CRLF, a `chunked` header over a body that was already de-chunked,
/// a `gzip` header over a body that was already inflated. These are detected and the body is used as it is.
public struct HTTPResponseParser: Sendable {
    /// The most decoded body bytes accepted (a decompression bomb guard).
    public var maxBodyBytes: Int

    public init(maxBodyBytes: Int = 50 << 20) {
        self.maxBodyBytes = maxBodyBytes
    }

    /// Parses `message`. Throws ``HTTPResponseError`` when there is no status line or the body cannot be decoded.
    public func parse(_ message: [UInt8]) throws(HTTPResponseError) -> HTTPResponse {
        try message.withUnsafeBufferPointer { (buf) throws(HTTPResponseError) -> HTTPResponse in
            try parse(buf)
        }
    }

    private func parse(_ buf: UnsafeBufferPointer<UInt8>) throws(HTTPResponseError) -> HTTPResponse {
        // Status line: HTTP/1.1 200 OK
        var lineEnd = 0
        while lineEnd < buf.count, buf[lineEnd] != 0x0A { lineEnd += 1 }
        let statusLine = String(decoding: UnsafeBufferPointer(rebasing: buf[0..<lineEnd]), as: UTF8.self)
        let parts = statusLine.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true)
        guard parts.count >= 2, parts[0].hasPrefix("HTTP/"), let status = Int(parts[1]), (100...999).contains(status)
        else {
            throw HTTPResponseError("no HTTP status line (starts with \"\(statusLine.prefix(40))\")")
        }
        let reason = parts.count > 2 ? parts[2].trimmingWhitespace() : ""
        // Headers end at the first empty line.
        let headerStart = min(lineEnd + 1, buf.count)
        var i = headerStart
        var lineHasContent = false
        var bodyStart = buf.count
        var headerEnd = buf.count
        while i < buf.count {
            let c = buf[i]
            if c == 0x0A {
                if !lineHasContent {
                    headerEnd = i
                    bodyStart = i + 1
                    break
                }
                lineHasContent = false
            } else if c != 0x0D {
                lineHasContent = true
            }
            i += 1
        }
        let headers = HeaderFields.parse(UnsafeBufferPointer(rebasing: buf[headerStart..<max(headerStart, headerEnd)]))
        var body = Array(buf[bodyStart...])
        if let te = headers["Transfer-Encoding"]?.lowercased(), te.contains("chunked") {
            if let decoded = try HTTPChunkedDecoder(maxBytes: maxBodyBytes).decode(body) { body = decoded }
        }
        if let ce = headers["Content-Encoding"]?.lowercased().trimmingCharacters(in: .whitespaces) {
            body = try decodeContent(body, encoding: ce)
        }
        return HTTPResponse(status: status, reason: reason, headers: headers, body: body)
    }

    private func decodeContent(_ body: [UInt8], encoding: String) throws(HTTPResponseError) -> [UInt8] {
        guard !body.isEmpty else { return body }
        switch encoding {
        case "gzip", "x-gzip":
            // Some crawlers store the body inflated but keep the header.
            guard GzipStream.isGzip(body) else { return body }
            do { return try GzipStream.decompress(body, format: .gzip, maxOutput: maxBodyBytes) } catch {
                throw HTTPResponseError("gzip body: \(error)")
            }
        case "deflate":
            // "deflate" is zlib-wrapped by the standard, raw deflate by some servers.
            if let z = try? GzipStream.decompress(body, format: .zlib, maxOutput: maxBodyBytes) { return z }
            if let raw = try? GzipStream.decompress(body, format: .rawDeflate, maxOutput: maxBodyBytes) { return raw }
            if body.first == UInt8(ascii: "<") { return body }
            throw HTTPResponseError("deflate body cannot be decoded")
        case "identity", "":
            return body
        default:
            throw HTTPResponseError("unsupported Content-Encoding \"\(encoding)\"")
        }
    }
}

/// A parsed HTTP response: status, headers and the decoded body.
public struct HTTPResponse: Sendable, Hashable {
    /// Status code (200, 404, ...).
    public var status: Int
    /// Reason phrase as written ("OK").
    public var reason: String
    public var headers: HeaderFields
    /// The body with transfer and content encodings undone.
    public var body: [UInt8]

    public init(status: Int, reason: String, headers: HeaderFields, body: [UInt8]) {
        self.status = status
        self.reason = reason
        self.headers = headers
        self.body = body
    }
}

/// An HTTP message that cannot be parsed or decoded.
public struct HTTPResponseError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
