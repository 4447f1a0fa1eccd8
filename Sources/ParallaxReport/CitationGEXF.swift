import ParallaxCore

/// A citation graph in GEXF 1.3 (Gephi's format): who cites whom, across one story or a whole corpus.
///
/// Nodes are the citing outlets (an article without an outlet counts under its id) and the cited sources, each
/// with its kind (`outlet`, `person`, `organization`, `anonymous`, or `citing` for an outlet that only cites);
/// a directed edge goes from a citing outlet to a source, weighted by the number of citations, with the number of
/// stories it occurs in. Memory grows with distinct outlets, sources and pairs, not with citations.
public struct CitationGEXF: Sendable {
    private struct Pair: Hashable {
        var from: String
        var to: String
    }

    private var kinds: [String: String] = [:]
    private var order: [String] = []
    private var weights: [Pair: Int] = [:]
    private var stories: [Pair: Set<String>] = [:]

    public init() {}

    /// Adds one citation made by an article of `outlet` in story `story`.
    public mutating func add(_ citation: Citation, outlet: String, story: String) {
        node(outlet, kind: "citing")
        node(citation.source, kind: citation.sourceKind.rawValue)
        let pair = Pair(from: outlet, to: citation.source)
        weights[pair, default: 0] += 1
        stories[pair, default: []].insert(story)
    }

    private mutating func node(_ name: String, kind: String) {
        if let old = kinds[name] {
            // A name that is both cited and citing keeps its cited kind.
            if old == "citing", kind != "citing" { kinds[name] = kind }
            return
        }
        kinds[name] = kind
        order.append(name)
    }

    /// Writes the graph (nodes in order of first appearance, edges sorted by source and target).
    public func write(to out: inout some TextOutputStream) {
        func x(_ s: String) -> String { HTMLEscaping.escape(s) }
        out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        out.write("<gexf xmlns=\"http://gexf.net/1.3\" version=\"1.3\">\n")
        out.write("  <meta><creator>Parallax</creator><description>Who cites whom</description></meta>\n")
        out.write("  <graph defaultedgetype=\"directed\" mode=\"static\">\n")
        out.write("    <attributes class=\"node\"><attribute id=\"kind\" title=\"kind\" type=\"string\"/></attributes>\n")
        out.write("    <attributes class=\"edge\"><attribute id=\"stories\" title=\"stories\" type=\"integer\"/></attributes>\n")
        var index: [String: Int] = [:]
        out.write("    <nodes>\n")
        for (i, name) in order.enumerated() {
            index[name] = i
            out.write("      <node id=\"n\(i)\" label=\"\(x(name))\"><attvalues><attvalue for=\"kind\" value=\"\(x(kinds[name] ?? ""))\"/></attvalues></node>\n")
        }
        out.write("    </nodes>\n    <edges>\n")
        let pairs = weights.keys.compactMap { p -> (Int, Int, Pair)? in
            guard let a = index[p.from], let b = index[p.to] else { return nil }
            return (a, b, p)
        }.sorted { ($0.0, $0.1) < ($1.0, $1.1) }
        for (n, (a, b, pair)) in pairs.enumerated() {
            out.write("      <edge id=\"e\(n)\" source=\"n\(a)\" target=\"n\(b)\" weight=\"\(weights[pair] ?? 1)\">")
            out.write("<attvalues><attvalue for=\"stories\" value=\"\(stories[pair]?.count ?? 0)\"/></attvalues></edge>\n")
        }
        out.write("    </edges>\n  </graph>\n</gexf>\n")
    }
}
