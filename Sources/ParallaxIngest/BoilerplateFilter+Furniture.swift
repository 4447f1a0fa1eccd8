import Foundation

/// Page-furniture rules of the ``BoilerplateFilter``: consent and share controls, newsletter prompts, wire credit
/// lines, captions with a credit in parentheses (wherever they stand), and breadcrumbs, mastheads, section labels
/// and link lists (in the top or bottom zone). Each rule judges a line by its shape, its place and the
/// furniture vocabulary of `boilerplate.json`, never by a known site.
extension BoilerplateFilter {
    /// Separators of breadcrumbs and mastheads ("Home › News", "LEDGER | LOCAL NEWS"); `/`, `|` and `>` count only
    /// with blanks around them.
    static let breadcrumbMarks: Set<Character> = ["›", "»", "|", "/", ">", "·", "•", "→", "‹", "«"]
    static let spacedOnlyMarks: Set<Character> = ["|", "/", ">", "·", "•"]

    /// Why `s` is furniture wherever it stands, or `nil`.
    func furnitureReason(for s: LineShape) -> Reason? {
        if isControlLine(s) { return .navigation }
        if isNewsletterPrompt(s) { return .appeal }
        if isCreditLine(s) { return .byline }
        if isCaptionWithCredit(s) { return .photoCaption }
        return nil
    }

    /// A short line of interface words only ("Accept all", "Manage preferences", "Copy link"): a button.
    func isControlLine(_ s: LineShape) -> Bool {
        guard (1...5).contains(s.words.count), !s.endsSentence, !s.text.contains(where: \.isNumber) else {
            return false
        }
        let words = s.bareKey.split(whereSeparator: { !LineShape.isWordChar($0) && $0 != "'" })
        return !words.isEmpty && words.allSatisfy { vocabulary.controlWords.contains(String($0)) }
    }

    /// "Sign up for our morning briefing.": a sign-up verb opening a short line that names a newsletter.
    func isNewsletterPrompt(_ s: LineShape) -> Bool {
        guard s.words.count <= 30,
            vocabulary.signUpPrefixes.contains(where: { LineShape.rest(of: s.bareKey, afterPrefix: $0) != nil })
        else { return false }
        return vocabulary.newsletterWords.contains { LineShape.contains(s.key, phrase: $0) }
    }

    /// "(Reporting by Jane Doe; editing by John Roe)": a staff credit in brackets, or a line of two or more
    /// credits.
    func isCreditLine(_ s: LineShape) -> Bool {
        guard s.words.count <= 40,
            vocabulary.creditPrefixes.contains(where: { LineShape.rest(of: s.bareKey, afterPrefix: $0) != nil })
        else { return false }
        if let first = s.text.first, let last = s.text.last, "([".contains(first), ")]".contains(last) { return true }
        return vocabulary.creditPrefixes.filter { LineShape.contains(s.key, phrase: $0) }.count >= 2
    }

    /// "Water covers the road on Tuesday. (Jane Doe/Gazette)": sentences closed by a bracketed name of a few
    /// capitalized words, a photo credit.
    func isCaptionWithCredit(_ s: LineShape) -> Bool {
        guard s.words.count <= 45, s.text.last == ")", let open = s.text.lastIndex(of: "(") else { return false }
        let before = s.text[..<open].trimmingCharacters(in: .whitespaces)
        guard LineShape.endsSentence(before), before.split(separator: " ").count >= 3 else { return false }
        let inside = s.text[s.text.index(after: open)..<s.text.index(before: s.text.endIndex)]
        let words = inside.split(whereSeparator: { $0 == " " || $0 == "/" })
        guard (1...6).contains(words.count), !inside.contains(where: { ".!?;:,\"“”".contains($0) || $0.isNumber }),
            !words.allSatisfy({ vocabulary.controlWords.contains($0.lowercased()) })  // "(More)" is a link
        else { return false }
        return words.first?.first?.isUppercase == true
            && words.allSatisfy { $0.first?.isUppercase == true || $0.count <= 3 }
    }

    // MARK: - Zones

    /// Drops the furniture of the top and bottom zones from `keep`: breadcrumbs and mastheads at either edge,
    /// section labels above the first body paragraph, link lists below the last. Nothing is dropped when the text
    /// has no body paragraph (a zone is then undefined).
    func dropZoneFurniture(_ shapes: [LineShape], keep: inout [Bool], firstBody: Int, lastBody: Int) {
        guard firstBody <= lastBody else { return }
        for i in shapes.indices where keep[i] && (i < firstBody || i > lastBody) {
            if isBreadcrumb(shapes[i]) || (i < firstBody && isSectionLabel(inTopZone: shapes[i])) { keep[i] = false }
        }
        // Below the last paragraph, a line that is not a sentence and follows a dropped line is a link-list entry
        // (a related headline under "Related stories", "Advertisement", a caption), but not one under a bare date.
        var previousDropped = false
        for i in shapes.indices where i > lastBody && !shapes[i].text.isEmpty {
            let s = shapes[i]
            if keep[i], previousDropped, isLinkHeadline(s) {
                keep[i] = false
            }
            previousDropped = !keep[i] && !isTimestamp(s)  // a bare date heads no link list
        }
    }

    /// Shaped like the headline of a linked article: 4 to 16 words, capitalized, no final punctuation, at most
    /// one comma (a list of names or prices is not a headline).
    func isLinkHeadline(_ s: LineShape) -> Bool {
        (4...16).contains(s.words.count) && !s.endsSentence && s.finalMark != ":"
            && s.text.first.map({ $0.isUppercase || $0.isNumber }) == true
            && s.text.filter({ $0 == "," }).count <= 1 && !s.text.contains(" : ")
    }

    /// Short segments joined by separators ("Home › News › World", "GAZETTE | LOCAL NEWS"), none a sentence.
    func isBreadcrumb(_ s: LineShape) -> Bool {
        guard s.words.count <= 16, !s.endsSentence else { return false }
        var segments: [Substring] = []
        var start = s.text.startIndex
        var i = s.text.startIndex
        while i < s.text.endIndex {
            let c = s.text[i]
            let next = s.text.index(after: i)
            if Self.breadcrumbMarks.contains(c) {
                let spaced = (i == s.text.startIndex || s.text[s.text.index(before: i)] == " ")
                    && (next == s.text.endIndex || s.text[next] == " ")
                if spaced || !Self.spacedOnlyMarks.contains(c) {
                    segments.append(s.text[start..<i])
                    start = next
                }
            }
            i = next
        }
        guard !segments.isEmpty else { return false }
        segments.append(s.text[start...])
        let parts = segments.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return parts.count >= 2
            && parts.allSatisfy { part in
                let words = part.split(separator: " ")
                return words.count <= 4 && !LineShape.endsSentence(part) && part.first?.isLowercase != true
                    && !part.contains(where: \.isNumber)
            }
    }

    /// Above the first paragraph: a kicker or section label of up to three capitalized words ("Business",
    /// "World News"), with no digits and no final punctuation.
    func isSectionLabel(inTopZone s: LineShape) -> Bool {
        guard (1...3).contains(s.words.count), s.text.first?.isUppercase == true,
            !s.text.contains(where: { $0.isNumber || ".!?:;,\"“”'’()".contains($0) })
        else { return false }
        return s.words.allSatisfy { $0.first?.isUppercase == true || $0.first == "&" || $0.count <= 4 }
    }
}
