import Testing

struct ParallaxEndToEndSmokeTests {
    @Test func targetBuilds() { #expect(Bool(true)) }
}
