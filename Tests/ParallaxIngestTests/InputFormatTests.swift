import Foundation
import Testing

@testable import ParallaxIngest

struct InputFormatTests {
    @Test(arguments: [
        ("a/b.txt", InputFormat.text), ("x.TXT.gz", .text), ("d.jsonl", .jsonl), ("d.ndjson.gz", .jsonl),
        ("p.html", .html), ("p.htm.gz", .html), ("f.rss", .feed), ("f.atom", .feed), ("c.warc.gz", .warc),
        ("c.warc", .warc),
    ])
    func detectsByExtension(path: String, format: InputFormat) {
        #expect(InputFormat.fromExtension(path) == format)
    }

    @Test(arguments: ["data.json", "feed.xml", "README", "archive.gz"])
    func undecidedExtensionsAreNil(path: String) {
        #expect(InputFormat.fromExtension(path) == nil)
    }

    @Test(arguments: [
        ("WARC/1.0\r\nWARC-Type: warcinfo\r\n", InputFormat.warc),
        (#"{"version": "https://jsonfeed.org/version/1.1", "items": []}"#, .feed),
        (#"{"version":"https:\/\/jsonfeed.org\/version\/1","items":[]}"#, .feed),
        (#"{"text": "a"}"# + "\n" + #"{"text": "b"}"#, .jsonl),
        (#"<?xml version="1.0"?><rss version="2.0"><channel></channel></rss>"#, .feed),
        (#"<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">"#, .feed),
        (#"<?xml version="1.0"?><settings><option>1</option></settings>"#, .feed),
        (#"<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><body></body></html>"#, .html),
        ("<!DOCTYPE html><html><head><title>x</title></head></html>", .html),
        ("  \n<div><p>Hello</p></div>", .html),
        ("\u{FEFF}Plain words in a file.", .text),
        ("", .text),
    ])
    func sniffsContent(content: String, format: InputFormat) {
        #expect(InputFormat.sniff(Array(content.utf8)) == format)
    }

    @Test func sniffsInsideGzip() throws {
        let gz = try #require(Gzip.compress(Array("WARC/1.1\r\nWARC-Type: response\r\n".utf8)))
        #expect(InputFormat.sniff(gz) == .warc)
        #expect(InputFormat.detect(path: "archive.gz", head: gz) == .warc)
    }

    @Test func binaryIsNotAFormat() {
        #expect(InputFormat.sniff([0x00, 0x01, 0x02, 0x03, 0xFF, 0x00, 0x10, 0x11]) == nil)
    }
}
