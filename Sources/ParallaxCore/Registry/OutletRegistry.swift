import Foundation

/// Known news outlets and agencies: lookup by domain, by name or alias, and outlet names mentioned in text.
///
/// The bundled table (`outlets.json`) holds well-known international outlets and agencies; users extend or
/// correct it with their own file of the same shape (``load(extraFile:)``). Name lookups ignore case,
/// diacritics, punctuation and a leading "the": "the New York Times" finds "The New York Times".
public struct OutletRegistry: Sendable {
    /// A problem reading a registry file.
    public struct LoadError: Error, Sendable, CustomStringConvertible {
        /// The file that could not be used.
        public var path: String
        /// What is wrong with it.
        public var message: String
        public var description: String { "\(path): \(message)" }
    }

    /// An outlet name found in running text.
    public struct Mention: Hashable, Sendable {
        /// The outlet named.
        public var outlet: Outlet
        /// UTF-8 byte span of the name in the text (without a leading "the").
        public var span: TextSpan
    }

    private struct File: Codable {
        var outlets: [Outlet]
    }

    /// How an added outlet meets a known one with the same domain or name.
    private enum Merge {
        /// The added outlet's fields replace the known ones (a user's file).
        case override
        /// The known outlet's fields stay; the added one only fills gaps (the state-media list under the
        /// hand-written table).
        case fillIn
    }

    /// The outlets, in file order (bundled first, then user additions).
    public private(set) var outlets: [Outlet]
    /// Name keys (``key(_:)``) -> outlet index.
    private var byKey: [String: Int] = [:]
    /// Registrable domains and hosts -> outlet index.
    private var byDomain: [String: Int] = [:]
    /// Mention keys (name words joined by a space) -> (outlet index, case pattern of the written name).
    private var mentionKeys: [String: [(Int, [NameWord])]] = [:]
    private var maxMentionWords = 1
    /// The most words of any name (for longest-match scans).
    private var maxNameWords = 1
    /// Name keys whose outlet marks them ambiguous.
    private var ambiguousKeys: Set<String> = []

    /// Creates a registry from outlets; a later outlet with the same name or domain is merged into the earlier one.
    public init(outlets: [Outlet]) {
        self.outlets = []
        for outlet in outlets { add(outlet, merge: .override) }
    }

    /// The outlets shipped with Parallax: the hand-written `outlets.json`, then the state-affiliated outlets of
    /// `outlets-state-media.json` (ASD / State Media Monitor, MIT licence) merged under it by domain and name.
    public static let bundled = loadBundled()

    /// Reads the bundled files (each call reads them again: ``bundled`` keeps one); without `stateMedia`, the
    /// hand-written table alone (to measure what the state-media list costs at load).
    static func loadBundled(stateMedia: Bool = true) -> OutletRegistry {
        guard let table = resource("outlets") else {
            fatalError("ParallaxCore resource outlets.json is missing or invalid")
        }
        var registry = OutletRegistry(outlets: table)
        guard stateMedia else { return registry }
        guard let list = resource("outlets-state-media") else {
            fatalError("ParallaxCore resource outlets-state-media.json is missing or invalid")
        }
        for outlet in list { registry.add(outlet, merge: .fillIn) }
        return registry
    }

    private static func resource(_ name: String) -> [Outlet]? {
        guard let url = Bundle.module.url(forResource: name, withExtension: "json"),
            let data = try? Data(contentsOf: url)
        else { return nil }
        return try? decodeOutlets(data, path: name + ".json")
    }

    /// Loads the bundled registry and merges the outlets of `extraFile` (same JSON shape) into it.
    ///
    /// An outlet in the extra file whose name (or an alias) or domain matches a known one extends it: its domains
    /// and aliases are added and its country, ownership, kind and typology replace the known ones.
    public static func load(extraFile: String? = nil) throws(LoadError) -> OutletRegistry {
        var registry = bundled
        guard let extraFile else { return registry }
        guard let data = FileManager.default.contents(atPath: extraFile) else {
            throw LoadError(path: extraFile, message: "cannot read the outlet file (missing or not readable)")
        }
        for outlet in try decodeOutlets(data, path: extraFile) { registry.add(outlet, merge: .override) }
        return registry
    }

    private static func decodeOutlets(_ data: Data, path: String) throws(LoadError) -> [Outlet] {
        do {
            return try JSONDecoder().decode(File.self, from: data).outlets
        } catch {
            throw LoadError(path: path, message: "not a valid outlet file: \(error)")
        }
    }

