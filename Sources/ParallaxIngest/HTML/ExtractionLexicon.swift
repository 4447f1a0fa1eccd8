import CLibXML2

/// ``ExtractionConfiguration`` compiled for fast lookups on libxml2 nodes: tag names hashed to roles, class/id
/// hints in one ``HintMatcher``, attribute values as byte sets.
struct ExtractionLexicon: Sendable {
    struct TagInfo: Sendable {
        var roles: ContentTree.TagRole
        var score: Float
        var hash: UInt64 = 0
    }

    private let tags: [UInt64: TagInfo]
    private let matcher: HintMatcher
    /// FNV-1a hashes of the lowercase values (no allocation per attribute).
    private let articleBodyItemprops: Set<UInt64>
    private let boilerplateRoles: Set<UInt64>
    private let contentRoles: Set<UInt64>
    private let hiddenStyles: [[UInt8]]
    /// Interface lines (lowercase) never kept as article text.
    let boilerplateLines: Set<String>

    init(_ configuration: ExtractionConfiguration) {
        var tags: [UInt64: TagInfo] = [:]
        func add(_ names: [String], _ role: ContentTree.TagRole) {
            for name in names { tags[Self.hash(name), default: TagInfo(roles: [], score: 0)].roles.insert(role) }
        }
        add(configuration.removedTags, .removed)
        add(["script"], [.removed, .script])
        add(["title"], [.removed, .title])
        add(configuration.boilerplateTags, .boilerplate)
        add(configuration.articleKeptTags, .keptInArticle)
        add(configuration.blockTags, .block)
        add(configuration.lineBreakTags, .lineBreak)
        add(configuration.linkTags, .link)
        add(configuration.tableCellTags, .tableCell)
        add(configuration.headingTags, .heading)
        add(configuration.listItemTags, .listItem)
        add(configuration.paragraphTags, .paragraph)
        add(configuration.scoredContainerTags, .scoredContainer)
        add(["article", "main"], .contentContainer)
        add(["h1"], .headline)
        add(["html", "body"], .root)
        for (name, score) in configuration.tagScores {
            tags[Self.hash(name), default: TagInfo(roles: [], score: 0)].score = Float(score)
        }
        self.tags = tags
        let hints = configuration.hints
        // Hints match whole tokens: a discard hint from the start of a class name or id (`sidebar` drops
        // `sidebar-left`, never `has-sidebar`) to a token end; scoring hints from any token start.
        var patterns: [(String, UInt32)] = []
        func add(_ list: [String], _ hint: ContentTree.Hint, atNameStart: Bool, toTokenEnd: Bool) {
            for p in list {
                for spelling in HintMatcher.anchored(p, atNameStart: atNameStart, toTokenEnd: toTokenEnd) {
                    patterns.append((spelling, UInt32(hint.rawValue)))
                }
            }
        }
        add(hints.discard, .discard, atNameStart: true, toTokenEnd: true)
        add(hints.negative, .negative, atNameStart: false, toTokenEnd: false)
        add(hints.positive, .positive, atNameStart: false, toTokenEnd: false)
        add(hints.layout, .layout, atNameStart: false, toTokenEnd: false)
        add(hints.articleBody, .articleBody, atNameStart: false, toTokenEnd: true)
        matcher = HintMatcher(patterns: patterns, tokens: true)
        articleBodyItemprops = Set(configuration.articleBodyItemprops.map(Self.hash))
        boilerplateRoles = Set(configuration.boilerplateRoles.map(Self.hash))
        contentRoles = Set(configuration.contentRoles.map(Self.hash))
        hiddenStyles = configuration.hiddenStyles.map { Array($0.lowercased().utf8) }
        // The page-interface lines of extraction.json and the whole lines of every language in boilerplate.json
        // (one vocabulary for the HTML extractor and the plain-text filter).
        boilerplateLines = Set((configuration.boilerplateLines + BoilerplateVocabulary.bundled.wholeLines).map { $0.lowercased() })
    }

