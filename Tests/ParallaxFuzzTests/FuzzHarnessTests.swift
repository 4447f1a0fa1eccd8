import Foundation
import Testing

@testable import ParallaxFuzz

struct FuzzHarnessTests {
    @Test func injectionIsLiveMarkupOnly() {
        let m = FuzzMutator.marker
        for live in [
            "<p>x</p><script>\(m)()</script>", "<img src=x onerror=\(m)()>", "<svg onload=\"\(m)()\">",
            "<a href='javascript:\(m)()'>x</a>", "<td title=\"a\" onclick=\(m)()>",
        ] {
            #expect(HTMLInjection.find(in: live, marker: m) != nil, "\(live)")
        }
        for escaped in [
            "<td title=\"&quot;&gt;&lt;script&gt;\(m)()&lt;/script&gt;\">x</td>",
            "<p>&lt;img src=x onerror=\(m)()&gt;</p>", "<td title=\"&lt;img src=x onerror=\(m)()&gt;\">",
            "<p>javascript:\(m)()</p>", "<a href=\"https://example.com/?q=\(m)\">x</a>",
        ] {
            #expect(HTMLInjection.find(in: escaped, marker: m) == nil, "\(escaped)")
        }
    }

    @Test func casesAreDeterministicAndBounded() {
        let seeds = [
            FuzzSeed(kind: "txt", bytes: Array("Officials said the dam held.\nThe river rose on Tuesday.".utf8), origin: "a")
        ]
        let mutator = FuzzMutator(seeds: seeds + FuzzSeed.wrapped(seeds), maxBytes: 4096)
        var kinds = Set<String>()
        var families = Set<String>()
        for i in 0..<400 {
            let a = mutator.makeCase(seed: 7, index: i)
            let b = mutator.makeCase(seed: 7, index: i)
            #expect(a.bytes == b.bytes && a.families == b.families)
            #expect(a.bytes.count <= 4096)
            kinds.insert(a.kind)
            families.formUnion(a.families)
        }
        #expect(kinds == ["txt", "html", "rss", "atom", "json", "warc"])
        #expect(families.count == FuzzMutator.families.count, "\(families)")
    }

    /// The HTTP family's reading of answers: heads, lengths, chunks, and when an answer is whole.
    @Test func readsHTTPAnswers() throws {
        let plain = Array("HTTP/1.1 404 Not Found\r\nContent-Type: application/json\r\nContent-Length: 7\r\n\r\n{\"a\":1}".utf8)
        let r = try #require(ServerFuzz.parse(plain))
        #expect(r.status == 404 && r.headers["content-type"] == "application/json" && r.body == Array("{\"a\":1}".utf8))
        #expect(ServerFuzz.isComplete(plain, head: false))
        #expect(!ServerFuzz.isComplete(Array(plain.dropLast(2)), head: false))
        let chunked = Array("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2;x=y\r\nde\r\n0\r\n\r\n".utf8)
        #expect(ServerFuzz.parse(chunked)?.body == Array("abcde".utf8))
        #expect(ServerFuzz.isComplete(chunked, head: false))
        #expect(!ServerFuzz.isComplete(Array(chunked.dropLast(5)), head: false))
        #expect(ServerFuzz.dechunk(Array("5\r\nab".utf8)) == nil)
        #expect(ServerFuzz.parse(Array("garbage\r\n\r\n".utf8)) == nil)
        #expect(ServerFuzz.parse(Array("HTTP/1.1 200 OK\r\n".utf8)) == nil)
    }

    /// Requests are the same for a case on every run; well-formed ones count their body.
    @Test func requestsAreDeterministic() {
        let mutator = FuzzMutator(seeds: [FuzzSeed(kind: "txt", bytes: Array("A dam burst.".utf8), origin: "a")], maxBytes: 2048)
        let fuzz = ServerFuzz(binary: "/bin/false", workDirectory: "/tmp/x", timeout: 1, memoryLimitBytes: 1 << 30)
        let session = ServerFuzz.Session(process: Process(), port: 1)
        session.stories = ["s-1"]
        session.articles = ["a-1"]
        var methods = Set<String>()
        for i in 0..<300 {
            let a = fuzz.makeRequest(seed: 3, index: i, session: session, mutator: mutator)
            let b = fuzz.makeRequest(seed: 3, index: i, session: session, mutator: mutator)
            #expect(a.bytes == b.bytes && a.wellFormed == b.wellFormed)
            methods.insert(String(decoding: a.bytes.prefix { $0 != 0x20 }, as: UTF8.self))
            if a.wellFormed, let end = a.bytes.firstRange(of: Array("\r\n\r\n".utf8))?.lowerBound {
                let head = String(decoding: a.bytes[..<end], as: UTF8.self)
                #expect(head.contains("Content-Length: \(a.bytes.count - end - 4)"))
            }
        }
        #expect(methods.isSuperset(of: ["GET", "POST", "HEAD", "DELETE"]))
    }
}
