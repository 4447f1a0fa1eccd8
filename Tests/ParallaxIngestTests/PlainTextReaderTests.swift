import Foundation
import Testing

@testable import ParallaxIngest

struct PlainTextReaderTests {
    let reader = PlainTextReader()

    func read(_ text: String, name: String = "/in/story.txt") -> (articles: [Article], issues: [IngestIssue]) {
        read(bytes: Array(text.utf8), name: name)
    }

    func read(bytes: [UInt8], name: String) -> (articles: [Article], issues: [IngestIssue]) {
        var articles: [Article] = []
        var issues: [IngestIssue] = []
        do {
            try reader.read(.bytes(bytes, name: name)) { event in
                switch event {
                case .article(let a): articles.append(a)
                case .issue(let i): issues.append(i)
                }
            }
        } catch { issues.append(error) }
        return (articles, issues)
    }

    @Test func readsHeadlineBylineAndAgencyDateline() throws {
        let text = """
            Storm Closes Ports Along the Baltic Coast
            By Ingrid Berg
            Updated 14:20 CET 09.01.2025
            STOCKHOLM (AFP) - Ferries stayed in harbour on Thursday as a storm swept the Baltic coast.
            Officials said the ports would reopen on Friday.
            """
        let article = try #require(read(text).articles.first)
        #expect(article.id == ArticleIdentity.id(url: article.url, text: article.text))
        #expect(article.source == "/in/story.txt")
        #expect(article.title == "Storm Closes Ports Along the Baltic Coast")
        #expect(article.authors == ["Ingrid Berg"])
        #expect(article.published?.description == "2025-01-09")
        #expect(article.outlet == "AFP")
        #expect(article.dateline == "STOCKHOLM")
        #expect(article.text == """
            Ferries stayed in harbour on Thursday as a storm swept the Baltic coast.
            Officials said the ports would reopen on Friday.
            """)
    }

    @Test func datelineWithoutAgencyAfterPageFurniture() throws {
        let text = """
            Ferry Crews Strike Over Shift Pay
            Allow all cookies
            Start › Ports › Baltic
            Ports
            VARNE – Ferry crews walked out at dawn on Monday after talks over shift pay broke down.
            Officials said the ports would reopen on Friday.
            """
        let article = try #require(read(text).articles.first)
        #expect(article.title == "Ferry Crews Strike Over Shift Pay")
        #expect(article.dateline == "VARNE")
        #expect(article.text == """
            Ferry crews walked out at dawn on Monday after talks over shift pay broke down.
            Officials said the ports would reopen on Friday.
            """)
    }

    @Test func datelineAfterAStandfirstIsFoundButNotInsideTheBody() throws {
        let text = """
            Ferry Crews Strike Over Shift Pay

            Ports shut for a second day

            VARNE – Ferry crews walked out at dawn on Monday after talks over shift pay broke down.
            """
        let article = try #require(read(text).articles.first)
        #expect(article.dateline == "VARNE")
        #expect(article.text == """
            Ports shut for a second day
            Ferry crews walked out at dawn on Monday after talks over shift pay broke down.
            """)
        let later = """
            Ferry Crews Strike Over Shift Pay
            Ferry crews walked out at dawn on Monday after talks over shift pay broke down late on Sunday.
            OSLO – Talks in the capital went on through the night, the union said.
            """
        #expect(try #require(read(later).articles.first).dateline == nil)
    }

    @Test func dateLineWinsAndItsRestIsAURL() throws {
        let text = """
             date 2023-03-04 https://www.dw.com/en/2023/03/05/rail-strike
            Rail Strike Halts Trains Across Germany
            Trains stood still across Germany on Saturday as unions walked out over pay.
            """
        let article = try #require(read(text).articles.first)
        #expect(article.published?.description == "2023-03-04")
        #expect(article.url == "https://www.dw.com/en/2023/03/05/rail-strike")
        #expect(article.outlet == "Deutsche Welle")
        #expect(article.title == "Rail Strike Halts Trains Across Germany")
    }

    @Test func urlDateIsUsedWithoutADateLine() throws {
        let text = """
            https://example.org/news/20220817/heat-wave
            Heat Wave Grips Spain
            Temperatures passed 44 degrees in Seville on Wednesday, the weather service said.
            """
        let article = try #require(read(text).articles.first)
        #expect(article.published?.description == "2022-08-17")
        #expect(article.outlet == nil)
    }

    @Test func bodyOnlyTextHasNoTitle() throws {
        let lede = "The city council met on Monday evening to debate the budget for next year, which has grown by a "
            + "fifth since the last election."
        let text = lede + "\n\nIt approved the budget after a long debate, members said."
        let article = try #require(read(text).articles.first)
        #expect(article.title == nil)
        #expect(article.text == lede + "\nIt approved the budget after a long debate, members said.")
    }

    @Test func sentenceCaseHeadlineStandingAlone() throws {
        let text = """
            Council approves budget after long debate.

            The city council approved next year's budget on Monday after a debate that lasted until midnight, \
            members said.

            The vote was 7 to 4.
            """
        let article = try #require(read(text).articles.first)
        #expect(article.title == "Council approves budget after long debate.")
        #expect(article.text.hasPrefix("The city council approved"))
        #expect(article.text.hasSuffix("\nThe vote was 7 to 4."))
    }

    @Test func titleCaseHeadlineWithPeriodAndEcho() throws {
        let text = """
            Mayor Resigns After Audit Finds Missing Funds.

            The mayor of the city resigned on Tuesday after an audit found missing funds, officials said.

            Mayor Resigns After Audit Finds Missing Funds.
            """
        let article = try #require(read(text).articles.first)
        #expect(article.title == "Mayor Resigns After Audit Finds Missing Funds.")
        let body = "The mayor of the city resigned on Tuesday after an audit found missing funds, officials said."
        #expect(article.text == body)
    }

    @Test func emptyAndBlankFilesAreIssues() {
        for text in ["", "   \n\n  "] {
            let result = read(text, name: "empty.txt")
            #expect(result.articles.isEmpty)
            #expect(result.issues.map(\.input) == ["empty.txt"])
        }
    }

    @Test func binaryJunkIsAnIssue() {
        var junk: [UInt8] = []
        var x: UInt32 = 12345
        for _ in 0..<3000 {
            x = x &* 1_103_515_245 &+ 12345
            junk.append(UInt8(truncatingIfNeeded: x >> 16))
        }
        let result = read(bytes: junk, name: "junk.bin")
        #expect(result.articles.isEmpty)
        #expect(result.issues.first?.message.contains("not text") == true)
    }

    @Test func windows1252IsDecoded() throws {
        var bytes = Array("Caf".utf8) + [0xE9] + Array(" owners protest new rules in the old town, they said.".utf8)
        bytes += Array("\nThe council will vote on the rules next week.".utf8)
        let result = read(bytes: bytes, name: "legacy.txt")
        let article = try #require(result.articles.first)
        #expect(article.text.hasPrefix("Café owners"))
        #expect(result.issues.isEmpty)
    }

    @Test func legacyNonLatinEncodingIsAnIssue() {
        // Windows-1251 Cyrillic words (lowercase letters are 0xE0-0xFF): Windows-1252 would make mojibake of them.
        let word: [UInt8] = [0xEF, 0xF0, 0xE5, 0xE7, 0xE8, 0xE4, 0xE5, 0xED, 0xF2]
        let bytes = Array((0..<40).map { _ in word + [0x20] }.joined())
        let result = read(bytes: bytes, name: "cp1251.txt")
        #expect(result.articles.isEmpty)
        #expect(result.issues.first?.message.contains("legacy encoding") == true)
    }

    @Test func damagedUTF8IsReadWithReplacement() throws {
        var bytes = Array("Kyiv’s mayor said the bridge would reopen on Monday after repairs.".utf8)
        bytes.insert(0xFF, at: 10)
        let result = read(bytes: bytes, name: "damaged.txt")
        let article = try #require(result.articles.first)
        #expect(article.text.contains("bridge would reopen"))
        #expect(article.text.contains("\u{FFFD}"))
        #expect(result.issues.isEmpty)
    }

    @Test func hugeArticleIsCutAndReported() throws {
        let paragraph = String(repeating: "The committee heard more evidence on the matter today. ", count: 10)
        let text = Array(repeating: paragraph, count: 100).joined(separator: "\n")
        var issues: [IngestIssue] = []
        var articles: [Article] = []
        try PlainTextReader(maxTextBytes: 20_000).read(.bytes(Array(text.utf8), name: "huge.txt")) { event in
            switch event {
            case .article(let a): articles.append(a)
            case .issue(let i): issues.append(i)
            }
        }
        let result = (articles: articles, issues: issues)
        let article = try #require(result.articles.first)
        #expect(article.text.utf8.count <= 20_000)
        #expect(article.text.hasSuffix("today."))
        #expect(result.issues.contains { $0.message.contains("cut") })
    }
}

/// Quality gate on real articles: PolNeAR (`../shared/eval/attribution-polnear`), whose texts are plain article
/// text with the headline first and whose annotations mark every attributed statement (the report's own
/// sentences). Cleaning must keep those statements and find the headline.
struct PlainTextReaderQualityTests {
    static let root: String = {
        let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return packageRoot.deletingLastPathComponent().appendingPathComponent("shared/eval/attribution-polnear").path
    }()
    static let present = FileManager.default.fileExists(atPath: root + "/metadata.tsv")

    /// Letters and digits only, lowercased: compares texts regardless of spacing, quotes and dashes.
    static func squeeze(_ s: some StringProtocol) -> String {
        let scalars = s.precomposedStringWithCanonicalMapping.lowercased().unicodeScalars
        return String(String.UnicodeScalarView(scalars.filter {
            $0.properties.isAlphabetic || ($0.value >= 48 && $0.value <= 57)
        }))
    }

    struct Score {
        var articles = 0, titlesRight = 0, contents = 0, contentsKept = 0, bytes = 0
        var reading: Duration = .zero
        var misses: [String] = []
    }

    static func evaluate(compartments: [String]) throws -> Score {
        let tsv = try String(contentsOfFile: root + "/metadata.tsv", encoding: .utf8)
        var titles: [String: String] = [:]
        for row in tsv.split(separator: "\n").dropFirst() {
            let f = row.split(separator: "\t", omittingEmptySubsequences: false)
            if f.count > 7 { titles[String(f[1])] = String(f[7]) }
        }
        var score = Score()
        let reader = PlainTextReader()
        for compartment in compartments {
            let dir = root + "/" + compartment
            let files = try FileManager.default.contentsOfDirectory(atPath: dir + "/text").sorted()
            for file in files where file.hasSuffix(".txt") {
                let stem = String(file.dropLast(4))
                var article: Article?
                let input = try Array(Data(contentsOf: URL(fileURLWithPath: dir + "/text/" + file)))
                score.bytes += input.count
                score.reading += try ContinuousClock().measure {
                    try reader.read(.bytes(input, name: file)) { if case .article(let a) = $0 { article = a } }
                }
                score.articles += 1
                if let gold = titles[stem], squeeze(gold) == squeeze(article?.title ?? "") {
                    score.titlesRight += 1
                } else {
                    score.misses.append("TITLE \(stem): \(article?.title ?? "nil") | gold \(titles[stem] ?? "?")")
                }
                let kept = squeeze(article?.text ?? "") + squeeze(article?.title ?? "")
                let sourceText = try String(contentsOfFile: dir + "/text/" + file, encoding: .utf8)
                let source = Array(sourceText.unicodeScalars)
                if ProcessInfo.processInfo.environment["PARALLAX_EVAL_DROPS"] != nil {
                    for line in sourceText.split(separator: "\n") where !kept.contains(squeeze(line)) {
                        score.misses.append("DROPPED \(stem): \(line.prefix(160))")
                    }
                }
                let anns = try FileManager.default.contentsOfDirectory(atPath: dir + "/attributions")
                    .filter { $0.hasPrefix(stem + "_") }
                guard let ann = anns.sorted().first else { continue }
                let annText = try String(contentsOfFile: dir + "/attributions/" + ann, encoding: .utf8)
                for line in annText.split(separator: "\n") where line.hasPrefix("T") {
                    // "T3\tContent 115 290;300 310\ttext": character offsets, fragments split by ";".
                    let cols = line.split(separator: "\t")
                    guard cols.count >= 2, cols[1].hasPrefix("Content ") else { continue }
                    for fragment in cols[1].dropFirst(8).split(separator: ";") {
                        let bounds = fragment.split(separator: " ").compactMap { Int($0) }
                        guard bounds.count == 2, bounds[0] < bounds[1], bounds[1] <= source.count else { continue }
                        let piece = String(String.UnicodeScalarView(source[bounds[0]..<bounds[1]]))
                        score.contents += 1
                        if kept.contains(squeeze(piece)) {
                            score.contentsKept += 1
                        } else {
                            score.misses.append("CONTENT \(stem): \(piece.prefix(150))")
                        }
                    }
                }
            }
        }
        return score
    }

    @Test(.tags(.qualityGate), .enabled(if: present, "PolNeAR not found at ../shared/eval/attribution-polnear"))
    func keepsAttributedStatementsAndFindsHeadlines() throws {
        let env = ProcessInfo.processInfo.environment
        let compartments = env["PARALLAX_EVAL_COMPARTMENTS"]?.split(separator: ",").map(String.init) ?? ["dev"]
        let clock = ContinuousClock()
        let started = clock.now
        let score = try Self.evaluate(compartments: compartments)
        let elapsed = clock.now - started
        let titleRate = Double(score.titlesRight) / Double(max(1, score.articles))
        let keptRate = Double(score.contentsKept) / Double(max(1, score.contents))
        if env["PARALLAX_EVAL_REPORT"] != nil {
            print("articles \(score.articles) titles \(titleRate) contents \(score.contents) kept \(keptRate)")
            let seconds = Double(score.reading.components.seconds) + Double(score.reading.components.attoseconds) / 1e18
            print("read and scored in \(elapsed); reading alone \(score.reading): \(score.bytes) bytes, "
                + "\(Double(score.articles) / seconds) articles/s, \(Double(score.bytes) / seconds / 1e6) MB/s")
            score.misses.forEach { print($0) }
        }
        // Floors pinned from the measured figures in docs/INGEST-TEXT.md.
        #expect(titleRate >= 0.92)
        #expect(keptRate >= 0.998)
    }
}
