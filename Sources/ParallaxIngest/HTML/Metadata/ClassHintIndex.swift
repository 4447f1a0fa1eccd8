/// Which lists of class-name hints (excluded zones, dates, bylines...) occur in an element's lowercased class and
/// id, found in one pass over its bytes.
///
/// Hints spelled in the ``HintMatcher`` alphabet (`a`-`z`, `0`-`9`, `-`, `_`) go into one automaton; any other hint
/// ("дата") is searched for byte by byte. Same answers as testing each hint with a substring search.
struct ClassHintIndex: Sendable {
    /// One bit per hint list.
    struct Roles: OptionSet, Sendable {
        let rawValue: UInt32
        static let excludedZone = Roles(rawValue: 1 << 0)
        static let date = Roles(rawValue: 1 << 1)
        static let published = Roles(rawValue: 1 << 2)
        static let modified = Roles(rawValue: 1 << 3)
        static let caption = Roles(rawValue: 1 << 4)
        static let byline = Roles(rawValue: 1 << 5)
        static let comment = Roles(rawValue: 1 << 6)
    }

    private let matcher: HintMatcher
    private let others: [(hint: String, roles: Roles)]

    /// Indexes hint lists, each with the role it signals; empty hints are ignored.
    init(_ lists: [(hints: [String], roles: Roles)]) {
        var patterns: [(String, UInt32)] = []
        var others: [(hint: String, roles: Roles)] = []
        for (hints, roles) in lists {
            for hint in hints where !hint.isEmpty {
                if hint.utf8.allSatisfy(Self.inAlphabet) {
                    patterns.append((hint, roles.rawValue))
                } else {
                    others.append((hint, roles))
                }
            }
        }
        matcher = HintMatcher(patterns: patterns)
        self.others = others
    }

    private static func inAlphabet(_ b: UInt8) -> Bool {
        (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9"))
            || b == UInt8(ascii: "-") || b == UInt8(ascii: "_")
    }

    /// The roles of every hint found in `classAndID` (lowercased; uppercase ASCII would fold like lowercase).
    func roles(in classAndID: String) -> Roles {
        guard !classAndID.isEmpty else { return [] }
        var roles = Roles(rawValue: matcher.roles(in: classAndID))
        for (hint, r) in others where !roles.contains(r) && classAndID.containsAny(of: [hint]) { roles.formUnion(r) }
        return roles
    }
}
