import ParallaxCore

extension Document {
    /// The span of sentence `index` extended back over the sentences it continues.
    ///
    /// Real input breaks sentences at stray line ends ("an assault around Kharkov\naround May 10, wrote ...");
    /// a sentence that starts with a lowercase letter or with `,;:)` continues the one before it.
    func logicalSentenceSpan(of index: Int) -> TextSpan {
        var first = index
        while first > 0, continuesPrevious(sentences[first]) { first -= 1 }
        return TextSpan(start: sentences[first].span.start, end: sentences[index].span.end)
    }

    private func continuesPrevious(_ sentence: Sentence) -> Bool {
        guard let s = text(of: sentence.span).unicodeScalars.first else { return false }
        if s.properties.isLowercase { return true }
        return s == "," || s == ";" || s == ":" || s == ")"
    }
}

extension ArraySlice where Element == Token {
    /// For each token, whether an odd number of quotation marks (``SynthesisBuilder/isQuotationMark(_:)``) stand
    /// before it in the slice: inside a quotation, as far as one sentence tells. O(tokens).
    var insideQuotation: [Bool] {
        var inside = false
        return map { token in
            defer { if token.kind == .punctuation, SynthesisBuilder.isQuotationMark(token.norm) { inside.toggle() } }
            return inside
        }
    }
}

extension Array where Element == SpanReference {
    /// The distinct article ids of these references, in first-seen order.
    var articleIDs: [String] { map(\.article).distinctInOrder }
}

extension Array where Element: Hashable {
    /// The distinct elements, in first-seen order.
    var distinctInOrder: [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}
