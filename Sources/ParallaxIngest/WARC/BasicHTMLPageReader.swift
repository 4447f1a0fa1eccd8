/// A simple ``HTMLPageReader``: `<title>` as the title, `<html lang>` as the language, the text from an
/// ``HTMLBodyExtractor``, the capture day as the publication day.
public struct BasicHTMLPageReader: HTMLPageReader {
    /// Extracts the text of the page.
    public var extractor: any HTMLBodyExtractor

    public init(extractor: any HTMLBodyExtractor = BlockTextExtractor()) {
        self.extractor = extractor
    }

    public func read(_ page: HTMLPage) -> IngestEvent {
        let doc: HTMLDocument
        do { doc = try HTMLDocument(bytes: page.html, url: page.url, encoding: page.charset) } catch {
            return .issue(IngestIssue(input: page.source, message: "HTML page cannot be parsed: \(error)"))
        }
        // The default extractor reuses the tree parsed here instead of parsing the page again.
        let text: String
        if extractor is BlockTextExtractor, let root = doc.root {
            text = BlockTextExtractor.text(of: root)
        } else {
            text = extractor.text(fromHTML: page.html, url: page.url, charset: page.charset)
        }
        guard !text.isEmpty else {
            return .issue(IngestIssue(input: page.source, message: "HTML page has no text"))
        }
        var titleNode: HTMLNode?
        doc.root?.walk { node in
            if titleNode != nil || node.hasName("body") { return false }  // the title lives in <head>
            if node.hasName("title") { titleNode = node }
            return titleNode == nil
        }
        let title = titleNode.map { TextNormalizer().normalize($0.text) }
        let language = doc.root?.attribute("lang").flatMap { $0.isEmpty ? nil : $0 }
        return .article(
            Article(
                id: page.id, source: page.source, url: page.url, title: title?.isEmpty == false ? title : nil,
                published: page.captured, language: language, text: text))
    }
}
