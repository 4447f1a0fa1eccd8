import Foundation
import Testing

@testable import ParallaxIngest

/// Quality gate: main-text extraction F1 on the Zyte article-extraction benchmark (181 pages, `../shared`) must
/// not fall below the floor pinned here. Same metric as `eval/extraction_zyte.py` (the benchmark's): `\w+`
/// tokens, multisets of 4-token shingles, per-page precision and recall averaged over pages, F1 of the averages.
struct ExtractionGateTests {
    /// Pinned a little below the measured score of the main text alone (`HTMLReader(cleansText: false)`: 0.969,
    /// November 2026); raise it when extraction improves.
    static let floorF1 = 0.96
    /// The same for the reader's article text after the plain-text cleaning (`BoilerplateFilter`; measured 0.960).
    static let cleanedFloorF1 = 0.95

    static let dataset: String = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return root.appendingPathComponent("../shared/eval/extraction-zyte").standardized.path
    }()
    static let available = FileManager.default.fileExists(atPath: dataset + "/ground-truth.json")

    @Test(
        .tags(.qualityGate),
        .enabled(if: available, "skipped: ../shared/eval/extraction-zyte (Zyte benchmark) is not present"),
        arguments: [false, true])
    func zyteF1StaysAboveFloor(cleansText: Bool) throws {
        let truthData = try Data(contentsOf: URL(fileURLWithPath: Self.dataset + "/ground-truth.json"))
        let truth = try JSONDecoder().decode([String: GoldItem].self, from: truthData)
        #expect(truth.count == 181)
        let reader = HTMLReader(cleansText: cleansText)
        var precisions: [Double] = []
        var recalls: [Double] = []
        for (id, gold) in truth.sorted(by: { $0.key < $1.key }) {
            var text = ""
            try? reader.read(.file(Self.dataset + "/html/\(id).html.gz")) { event in
                if case .article(let article) = event { text = article.text }
            }
            let (p, r) = Self.precisionRecall(gold: gold.articleBody, predicted: text)
            precisions.append(p)
            recalls.append(r)
        }
        let p = precisions.reduce(0, +) / Double(precisions.count)
        let r = recalls.reduce(0, +) / Double(recalls.count)
        let f1 = p + r > 0 ? 2 * p * r / (p + r) : 0
        let floor = cleansText ? Self.cleanedFloorF1 : Self.floorF1
        let mode = cleansText ? "article text (cleaned)" : "main text"
        print("Zyte extraction, \(mode): F1 \(f1) (P \(p), R \(r)) over \(truth.count) pages; floor \(floor)")
        #expect(f1 >= floor, "F1 \(f1) of the \(mode) fell below the pinned floor \(floor)")
    }

    @Test func metricMatchesHandComputedCases() {
        let same = Self.precisionRecall(gold: "one two three four five", predicted: "one two three four five")
        #expect(same == (1, 1))
        let none = Self.precisionRecall(gold: "one two three four five", predicted: "")
        #expect(none == (0, 0))
        // Gold has shingles {1234, 2345}; prediction {1234, 234x}: TP 1, FP 1, FN 1.
        let half = Self.precisionRecall(gold: "one two three four five", predicted: "one two three four x")
        #expect(abs(half.0 - 0.5) < 1e-9 && abs(half.1 - 0.5) < 1e-9)
    }

    struct GoldItem: Decodable {
        var articleBody: String
    }

    /// Per-document precision and recall of 4-token shingle multisets (the benchmark's definition).
    static func precisionRecall(gold: String, predicted: String) -> (Double, Double) {
        let g = shingles(gold)
        let p = shingles(predicted)
        var tp = 0
        for (shingle, count) in p { tp += min(count, g[shingle] ?? 0) }
        let fp = p.values.reduce(0, +) - tp
        let fn = g.values.reduce(0, +) - tp
        if fp == 0 && fn == 0 { return (1, 1) }
        let precision = tp + fp == 0 ? 0 : Double(tp) / Double(tp + fp)
        let recall = tp + fn == 0 ? 0 : Double(tp) / Double(tp + fn)
        return (precision, recall)
    }

    /// Multiset of 4-token shingles; a text with fewer tokens is one shingle (none when it has no token).
    static func shingles(_ text: String) -> [[Substring]: Int] {
        let tokens = words(text)
        var out: [[Substring]: Int] = [:]
        guard !tokens.isEmpty else { return out }
        for i in 0..<max(1, tokens.count - 3) {
            out[Array(tokens[i..<min(i + 4, tokens.count)]), default: 0] += 1
        }
        return out
    }

    /// Python's `\w+` runs: letters, numbers and `_`.
    static func words(_ text: String) -> [Substring] {
        var out: [Substring] = []
        var start: String.Index?
        var i = text.unicodeScalars.startIndex
        let scalars = text.unicodeScalars
        while i < scalars.endIndex {
            if isWord(scalars[i]) {
                if start == nil { start = i }
            } else if let s = start {
                out.append(Substring(scalars[s..<i]))
                start = nil
            }
            i = scalars.index(after: i)
        }
        if let s = start { out.append(Substring(scalars[s..<scalars.endIndex])) }
        return out
    }

    static func isWord(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == "_" { return true }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .decimalNumber,
            .letterNumber, .otherNumber:
            return true
        default:
            return false
        }
    }
}
