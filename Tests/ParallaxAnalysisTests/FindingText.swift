import ParallaxCore

/// The sentence a finding points at, sliced from `documents` (findings keep spans, not text).
func sentence(_ finding: some SentenceAnchored, in documents: [Document]) -> String {
    ArticleTexts(documents: documents).sentence(of: finding)
}
