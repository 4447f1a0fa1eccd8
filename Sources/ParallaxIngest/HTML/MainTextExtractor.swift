import Foundation

/// Finds the main text of an HTML page: the article body without navigation, ads, share bars, related links,
/// comments and captions.
///
/// A cascade in the spirit of trafilatura and readability:
/// 1. Page furniture is pruned by tag (`nav`, `aside`, `footer`, forms controls, media, captions), ARIA role,
///    hidden style and class/id hints from ``ExtractionConfiguration`` (kept when it wraps a marked article body).
/// 2. Paragraph-like elements score their ancestors (length, commas); containers start from a tag score and
///    class/id weights, with a bonus for article-body markers (`itemprop=articleBody`, `article-body`, ...); scores
///    are discounted by link density. The best container wins, with siblings that score close to it or read
///    like prose.
/// 3. Its text becomes paragraphs (block elements, line breaks, list items, quotes, headings), dropping link lists
///    and interface lines.
/// 4. When that text is short (under ``ExtractionConfiguration/Thresholds/minTextChars`` or under
///    ``ExtractionConfiguration/Thresholds/fallbackPageShare`` of the page's text), steps 2-3 run again on the
///    unpruned page (nothing dropped but hidden elements), and the longer text wins when clearly longer
///    (trafilatura's cascade: furniture pruning that lost the text cannot rescue it).
/// 5. When the text is still too short, the JSON-LD `articleBody` or all prose-like paragraphs of the page are used.
///
/// The result is ``TextNormalizer``-normalized with paragraphs separated by `"\n"`. Linear in the page size.
public struct MainTextExtractor: Sendable {
    /// The data driving the extractor.
    public let configuration: ExtractionConfiguration
    let lexicon: ExtractionLexicon

    public init(configuration: ExtractionConfiguration = .bundled) {
        self.configuration = configuration
        self.lexicon = ExtractionLexicon(configuration)
    }

    /// Extracts the main text of `document`.
    public func extract(from document: HTMLDocument) -> ExtractedText {
        let tree = ContentTree(document: document, lexicon: lexicon)
        guard !tree.nodes.isEmpty else { return ExtractedText(text: "", method: .none) }
        let thresholds = configuration.thresholds
        let statistics = ContentStatistics(tree: tree, maxDroppedShare: thresholds.maxDroppedShare)

        let main = containerText(tree: tree, statistics: statistics)
        var best = (text: main.text, method: ExtractedText.Method.mainContainer)
        var bestChars = main.chars
        let pageChars = tree.ownChars.reduce(0) { $0 + Int($1) }
        let isShort = bestChars < thresholds.minTextChars
        if isShort || Double(bestChars) < Double(pageChars) * thresholds.fallbackPageShare {
            let unpruned = containerText(tree: tree, statistics: ContentStatistics(tree: tree, pruning: false))
            // A text of fair length is only replaced by one that holds it (the article with the parts pruning
            // lost), never by another part of the page (a long comment thread under a short post).
            let holdsMain = main.roots.allSatisfy { r in
                unpruned.roots.contains { $0 <= r && r < Int(tree.nodes[$0].end) }
            }
            if isShort || holdsMain, Double(unpruned.chars) > Double(bestChars) * thresholds.fallbackGain {
                best = (unpruned.text, .unprunedContainer)
                bestChars = unpruned.chars
            }
        }

        if bestChars < thresholds.minTextChars {
            if let body = jsonLDArticleBody(tree), body.unicodeScalars.count > bestChars * 3 / 2 {
                bestChars = body.unicodeScalars.count
                best = (body, .jsonLD)
            }
            let all = allParagraphs(tree: tree, statistics: statistics)
            let allChars = all.reduce(0) { $0 + $1.chars }
            if allChars > bestChars * 3 / 2 {
                best = (join(all), .allParagraphs)
                bestChars = allChars
            }
        }
        let text = TextNormalizer().normalize(best.text)
        return ExtractedText(text: text, method: text.isEmpty ? .none : best.method)
    }

    /// The paragraphs of the main containers under `statistics` (pruned or not), joined, their length and the
    /// containers.
    private func containerText(
        tree: ContentTree, statistics: ContentStatistics
    ) -> (text: String, chars: Int, roots: [Int]) {
        var collector = ParagraphCollector(
            tree: tree, statistics: statistics, lexicon: lexicon,
            maxLinkDensity: configuration.thresholds.maxParagraphLinkDensity)
        let roots = mainContainers(tree: tree, statistics: statistics)
        for root in roots { collector.collect(root) }
        return (join(collector.paragraphs), collector.paragraphs.reduce(0) { $0 + $1.chars }, roots)
    }

    // MARK: - Scoring

