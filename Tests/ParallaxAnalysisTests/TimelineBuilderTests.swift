import Testing

@testable import ParallaxAnalysis

struct TimelineBuilderTests {
    static let builder = TimelineBuilder()

    @Test func sameDaySimilarSentencesMakeOneEventAndOtherEventsStaySeparate() throws {
        let a = testDocument(
            "Flooding in Valencia forced the evacuation of Paterna residents on Tuesday.", id: "a",
            published: "2024-10-31")
        let b = testDocument(
            "On October 29, floods in Valencia forced Paterna residents from their homes.", id: "b",
            published: "2024-11-01")
        let c = testDocument(
            "The central bank in Frankfurt held interest rates steady on Tuesday, economists noted.", id: "c",
            published: "2024-10-30")
        let events = Self.builder.build([a, b, c])
        let day = try #require(Day(iso: "2024-10-29"))
        let onDay = events.filter { $0.date == day }
        #expect(onDay.count == 2)
        let flood = try #require(onDay.first { $0.articles.contains("a") })
        #expect(Set(flood.articles) == ["a", "b"])
        #expect(flood.occurrences.map(\.expression).sorted() == ["On October 29", "on Tuesday"])
        #expect(onDay.contains { $0.articles == ["c"] })
    }

    @Test func eventsAreSortedAndTextIsOneLine() {
        let a = testDocument(
            "The dam burst on March 3 after heavy rain.\nRepairs began\non March 1, before the storm, officials said.",
            id: "a", published: "2024-03-05")
        let events = Self.builder.build([a])
        #expect(events.map(\.date) == [Day(iso: "2024-03-01"), Day(iso: "2024-03-03")].compactMap { $0 })
        #expect(events.first?.text == "Repairs began on March 1, before the storm, officials said.")
    }

    @Test func undatedArticlesUseTheStoryMedianDayAsAnchor() throws {
        let dated = ["2024-05-30", "2024-05-31", "2024-05-31"].enumerated().map { i, day in
            testDocument("The committee met in Brussels to review the budget plan.", id: "d\(i)", published: day)
        }
        let undated = testDocument("Officials in Brussels said on Wednesday the budget plan was ready.", id: "u")
        #expect(TimelineBuilder.fallbackAnchor(for: dated + [undated]) == Day(iso: "2024-05-31"))
        let events = Self.builder.build(dated + [undated])
        let event = try #require(events.first { $0.articles == ["u"] })
        #expect(event.date == Day(iso: "2024-05-29"))
        #expect(event.occurrences.first?.anchor == Day(iso: "2024-05-31"))
    }

    @Test func shortLinesSuchAsDatelinesAndMetadataMakeNoEvents() {
        let a = testDocument(
            "LONDON, May 31.\n04:06 GMT 31.05.2024\nThe port reopened on Thursday after repairs to the main crane.",
            id: "a", published: "2024-05-31")
        let events = Self.builder.build([a])
        #expect(events.map(\.date) == [Day(iso: "2024-05-30")].compactMap { $0 })
    }

    @Test(arguments: [
        "FILE PHOTO: Firefighters work at the site of a missile strike in Kharkiv, Ukraine, May 25, 2024.",
        "Firefighters work at the site of a missile strike in Kharkiv, Ukraine, May 25, 2024. REUTERS/Jane Doe",
        "Firefighters worked at the site of a missile strike in Kharkiv on May 25. (Getty Images)",
        "Firefighters work at the site of a missile strike in Kharkiv on May 25. Jane Doe/AFP via Getty Images",
        "Photo: firefighters at the site of a missile strike in Kharkiv on Saturday, May 25.",
    ])
    func captionsAndCreditsMakeNoEvents(caption: String) {
        let text = caption + "\nThe regional governor said on Tuesday that three people died in the strike on the city."
        let events = Self.builder.build([testDocument(text, id: "a", published: "2024-05-31")])
        #expect(events.map(\.date) == [Day(iso: "2024-05-28")].compactMap { $0 })
        // Without the caption vocabulary the caption's date is an event.
        let plain = TimelineBuilder(vocabulary: .init(ignoredWords: TimelineBuilder.Vocabulary.bundled.ignoredWords))
        #expect(plain.build([testDocument(text, id: "a", published: "2024-05-31")]).count == 2)
    }

    @Test func captionLabelsAreData() {
        let text = "Фото: пожарные на месте удара по Харькову 25 мая.\nГубернатор заявил во вторник, что при ударе по городу погибли три человека."
        let events = Self.builder.build([testDocument(text, id: "a", published: "2024-05-31", language: "ru")])
        #expect(events.map(\.date) == [Day(iso: "2024-05-28")].compactMap { $0 })
    }

    @Test func aReportThatMentionsAPhotoIsStillAnEvent() {
        // A long paragraph of reporting that names a photo is no caption.
        let text = """
            The regional governor said on Tuesday that three people died in the strike, and his office published \
            a photo of the damaged school, which the ministry later said had been empty since the start of the \
            school holidays, according to a statement that was read out on local television in the evening and \
            repeated by officials at a briefing for reporters, as well as by the mayor, who visited the site, \
            photo by the press service.
            """
        let events = Self.builder.build([testDocument(text, id: "a", published: "2024-05-31")])
        #expect(events.map(\.date) == [Day(iso: "2024-05-28")].compactMap { $0 })
    }

    @Test func noDatesNoEvents() {
        #expect(
            Self.builder.build([testDocument("Nothing dated happens here at all.", published: "2024-01-01")]).isEmpty)
        #expect(Self.builder.build([Document]()).isEmpty)
    }
}
