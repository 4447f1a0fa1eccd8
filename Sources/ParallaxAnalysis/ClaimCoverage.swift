/// The coverage matrix of a story's claims (rows) by its articles (columns), with the questions it answers.
///
/// Built from ``ClaimAligner`` output: which claims only one outlet reports, which outlets omit a claim that most
/// others carry. O(claims x articles).
public struct ClaimCoverage: Sendable, Hashable {
    /// An article that leaves out a widely reported claim.
    public struct Omission: Sendable, Hashable {
        public var claim: String
        /// Articles of the story that do not carry the claim.
        public var missing: [String]

        public init(claim: String, missing: [String]) {
            self.claim = claim
            self.missing = missing
        }
    }

    public let claims: [Claim]
    /// The story's articles, in story order (the columns).
    public let articles: [String]
    /// `matrix[claim][article]`: whether the article carries the claim.
    public let matrix: [[Bool]]

    public init(claims: [Claim], story: Story) {
        self.claims = claims
        self.articles = story.articles
        let column = Dictionary(story.articles.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        self.matrix = claims.map { claim in
            var row = [Bool](repeating: false, count: story.articles.count)
            for a in claim.articles { if let c = column[a] { row[c] = true } }
            return row
        }
    }

    /// Claims that exactly one article reports, as `(claim id, article id)`, in claim order.
    public func exclusive() -> [(claim: String, article: String)] {
        claims.filter { $0.articles.count == 1 }.map { ($0.id, $0.articles[0]) }
    }

    /// Claims carried by at least `minimumShare` of the articles (and at least two), with the articles that omit
    /// them; claims every article carries are left out.
    public func omissions(minimumShare: Double = 0.5) -> [Omission] {
        zip(claims, matrix).compactMap { claim, row in
            let carried = row.filter { $0 }.count
            guard carried >= 2, Double(carried) >= minimumShare * Double(articles.count), carried < articles.count
            else { return nil }
            return Omission(claim: claim.id, missing: zip(articles, row).filter { !$0.1 }.map(\.0))
        }
    }
}
