import Foundation
import ParallaxAnalysis
import Testing

/// Random and mutated real text through every per-article stage and the story analysis: nothing may trap, and every
/// span a stage returns must lie inside its article's text.
///
/// Sentences come from the bundled example corpus (always present) and the seed articles in `../shared/corpus/seeds`
/// (when present); each case strings some of them together and mutates them (spaced punctuation, unbalanced and
/// nested quotation marks of every kind, no punctuation, one huge sentence, random Unicode, quotation marks only,
/// dense attribution cues, line-break chaos, ...). The generator is seeded, so every run sees the same cases;
/// `PARALLAX_PROPERTY_CASES=N` runs more of them and `PARALLAX_PROPERTY_VERBOSE=1` prints each case's number before
/// it runs (the last one printed is the one that trapped). Time linear in the input is measured, not tested here:
/// `bench/scaling.sh`.
struct AnnotationPropertyTests {
    static let cases = Int(ProcessInfo.processInfo.environment["PARALLAX_PROPERTY_CASES"] ?? "") ?? 240
    static let verbose = ProcessInfo.processInfo.environment["PARALLAX_PROPERTY_VERBOSE"] != nil

    /// Sentences of the example corpus and of the seeds (when present).
    static let sentences: [String] = {
        var files: [String] = []
        let examples = StoryFixtures.packageRoot.appendingPathComponent("examples/corpus").path
        for folder in [examples, StoryFixtures.seedsPath] {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else {
                print("AnnotationPropertyTests: \(folder) is absent; its sentences are not used")
                continue
            }
            for name in names.sorted() where name.hasSuffix(".txt") {
                if let text = try? String(contentsOfFile: folder + "/" + name, encoding: .utf8) { files.append(text) }
            }
        }
        return files.flatMap { text in
            text.split(separator: "\n").flatMap { line in
                line.split(separator: ". ", omittingEmptySubsequences: true).map { String($0) + "." }
            }
        }.filter { $0.count > 3 }
    }()

    @Test func mutatedRealTextNeverTrapsAndSpansStayInside() throws {
        try #require(Self.sentences.count >= 20, "too few sentences to build cases from")
        var random = SplitMix64(seed: 0x5EED_0006)
        for n in 0..<Self.cases {
            let text = Self.makeCase(&random)
            if Self.verbose { print("case \(n): \(text.utf8.count) bytes") }
            let article = Article(id: "case-\(n)", source: "case-\(n)", published: Day(iso: "2024-05-31"), text: text)
            try Self.checkArticle(article)
        }
    }

    @Test func storiesOfMutatedDocumentsNeverTrapAndSpansStayInside() throws {
        var random = SplitMix64(seed: 0x5707_0006)
        let pipeline = AnalysisPipeline(outlets: .bundled, concurrency: 1)
        for n in 0..<max(1, Self.cases / 12) {
            // Variants of one base text, so the members group into stories and the story stages have work.
            let base = (0..<6).map { _ in random.pick(Self.sentences) }.joined(separator: " ")
            let articles = (0..<4).map { k in
                var text = base
                for _ in 0..<random.int(1...2) { text = random.pick(Mutation.allCases).apply(text, &random) }
                return Article(
                    id: "s\(n)-\(k)", source: "s\(n)-\(k)", published: Day(iso: "2024-05-3\(k % 2)"), text: text)
            }
            if Self.verbose { print("story case \(n)") }
            let texts = Dictionary(uniqueKeysWithValues: articles.map { ($0.id, $0.text.utf8.count) })
            for analysis in pipeline.run(articles) {
                let json = try JSONSerialization.jsonObject(with: try JSONEncoder().encode(analysis))
                try Self.checkSpans(in: json, article: nil, lengths: texts)
            }
        }
    }

    // MARK: Checks

