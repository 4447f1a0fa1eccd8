import Foundation
import Testing

@testable import ParallaxAnalysis

/// Quality gates of the quotation extraction, through `ArticleAnnotator` as `parallax analyze` runs it (one
/// attribution parse, the registry's outlets in the lexicon), on real annotated data read from `../shared/eval`
/// (skipped when absent):
/// PolNeAR dev (content and source spans of attributions) and the textacy direct-quotation cases.
/// Scores are printed; floors are pinned a little below the measured figures (see docs/EVALUATION.md).
/// Diagnostics: `PARALLAX_EVAL_VERBOSE=all|<cue word>` prints missed gold relations, `=content` boundary
/// differences, `=source` source differences; `PARALLAX_EVAL_ARTICLE=<part of a file name>` limits the articles.
struct AttributionEvaluationTests {
    /// The per-article pass of the CLI, with the bundled registry.
    static let annotator = ArticleAnnotator(outlets: .bundled)

    /// The dev split by default (held out); `PARALLAX_EVAL_SPLIT=train` measures the train split, the one the rules
    /// are tuned on since issue 8.
    static let polnear = "../shared/eval/attribution-polnear/" + (ProcessInfo.processInfo.environment["PARALLAX_EVAL_SPLIT"] ?? "dev")
    static let textacy = "../shared/eval/quotes-textacy/direct_quotations_cases.json"

    /// A set of character positions (Unicode scalars) as sorted half-open intervals.
    struct Spans {
        var intervals: [Range<Int>]
        var count: Int { intervals.reduce(0) { $0 + $1.count } }

        func intersection(_ other: Spans) -> Int {
            var n = 0
            for a in intervals {
                for b in other.intervals {
                    let lo = max(a.lowerBound, b.lowerBound)
                    let hi = min(a.upperBound, b.upperBound)
                    if hi > lo { n += hi - lo }
                }
            }
            return n
        }

        /// Trimmed of whitespace, quotation marks and punctuation at both ends of every interval.
        func trimmed(_ scalars: [Unicode.Scalar]) -> Spans {
            func skip(_ s: Unicode.Scalar) -> Bool {
                if s.properties.isWhitespace { return true }
                switch s.properties.generalCategory {
                case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
                    .initialPunctuation, .finalPunctuation, .otherPunctuation:
                    return true
                default:
                    return false
                }
            }
            return Spans(
                intervals: intervals.compactMap { r in
                    var a = r.lowerBound
                    var b = min(r.upperBound, scalars.count)
                    while a < b, skip(scalars[a]) { a += 1 }
                    while b > a, skip(scalars[b - 1]) { b -= 1 }
                    return a < b ? a..<b : nil
                })
        }
    }

    struct Relation {
        var content: Spans
        var source: Spans?
        var cue: Spans?
    }

    enum Criterion: String, CaseIterable {
        case exact, overlap50 = "overlap>=50%", any = "any overlap"

        func holds(_ a: Spans, _ b: Spans, _ scalars: [Unicode.Scalar]) -> Bool {
            switch self {
            case .exact:
                return a.trimmed(scalars).intervals == b.trimmed(scalars).intervals
            case .overlap50:
                return Double(a.intersection(b)) >= 0.5 * Double(max(a.count, b.count))
            case .any:
                return a.intersection(b) > 0
            }
        }
    }

    struct Counts {
        var predicted = 0
        var gold = 0
        var matched = 0
        var precision: Double { predicted == 0 ? 0 : Double(matched) / Double(predicted) }
        var recall: Double { gold == 0 ? 0 : Double(matched) / Double(gold) }
        var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
        var line: String { String(format: "P %.3f  R %.3f  F1 %.3f  (%d predicted, %d gold, %d matched)", precision, recall, f1, predicted, gold, matched) }
    }

    /// One-to-one greedy matching by overlap size; returns pairs (predicted, gold).
    static func match(_ predicted: [Spans], _ gold: [Spans], _ criterion: Criterion, _ scalars: [Unicode.Scalar])
        -> [(Int, Int)]
    {
        var pairs: [(p: Int, g: Int, overlap: Int)] = []
        for (i, p) in predicted.enumerated() {
            for (j, g) in gold.enumerated() where criterion.holds(p, g, scalars) {
                pairs.append((i, j, p.intersection(g)))
            }
        }
        pairs.sort { $0.overlap > $1.overlap }
        var usedP = Set<Int>()
        var usedG = Set<Int>()
        var result: [(Int, Int)] = []
        for pair in pairs where !usedP.contains(pair.p) && !usedG.contains(pair.g) {
            usedP.insert(pair.p)
            usedG.insert(pair.g)
            result.append((pair.p, pair.g))
        }
        return result
    }

