import Foundation
import ParallaxAnalysis
import ParallaxIngest
import ParallaxReport
import Testing

/// The whole pipeline on the five seed articles, checked through the JSON output (the contract users see).
struct SeedStoryEndToEndTests {
    static let seeds = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../../shared/corpus/seeds").standardizedFileURL.path
    static let present = FileManager.default.fileExists(atPath: seeds)

    /// The JSON report of `parallax analyze` on the seeds.
    static let json: String = {
        let registry = OutletRegistry.bundled
        let ingested = Ingestor(readers: Ingestor.allReaders(registry: registry)).ingest(paths: [seeds])
        let stories = AnalysisPipeline(outlets: registry).run(ingested.articles)
        let json = ReportRenderer.render(
            AnalysisReport(articles: ingested.articles, stories: stories, issues: ingested.issues), format: .json)
        return json
    }()

    /// The report decoded as plain JSON values.
    let report = (try? JSONSerialization.jsonObject(with: Data(Self.json.utf8))) as? [String: Any] ?? [:]

    var articles: [[String: Any]] { report["articles"] as? [[String: Any]] ?? [] }
    var stories: [[String: Any]] { report["stories"] as? [[String: Any]] ?? [] }

    /// The id of the seed whose file name starts with `prefix` ("000").
    func id(_ prefix: String) -> String {
        let seed = articles.first { (($0["source"] as? String ?? "") as NSString).lastPathComponent.hasPrefix(prefix) }
        return seed?["id"] as? String ?? "missing-\(prefix)"
    }

    func article(_ prefix: String) -> [String: Any] {
        articles.first { ($0["id"] as? String) == id(prefix) } ?? [:]
    }

    func list(_ story: [String: Any], _ key: String) -> [[String: Any]] { story[key] as? [[String: Any]] ?? [] }
    func ids(_ value: Any?) -> Set<String> { Set(value as? [String] ?? []) }

    var story: [String: Any] { stories.first { ids($0["articles"]).contains(id("000")) } ?? [:] }

    @Test(.enabled(if: present, "seed corpus ../shared/corpus/seeds is absent"))
    func metadata() {
        #expect(articles.count == 5)
        #expect(article("000")["outlet"] as? String == "TASS")
        #expect(article("001")["outlet"] as? String == "Sputnik")
        #expect(article("002")["outlet"] as? String == "Euromaidan Press")
        #expect(article("004")["outlet"] as? String == "Tasnim")
        #expect(article("000")["published"] as? String == "2024-05-30")
        for p in ["001", "002", "003"] { #expect(article(p)["published"] as? String == "2024-05-31") }
        #expect(article("001")["title"] as? String == "Biden Allows Ukraine to Use US-Supplied Weapons Near Kharkov")
        #expect(
            article("002")["title"] as? String
                == "Politico: US quietly allowed Ukraine to strike inside Russia, but solely near Kharkiv")
        #expect(article("004")["title"] as? String == "Biden Allows Ukraine to Hit Russian Targets with US Arms")
    }

    @Test(.enabled(if: present, "seed corpus ../shared/corpus/seeds is absent"))
    func boilerplateIsGone() {
        let euromaidan = (article("002")["text"] as? String ?? "").lowercased()
        for junk in ["copyright", "cookie", "become a patron", "ad blocker", "related posts"] {
            #expect(!euromaidan.contains(junk), "\(junk) left in 002")
        }
        #expect(euromaidan.contains("citing three unnamed us officials"))
        let sputnik = article("001")["text"] as? String ?? ""
        #expect(!sputnik.contains("04:06"))
        #expect(!sputnik.contains("Being updated"))
    }

    @Test(.enabled(if: present, "seed corpus ../shared/corpus/seeds is absent"))
    func oneStoryHoldsAllFive() {
        #expect(ids(story["articles"]) == Set(["000", "001", "002", "003", "004"].map(id)))
    }