    /// Every per-article stage on `article`; every span returned must lie inside the text.
    static func checkArticle(_ article: Article) throws {
        let n = article.text.utf8.count
        let doc = DocumentBuilder().build(article)
        func inside(_ span: TextSpan, _ what: @autoclosure () -> String) {
            #expect(span.start >= 0 && span.end <= n, "\(what()) \(span) outside [0, \(n)) in \(article.id)")
        }
        for p in doc.paragraphs { inside(p, "paragraph") }
        for (i, s) in doc.sentences.enumerated() {
            inside(s.span, "sentence")
            #expect(s.tokens.lowerBound >= 0 && s.tokens.upperBound <= doc.tokens.count, "sentence \(i) tokens")
            #expect(s.paragraph >= 0 && s.paragraph < doc.paragraphs.count, "sentence \(i) paragraph")
        }
        for t in doc.tokens {
            inside(t.span, "token")
            #expect(t.sentence >= 0 && t.sentence < doc.sentences.count, "token sentence \(t.sentence)")
        }
        for q in QuoteExtractor().extract(from: doc) {
            for span in [q.span, q.contentSpan, q.sentenceSpan] + [q.cueSpan, q.speaker?.mention].compactMap({ $0 }) {
                inside(span, "quote")
            }
            #expect(q.sentences.upperBound < doc.sentences.count, "quote sentences \(q.sentences)")
        }
        for c in CitationExtractor(registry: .bundled).extract(from: doc) {
            inside(c.span, "citation")
            inside(c.sentenceSpan, "citation sentence")
        }
        for m in TemporalExpressionParser().parse(doc, anchor: article.published) {
            inside(m.mention.span, "date")
            inside(m.mention.sentenceSpan, "date sentence")
        }
        _ = TermVectorizer().termCounts(of: doc)
        for use in FramingDetector().detect([doc]) { for o in use.occurrences { inside(o.span, "framing") } }
        for choice in NamingAnalyzer(minimumForms: 1).analyze([doc]) {
            for o in choice.variants.flatMap(\.occurrences) { inside(o.span, "naming") }
        }
        _ = TimelineBuilder().build([doc])
    }

    /// Walks a story analysis encoded as JSON: every `{"start", "end"}` object is a span into the text of the nearest
    /// enclosing object's `article`, or of the story's only article.
    static func checkSpans(in value: Any, article: String?, lengths: [String: Int]) throws {
        if let list = value as? [Any] {
            for v in list { try checkSpans(in: v, article: article, lengths: lengths) }
        } else if let object = value as? [String: Any] {
            if let start = object["start"] as? Int, let end = object["end"] as? Int, object.count == 2 {
                let owner = try #require(article, "a span outside any article: \(object)")
                let n = try #require(lengths[owner], "unknown article \(owner)")
                #expect(0 <= start && start <= end && end <= n, "span [\(start), \(end)) of \(owner) outside [0, \(n))")
                return
            }
            let owner = object["article"] as? String ?? article
            for (_, v) in object { try checkSpans(in: v, article: owner, lengths: lengths) }
        }
    }

    // MARK: Cases

    /// A few paragraphs of real sentences, then one to three mutations.
    static func makeCase(_ random: inout SplitMix64) -> String {
        let paragraphs = (0..<random.int(1...4)).map { _ in
            (0..<random.int(1...6)).map { _ in random.pick(sentences) }.joined(separator: " ")
        }
        var text = paragraphs.joined(separator: "\n")
        for _ in 0..<random.int(1...3) { text = random.pick(Mutation.allCases).apply(text, &random) }
        return text
    }

    /// One way to damage text.
    enum Mutation: CaseIterable {
        case spacedPunctuation, strayQuotes, nestedQuotes, noPunctuation, hugeSentence, randomUnicode, quotesOnly
        case punctuationOnly, attributionCues, lineBreaks, truncated, longWord, capitals

        static let marks = ["\"", "'", "`", "``", "''", "“", "”", "„", "‟", "‘", "’", "‚", "«", "»", "‹", "›", "「",
            "」", "『", "』", "＂", "〝", "〞"]
        static let pairs = [("“", "”"), ("\"", "\""), ("‘", "’"), ("«", "»"), ("„", "“"), ("'", "'"), ("``", "''"),
            ("‹", "›"), ("「", "」"), ("»", "«"), ("”", "“")]
        static let punctuation = Array(".,;:!?-—–()[]/…·•%&*#@").map(String.init)
        static let cues = ["said", "says", "told reporters", "according to", "said:", "quoted", "as saying", "added",
            "he said", "she said", "officials said", "reported", "citing", "told", "the minister said", "claimed",
            "noted", ",", ".", ":", "\"", "“", "”", "that", "“We", "they"]
        /// Scalars of many kinds: controls, separators, combining marks, bidi controls, other scripts, emoji.
        static let scalarRanges: [ClosedRange<UInt32>] = [0x00...0x1F, 0x7F...0x9F, 0x2028...0x2029, 0x0300...0x036F,
            0x200B...0x200F, 0x202A...0x202E, 0xFEFF...0xFEFF, 0x0600...0x06FF, 0x0590...0x05FF, 0x0400...0x04FF,
            0x4E00...0x4E40, 0x0900...0x097F, 0xAC00...0xAC40, 0x1F600...0x1F64F, 0x1F1E6...0x1F1FF, 0xE000...0xE010,
            0xFFF9...0xFFFD, 0x10000...0x10040, 0x3000...0x303F, 0xFF01...0xFF5E]

