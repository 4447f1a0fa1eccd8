import Testing

struct ParallaxAnalysisSmokeTests {
    @Test func targetBuilds() { #expect(Bool(true)) }
}