    /// The best-scoring container and the siblings that join it, in document order.
    func mainContainers(tree: ContentTree, statistics: ContentStatistics) -> [Int] {
        let thresholds = configuration.thresholds
        let nodes = tree.nodes
        var score = [Float](repeating: .nan, count: nodes.count)
        let minChars = Int32(thresholds.minScoredChars)

        func initialScore(_ i: Int) -> Float {
            let node = nodes[i]
            var s = node.tagScore
            let weight = Float(thresholds.classWeight)
            if node.hints.contains(.negative) { s -= weight }
            if node.hints.contains(.positive) { s += weight }
            if !node.hints.isDisjoint(with: [.articleBody, .itemprop]) { s += Float(thresholds.articleBodyBonus) }
            if node.hints.contains(.contentRole) || node.roles.contains(.contentContainer) { s += weight / 2 }
            return s
        }

        for i in 0..<nodes.count where !statistics.dropped[i] {
            let node = nodes[i]
            guard !node.isText else { continue }
            let unitChars: Int32
            let unitCommas: Int32
            if node.roles.contains(.paragraph) {
                unitChars = statistics.chars[i]
                unitCommas = statistics.commas[i]
            } else if node.roles.contains(.scoredContainer) || node.roles.contains(.listItem) {
                unitChars = statistics.inlineChars[i] - statistics.inlineLinkChars[i]
                unitCommas = statistics.inlineCommas[i]
            } else {
                continue
            }
            guard unitChars >= minChars else { continue }
            var contribution = 1 + Float(unitCommas) + min(Float(unitChars / 100), 3)
            if node.roles.contains(.listItem) { contribution /= 2 }
            var a = Int(node.parent)
            var level = 0
            while a >= 0, level < 5 {
                if score[a].isNaN { score[a] = initialScore(a) }
                let divider: Float = level == 0 ? 1 : (level == 1 ? 2 : Float(level * 3))
                score[a] += contribution / divider
                a = Int(nodes[a].parent)
                level += 1
            }
        }
        var top = -1
        var topScore: Float = -.infinity
        for i in 0..<nodes.count where !score[i].isNaN {
            score[i] *= 1 - statistics.linkDensity(i)
            if score[i] > topScore {
                topScore = score[i]
                top = i
            }
        }
        guard top >= 0 else { return [0] }

        top = climbToSplitBody(top: top, score: score, tree: tree, statistics: statistics)
        top = climbToMarkedBody(top: top, score: score, tree: tree, statistics: statistics)
        topScore = score[top].isNaN ? topScore : max(topScore, score[top])

        // Siblings of the winner that score close to it, or read like prose.
        let parent = Int(nodes[top].parent)
        guard parent >= 0 else { return [top] }
        let threshold = max(Float(thresholds.siblingMinScore), topScore * Float(thresholds.siblingScoreRatio))
        let lead = leadBefore(top, parent: parent, tree: tree, statistics: statistics)
        var out: [Int] = []
        var s = parent + 1
        while s < Int(nodes[parent].end) {
            defer { s = Int(nodes[s].end) }
            if s == top || s == lead {
                out.append(s)
                continue
            }
            guard !statistics.dropped[s], !nodes[s].isText else { continue }
            if !score[s].isNaN, score[s] >= threshold {
                out.append(s)
            } else if nodes[s].roles.contains(.paragraph) {
                let chars = statistics.chars[s]
                let density = statistics.linkDensity(s)
                if chars > thresholds.shortParagraphChars, density < 0.25 {
                    out.append(s)
                } else if chars > 0, density == 0, endsSentence(tree, s) {
                    out.append(s)
                }
            }
        }
        return out
    }

    /// The lead (standfirst) just before the winner: the nearest element sibling before `top` when it is kept,
    /// not a heading, prose-like (at least ``shortParagraphChars``, few links, ends a sentence). `-1` when none.
    private func leadBefore(_ top: Int, parent: Int, tree: ContentTree, statistics: ContentStatistics) -> Int {
        let nodes = tree.nodes
        var s = parent + 1
        var previous = -1
        while s < top {
            if !nodes[s].isText { previous = s }
            s = Int(nodes[s].end)
        }
        guard previous >= 0, !statistics.dropped[previous], !nodes[previous].roles.contains(.heading),
            statistics.chars[previous] >= configuration.thresholds.shortParagraphChars,
            statistics.linkDensity(previous) < 0.25, endsSentence(tree, previous)
        else { return -1 }
        return previous
    }

