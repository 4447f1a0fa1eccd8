import Testing

@testable import ParallaxAnalysis

struct SpeakerResolverTests {
    func speakers(_ text: String) -> [SpeakerResolver.Speaker?] {
        QuoteExtractor().extract(from: makeDocument(text)).map(\.speaker)
    }

    @Test func roleIsSplitFromName() throws {
        let s = try #require(speakers("Deputy Finance Minister Olga Petrov said that taxes would rise.").first ?? nil)
        #expect(s.name == "Olga Petrov")
        #expect(s.role == "Deputy Finance Minister")
        #expect(s.kind == .person)
    }

    @Test func surnameCompletesToTheFullNameNamedBefore() throws {
        let text = "Senator Paul Grant arrived late.\nGrant said the vote would be delayed until next week."
        let s = try #require(speakers(text).first ?? nil)
        #expect(s.name == "Paul Grant")
        #expect(s.role == "Senator")
    }

    @Test func pronounSkipsNamesInsideTheStatementItself() throws {
        let text = "Spokeswoman Lena Park spoke to reporters.\nWe met Governor Tom Reyes today. We agreed on nothing, she said."
        let s = try #require(speakers(text).first ?? nil)
        #expect(s.name == "Lena Park")
    }

    @Test func statementResolvesToItsIssuer() throws {
        let text =
            "Talks will continue next week, a ministry spokesperson told reporters in a statement.\n“We remain hopeful about a deal,” the statement said."
        let all = speakers(text)
        #expect(all.count == 2)
        #expect(all.last??.name == "a ministry spokesperson")
        #expect(all.last??.isAnaphor == true)
    }

    @Test func descriptionOfAnOutletResolvesToTheOutletNamedBefore() throws {
        let text = "The plan was first reported by Reuters.\nThe regulator will approve the merger soon, the agency said."
        let s = try #require(speakers(text).last ?? nil)
        #expect(s.name == "Reuters")
        #expect(s.kind == .outlet)
    }

    @Test func pronounWithoutAntecedentStaysAsWritten() throws {
        let all = speakers("The storm will pass by Friday, he said.")
        #expect(all.count == 1)
        let s = try #require(all.first ?? nil)
        #expect(s.name == "he")
        #expect(s.kind == .anonymous)
        #expect(s.isUnresolvedPronoun)
    }

    @Test func speakerWithoutContentIsStillAnAntecedent() throws {
        let all = speakers("Burton explained from a podium. \"I love cats,\" he said.")
        let s = try #require(all.last ?? nil)
        #expect(s.name == "Burton")
        #expect(s.isAnaphor)
    }

    @Test func publicResolveBySpan() throws {
        let doc = makeDocument("Governor Tom Reyes opened the session. He said the budget was balanced.")
        var resolver = SpeakerResolver(document: doc)
        _ = resolver.resolve(mention: try #require(doc.tokens.first(where: { $0.norm == "tom" })).span)
        let he = try #require(doc.tokens.first(where: { $0.norm == "he" }))
        #expect(resolver.resolve(mention: he.span)?.name == "Tom Reyes")
    }
}

extension SpeakerResolverTests {
    @Test func placeAfterPrepositionIsNotPartOfTheRole() throws {
        let s = try #require(
            speakers("After a visit to Paris Foreign Minister Lena Holm said that talks would resume.").first ?? nil)
        #expect(s.name == "Lena Holm")
        #expect(s.role == "Foreign Minister")
    }

    @Test func heResolvesToAnUnnamedSpokespersonAfterTheLastNamedPerson() throws {
        let text =
            "Coast guard boats reached the ferry at noon, a port authority spokesperson said.\n"
            + "The crew had sent a distress call an hour earlier, he said."
        let all = speakers(text)
        #expect(all.count == 2)
        let he = try #require(all.last ?? nil)
        #expect(he.name == "a port authority spokesperson")
        #expect(he.isAnaphor)
        #expect(!he.isUnresolvedPronoun)
    }

    @Test func namedPersonAfterTheSpokespersonStaysTheAntecedent() throws {
        let text =
            "The ferry was safe, a port authority spokesperson said.\n"
            + "Mayor Tilda Brask visited the harbour.\nThe crew acted well, she said."
        let she = try #require(speakers(text).last ?? nil)
        #expect(she.name == "Tilda Brask")
    }

    @Test(arguments: [
        ("The Council on Harbour Safety said that the ferry was overloaded.", "Council on Harbour Safety"),
        ("The city of Elmsford said that the ferry was overloaded.", "city of Elmsford"),
    ])
    func nameAfterAConnectorIsOneOrganization(_ text: String, _ expected: String) throws {
        let s = try #require(speakers(text).first ?? nil)
        #expect(s.name == expected)
        #expect(s.role == nil)
        #expect(s.kind == .organization)
    }

    @Test func possessiveEndingIsNotPartOfTheName() throws {
        let s = try #require(speakers("Mayor Tilda Brask’s claim that “the port never floods” was wrong.").first ?? nil)
        #expect(s.name == "Tilda Brask")
    }
}

