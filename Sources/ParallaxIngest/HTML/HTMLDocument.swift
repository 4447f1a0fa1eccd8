import CLibXML2

/// A parsed HTML page: a thin, read-only view over libxml2's HTML parser tree.
///
/// libxml2 was chosen over gumbo for speed (about 4x faster on messy pages here; see `docs/HTML-PARSER.md`).
/// The parser recovers from broken markup and never touches the network. Not thread-safe: use one document per
/// thread; parse many pages concurrently with one document each.
public final class HTMLDocument {
    let doc: htmlDocPtr
    /// Script bodies and comments cut before parsing (``HTMLPrefilter/filter(_:keepingHidden:hidden:)``), for
    /// the date search; empty when nothing was cut.
    var hiddenText: [UInt8] = []

    /// Parses HTML bytes. `encoding` is an IANA charset name ("utf-8", "windows-1251"); `nil` lets libxml2 use
    /// the BOM and `<meta charset>`, falling back to UTF-8 when unsure.
    /// Throws ``HTMLParseError`` when libxml2 returns no tree (e.g. empty input).
    public init(bytes: [UInt8], url: String? = nil, encoding: String? = nil) throws(HTMLParseError) {
        guard !bytes.isEmpty else { throw HTMLParseError(message: "empty document") }
        guard bytes.count <= Int(Int32.max) else { throw HTMLParseError(message: "document too large") }
        // NUL bytes would end libxml2's input early; none is text (UTF-16 and UTF-32 excepted).
        let charset = (encoding ?? "").lowercased()
        let wide = charset.hasPrefix("utf-16") || charset.hasPrefix("utf-32")
            || (bytes.count >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)))
        let bytes = !wide && bytes.contains(0) ? bytes.filter { $0 != 0 } : bytes
        guard !bytes.isEmpty else { throw HTMLParseError(message: "empty document") }
        let options = Int32(
            HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
                | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue | HTML_PARSE_NOBLANKS.rawValue)
        parallax_silence_libxml2()
        let parsed: htmlDocPtr? = bytes.withUnsafeBufferPointer { buf in
            buf.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buf.count) { p in
                htmlReadMemory(p, Int32(buf.count), url, encoding, options)
            }
        }
        guard let parsed else { throw HTMLParseError(message: "libxml2 could not parse the document") }
        self.doc = parsed
    }

    deinit { xmlFreeDoc(doc) }

    /// The `<html>` element (or whatever the root element is).
    public var root: HTMLNode? {
        guard let r = xmlDocGetRootElement(doc) else { return nil }
        return HTMLNode(r, owner: self)
    }

    /// The encoding libxml2 decoded the page with, when it reports one.
    public var encoding: String? {
        guard let e = doc.pointee.encoding else { return nil }
        return String(cString: e)
    }

    /// All elements named `name` (lowercase), in document order.
    public func elements(named name: String) -> [HTMLNode] {
        var out: [HTMLNode] = []
        root?.walk { node in
            if node.isElement, node.name == name { out.append(node) }
            return true
        }
        return out
    }
}

/// An error from the HTML parser.
public struct HTMLParseError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

/// One node of an ``HTMLDocument``: an element, a text node or a comment. Valid while its document lives
/// (the node keeps its document alive).
public struct HTMLNode {
    let ptr: xmlNodePtr
    let owner: HTMLDocument

    init(_ ptr: xmlNodePtr, owner: HTMLDocument) {
        self.ptr = ptr
        self.owner = owner
    }

    public var isElement: Bool { ptr.pointee.type == XML_ELEMENT_NODE }
    public var isText: Bool { ptr.pointee.type == XML_TEXT_NODE || ptr.pointee.type == XML_CDATA_SECTION_NODE }
    public var isComment: Bool { ptr.pointee.type == XML_COMMENT_NODE }

    /// Lowercase tag name for elements (`"div"`), `"text"` for text nodes.
    public var name: String {
        guard let n = ptr.pointee.name else { return "" }
        return String(cString: n)
    }

    /// Whether this element's tag name equals `lowercaseName`, without allocating a String.
    public func hasName(_ lowercaseName: StaticString) -> Bool {
        guard let n = ptr.pointee.name else { return false }
        return lowercaseName.withUTF8Buffer { want in
            var i = 0
            while i < want.count {
                if n[i] != want[i] { return false }
                i += 1
            }
            return n[i] == 0
        }
    }

    /// The value of attribute `name`, if present.
    public func attribute(_ name: String) -> String? {
        guard isElement, let v = xmlGetProp(ptr, name) else { return nil }
        defer { free(v) }
        return String(cString: v)
    }

    /// All attributes as (name, value) pairs, in source order.
    public var attributes: [(name: String, value: String)] {
        var out: [(String, String)] = []
        var a = ptr.pointee.properties
        while let attr = a {
            let name = attr.pointee.name.map { String(cString: $0) } ?? ""
            var value = ""
            if let v = xmlNodeListGetString(ptr.pointee.doc, attr.pointee.children, 1) {
                value = String(cString: v)
                free(v)
            }
            out.append((name, value))
            a = attr.pointee.next
        }
        return out
    }

    /// The text of a text node (entities decoded); for elements, the concatenated text of all descendants.
    public var text: String {
        if isText, let c = ptr.pointee.content { return String(cString: c) }
        guard let c = xmlNodeGetContent(ptr) else { return "" }
        defer { free(c) }
        return String(cString: c)
    }

    /// Calls `body` with the raw UTF-8 bytes of a text node's content (no copy). Empty for other nodes.
    public func withTextBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        guard isText, let c = ptr.pointee.content else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
        return body(UnsafeBufferPointer(start: c, count: strlen(UnsafeRawPointer(c).assumingMemoryBound(to: CChar.self))))
    }

    public var parent: HTMLNode? {
        guard let p = ptr.pointee.parent, p.pointee.type == XML_ELEMENT_NODE else { return nil }
        return HTMLNode(p, owner: owner)
    }

    public var firstChild: HTMLNode? { ptr.pointee.children.map { HTMLNode($0, owner: owner) } }
    public var nextSibling: HTMLNode? { ptr.pointee.next.map { HTMLNode($0, owner: owner) } }
    public var previousSibling: HTMLNode? { ptr.pointee.prev.map { HTMLNode($0, owner: owner) } }

    /// Child nodes, in order.
    public var children: [HTMLNode] {
        var out: [HTMLNode] = []
        var c = ptr.pointee.children
        while let n = c {
            out.append(HTMLNode(n, owner: owner))
            c = n.pointee.next
        }
        return out
    }

    /// Child elements, in order.
    public var elementChildren: [HTMLNode] { children.filter(\.isElement) }

    /// Depth-first pre-order walk of this node and its descendants. `visit` returns `false` to skip a node's
    /// children. Iterative, so deep trees cannot overflow the stack.
    public func walk(_ visit: (HTMLNode) -> Bool) {
        var stack: [xmlNodePtr] = [ptr]
        while let n = stack.popLast() {
            let node = HTMLNode(n, owner: owner)
            guard visit(node) else { continue }
            // Push children in reverse so they pop in document order.
            var last = n.pointee.last
            while let c = last {
                stack.append(c)
                last = c.pointee.prev
            }
        }
    }

    /// A stable identity for the node within its document (for dictionaries keyed by node).
    public var identity: UnsafeMutableRawPointer { UnsafeMutableRawPointer(ptr) }
}
