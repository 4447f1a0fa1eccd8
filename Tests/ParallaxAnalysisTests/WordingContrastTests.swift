import ParallaxCore
import Testing

@testable import ParallaxAnalysis

struct WordingContrastTests {
    static let state = ["s1", "s2", "s3"]

    func group(_ d: Document) -> String? { Self.state.contains(d.id) ? "state" : (d.id == "x" ? nil : "other") }

    /// A phrase every article of one group writes in its own voice and no other article does is found (three
    /// against three is the smallest split unlikely enough by chance); shared words, quoted words and names alone
    /// are not.
    @Test func findsWordingOneGroupAloneUses() throws {
        let documents = [
            testDocument("Forces of the Kiev regime shelled a resort town, the ministry said.", id: "s1"),
            testDocument("The Kiev regime again shelled the resort town near Donetsk.", id: "s2"),
            testDocument("Shells of the Kiev regime fell on a resort town by the sea.", id: "s3"),
            testDocument("Ukrainian forces hit a depot near Donetsk, a Russian official said.", id: "o1"),
            testDocument("A depot near Donetsk was hit, said Ivan Petrov, who called it “the Kiev regime” at work.", id: "o2"),
            testDocument("Officials in Donetsk said a depot was hit overnight by Ukrainian forces.", id: "o3"),
            testDocument("The resort town of Varna and the Kiev regime have nothing to do with this.", id: "x"),
        ]
        let found = WordingContrast().contrasts(documents, group: group)
        let state = found.filter { $0.group == "state" }.map(\.phrase)
        #expect(state.contains("resort town"))
        #expect(state.contains("Kiev regime"))
        let other = found.filter { $0.group == "other" }
        #expect(other.map(\.phrase).contains("depot"))
        #expect(!found.contains { $0.phrase == "Donetsk" })  // used by both groups, and a name alone
        let resort = try #require(found.first { $0.phrase == "resort town" })
        #expect(resort.articles == ["s1", "s2", "s3"])
        #expect(resort.groupArticles == 3)
        #expect(resort.otherArticles == 3)
        #expect(String(documents[0].text(of: resort.occurrences[0].span)) == "resort town")
    }

    @Test func oneGroupOrTooFewOthersGiveNothing() {
        let documents = [
            testDocument("The Kiev regime shelled a resort town.", id: "s1"),
            testDocument("The Kiev regime shelled the resort town again.", id: "s2"),
            testDocument("A depot was hit overnight.", id: "o1"),
        ]
        #expect(WordingContrast().contrasts(documents, group: group).isEmpty)
        #expect(WordingContrast().contrasts(Array(documents.prefix(2)), group: group).isEmpty)
    }

    @Test func chanceIsTheHypergeometricTail() {
        #expect(abs(WordingContrast.chance(users: 2, group: 2, total: 7) - 1.0 / 21) < 1e-12)
        #expect(abs(WordingContrast.chance(users: 5, group: 5, total: 7) - 1.0 / 21) < 1e-12)
        #expect(WordingContrast.chance(users: 3, group: 2, total: 7) == 0)
    }
}