        func apply(_ text: String, _ random: inout SplitMix64) -> String {
            switch self {
            case .spacedPunctuation:
                // As in ECB+: "Aug . 05 , 2013 | 2 : 47 p . m ." and "'' Local Hero . ''".
                return text.map { $0.isPunctuation || $0.isSymbol ? " \($0) " : String($0) }.joined()
            case .strayQuotes:
                return Self.insert(count: random.int(1...12), into: text, &random) { r in r.pick(Self.marks) }
            case .nestedQuotes:
                var words = text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
                guard !words.isEmpty else { return text }
                for _ in 0..<random.int(1...8) {
                    let a = random.int(0...(words.count - 1))
                    let b = random.int(a...(words.count - 1))
                    let (open, close) = random.pick(Self.pairs)
                    words[a] = open + words[a]
                    // Sometimes the closing mark is missing or of another kind.
                    switch random.int(0...3) {
                    case 0: break
                    case 1: words[b] += random.pick(Self.marks)
                    default: words[b] += close
                    }
                }
                return words.joined(separator: " ")
            case .noPunctuation:
                return String(text.unicodeScalars.filter { !CharacterSet.punctuationCharacters.contains($0) }
                    .map(Character.init))
            case .hugeSentence:
                let parts = (0..<random.int(50...400)).map { _ in random.pick(AnnotationPropertyTests.sentences) }
                return text + " " + parts.map { String($0.dropLast()) }.joined(separator: random.pick([", ", " and ", " ", ", ” ", "; "]))
            case .randomUnicode:
                return Self.insert(count: random.int(1...40), into: text, &random) { r in
                    let range = r.pick(Self.scalarRanges)
                    let value = UInt32(r.int(Int(range.lowerBound)...Int(range.upperBound)))
                    return Unicode.Scalar(value).map { String(Character($0)) } ?? "\u{FFFD}"
                }
            case .quotesOnly:
                return (0..<random.int(1...300)).map { _ in random.pick(Self.marks + [" ", " ", "\n"]) }.joined()
            case .punctuationOnly:
                return (0..<random.int(1...300)).map { _ in random.pick(Self.punctuation + [" ", " ", "\n"]) }.joined()
            case .attributionCues:
                let cues = (0..<random.int(5...200)).map { _ in random.pick(Self.cues) }.joined(separator: " ")
                return random.int(0...1) == 0 ? cues : text + " " + cues
            case .lineBreaks:
                return Self.insert(count: random.int(1...20), into: text, &random) { r in
                    r.pick(["\n", "\n\n", "\r\n", " \n \n", "\t", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}"])
                }
            case .truncated:
                let scalars = Array(text.unicodeScalars)
                guard scalars.count > 2 else { return text }
                let a = random.int(0...(scalars.count / 2))
                let b = random.int((a + 1)...scalars.count)
                var view = String.UnicodeScalarView()
                view.append(contentsOf: scalars[a..<b])
                return String(view)
            case .longWord:
                let word = String(repeating: random.pick(["a", "ж", "字", "😀", "-", "'"]), count: random.int(100...5_000))
                return Self.insert(count: 1, into: text, &random) { r in " “\(word)” " }
            case .capitals:
                return random.int(0...1) == 0 ? text.uppercased() : text.lowercased()
            }
        }

        /// `text` with `count` pieces inserted at random character positions.
        static func insert(
            count: Int, into text: String, _ random: inout SplitMix64, _ piece: (inout SplitMix64) -> String
        ) -> String {
            var characters = Array(text)
            for _ in 0..<count {
                let at = random.int(0...characters.count)
                characters.insert(contentsOf: piece(&random), at: at)
            }
            return String(characters)
        }
    }
}

/// A small seeded generator (SplitMix64), so the property tests see the same cases on every run.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &self) }

    mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }
}