    /// When the body is split into chunks (sections, grid items), the winner is one chunk and other chunks of the
    /// same template (tag and class) score close to it: climb to the nearest ancestor that also holds the other strong candidates (readability's
    /// alternative-candidates step), never to the page root.
    private func climbToSplitBody(top: Int, score: [Float], tree: ContentTree, statistics: ContentStatistics) -> Int {
        let nodes = tree.nodes
        let thresholds = configuration.thresholds
        let topScore = score[top]
        let cutoff = topScore * Float(thresholds.alternativeScoreRatio)
        var alternatives: [Int] = []
        let signature = nodes[top].signature
        for i in 0..<nodes.count
        where !score[i].isNaN && score[i] >= cutoff && i != top && nodes[i].signature == signature {
            let isAncestor = i < top && top < Int(nodes[i].end)
            let isDescendant = top < i && i < Int(nodes[top].end)
            if !isAncestor, !isDescendant { alternatives.append(i) }
        }
        guard !alternatives.isEmpty else { return top }
        let needed = min(alternatives.count, thresholds.alternativeCandidates)
        var a = Int(nodes[top].parent)
        while a >= 0, !nodes[a].roles.contains(.root) {
            let end = Int(nodes[a].end)
            let contained = alternatives.reduce(0) { $0 + ($1 > a && $1 < end ? 1 : 0) }
            if contained >= needed {
                return statistics.linkDensity(a) <= Float(thresholds.maxContainerLinkDensity) ? a : top
            }
            a = Int(nodes[a].parent)
        }
        return top
    }

    /// The winner may be one part of a container marked as the article body (`itemprop=articleBody`,
    /// `article-body`): the first paragraphs or a lead outside a "read more" wrapper. Climb to the nearest marked
    /// ancestor (a few levels up) that scores well on its own and is not link-heavy.
    private func climbToMarkedBody(top: Int, score: [Float], tree: ContentTree, statistics: ContentStatistics) -> Int {
        let nodes = tree.nodes
        let thresholds = configuration.thresholds
        let cutoff = score[top] * Float(thresholds.alternativeScoreRatio)
        var a = Int(nodes[top].parent)
        var level = 0
        while a >= 0, level < 4, !nodes[a].roles.contains(.root) {
            if nodes[a].hints.contains(.itemprop), !score[a].isNaN, score[a] >= cutoff,
                statistics.linkDensity(a) <= Float(thresholds.maxContainerLinkDensity)
            {
                return a
            }
            a = Int(nodes[a].parent)
            level += 1
        }
        return top
    }

    /// Whether the last visible character of node `i`'s text is sentence punctuation.
    private func endsSentence(_ tree: ContentTree, _ i: Int) -> Bool {
        var k = Int(tree.nodes[i].end) - 1
        while k >= i {
            let node = tree.nodes[k]
            if node.isText {
                var j = Int(node.textEnd) - 1
                while j >= Int(node.textStart) {
                    let b = tree.text[j]
                    if b > 0x20 { return b == UInt8(ascii: ".") || b == UInt8(ascii: "!") || b == UInt8(ascii: "?") }
                    j -= 1
                }
            }
            k -= 1
        }
        return false
    }

    // MARK: - Fallbacks

    /// Prose-like paragraphs of the whole page (the baseline).
    func allParagraphs(tree: ContentTree, statistics: ContentStatistics) -> [ParagraphCollector.Paragraph] {
        var collector = ParagraphCollector(
            tree: tree, statistics: statistics, lexicon: lexicon,
            maxLinkDensity: configuration.thresholds.maxParagraphLinkDensity)
        var i = 0
        while i < tree.nodes.count {
            let node = tree.nodes[i]
            if statistics.dropped[i] || node.isText {
                i = Int(node.end)
                continue
            }
            if node.roles.contains(.paragraph), statistics.chars[i] >= configuration.thresholds.minScoredChars {
                collector.collect(i)
                i = Int(node.end)
            } else {
                i += 1
            }
        }
        return collector.paragraphs
    }

    /// The longest `articleBody` string in the page's JSON-LD, if any.
    func jsonLDArticleBody(_ tree: ContentTree) -> String? {
        var best: String?
        func visit(_ value: Any) {
            if let dictionary = value as? [String: Any] {
                for (key, item) in dictionary {
                    if key == "articleBody", let body = item as? String, body.count > (best?.count ?? 0) {
                        best = body
                    } else {
                        visit(item)
                    }
                }
            } else if let array = value as? [Any] {
                array.forEach(visit)
            }
        }
        for bytes in tree.jsonLD {
            guard let value = try? JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
            else { continue }
            visit(value)
        }
        return best
    }

    private func join(_ paragraphs: [ParagraphCollector.Paragraph]) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(paragraphs.reduce(0) { $0 + $1.bytes.count + 1 })
        for p in paragraphs {
            if !bytes.isEmpty { bytes.append(0x0A) }
            bytes.append(contentsOf: p.bytes)
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
