import Foundation
import Testing

import ParallaxCore

struct CalendarLexiconTests {
    let calendar = CalendarLexicon.bundled

    @Test(arguments: [
        ("May", 5), ("sept.", 9), ("травня", 5), ("мая", 5), ("Juillet", 7), ("marca", 3), ("Haziran", 6),
        ("οκτωβρίου", 10), ("ديسمبر", 12), ("listopad", 11), ("mär", 3),
    ])
    func monthsOfEveryLanguage(word: String, month: Int) {
        #expect(calendar.month(named: word) == month)
    }

    @Test func weekdaysAndAbbreviations() {
        #expect(calendar.isWeekday("tuesday") && calendar.isWeekday("Tues") && calendar.isWeekday("mittwoch"))
        #expect(calendar.isWeekday("пятницу"))
        #expect(!calendar.isWeekday("today") && calendar.month(named: "monday") == nil)
    }

    @Test func everyLanguageIsComplete() {
        #expect(calendar.languages.count >= 30)
        #expect(Set(calendar.languages.map(\.code)).count == calendar.languages.count)
        for language in calendar.languages {
            #expect(language.months.count == 12, "\(language.code)")
            #expect(language.weekdays.isEmpty || language.weekdays.count == 7, "\(language.code)")
            #expect(language.months.joined().allSatisfy { $0 == $0.lowercased() }, "\(language.code)")
        }
        #expect(calendar.language("en-US")?.code == "en")
        #expect(calendar.language("xx") == nil)
    }

    @Test func userFilesAddLanguagesAndSpellings() throws {
        let json = #"{"languages": [{"code": "en", "months": [["janvry"],[],[],[],[],[],[],[],[],[],[],[]]},"#
            + #" {"code": "xx", "months": [["a1"],["a2"],["a3"],["a4"],["a5"],["a6"],["a7"],["a8"],["a9"],["a10"],["a11"],["a12"]]}]}"#
        let extra = try JSONDecoder().decode(CalendarLexicon.self, from: Data(json.utf8))
        let merged = calendar.merging(extra)
        #expect(merged.month(named: "janvry") == 1 && merged.month(named: "a12") == 12)
        #expect(merged.month(named: "january") == 1)
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(CalendarLexicon.self, from: Data(#"{"languages": [{"code": "en", "months": [["x"]]}]}"#.utf8))
        }
    }
}
