/// The provenance graph of one story as an inline SVG: citing articles on the left, cited sources on the right,
/// one edge per (article, source) pair labelled with its cues.
///
/// Sources are ordered by the mean position of the articles citing them (the barycenter heuristic), which keeps
/// edge crossings few for the small graphs of one story.
struct CitationGraph: Sendable {
    struct Edge: Sendable {
        let left: Int
        let right: Int
        let cues: [String]
    }

    /// Citing articles' labels, top to bottom.
    let articles: [String]
    /// Cited sources and their kinds, top to bottom.
    let sources: [(name: String, kind: Citation.SourceKind)]
    let edges: [Edge]
    /// The story's original (most-cited) source, drawn with a heavier outline and a star.
    let original: String?
    /// What `limits` left out, when it did: sources and citing articles drawn, of how many.
    let cut: (sources: (shown: Int, total: Int), articles: (shown: Int, total: Int))?

    /// The graph of `c`'s citations; with `limits`, only the `sources` cited by most articles (the original source
    /// always among them) and the first `articles` of the members citing them.
    init(_ c: StoryContext, limits: (sources: Int, articles: Int)? = nil) {
        let original = c.story.originalSource
        self.original = original
        var citations = c.story.citations
        var cut: (sources: (shown: Int, total: Int), articles: (shown: Int, total: Int))?
        if let limits {
            var citing: [String: Set<String>] = [:]
            var firstSeen: [String] = []
            for cite in citations {
                if citing[cite.source] == nil { firstSeen.append(cite.source) }
                citing[cite.source, default: []].insert(cite.article)
            }
            let ranked = firstSeen.enumerated().sorted {
                let a = ($0.element == original ? 1 : 0, citing[$0.element]!.count, -$0.offset)
                let b = ($1.element == original ? 1 : 0, citing[$1.element]!.count, -$1.offset)
                return a > b
            }.map(\.element)
            let kept = Set(ranked.prefix(limits.sources))
            let citingKept = Set(citations.filter { kept.contains($0.source) }.map(\.article))
            var shownArticles: [String] = []
            for m in c.members where citingKept.contains(m.id) && shownArticles.count < limits.articles {
                shownArticles.append(m.id)
            }
            let shown = Set(shownArticles)
            citations = citations.filter { kept.contains($0.source) && shown.contains($0.article) }
            if kept.count < firstSeen.count || shown.count < citingKept.count {
                cut = ((kept.count, firstSeen.count), (shown.count, citingKept.count))
            }
        }
        self.cut = cut
        var articleIDs: [String] = []
        var citingArticles = Set(citations.map(\.article))
        for m in c.members where citingArticles.remove(m.id) != nil { articleIDs.append(m.id) }
        for cite in citations where citingArticles.remove(cite.article) != nil { articleIDs.append(cite.article) }
        var sourceNames: [String] = []
        var kinds: [String: Citation.SourceKind] = [:]
        var cues: [[String]: [String]] = [:]
        var pairs: [[String]] = []
        for cite in citations {
            if kinds[cite.source] == nil {
                sourceNames.append(cite.source)
                kinds[cite.source] = cite.sourceKind
            }
            let key = [cite.article, cite.source]
            if cues[key] == nil { pairs.append(key) }
            if !(cues[key]?.contains(cite.cue) ?? false) { cues[key, default: []].append(cite.cue) }
        }
        let leftIndex = Dictionary(uniqueKeysWithValues: articleIDs.enumerated().map { ($1, $0) })
        // Barycenter order of the sources.
        let center: [String: Double] = Dictionary(
            uniqueKeysWithValues: sourceNames.map { name in
                let ls = pairs.filter { $0[1] == name }.map { Double(leftIndex[$0[0]]!) }
                return (name, ls.reduce(0, +) / Double(max(ls.count, 1)))
            })
        let ordered = sourceNames.enumerated().sorted {
            (center[$0.element]!, $0.offset) < (center[$1.element]!, $1.offset)
        }
        .map(\.element)
        let rightIndex = Dictionary(uniqueKeysWithValues: ordered.enumerated().map { ($1, $0) })
        self.articles = articleIDs.map(c.label)
        self.sources = ordered.map { ($0, kinds[$0]!) }
        self.edges = pairs.map { Edge(left: leftIndex[$0[0]]!, right: rightIndex[$0[1]]!, cues: cues[$0]!) }
    }