    /// Every name and alias of every outlet (for building matchers elsewhere).
    public var allNames: [String] { outlets.flatMap(\.allNames) }

    /// The outlet with this name or alias, ignoring case, diacritics and punctuation.
    ///
    /// A leading "the" may be left out of a name of three words or more ("New York Times"), and written before
    /// any name ("the BBC"); a name that is "The" and one word needs its article: "Times" or "Washington Times"
    /// never find "The Times".
    public func outlet(named name: some StringProtocol) -> Outlet? {
        index(ofKey: OutletRegistry.key(name)).map { outlets[$0] }
    }

    /// The outlet with the longest name written in `text`, matched over whole words (case-insensitive): the
    /// longest known name wins ("The Washington Times" over "The Times"), then the earliest.
    ///
    /// For short texts that may carry an outlet's name among other words (a site name, a copyright line). Names
    /// that are also common words (`"Time"`, `"Daily News"`) count only with `includingAmbiguous`.
    /// O(n · k) for n words and k = the most words of any name.
    public func outlet(longestIn text: some StringProtocol, includingAmbiguous: Bool = false) -> Outlet? {
        let keys = OutletRegistry.words(of: String(text)).map(\.key)
        for n in stride(from: min(maxNameWords + 1, keys.count), through: 1, by: -1) {
            for start in 0...(keys.count - n) {
                let key = keys[start..<(start + n)].joined(separator: " ")
                if let index = byKey[key], includingAmbiguous || !ambiguousKeys.contains(key) {
                    return outlets[index]
                }
            }
        }
        return nil
    }

    /// The outlet publishing under `host` or a parent domain of it (`"edition.cnn.com"`, `"russian.rt.com"` find
    /// CNN and RT): the longest known domain the host ends in, at a label boundary.
    ///
    /// Accepts a bare host (`"www.tass.com"`), a domain written as a name (`"Euromaidanpress.com"`) or a URL.
    public func outlet(forDomain host: some StringProtocol) -> Outlet? {
        var h = WebAddress.host(of: host)
        while !h.isEmpty {
            if let index = byDomain[h] { return outlets[index] }
            guard let dot = h.firstIndex(of: ".") else { break }
            h = String(h[h.index(after: dot)...])
            if !h.contains(".") { break }  // never match a bare top-level domain
        }
        return nil
    }

    /// The outlet of a URL's host, when known.
    public func outlet(forURL url: some StringProtocol) -> Outlet? { outlet(forDomain: url) }

    /// Outlet names and domains written in `text`, in text order, longest match first at each position.
    ///
    /// A name matches only as written with its capitals: "Economist" but not "an economist", "AP" but not
    /// "ap". Names marked ambiguous (`"Time"`) are skipped. O(n · k) for n words and k = longest name in words.
    public func mentions(in text: String) -> [Mention] {
        let words = OutletRegistry.words(of: text)
        var found: [Mention] = []
        var i = 0
        while i < words.count {
            var matched = 0
            for n in stride(from: min(maxMentionWords, words.count - i), through: 1, by: -1) {
                let slice = words[i..<(i + n)]
                let key = slice.map(\.key).joined(separator: " ")
                guard let candidates = mentionKeys[key] else { continue }
                if let (index, _) = candidates.first(where: { OutletRegistry.casesAgree($0.1, slice) }),
                    let first = slice.first, let last = slice.last
                {
                    found.append(Mention(outlet: outlets[index], span: TextSpan(start: first.start, end: last.end)))
                    matched = n
                    break
                }
            }
            i += max(matched, 1)
        }
        return found
    }

    // MARK: - Building

    /// The index of the outlet with this key, or with it less a leading "the" ("the bbc" finds "bbc").
    private func index(ofKey key: String) -> Int? {
        guard !key.isEmpty else { return nil }
        if let index = byKey[key] { return index }
        guard key.hasPrefix("the ") else { return nil }
        return byKey[String(key.dropFirst(4))]
    }

    /// The known outlet an added one is: one of its domains, else one of its names (for the state-media list, only
    /// one of the same country: two broadcasters may share an acronym).
    private func known(_ outlet: Outlet, hosts: [String], keys: [String], merge: Merge) -> Int? {
        for host in hosts {
            if let index = byDomain[host] { return index }
        }
        for key in keys {
            guard let index = index(ofKey: key) else { continue }
            if merge == .override || outlet.country == nil || outlets[index].country == outlet.country { return index }
        }
        return nil
    }

