import Foundation

/// Guesses the language of a text: its script first, then, where several languages share the script, common
/// function words and letters only one of them uses.
///
/// Fast and small, meant to run once per article when its metadata names no language (a language from metadata
/// wins). Scripts with one language (Hebrew, Greek, Korean, Thai...) decide alone; Cyrillic, Arabic and Latin texts
/// are split by the word and letter lists of `languages.json` (Russian/Ukrainian/Bulgarian/Belarusian/Serbian/
/// Macedonian, Arabic/Persian/Urdu, English/French/German/Spanish/Italian/Portuguese/Dutch/Polish); Han text with
/// kana is Japanese, else Chinese. Returns nil when the text has no letters or nothing separates the candidates.
/// O(min(n, `scanLimit`)) in the text's Unicode scalars.
public struct LanguageDetector: Sendable {
    /// The detector's data: scripts and per-language evidence, loaded from `languages.json` or a user file.
    public struct Profiles: Sendable, Codable, Hashable {
        /// A writing system: the ranges of its letters and the languages written in it.
        public struct Script: Sendable, Codable, Hashable {
            public var name: String
            /// Inclusive hexadecimal code point ranges (`"0400-052F"`).
            public var ranges: [String]
            /// BCP 47 codes of the languages written in this script.
            public var languages: [String]
            /// The language to answer when the evidence does not split `languages` (Chinese for Han text).
            public var `default`: String?
        }

        /// Evidence for one language.
        public struct Language: Sendable, Codable, Hashable {
            /// BCP 47 code.
            public var code: String
            /// Common function words, lowercase; each occurrence counts one.
            public var words: [String]
            /// Letters characteristic of this language within its script (`іїєґи` for Ukrainian); each occurrence
            /// counts one for every language listing it, so a letter two languages share splits them from the rest.
            public var letters: String?
            /// Ranges of such letters (kana for Japanese), hexadecimal like `Script.ranges`.
            public var letterRanges: [String]?
        }

        public var scripts: [Script]
        public var languages: [Language]

        public init(scripts: [Script], languages: [Language]) {
            self.scripts = scripts
            self.languages = languages
        }

        /// The data shipped with Parallax (`Resources/languages.json`).
        public static let bundled = BundledJSON.core(Profiles.self, named: "languages")
    }

    /// A code point range and what a scalar in it counts for.
    private struct ScriptRange: Sendable {
        var lower: UInt32
        var upper: UInt32
        /// Index into `scripts`.
        var script: Int
    }

    /// How many Unicode scalars of a text are read; the rest is not looked at.
    public var scanLimit: Int
    private let scripts: [Profiles.Script]
    private let scriptRanges: [ScriptRange]
    /// Per script: the candidate languages' words (word -> candidate indices) and letter ranges.
    private let words: [[String: [Int]]]
    private let letterRanges: [[(lower: UInt32, upper: UInt32, candidate: Int)]]
    /// `script(of:)` of every ASCII scalar (-1: none), so that Latin text skips the search.
    private var asciiScripts: [Int] = []

    /// A detector over `profiles`; only the first `scanLimit` scalars of a text are read.
    public init(profiles: Profiles = .bundled, scanLimit: Int = 20_000) {
        self.scanLimit = scanLimit
        scripts = profiles.scripts
        var ranges: [ScriptRange] = []
        var words: [[String: [Int]]] = []
        var letters: [[(lower: UInt32, upper: UInt32, candidate: Int)]] = []
        for (s, script) in profiles.scripts.enumerated() {
            ranges += script.ranges.compactMap(LanguageDetector.parse).map {
                ScriptRange(lower: $0.0, upper: $0.1, script: s)
            }
            var table: [String: [Int]] = [:]
            var own: [(lower: UInt32, upper: UInt32, candidate: Int)] = []
            for (c, code) in script.languages.enumerated() {
                guard let language = profiles.languages.first(where: { $0.code == code }) else { continue }
                for word in Set(language.words.map { $0.lowercased() }) { table[word, default: []].append(c) }
                for scalar in (language.letters ?? "").unicodeScalars { own.append((scalar.value, scalar.value, c)) }
                for range in (language.letterRanges ?? []).compactMap(LanguageDetector.parse) {
                    own.append((range.0, range.1, c))
                }
            }
            words.append(table)
            letters.append(own)
        }
        scriptRanges = ranges.sorted { $0.lower < $1.lower }
        self.words = words
        letterRanges = letters
        asciiScripts = (0..<128).map { script(of: Unicode.Scalar(UInt8($0))) ?? -1 }
    }

