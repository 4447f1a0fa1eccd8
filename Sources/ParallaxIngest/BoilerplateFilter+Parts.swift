import ParallaxCore

extension BoilerplateFilter {
    /// A line of several sentences judged by its parts: when pass 1 drops the whole line (a "Read more" or a
    /// teaser phrase somewhere in it), its sentences are judged one by one and the line keeps those that are not
    /// boilerplate. Real articles often come as one long line (CSV and JSON exports); a body must not be lost for
    /// the furniture inside it. Lines of one sentence, and lines kept whole, are returned as they are.
    ///
    /// O(length of the line): the segmenter and the rules are linear, each sentence is judged once.
    func keepingParts(_ s: LineShape, segmenter: SentenceSegmenter) -> LineShape {
        guard s.words.count >= Self.minPartedWords, isDropped(s) else { return s }
        return keptParts(of: s, segmenter: segmenter)
    }

    /// The sentences of `s` that are not boilerplate, as one line (`s` itself when it has one sentence or when
    /// every sentence, or none, is boilerplate). For a line already known to be dropped.
    func keptParts(of s: LineShape, segmenter: SentenceSegmenter) -> LineShape {
        let text = s.text
        let spans = segmenter.sentences(in: text, paragraph: TextSpan(start: 0, end: text.utf8.count))
        guard spans.count > 1 else { return s }
        let kept = spans.map { text[span: $0] }.filter { !isDropped(LineShape($0)) }
        guard !kept.isEmpty, kept.count < spans.count else { return s }
        return LineShape(kept.joined(separator: " "))
    }

    /// Lines shorter than this (words) are judged whole: they are not bodies.
    static let minPartedWords = 40
}
