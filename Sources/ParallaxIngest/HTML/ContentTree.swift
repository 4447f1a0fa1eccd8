import CLibXML2

/// A compact copy of a page's body for main-text extraction: nodes in document (pre-)order in flat arrays, with
/// each element's tag roles, class/id hint roles and text statistics.
///
/// Built in one walk over the libxml2 tree. Node `i`'s subtree is the index range `i..<end[i]`, so walks are loops
/// over integers. Text is copied once into one byte buffer. Elements of ``ExtractionConfiguration/removedTags`` are
/// left out entirely (the text of `application/ld+json` scripts is kept aside for the fallback).
struct ContentTree {
    /// Tag roles (bit set), from the configuration's tag lists.
    struct TagRole: OptionSet, Sendable {
        let rawValue: UInt16
        static let removed = TagRole(rawValue: 1 << 0)
        static let boilerplate = TagRole(rawValue: 1 << 1)
        static let block = TagRole(rawValue: 1 << 2)
        static let lineBreak = TagRole(rawValue: 1 << 3)
        static let link = TagRole(rawValue: 1 << 4)
        static let heading = TagRole(rawValue: 1 << 5)
        static let listItem = TagRole(rawValue: 1 << 6)
        static let paragraph = TagRole(rawValue: 1 << 7)
        static let scoredContainer = TagRole(rawValue: 1 << 8)
        static let contentContainer = TagRole(rawValue: 1 << 9)
        static let root = TagRole(rawValue: 1 << 10)
        static let script = TagRole(rawValue: 1 << 11)
        static let title = TagRole(rawValue: 1 << 12)
        static let tableCell = TagRole(rawValue: 1 << 13)
        static let keptInArticle = TagRole(rawValue: 1 << 14)
        static let headline = TagRole(rawValue: 1 << 15)
    }

    /// Class/id/attribute evidence (bit set).
    struct Hint: OptionSet, Sendable {
        let rawValue: UInt16
        static let discard = Hint(rawValue: 1 << 0)
        static let negative = Hint(rawValue: 1 << 1)
        static let positive = Hint(rawValue: 1 << 2)
        static let articleBody = Hint(rawValue: 1 << 3)
        static let boilerplateRole = Hint(rawValue: 1 << 4)
        static let contentRole = Hint(rawValue: 1 << 5)
        static let hidden = Hint(rawValue: 1 << 6)
        static let itemprop = Hint(rawValue: 1 << 7)
        static let layout = Hint(rawValue: 1 << 8)
    }

    struct Node {
        /// One past the last descendant.
        var end: Int32
        var parent: Int32
        /// Text nodes: byte range in ``ContentTree/text``; elements: `-1`.
        var textStart: Int32
        var textEnd: Int32
        var roles: TagRole
        var hints: Hint
        var tagScore: Float
        /// Hash of the tag name and `class` value: elements built from one template share it.
        var signature: UInt64
        var isText: Bool { textStart >= 0 }
    }

    var nodes: [Node] = []
    /// Text of all text nodes, raw UTF-8.
    var text: [UInt8] = []
    /// Per-node character counts (non-space characters) and comma counts, own text only for text nodes.
    var ownChars: [Int32] = []
    var ownCommas: [Int32] = []
    /// Bodies of `<script type="application/ld+json">`, for the JSON-LD fallback.
    var jsonLD: [[UInt8]] = []
    /// Text of the `<title>` element (raw UTF-8): a heading repeating it is the headline, not body text.
    var title: [UInt8] = []

    /// Builds the tree from the `<body>` (or the root) of `document`.
    init(document: HTMLDocument, lexicon: ExtractionLexicon) {
        guard let root = xmlDocGetRootElement(document.doc) else { return }
        nodes.reserveCapacity(4096)
        text.reserveCapacity(1 << 16)
        // (pointer, parent index); a nil pointer closes the element at `parent`.
        var stack: [(xmlNodePtr?, Int32)] = [(root, -1)]
        while let (entry, parent) = stack.popLast() {
            guard let ptr = entry else {
                nodes[Int(parent)].end = Int32(nodes.count)
                continue
            }
            let type = ptr.pointee.type
            if type == XML_TEXT_NODE || type == XML_CDATA_SECTION_NODE {
                appendText(ptr, parent: parent)
                continue
            }
            guard type == XML_ELEMENT_NODE else { continue }
            let tag = lexicon.tag(ptr.pointee.name)
            if tag.roles.contains(.removed) {
                if tag.roles.contains(.script) { keepJSONLD(ptr) }
                if tag.roles.contains(.title), title.isEmpty { title = Self.childText(ptr) }
                continue
            }
            let index = Int32(nodes.count)
            let (hints, classHash) = lexicon.hints(of: ptr)
            nodes.append(
                Node(
                    end: index + 1, parent: parent, textStart: -1, textEnd: -1, roles: tag.roles, hints: hints,
                    tagScore: tag.score, signature: tag.hash &* 31 &+ classHash))
            ownChars.append(0)
            ownCommas.append(0)
            stack.append((nil, index))
            var child = ptr.pointee.last
            while let c = child {
                stack.append((c, index))
                child = c.pointee.prev
            }
        }
    }

    private mutating func appendText(_ ptr: xmlNodePtr, parent: Int32) {
        guard parent >= 0, let content = ptr.pointee.content else { return }
        let start = Int32(text.count)
        var chars: Int32 = 0
        var commas: Int32 = 0
        var i = 0
        var previous: UInt8 = 0
        var beforePrevious: UInt8 = 0
        while true {
            let b = content[i]
            if b == 0 { break }
            text.append(b)
            if b > 0x20 && (b & 0xC0) != 0x80 { chars += 1 }
            // ',' and the fullwidth (EF BC 8C), ideographic (E3 80 81) and Arabic (D8 8C) commas.
            if b == 0x2C || (b == 0x8C && (previous == 0xD8 || (previous == 0xBC && beforePrevious == 0xEF)))
                || (b == 0x81 && previous == 0x80 && beforePrevious == 0xE3)
            {
                commas += 1
            }
            beforePrevious = previous
            previous = b
            i += 1
        }
        guard i > 0 else { return }
        // Non-breaking spaces (C2 A0) are counted as characters above; close enough for statistics.
        let index = Int32(nodes.count)
        nodes.append(
            Node(
                end: index + 1, parent: parent, textStart: start, textEnd: Int32(text.count), roles: [], hints: [],
                tagScore: 0, signature: 0))
        ownChars.append(chars)
        ownCommas.append(commas)
    }

    private mutating func keepJSONLD(_ ptr: xmlNodePtr) {
        var attribute = ptr.pointee.properties
        var isJSONLD = false
        while let a = attribute {
            if ExtractionLexicon.nameEquals(a.pointee.name, "type"), let v = a.pointee.children?.pointee.content {
                isJSONLD = strstr(UnsafeRawPointer(v).assumingMemoryBound(to: CChar.self), "ld+json") != nil
            }
            attribute = a.pointee.next
        }
        guard isJSONLD else { return }
        let bytes = Self.childText(ptr)
        if !bytes.isEmpty { jsonLD.append(bytes) }
    }

    /// The concatenated text of an element's direct text children.
    private static func childText(_ ptr: xmlNodePtr) -> [UInt8] {
        var bytes: [UInt8] = []
        var child = ptr.pointee.children
        while let c = child {
            if let content = c.pointee.content {
                let n = strlen(UnsafeRawPointer(content).assumingMemoryBound(to: CChar.self))
                bytes.append(contentsOf: UnsafeBufferPointer(start: content, count: n))
            }
            child = c.pointee.next
        }
        return bytes
    }
}
