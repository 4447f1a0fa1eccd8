import Testing

import ParallaxIngest

struct WARCRecordParserTests {
    private func parse(_ bytes: [UInt8], chunk: Int, parser initial: WARCRecordParser = WARCRecordParser())
        -> (records: [WARCRecord], issues: [String])
    {
        var parser = initial
        var records: [WARCRecord] = []
        var issues: [String] = []
        let handle: (WARCRecordParser.Event) -> Void = { event in
            switch event {
            case .record(let r): records.append(r)
            case .issue(let location, _, let message): issues.append("\(location ?? ""): \(message)")
            }
        }
        var start = 0
        while start < bytes.count {
            let end = min(start + chunk, bytes.count)
            bytes[start..<end].withUnsafeBufferPointer { parser.consume($0, emit: handle) }
            start = end
        }
        parser.finish(emit: handle)
        return (records, issues)
    }

    private static let three =
        WARCFixture.record(type: "warcinfo", id: "1", contentType: "application/warc-fields",
            block: Array("software: test\r\n".utf8))
        + WARCFixture.record(type: "resource", uri: "http://a.example/", id: "2", contentType: "text/html",
            block: Array("<p>A</p>".utf8))
        + WARCFixture.record(type: "metadata", id: "3", block: [])

    @Test(arguments: [1, 2, 13, 1 << 16])
    func recordsInAnyChunkSize(chunk: Int) {
        let (records, issues) = parse(Self.three, chunk: chunk)
        #expect(issues.isEmpty)
        #expect(records.map(\.number) == [1, 2, 3])
        #expect(records.map(\.type) == ["warcinfo", "resource", "metadata"])
        #expect(records[1].targetURI == "http://a.example/")
        #expect(records[1].id == "<urn:uuid:2>")
        #expect(records[1].block == Array("<p>A</p>".utf8))
        #expect(records[0].version == "WARC/1.0")
    }

    @Test func declinedAndOversizeBlocksAreNotKept() {
        let parser = WARCRecordParser(maxRecordBytes: 5) { $0["WARC-Type"] != "warcinfo" }
        let (records, issues) = parse(Self.three, chunk: 7, parser: parser)
        #expect(records.map(\.block.count) == [0, 0, 0])
        #expect(issues.count == 1)
        #expect(issues.first?.contains("record 2 (<urn:uuid:2>)") == true)
        #expect(issues.first?.contains("limit") == true)
    }

    @Test func damageIsSkippedUpToTheNextRecord() {
        let noLength = Array("WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:x>\r\n\r\nbody\r\n\r\n".utf8)
        let garbage = Array("some junk that is not a record\n".utf8)
        let input = noLength + Self.three + garbage + Self.three
        let (records, issues) = parse(input, chunk: 5)
        #expect(records.count == 6)
        #expect(records.map(\.number) == [2, 3, 4, 5, 6, 7])
        #expect(issues.count == 2)
        #expect(issues[0].contains("record 1 (<urn:uuid:x>)"))
        #expect(issues[0].contains("Content-Length"))
        #expect(issues[1].contains("before record 5"))
    }

    @Test func truncatedRecordIsReported() {
        let input = Array(Self.three.dropLast(20))
        let (records, issues) = parse(input, chunk: 1000)
        #expect(records.count == 2)
        #expect(issues.count == 1)
        #expect(issues.first?.contains("record 3") == true)
    }
}
