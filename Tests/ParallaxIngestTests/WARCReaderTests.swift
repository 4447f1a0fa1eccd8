import Foundation
import Testing

import ParallaxIngest

struct WARCReaderTests {
    private struct Result {
        var articles: [Article] = []
        var issues: [IngestIssue] = []
        var stats = WARCReader.Statistics()
    }

    private func read(_ bytes: [UInt8], reader: WARCReader = WARCReader(chunkSize: 4096)) throws -> Result {
        var r = Result()
        r.stats = try reader.readCounting(.bytes(bytes, name: "crawl.warc")) { event in
            switch event {
            case .article(let a): r.articles.append(a)
            case .issue(let i): r.issues.append(i)
            }
        }
        return r
    }

    /// A crawl with one record of each kind a crawler writes; two of them are HTML pages.
    private static let records: [[UInt8]] = {
        let page1 = WARCFixture.page("Bridge reopens", ["The bridge reopened on Friday.", "Traffic is back."])
        let chunked = WARCFixture.chunked(CompressionFixture.compress(page1), size: 100)
        let page2 = WARCFixture.page("Resource page", ["Stored as a resource."])
        return [
            WARCFixture.record(type: "warcinfo", id: "info", contentType: "application/warc-fields",
                block: Array("software: test-crawler\r\nformat: WARC File Format 1.0\r\n".utf8)),
            WARCFixture.record(type: "request", uri: "https://news.example/bridge", id: "req",
                contentType: "application/http; msgtype=request",
                block: Array("GET /bridge HTTP/1.1\r\nHost: news.example\r\n\r\n".utf8)),
            WARCFixture.response(uri: "https://news.example/bridge", id: "resp-html",
                httpHeaders: ["Content-Type: text/html; charset=UTF-8", "Transfer-Encoding: chunked",
                    "Content-Encoding: gzip"],
                body: chunked, date: "2024-05-31T22:10:00Z"),
            WARCFixture.response(uri: "https://news.example/logo.png", id: "resp-png",
                httpHeaders: ["Content-Type: image/png"], body: [0x89, 0x50, 0x4E, 0x47]),
            WARCFixture.response(uri: "https://news.example/gone", id: "resp-404", status: "404 Not Found",
                httpHeaders: ["Content-Type: text/html"], body: WARCFixture.page("Not found", ["Nothing here."])),
            WARCFixture.record(type: "metadata", uri: "https://news.example/bridge", id: "meta",
                contentType: "application/warc-fields", block: Array("outlink: https://x.example/\r\n".utf8)),
            WARCFixture.record(type: "resource", uri: "https://news.example/res", id: "res", date: "2024-06-01T00:00:00Z",
                contentType: "text/html", block: page2),
        ]
    }()

    private func expectTwoPages(_ r: Result) {
        #expect(r.articles.count == 2)
        guard r.articles.count == 2 else { return }
        let a = r.articles[0]
        #expect(a.url == "https://news.example/bridge")
        #expect(a.title == "Bridge reopens")
        #expect(a.text == "The bridge reopened on Friday.\nTraffic is back.")
        #expect(a.published == Day(year: 2024, month: 5, day: 31))
        #expect(a.source == "crawl.warc#record-3")
        #expect(a.id == ArticleIdentity.id(url: a.url, text: "") && a.url != nil)
        #expect(a.language == "en")
        #expect(r.articles[1].url == "https://news.example/res")
        #expect(r.articles[1].text == "Stored as a resource.")
        #expect(r.articles[1].published == Day(year: 2024, month: 6, day: 1))
        #expect(r.stats.records == 7)
        #expect(r.stats.pages == 2)
    }

    @Test func plainWARC() throws {
        let r = try read(Self.records.flatMap { $0 })
        #expect(r.issues.isEmpty)
        expectTwoPages(r)
    }

    @Test func gzipMemberPerRecord() throws {
        let r = try read(Self.records.flatMap { CompressionFixture.compress($0) })
        #expect(r.issues.isEmpty)
        expectTwoPages(r)
        #expect(r.stats.inputBytes < r.stats.warcBytes)
    }

    @Test func oneGzipStreamOverTheWholeFile() throws {
        let r = try read(CompressionFixture.compress(Self.records.flatMap { $0 }))
        #expect(r.issues.isEmpty)
        expectTwoPages(r)
    }

