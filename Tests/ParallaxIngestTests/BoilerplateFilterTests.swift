import Foundation
import Testing

@testable import ParallaxIngest

struct BoilerplateFilterTests {
    let filter = BoilerplateFilter()

    @Test(arguments: [
        ("© 2023 Daily Planet Media Group", BoilerplateFilter.Reason.copyright),
        ("Copyright 2019 The Riverside Gazette. All rights reserved.", .copyright),
        ("Please whitelist our site or disable your ad blocker to keep reading.", .appeal),
        ("Sign up for our newsletter to get the morning briefing.", .appeal),
        ("READ MORE", .navigation),
        ("Related Articles:", .navigation),
        ("4 min read", .navigation),
        ("Share this article", .navigation),
        ("12:45 GMT 03.02.2023 (Updated: 13:10 GMT 03.02.2023)", .timestamp),
        ("2023-02-03T12:45:00Z", .timestamp),
        ("Published Friday, February 3, 2023 at 4:05 pm EST", .timestamp),
        ("EN | FR | DE", .languageSwitcher),
        ("Рус", .languageSwitcher),
        ("harbour strike dockers union wages rotterdam img_20230203_1045jpg", .slug),
        ("Dock workers gather near the port on Friday. Lars Jensen/Reuters", .photoCaption),
        ("Photo: Port of Rotterdam press office", .photoCaption),
        ("Read also: Ferry services cancelled as storm hits coast", .navigation),
        ("https://example.org/news/2023/02/03/strike", .url),
        ("By Maria Lopez and Tom Briggs", .byline),
        ("Deutsche Welle", .outletName),
        ("TOP STORIES.", .navigation),
        ("If you value this reporting, please support us with a monthly gift.", .appeal),
        ("Lesen Sie auch: Streik im Hafen geht weiter", .navigation),
        ("À lire aussi", .navigation),
        ("Читайте также: Забастовка в порту продолжается", .navigation),
        ("Leggi anche", .navigation),
        ("© 2023 Hafenkurier. Alle Rechte vorbehalten.", .copyright),
    ])
    func dropsBoilerplateLines(line: String, reason: BoilerplateFilter.Reason) {
        #expect(filter.reason(forDropping: line) == reason)
    }

    @Test(arguments: [
        "He declined to comment.",
        "No.",
        "Talks resume Monday.",
        "Sources say the deal is off.",
        "Photos of the damaged pier were shared widely on Sunday.",
        "We are not going to accept this offer, the union leader said.",
        "The minister said Reuters had misquoted her.",
        "By Tuesday, the strike had spread to three more ports.",
        "Updated figures show wages fell by 3% in 2022.",
        "The copyright dispute went to court in 2021, the company said.",
        "Deutsche Welle reported that the talks had failed.",
        "In a blog post, the company said violent threats were against its terms of service.",
        "“Support us or leave,” the union told its members.",
        "NATO agreed.",
        "Die Gewerkschaft will auch am Montag weiter streiken, sagte ein Sprecher.",
        "Профсоюз заявил, что забастовка продолжится и в понедельник.",
    ])
    func keepsReportSentences(line: String) {
        #expect(filter.reason(forDropping: line) == nil)
    }

    @Test func rejoinsLinesBrokenMidSentence() {
        let text = """
            The strike began after talks with the port authority failed
            , the union said
            on Friday.
            One docker told reporters:
            “We have waited long enough,” before walking out.
            Next paragraph starts here.
            """
        #expect(filter.filter(text.components(separatedBy: "\n")) == [
            "The strike began after talks with the port authority failed, the union said on Friday.",
            "One docker told reporters: “We have waited long enough,” before walking out.",
            "Next paragraph starts here.",
        ])
    }

    @Test func zoneRulesDropFurnitureOnlyAtTheEdges() {
        let lines = [
            "The Riverside Gazette is supported by readers like you", "",
            "Council votes to close the old bridge for repairs next spring.", "",
            "The council voted eight to three on Tuesday to close the bridge, a spokesperson said.", "",
            "Follow the Riverside Gazette on Facebook", "",
            "Terms of use",
        ]
        let kept = filter.filter(lines)
        #expect(kept == [
            "Council votes to close the old bridge for repairs next spring.",
            "The council voted eight to three on Tuesday to close the bridge, a spokesperson said.",
        ])
    }

    @Test func selfDescriptionAtTheBottomIsDroppedWithTheOwnOutlet() throws {
        let own = try #require(filter.metadata.registry.outlet(named: "Kyiv Post"))
        let lines = [
            "The government approved the budget on Wednesday after a long debate in parliament.",
            "Kyiv Post is an independent media outlet that depends on advertising revenue.",
        ]
        #expect(filter.filter(lines, ownOutlet: own) == [lines[0]])
    }

    @Test func quotedWeAtTheBottomIsASourceNotTheSite() {
        let lines = [
            "The company said it had removed thousands of accounts linked to the campaign on its platform.",
            "“We have always tried to balance safety with our users’ right to speak on Twitter,” it said.",
        ]
        #expect(filter.filter(lines) == lines)
    }

    @Test func titleEchoIsDropped() {
        let lines = ["Port strike spreads to Antwerp", "Workers walked out at dawn, officials said.",
            "Port strike spreads to Antwerp"]
        #expect(filter.filter(lines, title: "Port Strike Spreads to Antwerp") == [lines[1]])
    }

    @Test func cleanNormalizesAndSeparatesParagraphsByOneNewline() {
        let text = "First  paragraph\u{00A0}here.\r\n\r\n\r\nSecond paragraph.\n\nAdvertisement\n"
        #expect(filter.clean(text) == "First paragraph here.\nSecond paragraph.")
    }

    @Test func userVocabularyExtendsTheBundledOne() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("boilerplate-\(UUID()).json")
        try Data(#"{"anywherePhrases": ["tip jar"]}"#.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let custom = BoilerplateFilter(vocabulary: try BoilerplateVocabulary.load(extraFile: url.path))
        #expect(filter.reason(forDropping: "Drop a coin in our tip jar today.") == nil)
        #expect(custom.reason(forDropping: "Drop a coin in our tip jar today.") == .appeal)
        #expect(custom.reason(forDropping: "4 min read") == .navigation)
    }

    @Test func badVocabularyFileIsAnIssue() {
        #expect(throws: IngestIssue.self) { try BoilerplateVocabulary.load(extraFile: "/nonexistent/vocab.json") }
    }
}

