import Foundation

/// A simple ``HTMLBodyExtractor``: all visible text, one paragraph per block element.
///
/// Drops `script`, `style` and other non-content elements; block elements (`p`, `div`, `li`, `h1`...`h6`, `br`,
/// ...) end a paragraph; whitespace inside a paragraph collapses to one space. It keeps navigation and other
/// boilerplate of whole pages: fine for feed item bodies (fragments), a placeholder for WARC pages until a
/// main-text extractor is injected.
public struct BlockTextExtractor: HTMLBodyExtractor {
    public init() {}

    public func text(fromHTML html: [UInt8], url: String?, charset: String?) -> String {
        guard let doc = try? HTMLDocument(bytes: html, url: url, encoding: charset), let root = doc.root else {
            return ""
        }
        return Self.text(of: root)
    }

    /// The block-structured text of `node` and its descendants.
    static func text(of node: HTMLNode) -> String {
        var paragraphs: [String] = []
        var current: [UInt8] = []
        var pendingSpace = false
        func endParagraph() {
            if !current.isEmpty {
                paragraphs.append(TextNormalizer().normalize(String(decoding: current, as: UTF8.self)))
                current.removeAll(keepingCapacity: true)
            }
            pendingSpace = false
        }
        // Iterative walk with explicit exits so block ends are seen after their children.
        var stack: [(node: HTMLNode, exiting: Bool)] = [(node, false)]
        while let (n, exiting) = stack.popLast() {
            if exiting {
                endParagraph()
                continue
            }
            if n.isText {
                n.withTextBytes { bytes in
                    for c in bytes {
                        if c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 || c == 0x0C {
                            pendingSpace = !current.isEmpty
                        } else {
                            if pendingSpace { current.append(0x20) }
                            pendingSpace = false
                            current.append(c)
                        }
                    }
                }
                continue
            }
            guard n.isElement else { continue }
            let name = n.name.lowercased()
            if Self.skipped.contains(name) { continue }
            let block = Self.blocks.contains(name)
            if block {
                endParagraph()
                stack.append((n, true))
            }
            for child in n.children.reversed() { stack.append((child, false)) }
        }
        endParagraph()
        return paragraphs.filter { !$0.isEmpty }.joined(separator: "\n")
    }

    /// Elements whose content is never text to read (HTML spec: scripting, metadata, embedded content).
    private static let skipped: Set<String> = [
        "script", "style", "noscript", "template", "head", "svg", "math", "iframe", "object", "canvas", "select",
        "button", "textarea",
    ]
    /// Elements that start and end a paragraph (HTML block-level and sectioning content).
    private static let blocks: Set<String> = [
        "p", "div", "br", "hr", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
        "pre", "table", "tr", "td", "th", "thead", "tbody", "tfoot", "caption", "section", "article", "header",
        "footer", "nav", "aside", "main", "figure", "figcaption", "address", "form", "fieldset", "legend", "details",
        "summary", "body", "html",
    ]
}