    @Test func brokenRecordIsReportedAndReadingGoesOn() throws {
        let broken = Array("WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:bad>\r\n\r\nxx\r\n\r\n".utf8)
        var records = Self.records
        records.insert(broken, at: 2)
        let r = try read(records.flatMap { CompressionFixture.compress($0) })
        #expect(r.articles.count == 2)
        #expect(r.issues.count == 1)
        #expect(r.issues.first?.input == "crawl.warc")
        #expect(r.issues.first?.location == "record 3 (<urn:uuid:bad>)")
    }

    @Test func corruptGzipMemberLosesOnlyItsRecord() throws {
        var members = Self.records.map { CompressionFixture.compress($0) }
        for i in 15..<40 { members[2][i] ^= 0xA5 }  // the chunked+gzip HTML response
        let r = try read(members.flatMap { $0 })
        #expect(r.articles.map(\.url) == ["https://news.example/res"])
        #expect(r.issues.count == 1)
        #expect(r.issues.first?.message.contains("gzip") == true)
    }

    @Test func truncatedGzipIsReported() throws {
        let members = Self.records.map { CompressionFixture.compress($0) }
        let whole = members.flatMap { $0 }
        let r = try read(Array(whole.prefix(whole.count - members.last!.count / 2)))
        #expect(r.articles.count == 1)
        #expect(r.issues.count == 1)
        #expect(r.issues.first?.location?.hasPrefix("record 7") == true)
        #expect(r.issues.first?.message.contains("truncated") == true)
    }

    @Test func oversizeRecordIsSkippedWithAnIssue() throws {
        // The gzipped HTML response is over the limit; the resource page and the small 404 are under it.
        let limit = Self.records.last!.count - 60
        let r = try read(Self.records.flatMap { $0 }, reader: WARCReader(maxRecordBytes: limit, chunkSize: 4096))
        #expect(r.articles.map(\.url) == ["https://news.example/res"])
        #expect(r.issues.map(\.location) == ["record 3 (<urn:uuid:resp-html>)"])
        #expect(r.issues.allSatisfy { $0.message.contains("limit") })
    }

    @Test func injectedPageReaderGetsThePage() throws {
        struct Recorder: HTMLPageReader {
            func read(_ page: HTMLPage) -> IngestEvent {
                .article(Article(id: page.source, source: page.source, title: page.charset, text: "\(page.html.count)"))
            }
        }
        let r = try read(Self.records.flatMap { $0 }, reader: WARCReader(pageReader: Recorder()))
        #expect(r.articles.map(\.title) == ["utf-8", nil])
        #expect(r.articles.map(\.url) == ["https://news.example/bridge", "https://news.example/res"])
        #expect(r.articles.first?.text == "\(WARCFixture.page("Bridge reopens", ["The bridge reopened on Friday.", "Traffic is back."]).count)")
    }

    @Test(arguments: ["<html><body>not an archive</body></html>", ""])
    func notAWARCIsOneIssue(text: String) throws {
        let r = try read(Array(text.utf8))
        #expect(r.articles.isEmpty)
        #expect(r.issues.count == 1)
        #expect(r.issues.first?.input == "crawl.warc")
    }

    /// Damaged archives (bytes flipped, cut anywhere) never crash or hang; the pages that survive are still read.
    @Test(arguments: 1...24)
    func damagedArchivesAreSurvived(seed: UInt64) throws {
        var state = seed &* 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        let plain = Self.records.flatMap { $0 }
        let gzipped = Self.records.flatMap { CompressionFixture.compress($0) }
        for original in [plain, gzipped] {
            var bytes = original
            for _ in 0..<(1 + next(8)) { bytes[next(bytes.count)] = UInt8(next(256)) }
            if next(2) == 0 { bytes = Array(bytes.prefix(next(bytes.count))) }
            let r = try read(bytes)
            #expect(r.articles.count <= 2)
            #expect(r.stats.records <= Self.records.count + 1)
        }
    }

    @Test func missingFileThrows() {
        #expect(throws: IngestIssue.self) {
            try WARCReader().read(.file("/nonexistent/crawl.warc.gz")) { _ in }
        }
    }

    @Test func readsFromAFile() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("parallax-\(UUID()).warc.gz").path
        let data = Data(Self.records.flatMap { CompressionFixture.compress($0) })
        try data.write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        var articles: [Article] = []
        try WARCReader().read(.file(path)) { if case .article(let a) = $0 { articles.append(a) } }
        #expect(articles.count == 2)
        #expect(articles.first?.source == path + "#record-3")
    }
}
