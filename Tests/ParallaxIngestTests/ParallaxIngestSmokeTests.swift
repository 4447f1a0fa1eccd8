import Testing

struct ParallaxIngestSmokeTests {
    @Test func targetBuilds() { #expect(Bool(true)) }
}
