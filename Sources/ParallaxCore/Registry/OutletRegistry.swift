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

    /// The outlets, in file order (bundled first, then user additions).
    public private(set) var outlets: [Outlet]
    private var byKey: [String: Int] = [:]
    private var byDomain: [String: Int] = [:]
    /// Mention keys (name words joined by a space) -> (outlet index, case pattern of the written name).
    private var mentionKeys: [String: [(Int, [NameWord])]] = [:]
    private var maxMentionWords = 1

    /// Creates a registry from outlets; a later outlet with the same name is merged into the earlier one.
    public init(outlets: [Outlet]) {
        self.outlets = []
        for outlet in outlets { add(outlet) }
    }

    /// The outlets shipped with Parallax (`outlets.json` in ParallaxCore's resources).
    public static let bundled: OutletRegistry = {
        guard let url = Bundle.module.url(forResource: "outlets", withExtension: "json"),
            let registry = try? OutletRegistry.decode(Data(contentsOf: url), path: "outlets.json")
        else { fatalError("ParallaxCore resource outlets.json is missing or invalid") }
        return registry
    }()

    /// Loads the bundled registry and merges the outlets of `extraFile` (same JSON shape) into it.
    ///
    /// An outlet in the extra file whose name (or an alias) matches a known one extends it: its domains and
    /// aliases are added and its country, ownership and kind replace the known ones.
    public static func load(extraFile: String? = nil) throws(LoadError) -> OutletRegistry {
        var registry = bundled
        guard let extraFile else { return registry }
        guard let data = FileManager.default.contents(atPath: extraFile) else {
            throw LoadError(path: extraFile, message: "cannot read the outlet file (missing or not readable)")
        }
        let extra = try decode(data, path: extraFile)
        for outlet in extra.outlets { registry.add(outlet) }
        return registry
    }

    private static func decode(_ data: Data, path: String) throws(LoadError) -> OutletRegistry {
        do {
            return OutletRegistry(outlets: try JSONDecoder().decode(File.self, from: data).outlets)
        } catch {
            throw LoadError(path: path, message: "not a valid outlet file: \(error)")
        }
    }

    /// Every name and alias of every outlet (for building matchers elsewhere).
    public var allNames: [String] { outlets.flatMap(\.allNames) }

    /// The outlet with this name or alias, ignoring case, diacritics, punctuation and a leading "the".
    public func outlet(named name: some StringProtocol) -> Outlet? {
        let key = OutletRegistry.key(name)
        guard !key.isEmpty, let index = byKey[key] else { return nil }
        return outlets[index]
    }

    /// The outlet publishing under `host` or a parent domain of it (`"edition.cnn.com"` finds CNN).
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
                if let (index, _) = candidates.first(where: { OutletRegistry.casesAgree($0.1, slice) }) {
                    let span = TextSpan(start: slice.first!.start, end: slice.last!.end)
                    found.append(Mention(outlet: outlets[index], span: span))
                    matched = n
                    break
                }
            }
            i += max(matched, 1)
        }
        return found
    }

    // MARK: - Building

    private mutating func add(_ outlet: Outlet) {
        let keys = outlet.allNames.map(OutletRegistry.key).filter { !$0.isEmpty }
        if let existing = keys.compactMap({ byKey[$0] }).first {
            var merged = outlets[existing]
            merged.domains += outlet.domains.filter { !merged.domains.contains($0) }
            merged.aliases += outlet.allNames.filter { $0 != merged.name && !merged.aliases.contains($0) }
            merged.ambiguous += outlet.ambiguous.filter { !merged.ambiguous.contains($0) }
            merged.country = outlet.country ?? merged.country
            merged.ownership = outlet.ownership ?? merged.ownership
            merged.kind = outlet.kind
            outlets[existing] = merged
            index(outlets[existing], at: existing)
        } else {
            outlets.append(outlet)
            index(outlet, at: outlets.count - 1)
        }
    }

    private mutating func index(_ outlet: Outlet, at index: Int) {
        for name in outlet.allNames {
            let key = OutletRegistry.key(name)
            if !key.isEmpty, byKey[key] == nil { byKey[key] = index }
        }
        for domain in outlet.domains { byDomain[WebAddress.host(of: domain)] = index }
        let ambiguous = Set(outlet.ambiguous.map(OutletRegistry.key))
        for name in outlet.allNames + outlet.domains where !ambiguous.contains(OutletRegistry.key(name)) {
            var words = OutletRegistry.words(of: name)
            // "The New York Times" is also written "New York Times"; "The Hill" needs its article.
            if words.first?.key == "the", words.count > 2 { words.removeFirst() }
            guard !words.isEmpty else { continue }
            let key = words.map(\.key).joined(separator: " ")
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

    private static func shape(of word: String) -> Shape {
        let letters = word.unicodeScalars.filter { $0.properties.isAlphabetic }
        guard let first = letters.first else { return .other }
        if letters.count > 1, letters.allSatisfy({ $0.properties.isUppercase }) { return .upper }
        if first.properties.isUppercase { return letters.count == 1 ? .upper : .capitalized }
        if first.properties.isLowercase { return .lower }
        return .other
    }

    /// The lookup key of a name: folded words joined by spaces, without a leading "the".
    static func key(_ name: some StringProtocol) -> String {
        var keys = words(of: String(name)).map(\.key)
        if keys.count > 1, keys.first == "the" { keys.removeFirst() }
        return keys.joined(separator: " ")
    }

}
