import Foundation
import Testing

@testable import ParallaxCore

struct OutletRegistryTests {
    let registry = OutletRegistry.bundled

    @Test func bundledTableIsBroadAndWellFormed() {
        #expect(registry.outlets.count >= 900)
        for outlet in registry.outlets {
            #expect(!outlet.name.isEmpty)
            // Every hand-written outlet has a domain; the state-media list has name-only assets.
            #expect(!outlet.domains.isEmpty || outlet.typology != nil, "\(outlet.name) has no domain")
            if let country = outlet.country { #expect(country.count == 2 && country == country.uppercased()) }
        }
        let agencies = registry.outlets.filter { $0.kind == .agency }.map(\.name)
        #expect(agencies.contains("TASS") && agencies.contains("Reuters"))
    }

    @Test(arguments: [
        ("the New York Times", "The New York Times"), ("NEW YORK TIMES", "The New York Times"),
        ("Agence France-Presse", "AFP"), ("ITAR-TASS", "TASS"), ("Al-Jazeera", "Al Jazeera"),
        ("tasnim", "Tasnim"), ("El Pais", "El País"), ("Sputnik", "Sputnik"),
    ])
    func findsOutletByNameOrAlias(name: String, expected: String) {
        #expect(registry.outlet(named: name)?.name == expected)
    }

    @Test func unknownNameIsNil() {
        #expect(registry.outlet(named: "The Daily Planet") == nil)
        #expect(registry.outlet(named: "") == nil)
    }

    @Test(arguments: [
        ("https://sputnikglobe.com/20240531/x.html", "Sputnik"), ("edition.cnn.com", "CNN"),
        ("Euromaidanpress.com", "Euromaidan Press"), ("http://www.tass.com/politics", "TASS"),
        ("https://en.yna.co.kr/view/AEN2024", "Yonhap"),
    ])
    func findsOutletByDomain(host: String, expected: String) {
        #expect(registry.outlet(forDomain: host)?.name == expected)
    }

    @Test func doesNotMatchLookalikeOrBareDomains() {
        #expect(registry.outlet(forDomain: "notcnn.com") == nil)
        #expect(registry.outlet(forDomain: "com") == nil)
        #expect(registry.outlet(forDomain: "example.co.uk") == nil)
    }

    @Test func mentionsRespectCapitalsAndAmbiguity() {
        let text = "An economist told the Economist and AP, not ap, that Time will tell; the Hill and Capitol Hill."
        let found = registry.mentions(in: text).map { String(text[span: $0.span]) }
        #expect(found == ["the Economist", "AP", "the Hill"])
    }

    @Test func mentionSpansAreUTF8Offsets() throws {
        let text = "«Déjà» — Radio Free Europe reported, citing Le Monde."
        let mentions = registry.mentions(in: text)
        #expect(mentions.map(\.outlet.name) == ["Radio Free Europe/Radio Liberty", "Le Monde"])
        let first = try #require(mentions.first)
        #expect(String(text[span: first.span]) == "Radio Free Europe")
    }

    @Test func userFileExtendsAndAdds() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("outlets-\(UUID()).json")
        let json = """
            {"outlets": [
              {"name": "Daily Planet", "domains": ["dailyplanet.example"], "aliases": ["The Planet"], "country": "US"},
              {"name": "TASS", "aliases": ["Tass Agency"], "domains": ["tass.example"]}
            ]}
            """
        try Data(json.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let merged = try OutletRegistry.load(extraFile: url.path)
        #expect(merged.outlet(named: "the daily planet")?.kind == .outlet)
        #expect(merged.outlet(forDomain: "news.dailyplanet.example")?.name == "Daily Planet")
        #expect(merged.outlet(named: "Tass Agency")?.name == "TASS")
        #expect(merged.outlet(forDomain: "tass.example")?.ownership == .stateOwned)
        #expect(merged.outlets.count == registry.outlets.count + 1)
    }

    @Test(arguments: [
        ("https://www.rt.com/news/1/", "RT"), ("https://russian.rt.com/world/news/1", "RT"),
        ("https://arabic.rt.com/x", "RT"), ("https://de.rt.com/x", "RT"), ("https://en.yna.co.kr/x", "Yonhap"),
        ("https://arabic.people.com.cn/n3/x.html", "People's Daily"), ("https://www.washingtontimes.com/news/x/", "The Washington Times"),
        ("https://www.thetimes.co.uk/article/x", "The Times"), ("https://nypost.com/2024/05/31/x/", "New York Post"),
    ])
    func findsOutletBySubdomainOfItsDomain(url: String, expected: String) {
        #expect(registry.outlet(forURL: url)?.name == expected)
    }

    @Test func longestDomainWins() {
        let registry = OutletRegistry(outlets: [
            Outlet(name: "Big Portal", domains: ["portal.example"]),
            Outlet(name: "Portal Sport", domains: ["sport.portal.example"]),
        ])
        #expect(registry.outlet(forDomain: "live.sport.portal.example")?.name == "Portal Sport")
        #expect(registry.outlet(forDomain: "www.portal.example")?.name == "Big Portal")
        #expect(registry.outlet(forDomain: "sportportal.example") == nil)
    }

    @Test(arguments: [
        ("The Washington Times", "The Washington Times"), ("Washington Times", "The Washington Times"),
        ("the New York Post", "New York Post"), ("The Times", "The Times"), ("the BBC", "BBC"),
    ])
    func namesMatchWhole(name: String, expected: String) {
        #expect(registry.outlet(named: name)?.name == expected)
    }

    @Test func anArticleNameNeedsItsArticle() {
        // "The Times" and "The Post" are names of an article and one word: a longer name that ends in the word is
        // another paper, known or not.
        let registry = OutletRegistry(outlets: [
            Outlet(name: "The Times", domains: ["thetimes.example"]),
            Outlet(name: "The Post", domains: ["thepost.example"]),
        ])
        for name in ["Times", "Washington Times", "The Podunk Times", "New York Post", "Post"] {
            #expect(registry.outlet(named: name) == nil, "\(name)")
            #expect(registry.outlet(longestIn: "© 2024 \(name). All rights reserved.") == nil, "\(name)")
            #expect(registry.mentions(in: "according to \(name) on Monday").isEmpty, "\(name)")
        }
        #expect(registry.outlet(named: "the Times")?.name == "The Times")
        #expect(registry.mentions(in: "according to The Post on Monday").map(\.outlet.name) == ["The Post"])
    }

    @Test func longestNameWinsInText() {
        let text = "The Washington Times and The Times, then the New York Post, quoted by the Post."
        let found = registry.mentions(in: text).map(\.outlet.name)
        #expect(found == ["The Washington Times", "The Times", "New York Post"])
        #expect(registry.outlet(longestIn: "Copyright © 2024 The Washington Times, LLC")?.name == "The Washington Times")
        #expect(registry.outlet(longestIn: "NEW YORK POST | Breaking News")?.name == "New York Post")
    }

    @Test func stateMediaOutletsCarryTheirTypology() throws {
        // Listed only by the ASD / State Media Monitor list: found by domain and by name, with ownership and code.
        let byDomain = try #require(registry.outlet(forURL: "https://www.globaltimes.cn/page/x.shtml"))
        #expect(byDomain.typology == "SC" && byDomain.ownership == .stateOwned)
        let kazinform = try #require(registry.outlet(named: "Kazinform"))
        #expect(kazinform.country == "KZ" && kazinform.ownership == .stateOwned && kazinform.typology != nil)
        #expect(registry.outlet(forURL: "https://www.inform.kz/en/x")?.name == kazinform.name)
        let yle = try #require(registry.outlet(forDomain: "yle.fi"))
        #expect(yle.name == "Yle" && yle.ownership == .publicService)
        // The hand-written entry wins, the list adds the code: TASS stays an agency, with its typology.
        let tass = try #require(registry.outlet(named: "TASS"))
        #expect(tass.kind == .agency && tass.typology == "SC")
        #expect(registry.outlets.filter { $0.domains.contains("tass.com") }.count == 1)
    }

    @Test func aNameTheHandWrittenTableHoldsStaysItsOwn() throws {
        // The state-media list's "ABC" (Australia) and "NBC" (Namibia) do not take the hand-written table's names:
        // "ABC" stays ambiguous (ABC News marks it so) and "NBC" names no other outlet in running text.
        let australia = try #require(registry.outlet(forDomain: "abc.net.au"))
        #expect(australia.name == "ABC (Australia)" && australia.typology != nil)
        #expect(registry.mentions(in: "ABC reported that NBC aired it.").allSatisfy { $0.outlet.country != "AU" })
        #expect(registry.outlet(named: "NBC")?.name == "NBC News")
        let namibia = registry.outlets.filter { $0.country == "NA" && $0.allNames.contains("NBC") }
        #expect(namibia.allSatisfy { $0.ambiguous.contains("NBC") })
    }

    @Test func stateMediaNamesThatAreCommonWordsAreNotMentions() {
        let text = "Today the Star reported on Gold prices in Turkmenistan, Kazinform said."
        #expect(registry.mentions(in: text).map(\.outlet.name) == ["Kazinform"])
    }

    @Test func userFileOverridesBundledFields() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("outlets-\(UUID()).json")
        let json = """
            {"outlets": [
              {"name": "Kazinform", "domains": ["kazinform.example"], "ownership": "private", "typology": "X", "kind": "agency"},
              {"name": "Russia Today", "domains": ["rt.com"], "aliases": ["Russia Today"], "country": "RU"}
            ]}
            """
        try Data(json.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let merged = try OutletRegistry.load(extraFile: url.path)
        let kazinform = try #require(merged.outlet(forDomain: "kazinform.example"))
        #expect(kazinform.ownership == .privatelyOwned && kazinform.typology == "X" && kazinform.kind == .agency)
        // Merged by domain: the user's name becomes an alias of the known outlet.
        #expect(merged.outlet(named: "Russia Today")?.name == "RT")
        #expect(merged.outlets.count == registry.outlets.count)
    }

    /// Load time of the bundled registry, with and without the state-media list: printed, not checked (a
    /// measurement for docs/BENCHMARKS.md). Run with `PARALLAX_MEASURE=1 swift test --filter loadTime`.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["PARALLAX_MEASURE"] != nil))
    func loadTime() {
        let clock = ContinuousClock()
        for stateMedia in [false, true] {
            var outlets = 0
            let runs = 20
            let elapsed = clock.measure {
                for _ in 0..<runs { outlets = OutletRegistry.loadBundled(stateMedia: stateMedia).outlets.count }
            }
            print("outlet registry load, state media \(stateMedia): \(outlets) outlets, \(elapsed / runs) per load")
        }
    }

    @Test func badUserFileIsAnError() {
        #expect(throws: OutletRegistry.LoadError.self) {
            try OutletRegistry.load(extraFile: "/nonexistent/outlets.json")
        }
    }
}
