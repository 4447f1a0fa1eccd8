import Foundation

/// Words that guide sentence segmentation, loaded from `segmentation.json` (bundled, one entry per language) or
/// built from a user's lists.
public struct SegmentationLexicon: Sendable, Codable {
    /// Lowercase abbreviations without their final period ("mr", "gen", "e.g").
    public var abbreviations: Set<String>
    /// Lowercase words that start a new sentence after an initialism ("the", "he").
    public var sentenceStarters: Set<String>
    /// Lowercase abbreviations that only abbreviate before a number ("no" in "No. 5").
    public var numberAbbreviations: Set<String>
    /// One-letter words written as a capital ("I"): a period after one may end a sentence, unlike an initial's.
    public var singleLetterWords: Set<String>

    public init(
        abbreviations: Set<String>, sentenceStarters: Set<String>, numberAbbreviations: Set<String> = [],
        singleLetterWords: Set<String> = []
    ) {
        self.abbreviations = abbreviations
        self.sentenceStarters = sentenceStarters
        self.numberAbbreviations = numberAbbreviations
        self.singleLetterWords = singleLetterWords
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            abbreviations: try c.decodeIfPresent(Set<String>.self, forKey: .abbreviations) ?? [],
            sentenceStarters: try c.decodeIfPresent(Set<String>.self, forKey: .sentenceStarters) ?? [],
            numberAbbreviations: try c.decodeIfPresent(Set<String>.self, forKey: .numberAbbreviations) ?? [],
            singleLetterWords: try c.decodeIfPresent(Set<String>.self, forKey: .singleLetterWords) ?? [])
    }

    /// This lexicon with `other`'s words added.
    public func merging(_ other: SegmentationLexicon) -> SegmentationLexicon {
        SegmentationLexicon(
            abbreviations: abbreviations.union(other.abbreviations),
            sentenceStarters: sentenceStarters.union(other.sentenceStarters),
            numberAbbreviations: numberAbbreviations.union(other.numberAbbreviations),
            singleLetterWords: singleLetterWords.union(other.singleLetterWords))
    }

    private static let bundledFile = BundledJSON.core(
        LanguageFile<SegmentationLexicon>.self, named: "segmentation")

    /// The words of every bundled language together: for text whose language is not known (a Russian
    /// abbreviation does not hurt English text).
    public static let bundled: SegmentationLexicon = bundledFile.languages.map(\.value).reduce(
        SegmentationLexicon(abbreviations: [], sentenceStarters: [])
    ) { $0.merging($1) }

    /// The bundled words of `language` (BCP 47), English when the language has no entry.
    public static func bundled(language: String?) -> SegmentationLexicon {
        bundledFile.entry(for: language)?.value ?? bundled
    }
}