    @Test(.enabled(if: present, "seed corpus ../shared/corpus/seeds is absent"))
    func officialStatementIsOneQuoteInAllFive() throws {
        let quote = try #require(
            list(story, "quotes").first { q in
                list(q, "occurrences").contains { ($0["text"] as? String ?? "").contains("directed his team") }
            })
        let occurrences = list(quote, "occurrences")
        #expect(Set(occurrences.compactMap { $0["article"] as? String }) == ids(story["articles"]))
        let unquoted = occurrences.first { $0["article"] as? String == id("003") }
        #expect(unquoted?["quoted"] as? Bool == false)
        #expect(occurrences.filter { $0["article"] as? String != id("003") }.allSatisfy { $0["quoted"] as? Bool == true })
        // Wording differences are shown as a diff against the fullest wording.
        let tass = occurrences.first { $0["article"] as? String == id("000") }
        let diff = tass?["diff"] as? [[String: Any]] ?? []
        #expect(diff.contains { $0["kind"] as? String == "added" })
    }

    @Test(.enabled(if: present, "seed corpus ../shared/corpus/seeds is absent"))
    func atacmsKirbyAndPutin() {
        let occurrences = list(story, "quotes").flatMap { q in
            list(q, "occurrences").map { ($0, q["speaker"] as? String ?? "") }
        }
        func carriers(_ words: String) -> Set<String> {
            Set(occurrences.filter { ($0.0["text"] as? String ?? "").contains(words) }.compactMap { $0.0["article"] as? String })
        }
        let atacms = carriers("prohibiting the use of ATACMS")
        #expect(atacms.contains(id("001")))
        #expect(!atacms.contains(id("004")))
        /// The occurrence's own speaker, else its quote's.
        func speaker(ofStatement words: String) -> String {
            guard let hit = occurrences.first(where: { ($0.0["text"] as? String ?? "").contains(words) }) else {
                return "(no occurrence holds \(words))"
            }
            let own = hit.0["speaker"] as? String ?? ""
            return own.isEmpty ? hit.1 : own
        }
        let kirby = speaker(ofStatement: "We neither encourage nor permit")
        #expect(kirby.contains("Kirby"), "\(kirby)")
        let putin = speaker(ofStatement: "should be aware of what they are playing with")
        #expect(putin.contains("Putin"), "\(putin)")
    }

    @Test(.enabled(if: present, "seed corpus ../shared/corpus/seeds is absent"))
    func citations() {
        let citations = list(story, "citations")
        func sources(_ prefix: String) -> [String] {
            citations.filter { $0["article"] as? String == id(prefix) }.compactMap { $0["source"] as? String }
        }
        #expect(sources("000").contains("Politico"))
        #expect(sources("001").contains("The New York Times"))
        #expect(sources("002").contains("Politico"))
        for agency in ["Reuters", "Al Jazeera", "RIA"] {
            #expect(sources("004").contains { $0.contains(agency) }, "004 should cite \(agency)")
        }
    }

    @Test(.enabled(if: present, "seed corpus ../shared/corpus/seeds is absent"))
    func namingAndFraming() throws {
        let naming = list(story, "naming")
        func users(_ form: String) -> Set<String>? {
            for entity in naming {
                if let v = list(entity, "variants").first(where: { $0["form"] as? String == form }) {
                    return ids(v["articles"])
                }
            }
            return nil
        }
        func entity(of form: String) -> String? {
            naming.first { list($0, "variants").contains { $0["form"] as? String == form } }?["entity"] as? String
        }
        #expect(entity(of: "Kiev") != nil && entity(of: "Kiev") == entity(of: "Kyiv"))
        #expect(entity(of: "Kharkov") != nil && entity(of: "Kharkov") == entity(of: "Kharkiv"))
        #expect(users("Kiev")?.contains(id("000")) == true)
        #expect(users("Kharkov")?.contains(id("000")) == true)
        #expect(users("Kyiv")?.contains(id("004")) == true)
        #expect(users("Kharkiv")?.isSuperset(of: [id("002"), id("004")]) == true)
        let regime = list(story, "framing").first { ($0["phrase"] as? String)?.lowercased() == "kiev regime" }
        let regimeUsers = ids(regime?["articles"])
        #expect(regimeUsers.contains(id("001")))
    }

    @Test(.enabled(if: present, "seed corpus ../shared/corpus/seeds is absent"))
    func timelineClaimsAndSynthesis() {
        let dates = Set(list(story, "timeline").compactMap { $0["date"] as? String })
        #expect(dates.isSuperset(of: ["2024-05-10", "2024-05-28", "2024-05-30"]))
        let counterFire = list(story, "claims").filter {
            let text = ($0["text"] as? String ?? "").lowercased()
            return text.contains("counter-fire") || text.contains("counterfire")
        }
        #expect(counterFire.contains { ids($0["articles"]).count >= 4 })
        let synthesis = list(story, "synthesis")
        #expect(!synthesis.isEmpty)
        #expect(synthesis.allSatisfy { ids($0["articles"]).count >= 2 })
    }
}