extension SpeakerResolverTests {
    @Test func appositiveGivesTheRole() throws {
        let s = try #require(
            speakers("The agency cited Ivo Brandt, the head of the harbour authority, as saying that ships would wait.").first
                ?? nil)
        #expect(s.name == "Ivo Brandt")
        #expect(s.role == "head of the harbour authority")
    }

    @Test func sentenceInitialDescriptorIsNotAName() throws {
        let s = try #require(speakers("Investigators said that the fire started in the boiler room.").first ?? nil)
        #expect(s.kind == .anonymous)
        #expect(s.name == "Investigators")
    }

    @Test func personOfAnOrganizationKeepsTheOrganizationAsRole() throws {
        let text = "Nine homes were destroyed, said Ana Velho Ruiz of the Regional Flood Relief Agency."
        let s = try #require(speakers(text).first ?? nil)
        #expect(s.name == "Ana Velho Ruiz")
        #expect(s.role == "Regional Flood Relief Agency")
        #expect(s.kind == .person)
    }

    @Test func capitalizedAgencyIsAnOrganizationNotAnOutlet() throws {
        let s = try #require(speakers("The quake was shallow, the Regional Seismic Survey said.").first ?? nil)
        #expect(s.name == "the Regional Seismic Survey")
        #expect(s.kind == .organization)
    }

    @Test func acronymIsAnOrganization() throws {
        let s = try #require(speakers("The quake struck at a depth of ten kilometres, the RSSB said.").first ?? nil)
        #expect(s.name == "the RSSB")
        #expect(s.kind == .organization)
    }

    @Test func weekdayAfterARoleIsNotAPerson() throws {
        let text = "The director said he told staff Monday to lock the archive.\nHe said nothing had been taken."
        let all = speakers(text)
        let he = try #require(all.last ?? nil)
        #expect(he.name != "Monday")
        #expect(he.name == "The director")
    }

    @Test func executiveEndsTheRoleBeforeTheName() throws {
        let text = "Harlan Rail chief executive Ona Petrauskas said fares would rise in June."
        let s = try #require(speakers(text).first ?? nil)
        #expect(s.name == "Ona Petrauskas")
        #expect(s.role == "Harlan Rail chief executive")
    }

    @Test func capitalizedRoleWordGluedToANameWrittenAloneElsewhere() throws {
        let text =
            "Tomas Vidal Ortega toured the port.\nChallenger Tomas Vidal Ortega said the port needed new cranes."
        let s = try #require(speakers(text).first ?? nil)
        #expect(s.name == "Tomas Vidal Ortega")
        #expect(s.role == "Challenger")
        let lone = try #require(speakers("Ana Lucia Ferreira said the port needed new cranes.").first ?? nil)
        #expect(lone.name == "Ana Lucia Ferreira")
    }

    @Test func possessiveDescriptionBelongsToThePersonNamedBefore() throws {
        let text = "On Monday, Governor Ines Moll ordered a review of the bridge contracts, her office said."
        let s = try #require(speakers(text).first ?? nil)
        #expect(s.name == "Ines Moll’s office")
        #expect(s.kind == .organization)
        #expect(s.isAnaphor)
        let alone = try #require(speakers("The review will take a month, her office said.").first ?? nil)
        #expect(alone.name == "her office")
    }

    @Test func nameWrittenRightAfterAnOutletIsTheSpeaker() throws {
        let text = "In a meeting with the editorial board of the Washington Post Tilda Brask said the port would close."
        let s = try #require(speakers(text).first ?? nil)
        #expect(s.name == "Tilda Brask")
        let acronym = try #require(speakers("Lena Ortiz, executive director of HRWA, said the port would close.").first ?? nil)
        #expect(acronym.name == "executive director of HRWA")
        #expect(acronym.kind == .anonymous)
    }
}

/// The speaker sieve of issue 8: agreement, role holders, phrases that cannot speak (made-up sentences).
extension SpeakerResolverTests {
    @Test func pronounAgreesInGenderWithItsAntecedent() {
        let extractor = QuoteExtractor()
        let doc = makeDocument(
            "Senator Margaret Olsen spoke after Senator Thomas Reyes left the stage.\n“We are not done,” she said.\n“Nor are we,” he said.")
        let names = extractor.extract(from: doc).map { $0.speaker?.name }
        #expect(names == ["Margaret Olsen", "Thomas Reyes"])
    }

    @Test func genderOfFirstNamesComesFromTheBundledList() {
        let names = FirstNameLexicon.bundled
        #expect(names.gender(of: "Margaret") == .female)
        #expect(names.gender(of: "Thomas") == .male)
        #expect(names.gender(of: "Xqzzy") == nil)
    }

    @Test func roleDescriptionResolvesToTheNamedHolder() throws {
        let extractor = QuoteExtractor()
        let doc = makeDocument("Gov. Ilse Moran toured the flooded towns on Monday.\nThe governor said the levees had held.")
        let q = try #require(extractor.extract(from: doc).first)
        #expect(q.speaker?.name == "Ilse Moran")
        #expect(q.speaker?.isAnaphor == true)
        #expect(doc.text(of: try #require(q.speaker).mention) == "The governor")
    }

    @Test func roleWithoutANamedHolderStaysDescribed() throws {
        let doc = makeDocument("Mayor Ilse Moran toured the towns.\nThe governor said the levees had held.")
        let q = try #require(QuoteExtractor().extract(from: doc).first)
        #expect(q.speaker?.name == "The governor")
    }

    @Test(arguments: [
        ("Rebels in the Vorskla region said the bridge had been shelled overnight.", "Rebels in the Vorskla region"),
        ("WATCH Okafor said the bridge had been shelled overnight.", "Okafor"),
    ])
    func phrasesThatCannotSpeakAreNotSpeakers(text: String, speaker: String) throws {
        let doc = makeDocument(text)
        let q = try #require(QuoteExtractor().extract(from: doc).first)
        #expect(q.speaker.map { String(doc.text(of: $0.mention)) } == speaker)
    }

    @Test func interviewOutletIsCitedBesideTheSpeaker() {
        let cited = CitationExtractor().extract(
            from: makeDocument("“We will not stop,” Okafor told NBC’s Meet the Press on Sunday.")).map(\.source)
        #expect(cited.contains("Okafor"))
        #expect(cited.contains { $0.hasPrefix("NBC") })
    }
}
