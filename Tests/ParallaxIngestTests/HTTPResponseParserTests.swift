import Testing

import ParallaxIngest

struct HTTPResponseParserTests {
    private func message(_ head: String, _ body: [UInt8]) -> [UInt8] { Array(head.utf8) + body }

    private static let html = "<html><body><p>Hello, archive.</p></body></html>"

    @Test func statusHeadersAndPlainBody() throws {
        let head = "HTTP/1.1 200 OK\r\nContent-Type: text/html; Charset=\"Windows-1251\"\r\nX-Folded: a\r\n b\r\n\r\n"
        let r = try HTTPResponseParser().parse(message(head, Array(Self.html.utf8)))
        #expect(r.status == 200)
        #expect(r.reason == "OK")
        #expect(r.headers.mediaType == "text/html")
        #expect(r.headers.charset == "windows-1251")
        #expect(r.headers["x-folded"] == "a b")
        #expect(r.body == Array(Self.html.utf8))
    }

    @Test(arguments: [1, 5, 1000])
    func chunkedThenGzipIsUndone(chunkSize: Int) throws {
        let gz = CompressionFixture.compress(Self.html)
        let head = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n\r\n"
        let r = try HTTPResponseParser().parse(message(head, WARCFixture.chunked(gz, size: chunkSize, chunkExtension: ";ext=1", trailer: "X-Trailer: yes\r\n")))
        #expect(String(decoding: r.body, as: UTF8.self) == Self.html)
    }

    @Test(arguments: [CompressionFixture.Wrapper.zlib, .raw])
    func deflateInBothForms(wrapper: CompressionFixture.Wrapper) throws {
        let head = "HTTP/1.0 200 OK\nContent-Encoding: deflate\n\n"  // LF line ends too
        let r = try HTTPResponseParser().parse(message(head, CompressionFixture.compress(Self.html, as: wrapper)))
        #expect(String(decoding: r.body, as: UTF8.self) == Self.html)
    }

    @Test func encodingsAlreadyUndoneByTheCrawlerAreTolerated() throws {
        let head = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n\r\n"
        let r = try HTTPResponseParser().parse(message(head, Array(Self.html.utf8)))
        #expect(String(decoding: r.body, as: UTF8.self) == Self.html)
    }

    @Test func truncatedChunkKeepsWhatArrived() throws {
        let head = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
        let r = try HTTPResponseParser().parse(message(head, Array("5\r\nHello\r\n10\r\nWor".utf8)))
        #expect(String(decoding: r.body, as: UTF8.self) == "HelloWor")
    }

    @Test(arguments: [
        "GET / HTTP/1.1\r\nHost: x\r\n\r\n",
        "<html>no status line</html>",
        "",
        "HTTP/1.1 abc OK\r\n\r\n",
    ])
    func notAResponseThrows(text: String) {
        #expect(throws: HTTPResponseError.self) { try HTTPResponseParser().parse(Array(text.utf8)) }
    }

    @Test func brokenGzipBodyThrows() {
        var gz = CompressionFixture.compress(String(repeating: Self.html, count: 50))
        for i in 12..<gz.count - 8 { gz[i] = 0xFF }
        let head = "HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n"
        #expect(throws: HTTPResponseError.self) { try HTTPResponseParser().parse(message(head, gz)) }
    }
}
