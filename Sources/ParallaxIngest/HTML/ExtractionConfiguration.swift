import Foundation

/// The data that drives ``MainTextExtractor``: tag roles, class/id hints, boilerplate lines and thresholds.
///
/// The defaults live in one data file, `Resources/extraction.json` (``ExtractionConfiguration/bundled``); users
/// extend the hint lists there or decode their own file. Hint patterns match whole tokens of an element's class
/// names and id (tokens split at `-`, `_` and camelCase boundaries; ``HintMatcher``): discard hints from the start
/// of a name (`"sidebar"` matches `sidebar-left` and `sidebarBox` but not `has-sidebar`), other hints from any
/// token start. A leading `-` asks for a token after the first (`"-promo"` matches `box-promo`, not
/// `node-promoted`); `|` marks the start or end of a whole name.
public struct ExtractionConfiguration: Codable, Sendable, Hashable {
    /// Elements dropped with their whole subtree before anything else (scripts, forms controls, media, captions).
    public var removedTags: [String]
    /// Page furniture (`nav`, `aside`, `footer`, ...): dropped unless they hold the article body.
    public var boilerplateTags: [String]
    /// Furniture tags kept inside an article container (`<article>`, `<main>`, a marked body): an article's own
    /// `<header>` holds its headline and lead.
    public var articleKeptTags: [String]
    /// Elements that start a new paragraph in the output.
    public var blockTags: [String]
    /// Elements that end a line (`br`).
    public var lineBreakTags: [String]
    /// Table cells: the cells of one row make one paragraph, separated by spaces.
    public var tableCellTags: [String]
    /// Hyperlinks (their text counts towards link density).
    public var linkTags: [String]
    /// Headings (kept in the output, scored down as containers).
    public var headingTags: [String]
    /// List items.
    public var listItemTags: [String]
    /// Paragraph-like elements whose text feeds the container scores.
    public var paragraphTags: [String]
    /// Containers that count as a paragraph when they hold text directly (a `div` used as a `p`).
    public var scoredContainerTags: [String]
    /// Initial score of a container by tag (readability's weights).
    public var tagScores: [String: Double]
    /// `itemprop` values (lowercase) that mark the article body.
    public var articleBodyItemprops: [String]
    /// ARIA roles of page furniture, treated like ``boilerplateTags``.
    public var boilerplateRoles: [String]
    /// ARIA roles that mark the main content.
    public var contentRoles: [String]
    /// Inline style fragments (spaces removed, lowercase) that hide an element.
    public var hiddenStyles: [String]
    /// Class/id hint patterns by role.
    public var hints: Hints
    /// Whole paragraphs (lowercased, trimmed) that are interface text, never article text.
    public var boilerplateLines: [String]
    /// Numeric knobs.
    public var thresholds: Thresholds

    /// Class/id hint patterns by role.
    public struct Hints: Codable, Sendable, Hashable {
        /// Subtrees to drop (comments, share bars, related links, newsletter boxes, ...), unless they hold the body.
        public var discard: [String]
        /// Lower a container's score (readability's negative pattern).
        public var negative: [String]
        /// Raise a container's score (readability's positive pattern).
        public var positive: [String]
        /// Page-layout wrappers (`content-wrap`, `main-column`): a discard hint on one that holds a large share of
        /// the page's text is ignored (`content-with-sidebar`).
        public var layout: [String]
        /// Strong evidence of the article body container (`article-body`, `entry-content`, ...).
        public var articleBody: [String]
    }

    /// Numeric knobs of the extractor.
    public struct Thresholds: Codable, Sendable, Hashable {
        /// Shortest output paragraph (characters) kept when it has no sentence punctuation.
        public var minParagraphChars: Int
        /// Shortest text (characters) of a paragraph that feeds container scores.
        public var minScoredChars: Int
        /// A sibling of the best container joins it when its score reaches this share of the best score.
        public var siblingScoreRatio: Double
        /// ... and at least this score.
        public var siblingMinScore: Double
        /// Candidates scoring at least this share of the best are alternatives (a body split into chunks).
        public var alternativeScoreRatio: Double
        /// How many alternatives the climbed-to ancestor must hold (fewer when there are fewer).
        public var alternativeCandidates: Int
        /// A climbed-to ancestor with more link text than this share is not used.
        public var maxContainerLinkDensity: Double
        /// Paragraphs with a larger share of link text are dropped.
        public var maxParagraphLinkDensity: Double
        /// Paragraphs shorter than this (characters) must look like prose to be kept outside the best container.
        public var shortParagraphChars: Int
        /// Main text shorter than this (characters) triggers the fallbacks (JSON-LD body, all paragraphs).
        public var minTextChars: Int
        /// Score bonus of an element whose class/id or itemprop marks the article body.
        public var articleBodyBonus: Double
        /// Score added (positive hints) or removed (negative hints) by class/id.
        public var classWeight: Double
        /// An element holding at least this share of the page's text is never dropped for its class/id.
        public var maxDroppedShare: Double
        /// A main text under this share of the page's text (or under ``minTextChars``) runs the fallback on the
        /// unpruned page.
        public var fallbackPageShare: Double
        /// The fallback's text replaces the main text when it is this many times longer.
        public var fallbackGain: Double
    }

    /// The configuration in the bundled `extraction.json`.
    public static let bundled = BundledResource.decode(ExtractionConfiguration.self, from: "extraction")
}
