/// Which article of a story reports which claim: claims as rows, member articles as columns.
///
/// Rows are ordered by how many articles report the claim (most first, ties in analysis order), so the claims
/// that one outlet left out while others carried them stand out. Rows are sparse (the reporting members only), so a
/// story of thousands of articles and claims costs its occurrences, not claims times articles.
struct CoverageMatrix: Sendable {
    struct Row: Sendable {
        let claim: Claim
        /// The reporting members by their index in the story: the sentences that carry the claim (an empty list when
        /// the analysis gave no span).
        let reporting: [Int: [SpanReference]]

        /// Member `index`'s cell: `nil` when it does not report the claim, else the sentences that carry it.
        func cell(_ index: Int) -> [SpanReference]? { reporting[index] }

        var count: Int { reporting.count }
    }

    let rows: [Row]

    init(_ context: StoryContext) {
        var indexOf: [String: Int] = [:]
        for (i, m) in context.members.enumerated() where indexOf[m.id] == nil { indexOf[m.id] = i }
        let rows = context.story.claims.map { claim in
            var reporting: [Int: [SpanReference]] = [:]
            for id in claim.articles { if let i = indexOf[id], reporting[i] == nil { reporting[i] = [] } }
            for o in claim.occurrences { if let i = indexOf[o.article] { reporting[i, default: []].append(o) } }
            return Row(claim: claim, reporting: reporting)
        }
        self.rows = rows.byReach(\.count)
    }

    var isEmpty: Bool { rows.isEmpty }
}