    /// Gold relations of one BRAT file.
    static func goldRelations(_ ann: String) -> [Relation] {
        var spans: [String: Spans] = [:]
        var relations: [Relation] = []
        var events: [[String: String]] = []
        for line in ann.split(separator: "\n") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count >= 2 else { continue }
            if line.hasPrefix("T") {
                let parts = fields[1].split(separator: " ", maxSplits: 1)
                guard parts.count == 2 else { continue }
                let intervals = parts[1].split(separator: ";").compactMap { frag -> Range<Int>? in
                    let n = frag.split(separator: " ").compactMap { Int($0) }
                    return n.count == 2 && n[0] < n[1] ? n[0]..<n[1] : nil
                }
                spans[String(fields[0])] = Spans(intervals: intervals)
            } else if line.hasPrefix("E") {
                var roles: [String: String] = [:]
                for arg in fields[1].split(separator: " ") {
                    let kv = arg.split(separator: ":")
                    if kv.count == 2 { roles[String(kv[0])] = String(kv[1]) }
                }
                events.append(roles)
            }
        }
        for roles in events {
            guard let c = roles["Content"], let content = spans[c] else { continue }
            relations.append(
                Relation(
                    content: content, source: roles["Source"].flatMap { spans[$0] },
                    cue: roles["Cue"].flatMap { spans[$0] }))
        }
        return relations
    }

    /// Predicted relations: candidates sharing one cue in one sentence (an interrupted quotation) are one relation.
    static func predictedRelations(_ statements: [QuoteCandidate], _ toScalar: (Int) -> Int) -> [Relation] {
        // (cue spans are not compared)
        var grouped: [String: Relation] = [:]
        var order: [String] = []
        for c in statements {
            let content = Spans(intervals: [toScalar(c.contentSpan.start)..<toScalar(c.contentSpan.end)])
            let source = c.speaker.map { Spans(intervals: [toScalar($0.mention.start)..<toScalar($0.mention.end)]) }
            let key = c.cueSpan.map { "\($0.start)" } ?? "q\(c.span.start)"
            if var r = grouped[key] {
                var merged: [Range<Int>] = []
                for i in (r.content.intervals + content.intervals).sorted(by: { $0.lowerBound < $1.lowerBound }) {
                    if let last = merged.last, i.lowerBound <= last.upperBound {
                        merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, i.upperBound)
                    } else {
                        merged.append(i)
                    }
                }
                r.content.intervals = merged
                grouped[key] = r
            } else {
                grouped[key] = Relation(content: content, source: source, cue: nil)
                order.append(key)
            }
        }
        return order.compactMap { grouped[$0] }
    }

    @Test(.tags(.qualityGate), .enabled(if: FileManager.default.fileExists(atPath: polnear), "PolNeAR not found at ../shared/eval"))
    func polnearDevContentAndSourceSpans() throws {
        let fm = FileManager.default
        let annFiles = try fm.contentsOfDirectory(atPath: Self.polnear + "/attributions").filter { $0.hasSuffix(".ann") }
            .sorted()
        // One annotator per article: the first annotation file in name order.
        var chosen: [String: String] = [:]
        for f in annFiles {
            let article = String(f.dropLast(4).split(separator: "_").dropLast().joined(separator: "_"))
            if chosen[article] == nil { chosen[article] = f }
        }
        var content = Dictionary(uniqueKeysWithValues: Criterion.allCases.map { ($0, Counts()) })
        var source = Dictionary(uniqueKeysWithValues: Criterion.allCases.map { ($0, Counts()) })
        for (article, annFile) in chosen.sorted(by: { $0.key < $1.key }) {
            if let only = ProcessInfo.processInfo.environment["PARALLAX_EVAL_ARTICLE"], !article.contains(only) { continue }
            let textPath = Self.polnear + "/text/" + article + ".txt"
            guard let text = try? String(contentsOfFile: textPath, encoding: .utf8),
                let ann = try? String(contentsOfFile: Self.polnear + "/attributions/" + annFile, encoding: .utf8)
            else { continue }
            let scalars = Array(text.unicodeScalars)
            var toScalarTable = [Int](repeating: 0, count: text.utf8.count + 1)
            var offset = 0
            for (i, s) in scalars.enumerated() {
                for k in 0..<UTF8.width(s) { toScalarTable[offset + k] = i }
                offset += UTF8.width(s)
            }
            toScalarTable[offset] = scalars.count
            // The production path: the statements of the article's annotation, as `parallax analyze` reads them.
            let annotation = Self.annotator.annotate(Article(id: article, source: textPath, text: text))
            let gold = Self.goldRelations(ann)
            let predicted = Self.predictedRelations(annotation.statements) { toScalarTable[min(max(0, $0), offset)] }
            if let verbose = ProcessInfo.processInfo.environment["PARALLAX_EVAL_VERBOSE"] {
                let matchedGold = Set(Self.match(predicted.map(\.content), gold.map(\.content), .any, scalars).map(\.1))
                for (j, g) in gold.enumerated() where !matchedGold.contains(j) {
                    guard let cue = g.cue?.intervals.first, let c = g.content.intervals.first else { continue }
                    let cueText = String(String.UnicodeScalarView(scalars[cue]))
                    if verbose != "all", !cueText.lowercased().contains(verbose) { continue }
                    let lo = max(0, min(cue.lowerBound, c.lowerBound) - 40)
                    let hi = min(scalars.count, max(cue.upperBound, c.upperBound) + 10)
                    let context = String(String.UnicodeScalarView(scalars[lo..<hi])).replacingOccurrences(of: "\n", with: " ")
                    print("MISS [\(cueText)] \(context.prefix(300))")
                }
                func show(_ x: Spans) -> String {
                    x.intervals.map { String(String.UnicodeScalarView(scalars[$0])) }.joined(separator: " … ")
                        .replacingOccurrences(of: "\n", with: " ")
                }
                for (p, g) in Self.match(predicted.map(\.content), gold.map(\.content), .any, scalars)
                where !Criterion.exact.holds(predicted[p].content, gold[g].content, scalars) {
                    if verbose == "content" {
                        print("DIFF gold: \(show(gold[g].content).prefix(200))\n     pred: \(show(predicted[p].content).prefix(200))")
                    }
                }
                for (p, g) in Self.match(predicted.map(\.content), gold.map(\.content), .any, scalars) {
                    let ps = predicted[p].source.map(show) ?? "-"
                    let gs = gold[g].source.map(show) ?? "-"
                    if verbose == "source", ps != gs { print("SRC gold: \(gs) | pred: \(ps)") }
                }
            }
            for criterion in Criterion.allCases {
                let pairs = Self.match(predicted.map(\.content), gold.map(\.content), criterion, scalars)
                content[criterion]!.predicted += predicted.count
                content[criterion]!.gold += gold.count
                content[criterion]!.matched += pairs.count
                // Source per relation: among relations whose contents overlap, is the source right?
                let anyPairs = Self.match(predicted.map(\.content), gold.map(\.content), .any, scalars)
                source[criterion]!.predicted += predicted.filter { $0.source != nil }.count
                source[criterion]!.gold += gold.filter { $0.source != nil }.count
                source[criterion]!.matched += anyPairs.filter { p, g in
                    guard let ps = predicted[p].source, let gs = gold[g].source else { return false }
                    return criterion.holds(ps, gs, scalars)
                }.count
            }
        }
        print("PolNeAR \(Self.polnear), \(chosen.count) articles (one annotator each)")
        for c in Criterion.allCases { print("  content \(c.rawValue): \(content[c]!.line)") }
        for c in Criterion.allCases { print("  source per relation \(c.rawValue): \(source[c]!.line)") }
        #expect(content[.overlap50]!.f1 >= AttributionEvaluationTests.floorContentOverlap50)
        #expect(content[.any]!.f1 >= AttributionEvaluationTests.floorContentAny)
        #expect(source[.exact]!.f1 >= AttributionEvaluationTests.floorSourceExact)
    }

    static let isTrain = polnear.hasSuffix("train")
    /// Floors a little below the measured F1 (dev: 0.596 / 0.673 / 0.515; train: 0.553 / 0.626 / 0.474). The rules
    /// are tuned on train misses since issue 8; dev is the held-out figure.
    static let floorContentOverlap50 = isTrain ? 0.53 : 0.57
    static let floorContentAny = isTrain ? 0.60 : 0.65
    static let floorSourceExact = isTrain ? 0.45 : 0.49

    struct TextacyCase: Decodable {
        struct Expected: Decodable {
            var speaker: [String]
            var cue: [String]
            var content: String
        }
        var lang: String
        var text: String
        var expected: [Expected]
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: textacy), "textacy cases not found at ../shared/eval"))
    func textacyDirectQuotationCases() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: Self.textacy))
        let cases = try JSONDecoder().decode([TextacyCase].self, from: data).filter { $0.lang == "en" }
        func bare(_ s: String) -> String {
            s.trimmingCharacters(in: CharacterSet.punctuationCharacters.union(.whitespaces))
        }
        var matched = 0
        for c in cases {
            let annotation = Self.annotator.annotate(Article(id: "t", source: "textacy", text: c.text))
            let doc = annotation.document
            let found = annotation.statements.filter(\.quoted)
            let ok =
                found.count == c.expected.count
                && zip(found, c.expected).allSatisfy { f, e in
                    let mention = f.speaker.map { String(doc.text(of: $0.mention)) } ?? ""
                    let speakerWords = Set(mention.split(separator: " ").map(String.init)).subtracting(["and"])
                    return bare(f.text) == bare(e.content) && f.cue == e.cue.joined(separator: " ")
                        && speakerWords == Set(e.speaker)
                }
            if ok { matched += 1 } else { print("  textacy miss: \(c.text)") }
        }
        print("textacy English direct-quotation cases: \(matched)/\(cases.count) match")
        #expect(matched >= AttributionEvaluationTests.floorTextacy)
    }

    static let floorTextacy = 6
}