    /// Adds an outlet, or merges it into the known one it is. Each name's words are read once: the table is built
    /// at every start.
    private mutating func add(_ outlet: Outlet, merge: Merge) {
        let names = outlet.allNames.map { (name: $0, words: OutletRegistry.keyWords(of: $0)) }
        let keys = names.map { $0.words.map(\.key).joined(separator: " ") }
        let domains = outlet.domains.map { (domain: $0, host: WebAddress.host(of: $0)) }
        let existing = known(outlet, hosts: domains.map(\.host), keys: keys.filter { !$0.isEmpty }, merge: merge)
        // Under the hand-written table, a name another outlet holds is that outlet's in running text ("ABC" is
        // ABC News's, marked ambiguous there; "NBC" is NBC News's): the added outlet keeps it for lookups only.
        var outlet = outlet
        if merge == .fillIn {
            for (n, key) in keys.enumerated() where !key.isEmpty && !outlet.ambiguous.contains(names[n].name) {
                if let holder = byKey[key], holder != existing { outlet.ambiguous.append(names[n].name) }
            }
        }
        guard let existing else {
            outlets.append(outlet)
            index(names: names, domains: domains, ambiguous: outlet.ambiguous, at: outlets.count - 1)
            return
        }
        var merged = outlets[existing]
        let knownKeys = Set(merged.allNames.map(OutletRegistry.key))
        let newDomains = domains.filter { !merged.domains.contains($0.domain) }
        let newNames = names.indices.filter { !knownKeys.contains(keys[$0]) }.map { names[$0] }
        merged.domains += newDomains.map(\.domain)
        merged.aliases += outlet.allNames.filter { $0 != merged.name && !merged.aliases.contains($0) }
        // A name the known table lists as plain stays plain when the state-media list finds it ambiguous ("RT").
        merged.ambiguous += outlet.ambiguous.filter {
            !merged.ambiguous.contains($0) && (merge == .override || !knownKeys.contains(OutletRegistry.key($0)))
        }
        switch merge {
        case .override:
            merged.country = outlet.country ?? merged.country
            merged.ownership = outlet.ownership ?? merged.ownership
            merged.typology = outlet.typology ?? merged.typology
            merged.kind = outlet.kind
        case .fillIn:
            merged.country = merged.country ?? outlet.country
            merged.ownership = merged.ownership ?? outlet.ownership
            merged.typology = merged.typology ?? outlet.typology
        }
        outlets[existing] = merged
        index(names: newNames, domains: newDomains, ambiguous: merged.ambiguous, at: existing)
    }

    /// Indexes names (with their key words) and domains of the outlet at `index`; a key or domain already taken
    /// keeps its outlet.
    private mutating func index(
        names: [(name: String, words: [NameWord])], domains: [(domain: String, host: String)], ambiguous: [String],
        at index: Int
    ) {
        for (_, host) in domains where !host.isEmpty && byDomain[host] == nil { byDomain[host] = index }
        let ambiguousKeys = Set(ambiguous.map(OutletRegistry.key))
        let domainWords = domains.map { (name: $0.domain, words: OutletRegistry.keyWords(of: $0.domain)) }
        for (n, entry) in (names + domainWords).enumerated() {
            let words = entry.words
            guard !words.isEmpty else { continue }
            let key = words.map(\.key).joined(separator: " ")
            if n < names.count {
                maxNameWords = max(maxNameWords, words.count)
                if byKey[key] == nil { byKey[key] = index }
                if byKey[key] == index, ambiguousKeys.contains(key) { self.ambiguousKeys.insert(key) }
            }
            guard !ambiguousKeys.contains(key) else { continue }
            // A kept "the" may be written "the" or "The".
            let pattern = words.map {
                NameWord(key: $0.key, start: 0, end: 0, shape: $0.key == "the" ? .other : $0.shape)
            }
            var list = mentionKeys[key] ?? []
            let shapes = pattern.map(\.shape)
            guard !list.contains(where: { $0.0 == index && $0.1.map(\.shape) == shapes }) else { continue }
            list.append((index, pattern))
            mentionKeys[key] = list
            maxMentionWords = max(maxMentionWords, words.count)
        }
    }

    // MARK: - Keys

    /// How a word is capitalized.
    enum Shape: Hashable, Sendable {
        case lower, capitalized, upper, other
    }

