/// A resolved speaker or source.
public struct Speaker: Sendable, Hashable, Codable {
    /// The name ("John Kirby", "Politico") or the described source as written ("a U.S. official").
    public var name: String
    /// The role given with a name ("National Security Council spokesman").
    public var role: String?
    public var kind: Citation.SourceKind
    /// Span of the mention as written (e.g. "he").
    public var mention: TextSpan
    /// Whether the mention was a pronoun or description resolved to an earlier mention.
    public var isAnaphor: Bool
    /// Whether this is a pronoun that could not be resolved ("he" with no person named before).
    public var isUnresolvedPronoun: Bool

    public init(
        name: String, role: String?, kind: Citation.SourceKind, mention: TextSpan, isAnaphor: Bool,
        isUnresolvedPronoun: Bool = false
    ) {
        self.name = name
        self.role = role
        self.kind = kind
        self.mention = mention
        self.isAnaphor = isAnaphor
        self.isUnresolvedPronoun = isUnresolvedPronoun
    }
}
