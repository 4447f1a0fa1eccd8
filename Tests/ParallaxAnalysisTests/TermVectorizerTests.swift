import ParallaxAnalysis
import Testing

struct TermVectorizerTests {
    let vectorizer = TermVectorizer()

    @Test(arguments: [
        ("attacking", "attack"), ("attacked", "attack"), ("attacks", "attack"), ("strikes", "strik"),
        ("strike", "strik"), ("countries", "country"), ("hitting", "hit"), ("calling", "call"), ("boss", "boss"),
    ])
    func stemsInflectionsTogether(word: String, stem: String) {
        #expect(vectorizer.stem(word) == stem)
    }

    @Test func transliterationVariantsShareASkeleton() {
        #expect(vectorizer.skeleton("kiev") == vectorizer.skeleton("kyiv"))
        #expect(vectorizer.skeleton("kharkov") == vectorizer.skeleton("kharkiv"))
        #expect(vectorizer.skeleton("zelensky") == vectorizer.skeleton("zelenskyy"))
        #expect(vectorizer.skeleton("kharkiv") != vectorizer.skeleton("kherson"))
    }

    @Test func dropsStopwordsAndPunctuationAndBoostsNames() {
        let document = StoryFixtures.documents([
            ("d", nil, nil, "The troops of Ukraine attacked the city, and 3 towns.")
        ])[0]
        let counts = vectorizer.termCounts(of: document)
        #expect(counts["the"] == nil)
        #expect(counts[","] == nil)
        #expect(counts["troop"] == 1)
        #expect(counts["attack"] == 1)
        let ukraine = vectorizer.skeleton("ukraine") ?? "?"
        #expect(counts[ukraine] == vectorizer.configuration.entityBoost)
        #expect(counts["3"] == vectorizer.configuration.numberBoost)
    }

    @Test func addsMultiwordNames() {
        let document = StoryFixtures.documents([("d", nil, nil, "Yesterday Joe Biden spoke.")])[0]
        let counts = vectorizer.termCounts(of: document)
        #expect(counts.keys.contains { $0.contains("_") })
    }

    @Test func bundledLexiconLoads() {
        #expect(TermVectorizer.Lexicon.standard.stopwords.contains("the"))
        #expect(!TermVectorizer.Lexicon.standard.suffixes.isEmpty)
    }
}
