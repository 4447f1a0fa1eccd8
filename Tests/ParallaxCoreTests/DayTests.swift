import Testing
@testable import ParallaxCore

struct DayTests {
    @Test func parsesAndPrints() throws {
        let d = try #require(Day(iso: "2024-05-31"))
        #expect(d.description == "2024-05-31")
        #expect(Day(iso: "2024-05-31T04:06+0000") == d)
        #expect(Day(iso: "2023-02-29") == nil)
        #expect(Day(iso: "31/05/2024") == nil)
    }

    @Test func weekdayAndArithmetic() throws {
        let friday = try #require(Day(iso: "2024-05-31"))
        #expect(friday.weekday == 5)
        #expect(friday.adding(days: -3).description == "2024-05-28")
        #expect(Day(daysSinceEpoch: 0).description == "1970-01-01")
        #expect(Day(year: 2000, month: 3, day: 1)!.adding(days: -1).description == "2000-02-29")
    }
}
