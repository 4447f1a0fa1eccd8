/// Which nodes of a ``ContentTree`` are page furniture, and text statistics of the rest.
///
/// Two bottom-up passes: the first measures every subtree and where the article-body markers are; then furniture
/// (boilerplate tags and roles, discard hints, hidden elements) is dropped unless it holds most of a marked body,
/// the `<h1>` or a marked body and a large share of the page (class/id hints only), or sits inside an article
/// container (``ExtractionConfiguration/articleKeptTags``), and the second pass measures what is left.
/// Unpruned (`pruning: false`, the fallback's view), no tag is furniture and, as in readability's removal of
/// unlikely candidates, only hidden elements and discard hints without a positive hint are dropped. O(nodes).
struct ContentStatistics {
    /// Node or an ancestor is dropped.
    var dropped: [Bool]
    /// Non-space characters in the subtree (kept nodes only).
    var chars: [Int32]
    /// ... of which inside links.
    var linkChars: [Int32]
    var commas: [Int32]
    /// Characters not inside a block-level descendant (the element's own paragraph text).
    var inlineChars: [Int32]
    var inlineLinkChars: [Int32]
    var inlineCommas: [Int32]

    init(tree: ContentTree, pruning: Bool = true, maxDroppedShare: Double = 0.5) {
        let n = tree.nodes.count
        let nodes = tree.nodes
        // Pass 1: raw sizes and the largest marked body in each subtree.
        var rawChars = tree.ownChars
        var markerChars = [Int32](repeating: 0, count: n)
        // Whether the subtree holds the article's signs: an `<h1>` or a marked body.
        var holdsArticle = [Bool](repeating: false, count: n)
        let marker: ContentTree.Hint = [.articleBody, .itemprop, .contentRole]
        for i in stride(from: n - 1, through: 0, by: -1) {
            let node = nodes[i]
            if !node.isText, !node.hints.isDisjoint(with: marker) || node.roles.contains(.contentContainer) {
                markerChars[i] = max(markerChars[i], rawChars[i])
                holdsArticle[i] = true
            }
            if node.roles.contains(.headline) { holdsArticle[i] = true }
            let p = Int(node.parent)
            guard p >= 0 else { continue }
            rawChars[p] += rawChars[i]
            markerChars[p] = max(markerChars[p], markerChars[i])
            holdsArticle[p] = holdsArticle[p] || holdsArticle[i]
        }
        // Furniture, top-down.
        var dropped = [Bool](repeating: false, count: n)
        var inArticle = [Bool](repeating: false, count: n)
        let pageChars = Double(rawChars.first ?? 0)
        for i in 0..<n {
            let node = nodes[i]
            let p = Int(node.parent)
            if p >= 0, dropped[p] {
                dropped[i] = true
                continue
            }
            guard !node.isText, !node.roles.contains(.root) else { continue }
            if node.hints.contains(.hidden) {
                dropped[i] = true
                continue
            }
            inArticle[i] =
                (p >= 0 && inArticle[p]) || node.roles.contains(.contentContainer)
                || !node.hints.isDisjoint(with: [.articleBody, .itemprop])
            let byTag =
                pruning
                && ((node.roles.contains(.boilerplate)
                    && !(p >= 0 && inArticle[p] && node.roles.contains(.keptInArticle)))
                    || node.hints.contains(.boilerplateRole))
            // Unpruned, as readability removes unlikely candidates: a discard hint without a positive one.
            let keptHints: ContentTree.Hint = pruning ? [.articleBody, .itemprop] : [.articleBody, .itemprop, .positive]
            let byClass = node.hints.contains(.discard) && node.hints.isDisjoint(with: keptHints)
            guard byTag || byClass else { continue }
            // A wrapper with a furniture name that holds the article's signs and a large share of the page is not
            // furniture (`has-sidebar`); a long comment thread is.
            if !byTag, holdsArticle[i], Double(rawChars[i]) >= pageChars * maxDroppedShare { continue }
            // A layout wrapper with an unlucky name (`content-with-sidebar`) that holds much of the page.
            if !byTag, node.hints.contains(.layout), Int(rawChars[i]) * 10 >= Int(rawChars[0]) * 3 { continue }
            // Keep furniture that wraps the article body (a page-wide wrapper with an unlucky class name).
            let holdsBody = markerChars[i] >= 200 && Int(markerChars[i]) * 2 >= Int(rawChars[i])
            if !holdsBody { dropped[i] = true }
        }
        // Pass 2: statistics of what is kept.
        var chars = [Int32](repeating: 0, count: n)
        var linkChars = [Int32](repeating: 0, count: n)
        var commas = [Int32](repeating: 0, count: n)
        var inlineChars = [Int32](repeating: 0, count: n)
        var inlineLinkChars = [Int32](repeating: 0, count: n)
        var inlineCommas = [Int32](repeating: 0, count: n)
        for i in stride(from: n - 1, through: 0, by: -1) where !dropped[i] {
            let node = nodes[i]
            if node.isText {
                chars[i] = tree.ownChars[i]
                commas[i] = tree.ownCommas[i]
                inlineChars[i] = chars[i]
                inlineCommas[i] = commas[i]
            } else if node.roles.contains(.link) {
                linkChars[i] = chars[i]
                inlineLinkChars[i] = inlineChars[i]
            }
            let p = Int(node.parent)
            guard p >= 0 else { continue }
            chars[p] += chars[i]
            linkChars[p] += linkChars[i]
            commas[p] += commas[i]
            if !node.roles.contains(.block) {
                inlineChars[p] += inlineChars[i]
                inlineLinkChars[p] += inlineLinkChars[i]
                inlineCommas[p] += inlineCommas[i]
            }
        }
        self.dropped = dropped
        self.chars = chars
        self.linkChars = linkChars
        self.commas = commas
        self.inlineChars = inlineChars
        self.inlineLinkChars = inlineLinkChars
        self.inlineCommas = inlineCommas
    }

    /// Share of an element's text inside links (0 when it has no text).
    func linkDensity(_ i: Int) -> Float {
        chars[i] > 0 ? Float(linkChars[i]) / Float(chars[i]) : 0
    }
}
