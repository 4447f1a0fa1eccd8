/// Builds WARC records for tests, the way crawlers write them.
enum WARCFixture {
    /// One record: version line, headers (`Content-Length` added), block, and the `\r\n\r\n` record end.
    static func record(
        type: String, uri: String? = nil, id: String, date: String = "2024-05-31T12:00:00Z",
        contentType: String? = nil, block: [UInt8], extraHeaders: [String] = []
    ) -> [UInt8] {
        var head = "WARC/1.0\r\nWARC-Type: \(type)\r\nWARC-Record-ID: <urn:uuid:\(id)>\r\nWARC-Date: \(date)\r\n"
        if let uri { head += "WARC-Target-URI: \(uri)\r\n" }
        if let contentType { head += "Content-Type: \(contentType)\r\n" }
        for h in extraHeaders { head += h + "\r\n" }
        head += "Content-Length: \(block.count)\r\n\r\n"
        return Array(head.utf8) + block + Array("\r\n\r\n".utf8)
    }

    /// A `response` record holding an HTTP response with `httpHeaders` and `body`.
    static func response(
        uri: String, id: String, status: String = "200 OK", httpHeaders: [String], body: [UInt8],
        date: String = "2024-05-31T12:00:00Z"
    ) -> [UInt8] {
        let head = "HTTP/1.1 \(status)\r\n" + httpHeaders.map { $0 + "\r\n" }.joined() + "\r\n"
        return record(
            type: "response", uri: uri, id: id, date: date, contentType: "application/http; msgtype=response",
            block: Array(head.utf8) + body)
    }

    static func page(_ title: String, _ paragraphs: [String]) -> [UInt8] {
        let ps = paragraphs.map { "<p>\($0)</p>" }.joined()
        return Array("<!DOCTYPE html><html lang=\"en\"><head><title>\(title)</title><script>var x=1;</script></head><body>\(ps)</body></html>".utf8)
    }

    /// `body` with HTTP chunked transfer encoding, `size` bytes per chunk, each size line with `chunkExtension`.
    static func chunked(_ body: [UInt8], size: Int, chunkExtension: String = "", trailer: String = "") -> [UInt8] {
        var out: [UInt8] = []
        var start = 0
        while start < body.count {
            let end = min(start + size, body.count)
            out += Array("\(String(end - start, radix: 16))\(chunkExtension)\r\n".utf8) + body[start..<end]
                + Array("\r\n".utf8)
            start = end
        }
        return out + Array("0\r\n\(trailer)\r\n".utf8)
    }
}
