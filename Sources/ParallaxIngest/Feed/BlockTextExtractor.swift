import CLibXML2
import Foundation

/// A simple ``HTMLBodyExtractor``: all visible text, one paragraph per block element.
///
/// Drops `script`, `style` and other non-content elements; block elements (`p`, `div`, `li`, `h1`...`h6`, `br`,
/// ...) end a paragraph; whitespace inside a paragraph collapses to one space. It keeps navigation and other
/// boilerplate of whole pages: fine for feed item bodies (fragments), a placeholder for WARC pages until a
/// main-text extractor is injected.
public struct BlockTextExtractor: HTMLBodyExtractor {
    public init() {}

    /// Paragraphs are normalized as they are built.
    public var producesNormalizedText: Bool { true }

    public func text(fromHTML html: [UInt8], url: String?, charset: String?) -> String {
        guard let doc = try? HTMLDocument(bytes: html, url: url, encoding: charset), let root = doc.root else {
            return ""
        }
        return Self.text(of: root)
    }

    /// The block-structured text of `node` and its descendants. O(n) in the size of the subtree; works on
    /// libxml2's nodes and bytes directly (no String per element).
    static func text(of node: HTMLNode) -> String {
        var paragraphs: [String] = []
        var current: [UInt8] = []
        var pendingSpace = false
        var ascii = true
        func endParagraph() {
            if !current.isEmpty {
                // Only non-ASCII text can need Unicode normalization; ASCII is already clean here.
                let raw = String(decoding: current, as: UTF8.self)
                paragraphs.append(ascii ? raw : TextNormalizer().normalize(raw))
                current.removeAll(keepingCapacity: true)
            }
            pendingSpace = false
            ascii = true
        }
        // Iterative walk; an element is pushed again as `exiting` so a block ends after its children.
        var stack: [(node: xmlNodePtr, exiting: Bool)] = [(node.ptr, false)]
        while let (n, exiting) = stack.popLast() {
            if exiting {
                endParagraph()
                continue
            }
            let type = n.pointee.type
            if type == XML_TEXT_NODE || type == XML_CDATA_SECTION_NODE {
                guard var p = n.pointee.content else { continue }
                while p.pointee != 0 {
                    let c = p.pointee
                    p += 1
                    if c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 || c == 0x0C {
                        pendingSpace = !current.isEmpty
                    } else if c >= 0x20, c != 0x7F {
                        if pendingSpace { current.append(0x20) }
                        pendingSpace = false
                        if c >= 0x80 { ascii = false }
                        current.append(c)
                    }
                }
                continue
            }
            guard type == XML_ELEMENT_NODE, let name = n.pointee.name else { continue }
            let key = Self.key(name)
            if Self.skipped.contains(key) { continue }
            if Self.blocks.contains(key) {
                endParagraph()
                stack.append((n, true))
            }
            var child = n.pointee.last
            while let c = child {
                stack.append((c, false))
                child = c.pointee.prev
            }
        }
        endParagraph()
        return paragraphs.filter { !$0.isEmpty }.joined(separator: "\n")
    }

    /// FNV-1a hash of a lowercased tag name, so element names are looked up without making Strings.
    private static func key(_ name: UnsafePointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        var p = name
        while p.pointee != 0 {
            var c = p.pointee
            if c >= 0x41, c <= 0x5A { c += 0x20 }
            h = (h ^ UInt64(c)) &* 0x100_0000_01b3
            p += 1
        }
        return h
    }

    private static func key(_ name: String) -> UInt64 {
        name.withCString { $0.withMemoryRebound(to: UInt8.self, capacity: 1) { key($0) } }
    }

    /// Elements whose content is never text to read (HTML spec: scripting, metadata, embedded content).
    private static let skipped: Set<UInt64> = Set([
        "script", "style", "noscript", "template", "head", "svg", "math", "iframe", "object", "canvas", "select",
        "button", "textarea",
    ].map(key))
    /// Elements that start and end a paragraph (HTML block-level and sectioning content).
    private static let blocks: Set<UInt64> = Set([
        "p", "div", "br", "hr", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
        "pre", "table", "tr", "td", "th", "thead", "tbody", "tfoot", "caption", "section", "article", "header",
        "footer", "nav", "aside", "main", "figure", "figcaption", "address", "form", "fieldset", "legend", "details",
        "summary", "body", "html",
    ].map(key))
}