    /// FNV-1a of a lowercase tag name.
    static func hash(_ name: String) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in name.lowercased().utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return h
    }

    /// Roles and score of a tag name (libxml2 lowercases HTML tag names).
    func tag(_ name: UnsafePointer<xmlChar>?) -> TagInfo {
        guard let name else { return TagInfo(roles: [], score: 0) }
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        var i = 0
        while name[i] != 0 {
            h = (h ^ UInt64(name[i])) &* 0x100_0000_01b3
            i += 1
        }
        var info = tags[h] ?? TagInfo(roles: [], score: 0)
        info.hash = h
        return info
    }

    /// Hints from an element's `class`, `id`, `itemprop`, `role`, `style` and `hidden` attributes, and a hash of
    /// its `class` value.
    func hints(of element: xmlNodePtr) -> (ContentTree.Hint, UInt64) {
        var attribute = element.pointee.properties
        guard attribute != nil else { return ([], 0) }
        var classHash: UInt64 = 0
        var state: Int32 = 0
        var mask: UInt32 = 0
        var matched = false
        var hints: ContentTree.Hint = []
        while let a = attribute {
            attribute = a.pointee.next
            let name = a.pointee.name
            let value = a.pointee.children?.pointee.content
            if Self.nameEquals(name, "class") || Self.nameEquals(name, "id") {
                guard let value else { continue }
                if Self.nameEquals(name, "class") {
                    classHash = 0xcbf2_9ce4_8422_2325
                    var k = 0
                    while value[k] != 0 {
                        classHash = (classHash ^ UInt64(value[k])) &* 0x100_0000_01b3
                        k += 1
                    }
                }
                if !matched { matcher.boundary(state: &state, mask: &mask) }
                matched = true
                matcher.roles(in: Self.buffer(value), state: &state, mask: &mask)
                matcher.boundary(state: &state, mask: &mask)
            } else if Self.nameEquals(name, "itemprop") {
                if let value, articleBodyItemprops.contains(Self.lowercaseHash(value)) { hints.insert(.itemprop) }
            } else if Self.nameEquals(name, "role") {
                guard let value else { continue }
                let role = Self.lowercaseHash(value)
                if boilerplateRoles.contains(role) { hints.insert(.boilerplateRole) }
                if contentRoles.contains(role) { hints.insert(.contentRole) }
            } else if Self.nameEquals(name, "style") {
                guard let value else { continue }
                if hiddenStyles.contains(where: { Self.contains(value, $0) }) { hints.insert(.hidden) }
            } else if Self.nameEquals(name, "hidden") {
                hints.insert(.hidden)
            }
        }
        return (hints.union(ContentTree.Hint(rawValue: UInt16(truncatingIfNeeded: mask))), classHash)
    }

    static func nameEquals(_ name: UnsafePointer<xmlChar>?, _ literal: StaticString) -> Bool {
        guard let name else { return false }
        return literal.withUTF8Buffer { want in
            for i in 0..<want.count where name[i] != want[i] { return false }
            return name[want.count] == 0
        }
    }

    private static func buffer(_ value: UnsafePointer<xmlChar>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: value, count: strlen(UnsafeRawPointer(value).assumingMemoryBound(to: CChar.self)))
    }

    /// FNV-1a of the ASCII-lowercased value (same as ``hash(_:)`` of its lowercase string).
    private static func lowercaseHash(_ value: UnsafePointer<xmlChar>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        var i = 0
        while value[i] != 0 {
            let b = value[i]
            h = (h ^ UInt64(b >= 0x41 && b <= 0x5A ? b | 0x20 : b)) &* 0x100_0000_01b3
            i += 1
        }
        return h
    }

    /// Whether `value`, lowercased and with spaces removed, contains `pattern` (lowercase, no spaces).
    private static func contains(_ value: UnsafePointer<xmlChar>, _ pattern: [UInt8]) -> Bool {
        guard let first = pattern.first else { return true }
        var start = 0
        while value[start] != 0 {
            let b = value[start]
            if (b >= 0x41 && b <= 0x5A ? b | 0x20 : b) == first {
                var i = start + 1
                var k = 1
                while k < pattern.count, value[i] != 0 {
                    let c = value[i]
                    i += 1
                    if c == 0x20 { continue }
                    if (c >= 0x41 && c <= 0x5A ? c | 0x20 : c) != pattern[k] { break }
                    k += 1
                }
                if k == pattern.count { return true }
            }
            start += 1
        }
        return false
    }
}
