import Testing

struct ParallaxReportSmokeTests {
    @Test func targetBuilds() { #expect(Bool(true)) }
}