    /// The language of an article: the one its metadata gives (`Article.language`), else the one detected in its
    /// text (title included), else nil.
    public func language(of article: Article) -> String? {
        if let given = article.language?.trimmingCharacters(in: .whitespaces), !given.isEmpty { return given }
        return detect([article.title, article.text].compactMap { $0 }.joined(separator: "\n"))
    }

    /// The BCP 47 code of the language of `text`, or nil when it cannot tell.
    public func detect(_ text: String) -> String? {
        // Pass 1: letters per script, and the words (runs of letters) of the text.
        var letterCounts = [Int](repeating: 0, count: scripts.count)
        // Words as index ranges into the text (sliced in pass 2 only for the winning script).
        var textWords: [(range: Range<String.Index>, script: Int)] = []
        let view = text.unicodeScalars
        var wordStart: String.Index?
        var currentScript = -1
        var seen = 0
        var i = view.startIndex
        while i != view.endIndex {
            let scalar = view[i]
            seen += 1
            if seen > scanLimit { break }
            if let s = script(of: scalar) {
                letterCounts[s] += 1
                if currentScript != s, let start = wordStart {
                    textWords.append((start..<i, currentScript))
                    wordStart = nil
                }
                if wordStart == nil { wordStart = i }
                currentScript = s
            } else if wordStart != nil,
                scalar.properties.generalCategory == .nonspacingMark || scalar.properties.generalCategory == .spacingMark
            {
                // A mark continues the word.
            } else if let start = wordStart {
                textWords.append((start..<i, currentScript))
                wordStart = nil
            }
            i = view.index(after: i)
        }
        if let start = wordStart { textWords.append((start..<i, currentScript)) }
        guard let best = letterCounts.indices.max(by: { letterCounts[$0] < letterCounts[$1] }), letterCounts[best] > 0
        else { return nil }
        let script = scripts[best]
        guard script.languages.count > 1 else { return script.languages.first ?? script.default }
        // Pass 2: evidence for each candidate of the script.
        var scores = [Int](repeating: 0, count: script.languages.count)
        let own = letterRanges[best]
        // Letters below every candidate's own letters (ASCII, in Latin text) skip the range scan.
        let ownLowest = own.map(\.lower).min() ?? .max
        for (range, s) in textWords where s == best {
            let lower = String(view[range]).lowercased()
            for scalar in lower.unicodeScalars where scalar.value >= ownLowest {
                for r in own where scalar.value >= r.lower && scalar.value <= r.upper { scores[r.candidate] += 1 }
            }
            if let candidates = words[best][lower] {
                for c in candidates { scores[c] += 1 }
            }
        }
        let ranked = scores.indices.sorted { scores[$0] > scores[$1] }
        if let top = ranked.first, scores[top] > 0, ranked.count < 2 || scores[top] > scores[ranked[1]] {
            return script.languages[top]
        }
        return script.default
    }

    /// The script whose letters include `scalar`, or nil (digits, punctuation, spaces, unlisted scripts).
    private func script(of scalar: Unicode.Scalar) -> Int? {
        let v = scalar.value
        if v < 0x80, asciiScripts.count == 128 {
            let s = asciiScripts[Int(v)]
            return s < 0 ? nil : s
        }
        // Binary search for the last range starting at or before v.
        var lo = 0
        var hi = scriptRanges.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if scriptRanges[mid].lower <= v { lo = mid + 1 } else { hi = mid }
        }
        guard lo > 0 else { return nil }
        let r = scriptRanges[lo - 1]
        guard v <= r.upper else { return nil }
        // Inside a script block, only letters count (not its punctuation or digits, e.g. Arabic comma and digits).
        return v < 0x80 || scalar.properties.isAlphabetic ? r.script : nil
    }

    /// `"0400-052F"` -> (0x400, 0x52F); nil when malformed.
    private static func parse(_ range: String) -> (UInt32, UInt32)? {
        let parts = range.split(separator: "-")
        guard parts.count == 2, let a = UInt32(parts[0], radix: 16), let b = UInt32(parts[1], radix: 16), a <= b else {
            return nil
        }
        return (a, b)
    }
}
