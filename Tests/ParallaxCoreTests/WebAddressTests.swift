import Testing

@testable import ParallaxCore

struct WebAddressTests {
    @Test(arguments: [
        ("https://WWW.Example.com:8080/a/b?x=1#f", "example.com"), ("edition.cnn.com", "edition.cnn.com"),
        ("Euromaidanpress.com", "euromaidanpress.com"), ("http://user:pw@tass.com/x", "tass.com"), ("", ""),
        ("  https://bbc.co.uk.  ", "bbc.co.uk"), ("::::", ""),
    ])
    func hosts(text: String, host: String) {
        #expect(WebAddress.host(of: text) == host)
    }

    @Test(arguments: [
        ("HTTPS://WWW.Example.COM/News/A/?utm_source=x&b=2&a=1&fbclid=z#top", "https://example.com/News/A?a=1&b=2"),
        ("http://example.com", "https://example.com"), ("https://example.com/", "https://example.com"),
        ("https://example.com:443/x", "https://example.com/x"),
    ])
    func canonicalURLs(url: String, canonical: String) {
        #expect(WebAddress.canonical(url) == canonical)
    }

    @Test(arguments: ["ftp://example.com/a", "example.com/a", "/news/a", "", "https://", "https:// bad host/"])
    func notCanonical(url: String) {
        #expect(WebAddress.canonical(url) == nil)
    }

    @Test(arguments: [
        ("https://x.com/2024/05/31/slug", [Day(year: 2024, month: 5, day: 31)]),
        ("https://x.com/news/20240531-slug?d=20230101", [Day(year: 2024, month: 5, day: 31)]),
        ("https://x.com/2024-5-31_story", [Day(year: 2024, month: 5, day: 31)]),
        ("https://x.com/2024/13/45/", []), ("https://20240531.com/a", []), ("https://x.com/id/123456789/", []),
    ])
    func urlDays(url: String, days: [Day?]) {
        #expect(WebAddress.days(inURL: url) == days.compactMap { $0 })
    }

    @Test func articleIdsFollowTheRule() {
        let a = ArticleIdentity.id(url: "https://www.example.com/a?utm_medium=x#c", text: "One.")
        #expect(a == ArticleIdentity.id(url: "http://example.com/a", text: "Two."))
        #expect(a.hasPrefix("u") && a.count == 33)
        let t = ArticleIdentity.id(url: nil, text: "The mayor “said” so.\nAgain.")
        #expect(t == ArticleIdentity.id(url: "not a url", text: "the mayor \"said\"  so. again."))
        #expect(t.hasPrefix("t") && t.count == 33)
        #expect(t != ArticleIdentity.id(url: nil, text: "The mayor said no."))
        #expect(ArticleIdentity.id(url: nil, text: "") == ArticleIdentity.id(url: nil, text: "  "))
    }

    @Test func contentHashIsTheHashOfTheContentKey() {
        let texts = [
            "", "   ", "Plain ASCII text.\n\nTwo  paragraphs.\t", "ΟΔΟΣ Σ İstanbul ǅ ﬁ", "“Quoted” — dash… ellipsis",
            "\u{00A0}lead\u{2028}line\u{3000}end\u{0085}", "e\u{0301} combining, emoji 👩🏽‍🚀, ẞ, \u{1C} control",
            "Кириллица: Киев, ХАРЬКОВ; العربية فارسی",
        ]
        for text in texts {
            #expect(ArticleIdentity.contentHash(text) == ArticleIdentity.hash(ArticleIdentity.contentKey(text).utf8))
        }
    }
}
