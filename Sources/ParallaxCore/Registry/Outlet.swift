/// A news outlet or agency known to the ``OutletRegistry``.
///
/// Loaded from `outlets.json` (bundled) and from user files; every field but `name` may be left out there.
public struct Outlet: Hashable, Sendable, Codable {
    /// Who owns or controls an outlet.
    public enum Ownership: String, Hashable, Sendable, Codable {
        case stateOwned = "state-owned"
        case publicService = "public"
        case privatelyOwned = "private"
        case independent
    }

    /// Whether it publishes its own articles or distributes copy to other outlets.
    public enum Kind: String, Hashable, Sendable, Codable {
        case outlet
        case agency
    }

    /// Canonical display name (`"TASS"`, `"The New York Times"`).
    public var name: String
    /// Registrable domains it publishes under (`"nytimes.com"`); subdomains match too.
    public var domains: [String]
    /// Other names, including dateline forms (`"NYT"`, `"ITAR-TASS"`).
    public var aliases: [String]
    /// Names or aliases that are also common words (`"Time"`, `"Dawn"`): valid for lookups by name, but not
    /// reported by ``OutletRegistry/mentions(in:)`` when found in running text.
    public var ambiguous: [String]
    /// ISO 3166-1 alpha-2 country code of its seat, when known.
    public var country: String?
    /// Ownership, when known.
    public var ownership: Ownership?
    /// Outlet or agency.
    public var kind: Kind
    /// The State Media Monitor typology code of a state-affiliated outlet, as the source list writes it (`"SC"`
    /// state-controlled, `"CaPu"` captured public, `"CaPr"` captured private, `"ISFM"`, `"ISF"`, `"ISM"`, `"IP"`
    /// independent public; see docs/LEXICONS.md), when known.
    public var typology: String?

    public init(
        name: String, domains: [String] = [], aliases: [String] = [], ambiguous: [String] = [],
        country: String? = nil, ownership: Ownership? = nil, kind: Kind = .outlet, typology: String? = nil
    ) {
        self.name = name
        self.domains = domains
        self.aliases = aliases
        self.ambiguous = ambiguous
        self.country = country
        self.ownership = ownership
        self.kind = kind
        self.typology = typology
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        domains = try c.decodeIfPresent([String].self, forKey: .domains) ?? []
        aliases = try c.decodeIfPresent([String].self, forKey: .aliases) ?? []
        ambiguous = try c.decodeIfPresent([String].self, forKey: .ambiguous) ?? []
        country = try c.decodeIfPresent(String.self, forKey: .country)
        ownership = try c.decodeIfPresent(Ownership.self, forKey: .ownership)
        kind = try c.decodeIfPresent(Kind.self, forKey: .kind) ?? .outlet
        typology = try c.decodeIfPresent(String.self, forKey: .typology)
    }

    /// The name and every alias.
    public var allNames: [String] { [name] + aliases }
}
