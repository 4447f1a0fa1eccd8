import Testing

@testable import ParallaxReport

struct ReportRendererTests {
    @Test func dispatchesToEachRenderer() {
        let r = ReportFixture.report
        #expect(ReportRenderer.render(r, format: .text) == TextRenderer().render(r))
        #expect(ReportRenderer.render(r, format: .text, color: true) == TextRenderer(color: true).render(r))
        #expect(ReportRenderer.render(r, format: .json) == JSONRenderer().render(r))
        #expect(ReportRenderer.render(r, format: .ndjson) == NDJSONRenderer().render(r))
        #expect(ReportRenderer.render(r, format: .markdown) == MarkdownRenderer().render(r))
        #expect(ReportRenderer.render(r, format: .html, color: true) == HTMLRenderer().render(r))
    }

    @Test(arguments: ReportFormat.allCases)
    func everyFormatRendersSomething(format: ReportFormat) {
        #expect(ReportRenderer.render(ReportFixture.report, format: format).contains("Harlow"))
        #expect(ReportFormat(rawValue: format.rawValue) == format)
        #expect(!format.fileExtension.isEmpty)
    }
}
