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

    /// The report decoded through ``JSONReport``; a test reading it fails when the JSON does not match the contract.
    var report: JSONReport {
        get throws { try JSONDecoder().decode(JSONReport.self, from: Data(Self.json.utf8)) }
    }

    /// The id of the seed whose file name starts with `prefix` ("000").
    func id(_ prefix: String) throws -> String {
        // Ids come from content; the seed is found by its file name.
        let seed = try report.articles.first { ($0.source as NSString).lastPathComponent.hasPrefix(prefix) }
        return try #require(seed?.id, "no seed \(prefix)")
    }

    func article(_ prefix: String) throws -> JSONReport.Article {
        let wanted = try id(prefix)
        return try #require(try report.articles.first { $0.id == wanted })
    }

    /// The story holding seed 000.
    func story() throws -> JSONReport.Story {
        let first = try id("000")
        return try #require(try report.stories.first { $0.articles.contains(first) }, "no story holds seed 000")
    }

    @Test(.enabled(if: present, "seed corpus ../shared/corpus/seeds is absent"))
    func metadata() throws {
        #expect(try report.articles.count == 5)
        #expect(try article("000").outlet == "TASS")
        #expect(try article("001").outlet == "Sputnik")
        #expect(try article("002").outlet == "Euromaidan Press")
        #expect(try article("004").outlet == "Tasnim")
        #expect(try article("000").published == "2024-05-30")
        for p in ["001", "002", "003"] { #expect(try article(p).published == "2024-05-31") }
        #expect(try article("001").title == "Biden Allows Ukraine to Use US-Supplied Weapons Near Kharkov")
        #expect(
            try article("002").title
                == "Politico: US quietly allowed Ukraine to strike inside Russia, but solely near Kharkiv")
        #expect(try article("004").title == "Biden Allows Ukraine to Hit Russian Targets with US Arms")
    }

    @Test(.enabled(if: present, "seed corpus ../shared/corpus/seeds is absent"))
    func boilerplateIsGone() throws {
        let euromaidan = try article("002").text.lowercased()
        for junk in ["copyright", "cookie", "become a patron", "ad blocker", "related posts"] {
            #expect(!euromaidan.contains(junk), "\(junk) left in 002")
        }
        #expect(euromaidan.contains("citing three unnamed us officials"))
        let sputnik = try article("001").text
        #expect(!sputnik.contains("04:06"))
        #expect(!sputnik.contains("Being updated"))
    }

    @Test(.enabled(if: present, "seed corpus ../shared/corpus/seeds is absent"))
    func oneStoryHoldsAllFive() throws {
        #expect(Set(try story().articles) == Set(try ["000", "001", "002", "003", "004"].map(id)))
    }

    @Test(.enabled(if: present, "seed corpus ../shared/corpus/seeds is absent"))
    func officialStatementIsOneQuoteInAllFive() throws {
        let story = try story()
        let quote = try #require(
            story.quotes.first { q in q.occurrences.contains { $0.text.contains("directed his team") } })
        let occurrences = quote.occurrences
        #expect(Set(occurrences.map(\.article)) == Set(story.articles))
        let unattributed = try id("003")
        #expect(occurrences.filter { $0.article == unattributed }.map(\.quoted) == [false])
        #expect(occurrences.filter { $0.article != unattributed }.allSatisfy { $0.quoted })
        // Wording differences are shown as a diff against the fullest wording.
        let tass = try id("000")
        let diff = try #require(occurrences.first { $0.article == tass }).diff
        #expect(diff.contains { $0.kind == "added" })
    }

    @Test(.enabled(if: present, "seed corpus ../shared/corpus/seeds is absent"))
    func atacmsKirbyAndPutin() throws {
        let occurrences = try story().quotes.flatMap { q in q.occurrences.map { ($0, q.speaker) } }
        func carriers(_ words: String) -> Set<String> {
            Set(occurrences.filter { $0.0.text.contains(words) }.map(\.0.article))
        }
        let atacms = carriers("prohibiting the use of ATACMS")
        #expect(atacms.contains(try id("001")))
        #expect(!atacms.contains(try id("004")))
        /// The occurrence's own speaker, else its quote's.
        func speaker(ofStatement words: String) throws -> String {
            let hit = try #require(occurrences.first { $0.0.text.contains(words) }, "no occurrence holds \(words)")
            let own = hit.0.speaker ?? ""
            return own.isEmpty ? hit.1 ?? "" : own
        }
        let kirby = try speaker(ofStatement: "We neither encourage nor permit")
        #expect(kirby.contains("Kirby"), "\(kirby)")
        let putin = try speaker(ofStatement: "should be aware of what they are playing with")
        #expect(putin.contains("Putin"), "\(putin)")
    }

    @Test(.enabled(if: present, "seed corpus ../shared/corpus/seeds is absent"))
    func citations() throws {
        let citations = try story().citations
        func sources(_ prefix: String) throws -> [String] {
            let article = try id(prefix)
            return citations.filter { $0.article == article }.map(\.source)
        }
        #expect(try sources("000").contains("Politico"))
        #expect(try sources("001").contains("The New York Times"))
        #expect(try sources("002").contains("Politico"))
        for agency in ["Reuters", "Al Jazeera", "RIA"] {
            #expect(try sources("004").contains { $0.contains(agency) }, "004 should cite \(agency)")
        }
    }

    @Test(.enabled(if: present, "seed corpus ../shared/corpus/seeds is absent"))
    func namingAndFraming() throws {
        let story = try story()
        /// The entity a form belongs to and the articles using the form.
        func variant(_ form: String) throws -> (entity: String, articles: Set<String>) {
            let entity = try #require(story.naming.first { $0.variants.contains { $0.form == form } }, "no \(form)")
            let variant = try #require(entity.variants.first { $0.form == form })
            return (entity.entity, Set(variant.articles))
        }
        #expect(try variant("Kiev").entity == variant("Kyiv").entity)
        #expect(try variant("Kharkov").entity == variant("Kharkiv").entity)
        #expect(try variant("Kiev").articles.contains(id("000")))
        #expect(try variant("Kharkov").articles.contains(id("000")))
        #expect(try variant("Kyiv").articles.contains(id("004")))
        #expect(try variant("Kharkiv").articles.isSuperset(of: [id("002"), id("004")]))
        let regime = try #require(story.framing.first { $0.phrase.lowercased() == "kiev regime" })
        #expect(regime.articles.contains(try id("001")))
    }

    @Test(.enabled(if: present, "seed corpus ../shared/corpus/seeds is absent"))
    func timelineClaimsAndSynthesis() throws {
        let story = try story()
        let dates = Set(story.timeline.map(\.date))
        #expect(dates.isSuperset(of: ["2024-05-10", "2024-05-28", "2024-05-30"]))
        let counterFire = story.claims.filter {
            let text = $0.text.lowercased()
            return text.contains("counter-fire") || text.contains("counterfire")
        }
        #expect(counterFire.contains { Set($0.articles).count >= 4 })
        #expect(!story.synthesis.isEmpty)
        #expect(story.synthesis.allSatisfy { Set($0.articles).count >= 2 })
    }
}
