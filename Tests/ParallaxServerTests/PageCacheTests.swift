import Hummingbird
import Testing

@testable import ParallaxServer

struct PageCacheTests {
    @Test func evictsTheLeastRecentlyUsedAndHoldsOneGeneration() async {
        let cache = PageCache(maxEntries: 2, maxBytes: 1 << 20)
        await cache.put("a", .init(generation: 1, body: ByteBuffer(string: "A"), type: "text/plain"))
        await cache.put("b", .init(generation: 1, body: ByteBuffer(string: "B"), type: "text/plain"))
        #expect(await cache.get("a", generation: 1) != nil)  // "a" is now the most recently used
        await cache.put("c", .init(generation: 1, body: ByteBuffer(string: "C"), type: "text/plain"))
        #expect(await cache.contains("a"))
        #expect(await !cache.contains("b"))
        #expect(await cache.contains("c"))
        #expect(await cache.get("a", generation: 2) == nil)  // a write since: stale
    }

    @Test func staysWithinItsBytes() async {
        let cache = PageCache(maxEntries: 100, maxBytes: 10)
        for key in ["a", "b", "c"] {
            await cache.put(key, .init(generation: 1, body: ByteBuffer(string: "12345"), type: "text/plain"))
        }
        #expect(await !cache.contains("a"))
        #expect(await cache.contains("b"))
        #expect(await cache.contains("c"))
    }
}
