/// Which article of a story reports which claim: claims as rows, member articles as columns.
///
/// Rows are ordered by how many articles report the claim (most first, ties in analysis order), so the claims
/// that one outlet left out while others carried them stand out.
struct CoverageMatrix: Sendable {
    struct Row: Sendable {
        let claim: Claim
        /// One cell per member article, in member order: `nil` when the article does not report the claim,
        /// otherwise the sentence that carries it (an empty reference list when the analysis gave no span).
        let cells: [[SpanReference]?]

        var count: Int { cells.count { $0 != nil } }
    }

    let rows: [Row]

    init(_ context: StoryContext) {
        let members = context.members
        let rows = context.story.claims.map { claim in
            let reporting = Set(claim.articles).union(claim.occurrences.map(\.article))
            let cells: [[SpanReference]?] = members.map { m in
                reporting.contains(m.id) ? claim.occurrences.filter { $0.article == m.id } : nil
            }
            return Row(claim: claim, cells: cells)
        }
        self.rows = rows.enumerated().sorted { ($0.element.count, -$0.offset) > ($1.element.count, -$1.offset) }
            .map(\.element)
    }

    var isEmpty: Bool { rows.isEmpty }
}
