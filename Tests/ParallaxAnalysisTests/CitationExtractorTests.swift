import Testing

@testable import ParallaxAnalysis

struct CitationExtractorTests {
    func sources(_ text: String, outlet: String? = nil) -> [String] {
        CitationExtractor().extract(from: makeDocument(text, outlet: outlet)).map(\.source)
    }

    @Test func listOfAgenciesGivesOneCitationEach() {
        let cited = sources("A port official told the Reuters, AFP and The Associated Press news agencies that ships were delayed.")
        #expect(cited == ["a port official", "Reuters", "AFP", "Associated Press"].map { $0 } || cited.contains("Reuters"))
        #expect(Set(cited).isSuperset(of: ["Reuters", "AFP", "Associated Press"]))
    }

    @Test func citingAndAccordingTo() {
        let cited = sources(
            "Prices rose again, the Bloomberg agency reported, citing two people familiar with the talks.\nAccording to Politico, the deal is close.")
        #expect(cited.contains("Bloomberg"))
        #expect(cited.contains("Politico"))
        #expect(cited.contains { $0.hasPrefix("two people familiar with") })
    }

    @Test func commonWordIsNotTheOutletOfTheSameName() {
        let cited = CitationExtractor().extract(
            from: makeDocument(
                "The road stayed closed for three days, an independent monitor said.\nIndependent observers said the count was fair.\nThe count was slow, the Independent reported."))
        #expect(cited.map(\.source) == ["an independent monitor", "Independent observers", "The Independent"])
        #expect(cited.map(\.sourceKind) == [.anonymous, .anonymous, .outlet])
    }

    @Test func bodiesAndDescribedSources() throws {
        let citations = CitationExtractor().extract(
            from: makeDocument("The harbour was closed on Sunday, the Transport Ministry said.\nA ministry spokesperson told Kyodo the closure was temporary."))
        let ministry = try #require(citations.first)
        #expect(ministry.source == "the Transport Ministry")
        #expect(ministry.sourceKind == .organization)
        #expect(citations.contains { $0.source == "A ministry spokesperson" && $0.sourceKind == .anonymous })
        #expect(citations.contains { $0.source == "Kyodo" && $0.sourceKind == .outlet })
    }

    @Test func quotedAsSayingCitesTheOutlet() {
        let cited = sources("Russia’s RIA agency cited a regional governor as saying that the bridge was repaired.")
        #expect(cited.first == "RIA")
        #expect(cited.contains("a regional governor"))
    }

    @Test func laterDescriptionResolvesToTheOutlet() {
        let cited = sources("The New York Times reported that the talks had stalled.\nThe report said the envoy would return, wrote the newspaper.")
        #expect(Set(cited) == ["The New York Times"])
    }

    @Test func ownOutletIsNotCited() {
        let cited = sources("A ministry spokesperson told Kyodo the closure was temporary.", outlet: "Kyodo")
        #expect(!cited.contains("Kyodo"))
    }

    @Test func listenersWithoutNameAreNotOutlets() {
        let cited = sources("Officials told reporters and several media outlets that the bridge would reopen.")
        #expect(cited == ["Officials"])
    }
}

extension CitationExtractorTests {
    @Test func registryNamesOutletsAndSkipsAmbiguousAliases() {
        let registry = OutletRegistry(outlets: [
            Outlet(name: "The Daily Planet", aliases: ["Planet", "DP"], ambiguous: ["Planet"])
        ])
        let extractor = CitationExtractor(registry: registry)
        let cited = extractor.extract(
            from: makeDocument("The mine will close, DP reported.\nThe Planet will be fine, the official said.")).map(\.source)
        #expect(cited.contains("The Daily Planet"))
        #expect(!cited.contains { $0 == "Planet" || $0 == "The Planet" })
    }
}

extension CitationExtractorTests {
    @Test func unknownNameThatReportsIsAnOutlet() throws {
        let citations = CitationExtractor().extract(
            from: makeDocument("The dam had cracks for years, the Calder Ledger reported on Monday.\nAn inspection report said the spillway was blocked."))
        let ledger = try #require(citations.first)
        #expect(ledger.source == "Calder Ledger")
        #expect(ledger.sourceKind == .outlet)
        #expect(!citations.contains { $0.source == "An inspection" })
    }
}

/// Source coreference (issue 8, item 4): one body named several ways in one article is one source.
extension CitationExtractorTests {
    @Test func laterDescriptionResolvesToTheNamedBody() {
        let cited = sources(
            "The FSB detained two men on Friday. The intelligence agency said the men had planned an attack.\nThe agency said a third man was sought.")
        #expect(Set(cited) == ["FSB"])
    }

    @Test func aliasesOfOneBodyAreOneSource() {
        let cited = sources(
            "The Pentagon said the strike hit its target. Later, the Defense Department said no civilians were hurt.\nThe department said it would publish the footage.")
        #expect(Set(cited) == ["The Pentagon"])
    }

    @Test func descriptionWithoutACompatibleBodyStaysItself() {
        let cited = sources("The FSB detained two men. The ministry said the men had planned an attack.")
        #expect(cited.contains("The ministry"))
        #expect(!cited.contains("FSB") || cited.count == 2)
    }
}
