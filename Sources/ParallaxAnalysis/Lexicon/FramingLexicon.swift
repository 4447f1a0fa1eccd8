import Foundation
import ParallaxCore

/// Stance-marked phrases and what each signals, loaded from `framing.json` (bundled) or a user file in the same
/// format (see `docs/LEXICONS.md`).
public struct FramingLexicon: Sendable, Codable, Hashable {
    /// One stance-marked phrase.
    public struct Entry: Sendable, Codable, Hashable {
        /// The phrase as shown in results (`Kiev regime`).
        public var phrase: String
        /// Spellings and inflections that count as the phrase (default: the phrase). `*` at a word's end matches
        /// any ending (`liberat*`).
        public var forms: [String]?
        /// What the phrase signals.
        public var note: String?
        /// Whose usage it typically is (`Russian official`, `Ukrainian`, ...), if it has one.
        public var side: String?
        /// When set, a use counts only if one of these words (or `*` prefixes) stands within `window` words in
        /// the same sentence: keeps ambiguous words such as `liberated` precise.
        public var near: [String]?
        /// Distance in words for `near` (default 4).
        public var window: Int?
        /// Phrases containing a form that are not uses of it.
        public var exclude: [String]?

        public init(
            phrase: String, forms: [String]? = nil, note: String? = nil, side: String? = nil, near: [String]? = nil,
            window: Int? = nil, exclude: [String]? = nil
        ) {
            self.phrase = phrase
            self.forms = forms
            self.note = note
            self.side = side
            self.near = near
            self.window = window
            self.exclude = exclude
        }

        /// The spellings matched: `forms`, or the phrase itself.
        public var spellings: [String] { forms ?? [phrase] }
    }

    public var entries: [Entry]
    /// Words and phrases that distance a writer from the phrase right after them ("self-proclaimed", "so-called",
    /// "what Moscow calls"); `*` stands for any one word. A use with one of them within `qualifierWindow` words
    /// before it, in the same clause, is qualified, not bare.
    public var qualifiers: [String]?

    public init(entries: [Entry], qualifiers: [String]? = nil) {
        self.entries = entries
        self.qualifiers = qualifiers
    }

    /// The lexicon shipped with Parallax (`Resources/framing.json`).
    public static let bundled: FramingLexicon = LexiconError.bundled(FramingLexicon.self, named: "framing")

    /// Reads a lexicon file; the error names the file and the field at fault.
    public init(contentsOf url: URL) throws { self = try LexiconError.load(FramingLexicon.self, from: url) }

    /// This lexicon with `other`'s entries added; an entry with the same phrase is replaced.
    public func merging(_ other: FramingLexicon) -> FramingLexicon {
        var result = self
        result.entries = entries.merged(with: other.entries, by: \.phrase)
        if let more = other.qualifiers { result.qualifiers = Array(Set((qualifiers ?? []) + more)).sorted() }
        return result
    }
}
