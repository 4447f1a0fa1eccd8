/// Turns chosen subtrees of a ``ContentTree`` into paragraphs: one per block element, line break or list item,
/// with whitespace collapsed; link lists and interface lines are left out.
struct ParagraphCollector {
    /// One output paragraph (UTF-8, whitespace collapsed, trimmed).
    struct Paragraph {
        var bytes: [UInt8]
        var chars: Int
        var linkChars: Int
        var isHeading: Bool
    }

    let tree: ContentTree
    let statistics: ContentStatistics
    let lexicon: ExtractionLexicon
    let maxLinkDensity: Double

    private(set) var paragraphs: [Paragraph] = []
    private var current = Paragraph(bytes: [], chars: 0, linkChars: 0, isHeading: false)
    private var pendingSpace = false
    /// The page title, folded for comparison (its first `titleLimit` bytes: a longer "title" is not one).
    private let title: [UInt8]
    /// Folded bytes of the title compared with headings: bounds the cost per heading.
    static let titleLimit = 2048

    init(tree: ContentTree, statistics: ContentStatistics, lexicon: ExtractionLexicon, maxLinkDensity: Double) {
        self.tree = tree
        self.statistics = statistics
        self.lexicon = lexicon
        self.maxLinkDensity = maxLinkDensity
        self.title = Array(Self.folded(tree.title).prefix(Self.titleLimit))
    }

    /// Adds the text of the subtree at `root` (skipping dropped nodes) and closes the paragraph.
    mutating func collect(_ root: Int) {
        var openBlocks: [Int32] = []
        var linkUntil: Int32 = -1
        var headingUntil: Int32 = -1
        var i = root
        let end = Int(tree.nodes[root].end)
        while i < end {
            while let last = openBlocks.last, Int(last) <= i {
                openBlocks.removeLast()
                flush()
            }
            let node = tree.nodes[i]
            if statistics.dropped[i] {
                i = Int(node.end)
                continue
            }
            if node.isText {
                append(node, isLink: i < linkUntil, isHeading: i < headingUntil)
            } else {
                if node.roles.contains(.block) {
                    flush()
                    openBlocks.append(node.end)
                } else if node.roles.contains(.lineBreak) {
                    flush()
                } else if node.roles.contains(.tableCell) {
                    pendingSpace = true
                }
                if node.roles.contains(.link), linkUntil <= i { linkUntil = node.end }
                if node.roles.contains(.heading), headingUntil <= i { headingUntil = node.end }
            }
            i += 1
        }
        flush()
    }

    private mutating func append(_ node: ContentTree.Node, isLink: Bool, isHeading: Bool) {
        var chars = 0
        for k in Int(node.textStart)..<Int(node.textEnd) {
            let b = tree.text[k]
            if b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D || b == 0x0C {
                pendingSpace = true
                continue
            }
            if pendingSpace, !current.bytes.isEmpty { current.bytes.append(0x20) }
            pendingSpace = false
            current.bytes.append(b)
            if (b & 0xC0) != 0x80 { chars += 1 }
        }
        current.chars += chars
        if isLink { current.linkChars += chars }
        if isHeading { current.isHeading = true }
    }

    private mutating func flush() {
        defer {
            current = Paragraph(bytes: [], chars: 0, linkChars: 0, isHeading: false)
            pendingSpace = false
        }
        guard current.chars > 0 else { return }
        if Double(current.linkChars) > maxLinkDensity * Double(current.chars) { return }
        if current.chars <= 40, isInterfaceLine(current.bytes) { return }
        if current.isHeading, isTitle(current.bytes) { return }
        paragraphs.append(current)
    }

    /// Whether a heading repeats the page title (the headline is not body text).
    private func isTitle(_ bytes: [UInt8]) -> Bool {
        let heading = Self.folded(bytes)
        guard heading.count >= 8, title.count >= heading.count else { return false }
        return ByteSearch.contains(title, heading)
    }

    /// Letters and digits only, ASCII lowercased: `"Bus network grows | Daily"` -> `"busnetworkgrowsdaily"`.
    static func folded(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        for b in bytes {
            if b >= 0x80 || (b >= 0x30 && b <= 0x39) || (b >= 0x61 && b <= 0x7A) {
                out.append(b)
            } else if b >= 0x41 && b <= 0x5A {
                out.append(b | 0x20)
            }
        }
        return out
    }

    /// Whether a short line is one of the configured interface lines ("Advertisement", "Share this").
    private func isInterfaceLine(_ bytes: [UInt8]) -> Bool {
        var line = String(decoding: bytes, as: UTF8.self).lowercased()
        while let last = line.last, last == ":" || last == "." || last == " " || last == "»" || last == "›" {
            line.removeLast()
        }
        return lexicon.boilerplateLines.contains(line)
    }
}
