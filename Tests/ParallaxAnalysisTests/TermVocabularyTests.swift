import ParallaxAnalysis
import Testing

struct TermVocabularyTests {
    @Test func rareTermsWeighMore() {
        var vocabulary = TermVocabulary()
        vocabulary.observe(terms: ["common", "rare"])
        vocabulary.observe(terms: ["common"])
        vocabulary.observe(terms: ["common"])
        let common = try! #require(vocabulary.existingID(of: "common"))
        let rare = try! #require(vocabulary.existingID(of: "rare"))
        #expect(vocabulary.frequency(of: common) == 3)
        #expect(vocabulary.idf(of: rare) > vocabulary.idf(of: common))
        let v = vocabulary.vector(of: ["common": 1, "rare": 1])
        let weights = Dictionary(uniqueKeysWithValues: zip(v.ids, v.weights))
        #expect(weights[rare]! > weights[common]!)
        #expect(vocabulary.documentCount == 3)
    }
}
