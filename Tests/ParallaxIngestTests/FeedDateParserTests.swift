import Testing

import ParallaxIngest

struct FeedDateParserTests {
    @Test(arguments: [
        ("Fri, 31 May 2024 23:30:00 -0700", "2024-05-31"),
        ("Sun, 06 Sep 2009 16:20:00 +0000", "2009-09-06"),
        ("6 Sep 2009 16:20 GMT", "2009-09-06"),
        ("Thu, 30 May 24 10:00:00 EST", "2024-05-30"),
        ("Monday, 03 June 2024 09:00:00 +0300", "2024-06-03"),
        ("2024-05-30T10:00:00+03:00", "2024-05-30"),
        ("2024-05-31T23:59:59.123Z", "2024-05-31"),
        ("  2024-02-29 ", "2024-02-29"),
    ])
    func parsesFeedDates(text: String, expected: String) {
        #expect(FeedDateParser().day(from: text)?.description == expected)
    }

    @Test(arguments: ["", "yesterday", "31 Foo 2024", "2023-02-29T00:00:00Z", "Fri, 32 May 2024 00:00:00 GMT"])
    func rejectsNonDates(text: String) {
        #expect(FeedDateParser().day(from: text) == nil)
    }
}
