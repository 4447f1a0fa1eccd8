import Foundation

/// Words that guide sentence segmentation, loaded from `segmentation.json` (bundled) or a user file.
public struct SegmentationLexicon: Sendable, Codable {
    /// Lowercase abbreviations without their final period ("mr", "gen", "e.g").
    public var abbreviations: Set<String>
    /// Lowercase words that start a new sentence after an initialism ("the", "he").
    public var sentenceStarters: Set<String>
    /// Lowercase abbreviations that only abbreviate before a number ("no" in "No. 5").
    public var numberAbbreviations: Set<String>

    public init(abbreviations: Set<String>, sentenceStarters: Set<String>, numberAbbreviations: Set<String> = []) {
        self.abbreviations = abbreviations
        self.sentenceStarters = sentenceStarters
        self.numberAbbreviations = numberAbbreviations
    }

    /// The lexicon shipped with Parallax.
    public static let bundled = BundledJSON.core(SegmentationLexicon.self, named: "segmentation")
}
