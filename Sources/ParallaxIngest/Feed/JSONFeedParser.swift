import Foundation

/// Parses JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1) into a ``Feed``.
///
/// Relative item URLs are resolved against `home_page_url`, then `feed_url`, then the address the feed was read
/// from. Bodies: `content_html`, then `content_text`, then `summary`. Authors: 1.1 `authors`, else 1.0 `author`,
/// else the feed's own.
struct JSONFeedParser {
    private struct Author: Decodable {
        var name: String?
    }

    private struct Item: Decodable {
        var id: LossyString?
        var url: String?
        var external_url: String?
        var title: String?
        var content_html: String?
        var content_text: String?
        var summary: String?
        var date_published: String?
        var date_modified: String?
        var authors: [Author]?
        var author: Author?
        var language: String?
    }

    private struct Document: Decodable {
        var version: String?
        var title: String?
        var home_page_url: String?
        var feed_url: String?
        var language: String?
        var authors: [Author]?
        var author: Author?
        var items: [LossyItem]?
    }

    /// An item that does not decode (a number where a string belongs, ...) is skipped, not the whole feed.
    private struct LossyItem: Decodable {
        var item: Item?
        var problem: String?

        init(from decoder: any Decoder) throws {
            do { item = try Item(from: decoder) } catch {
                item = nil
                problem = JSONFeedParser.describe(error)
            }
        }
    }

    /// JSON Feed ids may be numbers in the wild although the spec says strings.
    private struct LossyString: Decodable {
        var value: String

        init(from decoder: any Decoder) throws {
            let c = try decoder.singleValueContainer()
            if let s = try? c.decode(String.self) {
                value = s
            } else if let i = try? c.decode(Int64.self) {
                value = String(i)
            } else {
                value = String(try c.decode(Double.self))
            }
        }
    }

    /// The feed in `bytes` with a warning naming the items that could not be read, or why it is not a JSON Feed.
    func parse(_ bytes: [UInt8], url: String?) -> Result<(feed: Feed, warning: String?), FeedParseError> {
        let doc: Document
        do { doc = try JSONDecoder().decode(Document.self, from: Data(bytes)) } catch {
            return .failure(FeedParseError("not a JSON Feed (\(Self.describe(error)))", kind: .notJSON))
        }
        guard doc.version?.contains("jsonfeed.org") == true || doc.items != nil else {
            return .failure(FeedParseError("JSON but not a JSON Feed (no \"version\" or \"items\")", kind: .notFeed))
        }
        let base = doc.home_page_url ?? doc.feed_url ?? url
        let feedAuthors = Self.names(doc.authors, doc.author)
        var feed = Feed(title: doc.title, language: doc.language)
        var skipped: [String] = []
        for (number, lossy) in (doc.items ?? []).enumerated() {
            guard let item = lossy.item else {
                skipped.append("item \(number + 1): \(lossy.problem ?? "unreadable")")
                continue
            }
            var out = FeedItem()
            out.id = item.id?.value
            out.url = (item.url ?? item.external_url).map { FeedReader.resolve($0, against: base) }
            out.title = item.title
            out.date = item.date_published ?? item.date_modified
            out.authors = Self.names(item.authors, item.author)
            if out.authors.isEmpty { out.authors = feedAuthors }
            if let html = item.content_html { out.bodies.append(.html(Array(html.utf8))) }
            if let text = item.content_text { out.bodies.append(.text(text)) }
            if let summary = item.summary { out.bodies.append(.text(summary)) }
            feed.items.append(out)
        }
        let warning = skipped.isEmpty
            ? nil : "\(skipped.count) item\(skipped.count == 1 ? "" : "s") skipped (\(skipped.prefix(3).joined(separator: "; ")))"
        return .success((feed, warning))
    }

    private static func names(_ authors: [Author]?, _ author: Author?) -> [String] {
        let all = authors ?? author.map { [$0] } ?? []
        return all.compactMap { a in
            guard let n = a.name?.trimmingWhitespace(), !n.isEmpty else { return nil }
            return n
        }
    }

    private static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.dataCorrupted(let c): c.debugDescription
        case DecodingError.typeMismatch(_, let c), DecodingError.valueNotFound(_, let c):
            "\(c.codingPath.map(\.stringValue).joined(separator: ".")): \(c.debugDescription)"
        default: "\(error)"
        }
    }
}
