import Foundation

/// The data behind ``HTMLMetadataExtractor`` and ``HTMLDateExtractor``: meta names, class-name hints, date filler
/// words, byline words. Loaded from `Resources/html-metadata.json`; users may extend the file. Month names come
/// from the calendar lexicon of Core (``CalendarLexicon``), shared by every date reader.
public struct HTMLMetadataLexicon: Sendable, Decodable {
    var publishedMetaNames: Set<String> = []
    var modifiedMetaNames: Set<String> = []
    var publishedItemprops: Set<String> = []
    var modifiedItemprops: Set<String> = []
    var publishedJSONLDKeys: [String] = []
    var modifiedJSONLDKeys: [String] = []
    var publishedScriptKeys: [String] = []
    var modifiedScriptKeys: [String] = []
    var dateClassHints: [String] = []
    var publishedClassHints: [String] = []
    var modifiedClassHints: [String] = []
    var excludedZoneHints: [String] = []
    var excludedZoneTags: Set<String> = []
    var captionHints: [String] = []
    var captionTags: Set<String> = []
    var publishedWords: [String] = []
    var modifiedWords: [String] = []
    var dateFillerWords: Set<String> = []
    var ordinalSuffixes: Set<String> = []
    var yearWords: Set<String> = []
    var yearMarkers: [String] = []
    var monthMarkers: [String] = []
    var dayMarkers: [String] = []
    var monthFirstLanguages: Set<String> = []
    var authorMetaNames: [String] = []
    var bylineClassHints: [String] = []
    var bylinePrefixes: [String] = []
    var authorSeparators: [String] = []
    var siteNameMetaNames: [String] = []
    var titleMetaNames: [String] = []
    var descriptionMetaNames: [String] = []
    var languageMetaNames: [String] = []
    var titleSeparators: [String] = []
    var articleTypes: Set<String> = []
    var minYear: Int = 1995

    /// Lowercase month name or abbreviation of any language -> month number (1...12), from ``CalendarLexicon``.
    let monthNumbers: [String: Int]
    /// The class-name hint lists, indexed for one pass per element.
    let classHints: ClassHintIndex

    enum CodingKeys: String, CodingKey {
        case publishedMetaNames, modifiedMetaNames, publishedItemprops, modifiedItemprops, publishedJSONLDKeys
        case modifiedJSONLDKeys, publishedScriptKeys, modifiedScriptKeys, dateClassHints, publishedClassHints
        case modifiedClassHints, excludedZoneHints, excludedZoneTags, captionHints, captionTags, publishedWords,
            modifiedWords
        case dateFillerWords, ordinalSuffixes, yearWords, yearMarkers, monthMarkers, dayMarkers
        case monthFirstLanguages, authorMetaNames, bylineClassHints, bylinePrefixes, authorSeparators
        case siteNameMetaNames, titleMetaNames, descriptionMetaNames, languageMetaNames, titleSeparators
        case articleTypes, minYear
    }

    /// An empty lexicon: only language-neutral evidence (ISO dates, numeric dates) is used.
    public init() {
        monthNumbers = [:]
        classHints = Self.classHintIndex(excludedZone: [], date: [], published: [], modified: [], caption: [], byline: [])
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        func list(_ k: CodingKeys) throws -> [String] { try c.decodeIfPresent([String].self, forKey: k) ?? [] }
        func set(_ k: CodingKeys) throws -> Set<String> { Set(try list(k)) }
        publishedMetaNames = try set(.publishedMetaNames)
        modifiedMetaNames = try set(.modifiedMetaNames)
        publishedItemprops = try set(.publishedItemprops)
        modifiedItemprops = try set(.modifiedItemprops)
        publishedJSONLDKeys = try list(.publishedJSONLDKeys)
        modifiedJSONLDKeys = try list(.modifiedJSONLDKeys)
        publishedScriptKeys = try list(.publishedScriptKeys)
        modifiedScriptKeys = try list(.modifiedScriptKeys)
        dateClassHints = try list(.dateClassHints)
        publishedClassHints = try list(.publishedClassHints)
        modifiedClassHints = try list(.modifiedClassHints)
        excludedZoneHints = try list(.excludedZoneHints)
        excludedZoneTags = try set(.excludedZoneTags)
        captionHints = try list(.captionHints)
        captionTags = try set(.captionTags)
        publishedWords = try list(.publishedWords)
        modifiedWords = try list(.modifiedWords)
        dateFillerWords = try set(.dateFillerWords)
        ordinalSuffixes = try set(.ordinalSuffixes)
        yearWords = try set(.yearWords)
        yearMarkers = try list(.yearMarkers)
        monthMarkers = try list(.monthMarkers)
        dayMarkers = try list(.dayMarkers)
        monthFirstLanguages = try set(.monthFirstLanguages)
        authorMetaNames = try list(.authorMetaNames)
        bylineClassHints = try list(.bylineClassHints)
        bylinePrefixes = try list(.bylinePrefixes)
        authorSeparators = try list(.authorSeparators)
        siteNameMetaNames = try list(.siteNameMetaNames)
        titleMetaNames = try list(.titleMetaNames)
        descriptionMetaNames = try list(.descriptionMetaNames)
        languageMetaNames = try list(.languageMetaNames)
        titleSeparators = try list(.titleSeparators)
        articleTypes = try set(.articleTypes)
        minYear = try c.decodeIfPresent(Int.self, forKey: .minYear) ?? 1995
        monthNumbers = CalendarLexicon.bundled.monthNumbers
        classHints = Self.classHintIndex(
            excludedZone: excludedZoneHints, date: dateClassHints, published: publishedClassHints,
            modified: modifiedClassHints, caption: captionHints, byline: bylineClassHints)
    }

    private static func classHintIndex(
        excludedZone: [String], date: [String], published: [String], modified: [String], caption: [String],
        byline: [String]
    ) -> ClassHintIndex {
        ClassHintIndex([
            (excludedZone, .excludedZone), (date, .date), (published, .published), (modified, .modified),
            (caption, .caption), (byline, .byline), (["comment"], .comment),
        ])
    }

    /// Loads a lexicon from a JSON file.
    public static func load(from url: URL) throws -> HTMLMetadataLexicon {
        try JSONDecoder().decode(HTMLMetadataLexicon.self, from: Data(contentsOf: url))
    }

    /// The lexicon shipped with Parallax (`Resources/html-metadata.json`); like every bundled data file, a missing
    /// or invalid one is a packaging error that stops the program (it no longer degrades silently to no metadata).
    public static let bundled = BundledResource.decode(HTMLMetadataLexicon.self, from: "html-metadata")
}

extension HTMLMetadataLexicon {
    /// Whether an element is navigation, a footer, comments, a list of other articles and the like, whose dates
    /// and names are not the article's.
    func isExcludedZone(_ node: HTMLNode) -> Bool {
        isExcludedZone(node, roles: classHints.roles(in: node.classAndID))
    }

    /// ``isExcludedZone(_:)`` for an element whose class-name hint roles are known.
    func isExcludedZone(_ node: HTMLNode, roles: ClassHintIndex.Roles) -> Bool {
        let name = node.name
        if excludedZoneTags.contains(name) { return true }
        if name == "html" || name == "body" || name == "main" || name == "article" { return false }
        return roles.contains(.excludedZone)
    }
}
