import Foundation
import Testing

@testable import ParallaxCore

struct OutletRegistryTests {
    let registry = OutletRegistry.bundled

    @Test func bundledTableIsBroadAndWellFormed() {
        #expect(registry.outlets.count >= 80)
        for outlet in registry.outlets {
            #expect(!outlet.name.isEmpty)
            #expect(!outlet.domains.isEmpty, "\(outlet.name) has no domain")
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

    @Test func badUserFileIsAnError() {
        #expect(throws: OutletRegistry.LoadError.self) {
            try OutletRegistry.load(extraFile: "/nonexistent/outlets.json")
        }
    }
}
