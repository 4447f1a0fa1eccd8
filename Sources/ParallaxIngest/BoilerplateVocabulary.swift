import Foundation

/// Words and phrases that mark boilerplate and metadata lines, loaded from `boilerplate.json` or a user file.
///
/// All phrases are lowercase; digits in a line are replaced by `#` before matching, so `"# min read"` matches
/// "2 min read". See ``BoilerplateFilter`` for how each list is used.
public struct BoilerplateVocabulary: Sendable, Codable {
    /// A line that is exactly one of these (ignoring case and surrounding punctuation) is dropped.
    public var wholeLines: [String]
    /// A line starting with one of these is dropped when it is short and not a sentence, or the prefix ends
    /// with `:`/`|`/a dash ("Photo: ...", "Read more: ...").
    public var linePrefixes: [String]
    /// Longest line, in words, that a prefix alone may drop.
    public var shortPrefixMaxWords: Int
    /// Lines starting with these are copyright notices.
    public var copyrightMarkers: [String]
    /// Phrases that mark a line as boilerplate wherever it is (appeals, ad-blocker and correction prompts).
    public var anywherePhrases: [String]
    /// Phrases that mark a line as boilerplate wherever it is when the line also addresses the reader or speaks
    /// as the site ("support us", "join our community"): "Twitter's terms of service" in a report stays.
    public var appealPhrases: [String]
    /// Phrases that mark a line as boilerplate in the top or bottom zone when it is not a plain sentence.
    public var edgePhrases: [String]
    /// Words by which a site speaks of itself ("we", "our").
    public var selfReferenceWords: [String]
    /// Words that address the reader ("you", "your").
    public var readerWords: [String]
    /// Photo credit phrases ("via getty", "photo:").
    public var photoCredits: [String]
    /// Words allowed in a line that is only a timestamp ("gmt", "updated").
    public var timeWords: [String]
    /// Names and codes of languages, as in a site's language switcher.
    public var languageLabels: [String]
    /// Frequent short words; a lowercase line without any is a keyword slug.
    public var functionWords: [String]
    /// Words that open a byline ("by", "written by").
    public var bylinePrefixes: [String]
    /// Words that end the names in a byline ("staff", "correspondent").
    public var bylineStopWords: [String]
    /// Words of buttons and links ("accept", "preferences", "copy", "link"); a short line of only these is a
    /// control ("Accept all", "Copy link").
    public var controlWords: [String]
    /// Openings of a sign-up prompt ("sign up", "subscribe"); with a ``newsletterWords`` phrase, the line is one.
    public var signUpPrefixes: [String]
    /// Names of newsletters and alerts ("newsletter", "briefing").
    public var newsletterWords: [String]
    /// Staff credits ("reporting by", "editing by"), dropped when in brackets or two on a line.
    public var creditPrefixes: [String]

    /// The vocabulary shipped with Parallax.
    public static let bundled = BundledResource.decode(BoilerplateVocabulary.self, from: "boilerplate")

    /// Decodes a vocabulary; lists left out are empty, so a user file needs only the lists it adds to.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        func list(_ key: CodingKeys) throws -> [String] { try c.decodeIfPresent([String].self, forKey: key) ?? [] }
        wholeLines = try list(.wholeLines)
        linePrefixes = try list(.linePrefixes)
        shortPrefixMaxWords = try c.decodeIfPresent(Int.self, forKey: .shortPrefixMaxWords) ?? 0
        copyrightMarkers = try list(.copyrightMarkers)
        anywherePhrases = try list(.anywherePhrases)
        appealPhrases = try list(.appealPhrases)
        edgePhrases = try list(.edgePhrases)
        selfReferenceWords = try list(.selfReferenceWords)
        readerWords = try list(.readerWords)
        photoCredits = try list(.photoCredits)
        timeWords = try list(.timeWords)
        languageLabels = try list(.languageLabels)
        functionWords = try list(.functionWords)
        bylinePrefixes = try list(.bylinePrefixes)
        bylineStopWords = try list(.bylineStopWords)
        controlWords = try list(.controlWords)
        signUpPrefixes = try list(.signUpPrefixes)
        newsletterWords = try list(.newsletterWords)
        creditPrefixes = try list(.creditPrefixes)
    }

    /// The bundled vocabulary extended by a user file of the same shape (lowercase phrases).
    public static func load(extraFile: String) throws(IngestIssue) -> BoilerplateVocabulary {
        guard let data = FileManager.default.contents(atPath: extraFile) else {
            throw IngestIssue(input: extraFile, kind: .unreadable, message: "cannot read the boilerplate vocabulary file")
        }
        do {
            return bundled.merged(with: try JSONDecoder().decode(BoilerplateVocabulary.self, from: data))
        } catch {
            throw IngestIssue(input: extraFile, kind: .notJSON, message: "not a valid boilerplate vocabulary: \(error)")
        }
    }

    /// This vocabulary with every list extended by the lists of `other`.
    public func merged(with other: BoilerplateVocabulary) -> BoilerplateVocabulary {
        var v = self
        v.wholeLines += other.wholeLines
        v.linePrefixes += other.linePrefixes
        v.shortPrefixMaxWords = max(shortPrefixMaxWords, other.shortPrefixMaxWords)
        v.copyrightMarkers += other.copyrightMarkers
        v.anywherePhrases += other.anywherePhrases
        v.appealPhrases += other.appealPhrases
        v.readerWords += other.readerWords
        v.edgePhrases += other.edgePhrases
        v.selfReferenceWords += other.selfReferenceWords
        v.photoCredits += other.photoCredits
        v.timeWords += other.timeWords
        v.languageLabels += other.languageLabels
        v.functionWords += other.functionWords
        v.bylinePrefixes += other.bylinePrefixes
        v.bylineStopWords += other.bylineStopWords
        v.controlWords += other.controlWords
        v.signUpPrefixes += other.signUpPrefixes
        v.newsletterWords += other.newsletterWords
        v.creditPrefixes += other.creditPrefixes
        return v
    }
}
