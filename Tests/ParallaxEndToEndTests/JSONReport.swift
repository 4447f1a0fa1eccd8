import Foundation

/// The JSON report of `parallax analyze --format json` as docs/JSON.md describes it, the fields the end-to-end
/// tests read: a missing or mistyped field fails decoding (no dictionaries with empty fallbacks).
struct JSONReport: Decodable {
    struct Article: Decodable {
        var id: String
        var source: String
        var outlet: String?
        var url: String?
        var title: String?
        var published: String?
        var text: String
    }
    struct Issue: Decodable {
        var input: String
        var location: String?
        var kind: String
        var message: String
    }
    struct Segment: Decodable {
        var kind: String
        var text: String
    }
    struct Occurrence: Decodable {
        var article: String
        var text: String
        var quoted: Bool
        var speaker: String?
        var diff: [Segment]
    }
    struct Quote: Decodable {
        var speaker: String?
        var occurrences: [Occurrence]
    }
    struct Citation: Decodable {
        var article: String
        var source: String
    }
    struct Variant: Decodable {
        var form: String
        var articles: [String]
    }
    struct Naming: Decodable {
        var entity: String
        var variants: [Variant]
    }
    struct Framing: Decodable {
        var phrase: String
        var articles: [String]
    }
    struct Claim: Decodable {
        var text: String
        var articles: [String]
    }
    struct Event: Decodable {
        var date: String
    }
    struct Point: Decodable {
        var articles: [String]
    }
    struct Story: Decodable {
        var id: String
        var articles: [String]
        var quotes: [Quote]
        var citations: [Citation]
        var naming: [Naming]
        var framing: [Framing]
        var claims: [Claim]
        var timeline: [Event]
        var synthesis: [Point]
    }
    var articles: [Article]
    var issues: [Issue]
    var stories: [Story]
}
