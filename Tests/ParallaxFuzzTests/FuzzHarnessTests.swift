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
}
