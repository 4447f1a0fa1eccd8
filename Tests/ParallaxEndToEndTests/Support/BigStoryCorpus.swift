import Foundation

/// An invented story carried by more outlets than the story page shows whole (56 articles, each from its own
/// outlet): the page draws it compact, with the matrix by outlet and each text on its article's page. Written for
/// this test; no real article.
enum BigStoryCorpus {
    /// Articles in the story (above the web UI's item limit of 50).
    static let count = 56

    private struct Row: Encodable {
        let id, outlet, url, title, published, language, text: String
    }

    private static let sentences = [
        "A ferry carrying 212 passengers ran aground off Kelmora island on Monday morning, the coastguard said.",
        "All passengers were taken off the Amberline ferry by lifeboats before noon, according to the coastguard.",
        "\u{201C}The hull is intact and nobody was seriously hurt,\u{201D} harbour master Ilsa Brandvik said.",
        "Amberline said the ferry lost steering in heavy fog shortly after leaving Port Sella.",
        "Divers were inspecting the hull on Tuesday, and the route between Kelmora and Port Sella was suspended.",
        "Three passengers were treated in hospital for minor injuries, the regional health office said.",
        "The transport ministry has opened an inquiry into the grounding, a spokesperson told the Kelmora Courier.",
        "Local fishermen said the channel's buoys had been moved after last winter's storms.",
    ]

    private static var rows: [Row] {
        (1...count).map { n in
            // Every article tells the event; each leaves out one or two of the later sentences, so claims differ.
            let kept = sentences.enumerated().filter { i, _ in i < 3 || (i + n) % 5 != 0 }.map(\.element)
            let day = n % 2 == 0 ? "2025-06-02" : "2025-06-03"
            return Row(
                id: "big-\(n)", outlet: "Coastal Outlet \(n)", url: "https://coastal-\(n).example/ferry",
                title: "Ferry runs aground off Kelmora (\(n))", published: day, language: "en",
                text: kept.joined(separator: " "))
        }
    }

    /// Writes the corpus as JSON lines to `url`.
    static func write(to url: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let lines = try rows.map { String(decoding: try encoder.encode($0), as: UTF8.self) }
        try (lines.joined(separator: "\n") + "\n").write(to: url, atomically: true, encoding: .utf8)
    }
}