    /// One word of a name or text: its lookup key, byte range and capitalization.
    struct NameWord: Hashable, Sendable {
        var key: String
        var start: Int
        var end: Int
        var shape: Shape
    }

    /// Whether written words carry the capitals a name requires.
    private static func casesAgree(_ pattern: [NameWord], _ written: ArraySlice<NameWord>) -> Bool {
        for (p, w) in zip(pattern, written) {
            switch p.shape {
            case .upper: if w.shape != .upper { return false }
            case .capitalized: if w.shape != .capitalized && w.shape != .upper { return false }
            case .lower, .other: continue
            }
        }
        return true
    }

    /// Alphanumeric runs of `text` (apostrophes and hyphens split words), folded to lowercase without diacritics.
    static func words(of text: String) -> [NameWord] {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return asciiWords(text) }
        var out: [NameWord] = []
        var current = String.UnicodeScalarView()
        var start = 0
        var offset = 0
        func flush(at end: Int) {
            guard !current.isEmpty else { return }
            let raw = String(current)
            // ASCII folds to its lowercase (no diacritics to drop): skip Foundation's folding, a hot path.
            let folded =
                raw.utf8.allSatisfy { $0 < 0x80 }
                ? String(decoding: raw.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
                : raw.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            out.append(NameWord(key: folded, start: start, end: end, shape: shape(of: raw)))
            current = String.UnicodeScalarView()
        }
        for scalar in text.unicodeScalars {
            let isWordScalar = scalar.properties.isAlphabetic || (scalar.value >= 48 && scalar.value <= 57)
            if isWordScalar {
                if current.isEmpty { start = offset }
                current.append(scalar)
            } else {
                flush(at: offset)
            }
            offset += UTF8.width(scalar)
        }
        flush(at: offset)
        return out
    }

    /// ``words(of:)`` of an ASCII text, byte by byte (names and most text: the registry's load and scans).
    private static func asciiWords(_ text: String) -> [NameWord] {
        let bytes = Array(text.utf8)
        func isUpper(_ b: UInt8) -> Bool { b >= 0x41 && b <= 0x5A }
        func isLower(_ b: UInt8) -> Bool { b >= 0x61 && b <= 0x7A }
        var out: [NameWord] = []
        var i = 0
        while i < bytes.count {
            guard isUpper(bytes[i]) || isLower(bytes[i]) || (bytes[i] >= 0x30 && bytes[i] <= 0x39) else {
                i += 1
                continue
            }
            let start = i
            var uppers = 0
            var lowers = 0
            var firstIsUpper: Bool?
            var key: [UInt8] = []
            while i < bytes.count, isUpper(bytes[i]) || isLower(bytes[i]) || (bytes[i] >= 0x30 && bytes[i] <= 0x39) {
                let b = bytes[i]
                if isUpper(b) {
                    uppers += 1
                    firstIsUpper = firstIsUpper ?? true
                } else if isLower(b) {
                    lowers += 1
                    firstIsUpper = firstIsUpper ?? false
                }
                key.append(isUpper(b) ? b | 0x20 : b)
                i += 1
            }
            let shape: Shape
            switch firstIsUpper {
            case nil: shape = .other
            case _ where uppers + lowers > 1 && lowers == 0: shape = .upper
            case true?: shape = uppers + lowers == 1 ? .upper : .capitalized
            case false?: shape = .lower
            }
            out.append(NameWord(key: String(decoding: key, as: UTF8.self), start: start, end: i, shape: shape))
        }
        return out
    }

    private static func shape(of word: String) -> Shape {
        let letters = word.unicodeScalars.filter { $0.properties.isAlphabetic }
        guard let first = letters.first else { return .other }
        if letters.count > 1, letters.allSatisfy({ $0.properties.isUppercase }) { return .upper }
        if first.properties.isUppercase { return letters.count == 1 ? .upper : .capitalized }
        if first.properties.isLowercase { return .lower }
        return .other
    }

    /// The words of a name's key: "The New York Times" is also written "New York Times" (its "the" goes), but
    /// "The Hill" and "The Times" need their article (it stays).
    static func keyWords(of name: some StringProtocol) -> [NameWord] {
        var words = words(of: String(name))
        if words.first?.key == "the", words.count > 2 { words.removeFirst() }
        return words
    }

    /// The lookup key of a name: folded words joined by spaces, without the leading "the" of a longer name.
    static func key(_ name: some StringProtocol) -> String {
        keyWords(of: name).map(\.key).joined(separator: " ")
    }

}