// MARK: - Page furniture

extension BoilerplateFilterTests {
    @Test(arguments: [
        ("Allow all cookies", BoilerplateFilter.Reason.navigation),
        ("Reject all", .navigation),
        ("Save my preferences", .navigation),
        ("Copy URL", .navigation),
        ("Share via WhatsApp", .navigation),
        ("More stories from Sport", .navigation),
        ("Get the Harbour Gazette evening bulletin in your inbox.", .appeal),
        ("Subscribe to Morning Docket, our daily briefing.", .appeal),
        ("(Reporting by Anna Berg in Oslo; Editing by Tom Hale)", .byline),
        ("[Additional reporting by Pia Lund]", .byline),
        ("Writing by Karl Ek; editing by Mona Dahl.", .byline),
        ("Maria Costa contributed to this report.", .appeal),
        ("Fishermen unload the last catch of the season at Varne harbour. (Harbour Gazette)", .photoCaption),
        ("A crane lifts a container on Monday. (Jon Vik/Port Daily)", .photoCaption),
    ])
    func dropsFurnitureWhereverItStands(line: String, reason: BoilerplateFilter.Reason) {
        #expect(filter.reason(forDropping: line) == reason)
    }

    @Test(arguments: [
        "Accept the offer, the union told its members.",
        "Share prices fell sharply on Monday.",
        "Subscribers complained that the newsletter arrived late.",
        "Signing up for the draft was voluntary, the ministry said.",
        "Reporting by the Gazette showed that the repairs were postponed twice.",
        "The minister met union leaders on Friday (local time).",
        "The bill passed the lower house. (It still needs the senate.)",
        "The proposal was backed by the Green Party (Greens).",
        "Why the grant looks promising. (More)",
        "Two people remain missing.",
        "What happened?",
        "More rain is forecast.",
    ])
    func keepsLookAlikeSentences(line: String) {
        #expect(filter.reason(forDropping: line) == nil)
    }

    static let body = [
        "Ferry crews walked out at dawn on Monday after talks over shift pay broke down late on Sunday.",
        "Why now?",
        "The union said the operator had ignored its offer for months, and that the strike would go on.",
        "Two ferries ran.",
        "Officials said the ports would reopen once a new agreement had been signed by both sides.",
    ]

    @Test func topZoneBreadcrumbsMastheadsAndLabelsAreDropped() {
        let lines = ["Start › World › Europe", "HARBOUR GAZETTE | PORTS & SHIPPING", "Europe", "Ports News"]
            + Self.body
        #expect(filter.filter(lines) == Self.body)
    }

    @Test func datesBetweenBarsAreNotABreadcrumb() {
        #expect(!filter.isBreadcrumb(LineShape("29 May 2018 | 20 June 2019")))
        #expect(filter.isBreadcrumb(LineShape("Start » Ports » Baltic")))
    }

    @Test func labelsAndSeparatorsInsideTheBodyStay() {
        let lines = [Self.body[0], "Background", "Rates / Pay", Self.body[2], Self.body[4]]
        #expect(filter.filter(lines) == lines)
    }

    @Test func linkListBelowTheLastParagraphIsDropped() {
        let lines = Self.body + [
            "Advertisement", "Related coverage", "Ferry operator posts record profit", "Union vote set for June",
        ]
        #expect(filter.filter(lines) == Self.body)
    }

    @Test func closingShortSentencesAndListsAfterAKeptLineStay() {
        let tail = ["Pay by rank", "Deckhands 2,100", "Officers 3,400"]
        #expect(filter.filter(Self.body + tail) == Self.body + tail)
        // A bare date below the text heads no link list: the line under it stays.
        let dated = ["12 May 2024", "Ferry operator names a new chief executive"]
        #expect(filter.filter(Self.body + dated) == Self.body + [dated[1]])
    }

    @Test func shortLinesWithoutBodyParagraphsAreNotZoneFurniture() {
        let lines = ["Europe", "Pay talks fail", "Strike called"]
        #expect(filter.filter(lines) == lines)
    }

    @Test func oneLineBodyKeepsItsReportAndLosesItsFurniture() {
        let report = [
            "The city council voted on Tuesday to expand the bus network, adding four routes to the eastern districts.",
            "Officials said the plan, which costs about 12 million euros, would be paid for by a regional grant.",
            "Residents had asked for better connections for years, and the vote passed with a large majority.",
        ]
        let line = report[0] + " " + report[1] + " Sign up for our newsletter to get the morning briefing. " + report[2]
        let cleaned = filter.clean(line)
        for sentence in report { #expect(cleaned.contains(sentence)) }
        #expect(!cleaned.contains("newsletter"))
        // A short line of furniture is still dropped whole.
        #expect(filter.clean("Sign up for our newsletter to get the morning briefing.").isEmpty)
    }
}