    var isEmpty: Bool { edges.isEmpty }

    /// The SVG element (all labels escaped).
    func svg() -> String {
        let rowHeight = 44
        let top = 28
        let rows = max(articles.count, sources.count)
        let height = top + rows * rowHeight + 8
        let width = 960
        let nodeWidth = 250
        let leftX = 8
        let rightX = width - nodeWidth - 8
        func y(_ i: Int, of n: Int) -> Int {
            // Center the shorter column against the longer one.
            top + (rows - n) * rowHeight / 2 + i * rowHeight + rowHeight / 2
        }
        var s =
            "<svg class=\"graph\" viewBox=\"0 0 \(width) \(height)\" width=\"100%\" role=\"img\" "
            + "aria-label=\"Citation graph: articles on the left, cited sources on the right\">"
        s += "<text x=\"\(leftX)\" y=\"16\" class=\"colhead\">Article</text>"
        s += "<text x=\"\(rightX)\" y=\"16\" class=\"colhead\">Cited source</text>"
        // Labels sit on their edge; where one would cover another, it moves along the curve.
        var placed: [(x: Double, y: Double, w: Double)] = []
        for e in edges {
            let y1 = Double(y(e.left, of: articles.count))
            let y2 = Double(y(e.right, of: sources.count))
            let x1 = Double(leftX + nodeWidth)
            let x2 = Double(rightX)
            let mx = (x1 + x2) / 2
            let tip = TerminalText.clean(
                articles[e.left] + " → " + sources[e.right].name + " (" + e.cues.joined(separator: ", ")
                    + ")")
            s +=
                "<path class=\"edge\" d=\"M\(Int(x1)),\(Int(y1)) C\(Int(mx)),\(Int(y1)) \(Int(mx)),\(Int(y2)) "
                + "\(Int(x2)),\(Int(y2))\"><title>\(HTMLEscaping.escape(tip))</title></path>"
            let label = TerminalText.truncate(TerminalText.clean(e.cues.joined(separator: ", ")), to: 28)
            let w = Double(TerminalText.width(label)) * 6.2
            func point(_ t: Double) -> (x: Double, y: Double) {
                let u = 1 - t
                return (
                    u * u * u * x1 + 3 * u * u * t * mx + 3 * u * t * t * mx + t * t * t * x2,
                    u * u * u * y1 + 3 * u * u * t * y1 + 3 * u * t * t * y2 + t * t * t * y2
                )
            }
            let candidates = [0.5, 0.32, 0.68, 0.2, 0.8, 0.42, 0.58].map(point)
            let spot =
                candidates.first { p in
                    !placed.contains { abs($0.y - p.y) < 12 && abs($0.x - p.x) < ($0.w + w) / 2 + 6 }
                } ?? candidates[0]
            placed.append((spot.x, spot.y, w))
            s +=
                "<text class=\"cue\" x=\"\(Int(spot.x))\" y=\"\(Int(spot.y) - 3)\" text-anchor=\"middle\">"
                + HTMLEscaping.escape(label) + "</text>"
        }
        for (i, label) in articles.enumerated() {
            s += node(label, x: leftX, y: y(i, of: articles.count), width: nodeWidth, cls: "art")
        }
        for (i, src) in sources.enumerated() {
            let isOriginal = src.name == original
            s += node(
                isOriginal ? "★ " + src.name : src.name, x: rightX, y: y(i, of: sources.count), width: nodeWidth,
                cls: "src k-" + src.kind.rawValue + (isOriginal ? " original" : ""),
                tip: isOriginal ? "original (most-cited) source: " + src.name : nil)
        }
        return s + "</svg>"
    }

    private func node(_ label: String, x: Int, y: Int, width: Int, cls: String, tip: String? = nil) -> String {
        let clean = TerminalText.clean(label)
        let shown = TerminalText.truncate(clean, to: 34)
        return "<g class=\"node \(cls)\"><title>\(HTMLEscaping.escape(tip.map(TerminalText.clean) ?? clean))</title>"
            + "<rect x=\"\(x)\" y=\"\(y - 12)\" width=\"\(width)\" height=\"24\" rx=\"5\"/>"
            + "<text x=\"\(x + 9)\" y=\"\(y + 4)\">\(HTMLEscaping.escape(shown))</text></g>"
    }
}
