import Foundation
import ParallaxAnalysis

// Usage: StoryGroupingBench <ecb+ dir> <articles>
// Builds a synthetic corpus of <articles> news texts from the ECB+ texts (each copy: sentences shuffled, 30 % of
// words replaced by random corpus words, a random day in 2026), then times (CPU seconds) DocumentBuilder, DuplicateDetector and
// StoryClusterer on it. Also times and scores the 982 real ECB+ documents (BCubed vs gold subtopics).

struct SplitMix {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
}

/// CPU seconds of this process (the machine may be shared, so wall time overstates the work).
func cpuNow() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

/// Runs `body`; returns its CPU seconds and prints nothing.
func seconds(_ body: () -> Void) -> Double {
    let start = cpuNow()
    body()
    return cpuNow() - start
}

let arguments = CommandLine.arguments
let dir = arguments.count > 1 ? arguments[1] : "../../../shared/eval/events-ecbplus"
let target = arguments.count > 2 ? Int(arguments[2]) ?? 10_000 : 10_000
guard let tsv = try? String(contentsOfFile: dir + "/gold_clusters.tsv", encoding: .utf8) else {
    FileHandle.standardError.write("cannot read \(dir)/gold_clusters.tsv\n".data(using: .utf8)!)
    exit(1)
}
var texts: [(String, String)] = []
var gold: [String: String] = [:]
for line in tsv.split(separator: "\n").dropFirst() {
    let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
    guard f.count >= 3, let text = try? String(contentsOfFile: dir + "/text/\(f[0]).txt", encoding: .utf8) else {
        continue
    }
    texts.append((f[0], text))
    gold[f[0]] = f[2]
}

// Real ECB+ documents.
var real: [Document] = []
let buildReal = seconds { real = texts.map { DocumentBuilder().build(Article(id: $0.0, source: "ecb+", text: $0.1)) } }
var realGroups: [[String]] = []
let dedupeReal = seconds { realGroups = DuplicateDetector().groups(real) }
var realStories: [Story] = []
let clusterReal = seconds { realStories = StoryClusterer().cluster(real) }
var p = 0.0
var r = 0.0
var n = 0.0
var goldSize: [String: Int] = [:]
for (_, g) in gold { goldSize[g, default: 0] += 1 }
for story in realStories {
    var per: [String: Int] = [:]
    for a in story.articles { per[gold[a]!, default: 0] += 1 }
    for a in story.articles {
        let same = Double(per[gold[a]!]!)
        p += same / Double(story.articles.count)
        r += same / Double(goldSize[gold[a]!]!)
        n += 1
    }
}
p /= n
r /= n
print(
    String(
        format:
            "ECB+ all %d docs: build %.2f s, duplicates %.2f s (%d groups), cluster %.2f s, %d stories, BCubed P %.3f R %.3f F1 %.3f",
        real.count, buildReal, dedupeReal, realGroups.count, clusterReal, realStories.count, p, r, 2 * p * r / (p + r)))

// Synthetic corpus.
var rng = SplitMix(state: 42)
var vocabulary: [Substring] = []
for (_, text) in texts { vocabulary.append(contentsOf: text.split(separator: " ").prefix(200)) }
var articles: [Article] = []
for i in 0..<target {
    let (id, text) = texts[i % texts.count]
    var lines = text.split(separator: "\n")
    for k in stride(from: lines.count - 1, to: 0, by: -1) { lines.swapAt(k, rng.below(k + 1)) }
    let noisy = lines.map { line in
        line.split(separator: " ").map { w in rng.below(10) < 3 ? vocabulary[rng.below(vocabulary.count)] : w }
            .joined(separator: " ")
    }.joined(separator: "\n")
    let day = Day(year: 2026, month: 1, day: 1)!.adding(days: rng.below(365))
    articles.append(Article(id: "\(id)-\(i)", source: "synthetic", published: day, text: noisy))
}
var documents: [Document] = []
let build = seconds { documents = articles.map { DocumentBuilder().build($0) } }
let bytes = articles.reduce(0) { $0 + $1.text.utf8.count }
var groups: [[String]] = []
let dedupe = seconds { groups = DuplicateDetector().groups(documents) }
var stories: [Story] = []
let cluster = seconds { stories = StoryClusterer().cluster(documents) }
print(
    String(
        format: "synthetic %d docs (%.1f MB): build %.2f s, duplicates %.2f s (%d groups), cluster %.2f s (%d stories)",
        documents.count, Double(bytes) / 1e6, build, dedupe, groups.count, cluster, stories.count))
