import ParallaxCore

/// Finds the paragraphs of a document that are photo captions or credits, not reporting: a paragraph opened by a
/// caption label (`Photo:`, `FILE PHOTO:`, `Фото:`), or a short one with a photo credit (whole words) at its start
/// or closing it (`REUTERS/Jane Doe`, `(Getty Images)`, `AFP via Getty Images`, `Handout via Reuters`).
///
/// Captions carry dates ("... in Kharkiv, Ukraine, May 25, 2024. REUTERS/Name") that are when a picture was taken,
/// not events of the story; the timeline leaves them out. Labels and credits are data (`timeline.json`).
/// O(paragraph starts and ends · credits): only the first and last bytes of short paragraphs are searched.
public struct CaptionDetector: Sendable {
    /// Words that open a caption when a colon follows them (`photo`, `file photo`), lowercase.
    public let labels: [String]
    /// Credit phrases (`getty images`, `reuters/`, `photo by`), lowercase.
    public let credits: [String]
    /// Most words of a paragraph with a credit to be a caption (captions are short).
    public var maximumWords = 60
    /// How near its end (in UTF-8 bytes) a credit must start to close a paragraph.
    public var tailBytes = 80

    /// Creates a detector over caption labels and credit phrases (matched lowercased).
    public init(labels: [String], credits: [String]) {
        self.labels = labels.map { $0.lowercased() }
        self.credits = credits.map { $0.lowercased() }
    }

    /// The indices of `document`'s paragraphs that are captions or credits.
    public func captionParagraphs(of document: Document) -> Set<Int> {
        guard !labels.isEmpty || !credits.isEmpty else { return [] }
        var wordCounts = [Int](repeating: 0, count: document.paragraphs.count)
        for sentence in document.sentences where wordCounts.indices.contains(sentence.paragraph) {
            wordCounts[sentence.paragraph] += sentence.tokens.count
        }
        var result: Set<Int> = []
        for (p, span) in document.paragraphs.enumerated() {
            let text = String(document.text[span: span]).lowercased()
            if opensWithLabel(text) || wordCounts[p] <= maximumWords && hasCredit(text) { result.insert(p) }
        }
        return result
    }

    /// Whether the text starts with a label and a colon (`photo:`, `file photo :`), after an opening bracket.
    private func opensWithLabel(_ text: String) -> Bool {
        let head = text.drop { $0 == " " || $0 == "(" || $0 == "[" }
        return labels.contains { label in
            guard head.hasPrefix(label) else { return false }
            return head.dropFirst(label.count).drop { $0 == " " }.first == ":"
        }
    }

    /// Whether a credit phrase, at word boundaries, starts the text or starts within its last `tailBytes` (a
    /// credit closes a caption: "... May 25, 2024. REUTERS/Jane Doe").
    private func hasCredit(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        func isWordByte(_ b: UInt8) -> Bool { b >= 0x80 || (b >= 0x30 && b <= 0x39) || (b >= 0x61 && b <= 0x7A) }
        for credit in credits {
            let needle = Array(credit.utf8)
            guard let first = needle.first, let last = needle.last, needle.count <= bytes.count else { continue }
            func matches(at i: Int) -> Bool {
                guard bytes[i] == first, bytes[i..<(i + needle.count)].elementsEqual(needle) else { return false }
                if isWordByte(first), i > 0, isWordByte(bytes[i - 1]) { return false }
                let after = i + needle.count
                return !(isWordByte(last) && after < bytes.count && isWordByte(bytes[after]))
            }
            if matches(at: 0) { return true }
            var i = max(bytes.count - tailBytes, 1)
            while i + needle.count <= bytes.count {
                if matches(at: i) { return true }
                i += 1
            }
        }
        return false
    }
}
