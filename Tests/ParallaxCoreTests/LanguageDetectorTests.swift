import Testing

@testable import ParallaxCore

struct LanguageDetectorTests {
    let detector = LanguageDetector()

    @Test(arguments: [
        // Short texts: a headline or a sentence.
        ("The president said on Tuesday that the talks would continue.", "en"),
        ("Le président a déclaré mardi que les négociations se poursuivraient.", "fr"),
        ("Der Präsident sagte am Dienstag, dass die Gespräche fortgesetzt werden.", "de"),
        ("El presidente dijo el martes que las conversaciones continuarán.", "es"),
        ("Il presidente ha detto martedì che i colloqui continueranno.", "it"),
        ("O presidente disse na terça-feira que as negociações vão continuar.", "pt"),
        ("De president zei dinsdag dat de gesprekken worden voortgezet.", "nl"),
        ("Prezydent powiedział we wtorek, że rozmowy będą kontynuowane.", "pl"),
        ("Președintele a declarat marți că discuțiile vor continua.", "ro"),
        ("Cumhurbaşkanı salı günü görüşmelerin devam edeceğini söyledi.", "tr"),
        ("Presidenten sa på tisdagen att samtalen kommer att fortsätta.", "sv"),
        ("Præsidenten sagde tirsdag, at forhandlingerne vil fortsætte.", "da"),
        ("Presidentti sanoi tiistaina, että neuvottelut jatkuvat.", "fi"),
        ("Az elnök kedden azt mondta, hogy a tárgyalások folytatódnak.", "hu"),
        ("Presiden mengatakan pada hari Selasa bahwa pembicaraan akan dilanjutkan.", "id"),
        ("Президент заявил во вторник, что переговоры будут продолжены.", "ru"),
        ("Президент заявив у вівторок, що переговори будуть продовжені.", "uk"),
        ("Президентът каза във вторник, че преговорите ще продължат.", "bg"),
        ("Прэзідэнт заявіў у аўторак, што перамовы будуць працягнуты.", "be"),
        ("Председник је у уторак рекао да ће се преговори наставити.", "sr"),
        ("قال الرئيس يوم الثلاثاء إن المحادثات ستستمر.", "ar"),
        ("رئیس جمهور روز سه شنبه گفت که مذاکرات ادامه خواهد یافت.", "fa"),
        ("صدر نے منگل کو کہا کہ مذاکرات جاری رہیں گے۔", "ur"),
        ("הנשיא אמר ביום שלישי כי השיחות יימשכו.", "he"),
        ("Ο πρόεδρος είπε την Τρίτη ότι οι συνομιλίες θα συνεχιστούν.", "el"),
        ("대통령은 화요일 회담이 계속될 것이라고 말했다.", "ko"),
        ("总统周二表示，会谈将继续进行。", "zh"),
        ("大統領は火曜日、協議を継続すると述べた。", "ja"),
        ("राष्ट्रपति ने मंगलवार को कहा कि बातचीत जारी रहेगी।", "hi"),
        // Single distinctive words.
        ("Київ", "uk"),
        ("Выборы в России", "ru"),
    ])
    func detectsShortTexts(text: String, code: String) {
        #expect(detector.detect(text) == code, "\(text)")
    }

    @Test func noLettersOrNoEvidenceIsNil() {
        #expect(detector.detect("") == nil)
        #expect(detector.detect("2024-05-31 12:00 — 42 % (+3)") == nil)
        // Cyrillic without any word or letter that separates Russian from its neighbours.
        #expect(detector.detect("Москва") == nil)
        // "ё" is Russian or Belarusian: a tie.
        #expect(detector.detect("Ёлка") == nil)
    }

    @Test func longTextsAndMixedScripts() {
        let english = String(
            repeating: "Officials in Kyiv said the strikes hit the city overnight, and the mayor warned of more. ",
            count: 200)
        #expect(detector.detect(english) == "en")
        // An English article quoting a Russian phrase stays English; a Ukrainian one naming "NATO" stays Ukrainian.
        #expect(detector.detect(english + "«Киевский режим»") == "en")
        let ukrainian = String(
            repeating: "Міністр оборони заявив, що НАТО і Україна обговорили нові поставки. ", count: 100)
        #expect(detector.detect(ukrainian) == "uk")
        let russian = String(
            repeating: "Министр обороны заявил, что НАТО и Украина обсудили новые поставки. ", count: 100)
        #expect(detector.detect(russian) == "ru")
    }

    @Test func readsOnlyTheScanLimit() {
        let text =
            String(repeating: "the cat and the dog ", count: 10)
            + String(repeating: "Він сказав, що це так. ", count: 1000)
        #expect(LanguageDetector(scanLimit: 150).detect(text) == "en")
        #expect(LanguageDetector().detect(text) == "uk")
    }

    @Test func bundledProfilesAreConsistent() {
        let profiles = LanguageDetector.Profiles.bundled
        let codes = Set(profiles.languages.map(\.code))
        for script in profiles.scripts {
            #expect(!script.languages.isEmpty, "\(script.name)")
            for code in script.languages { #expect(codes.contains(code), "\(script.name): \(code)") }
        }
    }

    @Test func metadataLanguageWins() {
        let text = "Міністр оборони заявив, що переговори тривають."
        #expect(detector.language(of: Article(id: "a", source: "t", text: text)) == "uk")
        #expect(detector.language(of: Article(id: "a", source: "t", language: "ru", text: text)) == "ru")
        #expect(detector.language(of: Article(id: "a", source: "t", language: " ", text: text)) == "uk")
    }

    @Test func choosesLanguageDataWithFallback() {
        let entries = ["en", "ru", "pt-BR"]
        #expect(LanguageChoice.choose("ru-RU", from: entries, code: { $0 }) == "ru")
        #expect(LanguageChoice.choose("pt_BR", from: entries, code: { $0 }) == "pt-BR")
        #expect(LanguageChoice.choose("EN", from: entries, code: { $0 }) == "en")
        #expect(LanguageChoice.choose("ar", from: entries, code: { $0 }) == "en")
        #expect(LanguageChoice.choose(nil, from: entries, code: { $0 }) == "en")
        #expect(LanguageChoice.choose("ar", from: ["ru"], code: { $0 }) == nil)
    }
}
