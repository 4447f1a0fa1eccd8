import Foundation
import ParallaxCore

/// Entities whose names vary between outlets, and the forms of each name, loaded from `aliases.json` (bundled)
/// or a user file in the same format (see `docs/LEXICONS.md`).
public struct NamingLexicon: Sendable, Codable, Hashable {
    /// One entity (a place, a person, a body) and the forms of its name.
    public struct Entity: Sendable, Codable, Hashable {
        /// The reference name (`Kyiv`).
        public var name: String
        /// What kind of entity it is (`city`, `person`, ...), for display only.
        public var kind: String?
        /// Context about the naming choice.
        public var note: String?
        public var variants: [Variant]
        /// Phrases in which a form does not name this entity (`Chicken Kiev`, `Peking duck`).
        public var exclude: [String]?

        public init(
            name: String, kind: String? = nil, note: String? = nil, variants: [Variant], exclude: [String]? = nil
        ) {
            self.name = name
            self.kind = kind
            self.note = note
            self.variants = variants
            self.exclude = exclude
        }
    }

    /// One form of a name (`Kiev`) and the spellings that count as that form.
    public struct Variant: Sendable, Codable, Hashable {
        /// The form as shown in results.
        public var form: String
        /// Spellings that count as this form (default: `form` itself). `*` at a word's end matches any ending
        /// (`Киев*`); a word written with an initial capital matches only capitalized text.
        public var patterns: [String]?
        /// What using this form signals.
        public var note: String?

        public init(form: String, patterns: [String]? = nil, note: String? = nil) {
            self.form = form
            self.patterns = patterns
            self.note = note
        }

        /// The spellings matched: `patterns`, or the form itself.
        public var spellings: [String] { patterns ?? [form] }
    }

    public var entities: [Entity]
    /// Rewrites `[from, to]` (lowercase) that fold the spellings of one sound across transliteration systems
    /// before names are compared for variants (``NameVariantFinder``): `zh` -> `z`, `kh` -> `h`, `g` -> `h`.
    public var variantFolding: [[String]]?

    public init(entities: [Entity], variantFolding: [[String]]? = nil) {
        self.entities = entities
        self.variantFolding = variantFolding
    }

    /// The lexicon shipped with Parallax (`Resources/aliases.json`).
    public static let bundled: NamingLexicon = LexiconError.bundled(NamingLexicon.self, named: "aliases")

    /// Reads a lexicon file; the error names the file and the field at fault.
    public init(contentsOf url: URL) throws { self = try LexiconError.load(NamingLexicon.self, from: url) }

    /// This lexicon with `other`'s entries added; an entity of the same name gets the other's variants added
    /// (a variant of the same form replaced).
    public func merging(_ other: NamingLexicon) -> NamingLexicon {
        var result = self
        for entity in other.entities {
            guard let i = result.entities.firstIndex(where: { $0.name == entity.name }) else {
                result.entities.append(entity)
                continue
            }
            for variant in entity.variants {
                if let j = result.entities[i].variants.firstIndex(where: { $0.form == variant.form }) {
                    result.entities[i].variants[j] = variant
                } else {
                    result.entities[i].variants.append(variant)
                }
            }
            result.entities[i].exclude = (result.entities[i].exclude ?? []) + (entity.exclude ?? [])
        }
        if let folding = other.variantFolding { result.variantFolding = folding }
        return result
    }

    /// The note of a form of an entity, if the lexicon has one.
    public func note(entity: String, form: String) -> String? {
        entities.first { $0.name == entity }?.variants.first { $0.form == form }?.note
    }

    /// Map from the normalized single-word spellings (no `*`) to the lowercased reference name, for matching
    /// text across spellings (`kharkov` -> `kharkiv`).
    var canonicalWords: [String: String] {
        var map: [String: String] = [:]
        for entity in entities {
            let name = Tokenizer.norm(entity.name)
            for variant in entity.variants {
                for spelling in variant.spellings where !spelling.contains("*") {
                    let words = PhraseMatcher.words(of: spelling)
                    if words.count == 1 { map[Tokenizer.norm(words[0])] = name }
                }
            }
        }
        return map
    }
}
