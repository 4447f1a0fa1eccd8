import Testing

@testable import ParallaxIngest

struct TextMetadataExtractorTests {
    let extractor = TextMetadataExtractor()

    @Test(arguments: [
        ("2023-02-03T12:45:00+01:00", "2023-02-03"),
        ("Posted 03/02/2023 09:15", "2023-02-03"),
        ("Last updated 12.11.2022", "2022-11-12"),
        ("02/28/2021", "2021-02-28"),
        ("Friday, February 3, 2023", "2023-02-03"),
        ("Feb. 3rd, 2023 at 6:00 am", "2023-02-03"),
        ("3 February 2023", "2023-02-03"),
        ("Published on 14 Sept 2022 by the desk", "2022-09-14"),
    ])
    func readsDatesInLines(line: String, expected: String) {
        #expect(extractor.day(in: line)?.description == expected)
    }

    @Test(arguments: ["No date here.", "Call 555-1234 today", "In 2023 prices rose.", "31/02/2024"])
    func findsNoDateWhereThereIsNone(line: String) {
        #expect(extractor.day(in: line) == nil)
    }

    @Test(arguments: [
        ("https://example.com/20230203/strike-spreads-123.html", "2023-02-03"),
        ("https://news.example.org/world/2022/11/12/talks-fail/", "2022-11-12"),
        ("https://example.net/2021-07-09-heat-wave", "2021-07-09"),
        ("/2020/02/30/not-a-day", nil),
        ("https://example.com/article/12345678901", nil),
        ("https://example.com/2023/05/", nil),
    ])
    func readsDatesInURLs(url: String, expected: String?) {
        #expect(extractor.day(inURL: url)?.description == expected)
    }

    @Test func readsAgencyDatelines() throws {
        let tassFound = extractor.dateline(in: "MOSCOW, February 3. /TASS/. The Kremlin said on Friday.")
        let tass = try #require(tassFound)
        #expect(tass.place == "MOSCOW" && tass.agency == "TASS" && tass.month == 2 && tass.day == 3)
        #expect(extractor.outlet(in: tass)?.name == "TASS")

        let text = "NEW DELHI (Reuters) - India's central bank held rates."
        let reutersFound = extractor.dateline(in: text)
        let reuters = try #require(reutersFound)
        #expect(reuters.place == "NEW DELHI" && reuters.agency == "Reuters")
        #expect(String(decoding: Array(text.utf8).dropFirst(reuters.length), as: UTF8.self)
            == "India's central bank held rates.")

        let apFound = extractor.dateline(in: "ST. PAUL, Minn. (AP) — Snow closed schools.")
        let ap = try #require(apFound)
        #expect(ap.place == "ST. PAUL" && extractor.outlet(in: ap)?.name == "Associated Press")

        let localFound = extractor.dateline(in: "BRUSSELS — European ministers met on Monday.")
        let local = try #require(localFound)
        #expect(local.place == "BRUSSELS" && local.agency == nil)

        let unknownAgencyFound = extractor.dateline(in: "ANKARA (Daily Sabah Wire) – Talks began.")
        let unknownAgency = try #require(unknownAgencyFound)
        #expect(unknownAgency.agency == "Daily Sabah Wire" && extractor.outlet(in: unknownAgency) == nil)
    }

    @Test(arguments: [
        "US President Joe Biden said on Friday that talks would go on.",
        "NATO allies met in Brussels.",
        "BREAKING: markets fall sharply.",
        "UK inflation fell to 4% in May.",
        "FBI. That is all we know.",
    ])
    func sentencesAreNotDatelines(paragraph: String) {
        #expect(extractor.dateline(in: paragraph) == nil)
    }

    @Test(arguments: [
        ("By Jane Doe", ["Jane Doe"], nil as String?),
        ("byJohn Smith", ["John Smith"], nil),
        ("By Maria Lopez and Tom Briggs, Reuters", ["Maria Lopez", "Tom Briggs"], "Reuters"),
        ("Written by Ana de la Cruz | Staff Writer", ["Ana de la Cruz"], nil),
        ("Author: Kenji Watanabe", ["Kenji Watanabe"], nil),
        ("By The Associated Press", [], "Associated Press"),
    ])
    func readsBylines(line: String, authors: [String], outlet: String?) {
        let byline = extractor.byline(in: line)
        #expect(byline?.authors == authors)
        #expect(byline?.outlet == outlet)
    }

    @Test(arguments: [
        "By Tuesday, the strike had spread.", "By contrast, exports rose.", "Bylaws were changed.",
        "By 2030 the plant will close.",
    ])
    func sentencesAreNotBylines(line: String) {
        #expect(extractor.byline(in: line) == nil)
    }

    @Test(arguments: [
        ("Copyright © 2022 Aljazeera.net", "Al Jazeera"),
        ("© 2023 The Washington Post. All rights reserved.", "The Washington Post"),
        ("(c) 2021 Kyiv Post", "Kyiv Post"),
        ("Copyright 2020 Riverside Gazette", nil),
        ("The Washington Post reported on Friday.", nil),
    ])
    func readsCopyrightOutlets(line: String, expected: String?) {
        #expect(extractor.outlet(inCopyright: line)?.name == expected)
    }
}
