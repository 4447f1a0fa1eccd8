import CLibXML2
import Foundation

/// Parses RSS 2.0 (and RSS 0.9x / 1.0 RDF) and Atom feeds with libxml2's XML parser into a ``Feed``.
///
/// Never touches the network and does not expand external entities; recovers from malformed XML where libxml2
/// can. Elements are matched by local name, so namespace prefixes (`content:encoded`, `dc:creator`) may vary.
struct XMLFeedParser {
    private static let atomNamespace = "http://www.w3.org/2005/Atom"

    /// The feed in `bytes`, or an error message (not XML, or XML that is not a feed).
    func parse(_ bytes: [UInt8], url: String?) -> Result<(feed: Feed, warning: String?), FeedParseError> {
        guard bytes.count <= Int(Int32.max) else { return .failure(FeedParseError("too large", kind: .tooLarge)) }
        guard let ctxt = xmlNewParserCtxt() else { return .failure(FeedParseError("libxml2 could not start", kind: .other)) }
        defer { xmlFreeParserCtxt(ctxt) }
        let options = Int32(
            XML_PARSE_NONET.rawValue | XML_PARSE_RECOVER.rawValue | XML_PARSE_NOERROR.rawValue
                | XML_PARSE_NOWARNING.rawValue | XML_PARSE_NOCDATA.rawValue | XML_PARSE_COMPACT.rawValue)
        parallax_silence_libxml2()
        let doc: xmlDocPtr? = bytes.withUnsafeBufferPointer { buf in
            buf.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buf.count) { p in
                xmlCtxtReadMemory(ctxt, p, Int32(buf.count), url, nil, options)
            }
        }
        let error = Self.errorText(ctxt.pointee.lastError)
        guard let doc else { return .failure(FeedParseError("not XML (\(error ?? "no document"))", kind: .notXML)) }
        defer { xmlFreeDoc(doc) }
        guard let root = xmlDocGetRootElement(doc) else {
            return .failure(FeedParseError("not XML (\(error ?? "no root element"))", kind: .notXML))
        }
        let warning = ctxt.pointee.wellFormed == 0 ? error.map { "malformed XML, read what could be recovered: \($0)" }
            : nil
        switch Self.name(root) {
        case "rss":
            guard let channel = Self.children(root, named: "channel").first else {
                return .failure(FeedParseError("RSS feed without a <channel>", kind: .notFeed))
            }
            return .success((rss(channel: channel, items: Self.children(channel, named: "item"), url: url), warning))
        case "RDF":
            guard let channel = Self.children(root, named: "channel").first else {
                return .failure(FeedParseError("RSS 1.0 feed without a <channel>", kind: .notFeed))
            }
            return .success((rss(channel: channel, items: Self.children(root, named: "item"), url: url), warning))
        case "feed":
            return .success((atom(feed: root), warning))
        case let other:
            return .failure(FeedParseError("XML but not a feed (root element <\(other)>, expected <rss> or <feed>)", kind: .notFeed))
        }
    }

    // MARK: RSS

    private func rss(channel: xmlNodePtr, items: [xmlNodePtr], url: String?) -> Feed {
        var feed = Feed()
        feed.title = Self.childText(channel, "title")
        feed.language = Self.childText(channel, "language")
        let base = Self.childText(channel, "link", excludingNamespace: Self.atomNamespace) ?? url
        for node in items {
            var item = FeedItem()
            item.title = Self.childText(node, "title")
            let link = Self.childText(node, "link", excludingNamespace: Self.atomNamespace)
            item.url = link.map { FeedReader.resolve($0, against: base) }
            if let guid = Self.children(node, named: "guid").first {
                let value = Self.text(guid).trimmingWhitespace()
                if !value.isEmpty {
                    item.id = value
                    let permalink = Self.attribute(guid, "isPermaLink")?.lowercased() != "false"
                    if item.url == nil, permalink, value.hasPrefix("http") { item.url = value }
                }
            }
            item.date = Self.childText(node, "pubDate") ?? Self.childText(node, "date")
            for a in Self.children(node, named: "author") + Self.children(node, named: "creator") {
                if let name = Self.authorName(Self.text(a)) { item.authors.append(name) }
            }
            for name in ["encoded", "description"] {
                if let html = Self.childText(node, name) { item.bodies.append(.html(Array(html.utf8))) }
            }
            feed.items.append(item)
        }
        return feed
    }

    /// The name in an RSS `author` (`jdoe@example.com (John Doe)` -> `John Doe`), or the text itself.
    private static func authorName(_ raw: String) -> String? {
        let s = raw.trimmingWhitespace()
        if let open = s.firstIndex(of: "("), let close = s.lastIndex(of: ")"), open < close, s.contains("@") {
            let inner = s[s.index(after: open)..<close].trimmingCharacters(in: .whitespaces)
            return inner.isEmpty ? nil : inner
        }
        return s.isEmpty ? nil : s
    }

    // MARK: Atom

    private func atom(feed root: xmlNodePtr) -> Feed {
        var feed = Feed()
        feed.title = Self.childText(root, "title")
        feed.language = Self.attribute(root, "lang")
        let feedLink = Self.alternateLink(root)
        let feedAuthors = Self.atomAuthors(root)
        for node in Self.children(root, named: "entry") {
            var item = FeedItem()
            item.title = Self.childText(node, "title")
            item.id = Self.childText(node, "id")
            item.url = Self.alternateLink(node).map { FeedReader.resolve($0, against: feedLink) }
            item.date = Self.childText(node, "published") ?? Self.childText(node, "updated")
            item.authors = Self.atomAuthors(node)
            if item.authors.isEmpty { item.authors = feedAuthors }
            for name in ["content", "summary"] {
                for c in Self.children(node, named: name) where Self.attribute(c, "src") == nil {
                    if let body = Self.atomBody(c) { item.bodies.append(body) }
                }
            }
            feed.items.append(item)
        }
        return feed
    }

    /// `href` of the `link` with `rel="alternate"` (or no `rel`), else of any link but enclosures.
    private static func alternateLink(_ node: xmlNodePtr) -> String? {
        let links = children(node, named: "link").compactMap { l -> (rel: String, href: String)? in
            guard let href = attribute(l, "href"), !href.isEmpty else { return nil }
            let rel = attribute(l, "rel")?.lowercased() ?? "alternate"
            let base = xmlNodeGetBase(l.pointee.doc, l).map { p -> String in
                defer { free(p) }
                return String(cString: p)
            }
            return (rel, FeedReader.resolve(href, against: base))
        }
        if let alternate = links.first(where: { $0.rel == "alternate" }) { return alternate.href }
        return links.first(where: { $0.rel != "enclosure" })?.href
    }

    private static func atomAuthors(_ node: xmlNodePtr) -> [String] {
        children(node, named: "author").compactMap { a in
            let name = childText(a, "name") ?? childText(a, "email")
            return name?.isEmpty == false ? name : nil
        }
    }

    /// An Atom text construct: `type="text"` (default), `"html"` (escaped HTML), `"xhtml"` (inline XHTML).
    private static func atomBody(_ node: xmlNodePtr) -> FeedItem.Body? {
        let type = attribute(node, "type")?.lowercased() ?? "text"
        if type == "xhtml" || type.hasSuffix("xhtml+xml") {
            guard let buffer = xmlBufferCreate() else { return nil }
            defer { xmlBufferFree(buffer) }
            var child = node.pointee.children
            while let c = child {
                xmlNodeDump(buffer, node.pointee.doc, c, 0, 0)
                child = c.pointee.next
            }
            guard let content = xmlBufferContent(buffer) else { return nil }
            let html = Array(UnsafeBufferPointer(start: content, count: Int(xmlBufferLength(buffer))))
            return html.isEmpty ? nil : .html(html)
        }
        let value = text(node)
        guard !value.trimmingWhitespace().isEmpty else { return nil }
        return type.contains("html") ? .html(Array(value.utf8)) : .text(value)
    }

    // MARK: libxml2 tree access

    private static func name(_ node: xmlNodePtr) -> String {
        node.pointee.name.map { String(cString: $0) } ?? ""
    }

    private static func namespace(_ node: xmlNodePtr) -> String? {
        node.pointee.ns?.pointee.href.map { String(cString: $0) }
    }

    /// Child elements with local name `name` (a prefix kept by recovery, `dc:creator`, also matches).
    private static func children(_ node: xmlNodePtr, named wanted: String) -> [xmlNodePtr] {
        var out: [xmlNodePtr] = []
        var c = node.pointee.children
        while let n = c {
            if n.pointee.type == XML_ELEMENT_NODE {
                let local = name(n)
                if local == wanted || local.hasSuffix(":" + wanted) { out.append(n) }
            }
            c = n.pointee.next
        }
        return out
    }

    /// Trimmed text of the first child element `name` (outside namespace `excluded`), `nil` when absent or empty.
    private static func childText(_ node: xmlNodePtr, _ name: String, excludingNamespace excluded: String? = nil)
        -> String?
    {
        for c in children(node, named: name) where excluded == nil || namespace(c) != excluded {
            let t = text(c).trimmingWhitespace()
            if !t.isEmpty { return t }
        }
        return nil
    }

    /// Most bytes of text read from one element: entity references are expanded as `xmlNodeGetContent` would, but
    /// only up to this (one entity referenced 20,000 times must not become gigabytes).
    static let maxTextBytes = 4 << 20

    /// The text of `node` and its descendants (entity references expanded), at most ``maxTextBytes``. O(output).
    private static func text(_ node: xmlNodePtr) -> String {
        var out: [UInt8] = []
        func append(_ content: UnsafeMutablePointer<xmlChar>?) {
            guard let content, out.count < maxTextBytes else { return }
            let length = strlen(UnsafeRawPointer(content).assumingMemoryBound(to: CChar.self))
            out.append(contentsOf: UnsafeBufferPointer(start: content, count: min(length, maxTextBytes - out.count)))
        }
        func walk(_ first: xmlNodePtr?, depth: Int) {
            var next = first
            while let n = next, out.count < maxTextBytes {
                switch n.pointee.type {
                case XML_TEXT_NODE, XML_CDATA_SECTION_NODE: append(n.pointee.content)
                case XML_COMMENT_NODE, XML_PI_NODE: break
                case XML_ENTITY_REF_NODE:
                    // Its child is the entity declaration (whose siblings are other declarations): read only
                    // the declaration's content.
                    if depth < 32, let entity = n.pointee.children { walk(entity.pointee.children, depth: depth + 1) }
                default: if depth < 32 { walk(n.pointee.children, depth: depth + 1) }
                }
                next = n.pointee.next
            }
        }
        switch node.pointee.type {
        case XML_TEXT_NODE, XML_CDATA_SECTION_NODE: append(node.pointee.content)
        default: walk(node.pointee.children, depth: 0)
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func attribute(_ node: xmlNodePtr, _ name: String) -> String? {
        guard let v = xmlGetProp(node, name) else { return nil }
        defer { free(v) }
        return String(cString: v)
    }

    private static func errorText(_ error: xmlError) -> String? {
        guard error.code != 0 else { return nil }
        let message = error.message.map { String(cString: $0).trimmingWhitespace() }
        return "line \(error.line): \(message ?? "error \(error.code)")"
    }
}

/// Why bytes could not be read as a feed.
struct FeedParseError: Error, Sendable {
    var message: String
    var kind: IngestIssue.Kind

    init(_ message: String, kind: IngestIssue.Kind) {
        self.message = message
        self.kind = kind
    }
}
