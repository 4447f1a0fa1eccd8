import Foundation

/// An input the mutators start from: its bytes and the file extension that tells Parallax its format.
struct FuzzSeed: Sendable {
    /// The format, as a file extension Parallax reads (`txt`, `html`, `rss`, `atom`, `json`, `jsonl`, `warc`).
    var kind: String
    var bytes: [UInt8]
    /// Where it came from (a path, or the format it was wrapped in).
    var origin: String

    static let kinds: Set<String> = ["txt", "html", "htm", "rss", "xml", "atom", "json", "jsonl", "warc"]

    /// Every readable file under `paths` (recursively) with a known extension, at most `maxBytes` each (longer
    /// files are cut), sorted by path so the seed list is the same on every run.
    static func load(_ paths: [String], maxBytes: Int) -> [FuzzSeed] {
        var files: [String] = []
        let fm = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
            if isDirectory.boolValue {
                let names = (fm.enumerator(atPath: path)?.allObjects as? [String]) ?? []
                files += names.map { (path as NSString).appendingPathComponent($0) }
            } else {
                files.append(path)
            }
        }
        return files.sorted().compactMap { file in
            let ext = (file as NSString).pathExtension.lowercased()
            guard kinds.contains(ext), let handle = FileHandle(forReadingAtPath: file) else { return nil }
            defer { try? handle.close() }
            guard let data = try? handle.read(upToCount: maxBytes), !data.isEmpty else { return nil }
            return FuzzSeed(kind: ext, bytes: [UInt8](data), origin: file)
        }
    }

    /// Each plain-text or JSON Lines seed's body wrapped in every other format (an HTML page with furniture, RSS,
    /// Atom, a JSON Feed, a WARC response), so every reader is fuzzed even when only text seeds exist.
    static func wrapped(_ seeds: [FuzzSeed]) -> [FuzzSeed] {
        seeds.filter { $0.kind == "txt" }.flatMap { seed -> [FuzzSeed] in
            let text = String(decoding: seed.bytes, as: UTF8.self)
            let lines = text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
            let title = lines.first(where: { $0.count > 20 }) ?? "A report"
            let paragraphs = lines.dropFirst().filter { !$0.isEmpty }
            return [
                FuzzSeed(kind: "html", bytes: Array(html(title: title, paragraphs: Array(paragraphs)).utf8),
                    origin: seed.origin + " as html"),
                FuzzSeed(kind: "rss", bytes: Array(rss(title: title, body: text).utf8), origin: seed.origin + " as rss"),
                FuzzSeed(kind: "atom", bytes: Array(atom(title: title, body: text).utf8), origin: seed.origin + " as atom"),
                FuzzSeed(kind: "json", bytes: Array(jsonFeed(title: title, body: text).utf8),
                    origin: seed.origin + " as JSON Feed"),
                FuzzSeed(kind: "warc", bytes: warc(html(title: title, paragraphs: Array(paragraphs))),
                    origin: seed.origin + " as warc"),
            ]
        }
    }

    private static func xml(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    static func html(title: String, paragraphs: [String]) -> String {
        """
        <!doctype html><html lang="en"><head><meta charset="utf-8"><title>\(xml(title))</title>
        <meta property="article:published_time" content="2024-05-31T10:00:00Z">
        <meta property="og:site_name" content="Fuzz Herald"></head><body>
        <header><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>
        <div class="cookie-banner">We use cookies. Accept all</div>
        <main><article><h1>\(xml(title))</h1><p class="byline">By A. Writer</p>
        \(paragraphs.map { "<p>\(xml($0))</p>" }.joined(separator: "\n"))
        <figure><img src="a.jpg"><figcaption>Photo: Agency</figcaption></figure>
        </article><aside class="related">Read also: something else</aside></main>
        <footer>© Fuzz Herald. Share: Facebook Twitter</footer></body></html>
        """
    }

    static func rss(title: String, body: String) -> String {
        let item = """
            <item><title>\(xml(title))</title><link>https://fuzz.example/a</link>
            <pubDate>Fri, 31 May 2024 10:00:00 GMT</pubDate><description>\(xml(body))</description></item>
            """
        return """
            <?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Fuzz Herald</title>
            <link>https://fuzz.example/</link>\(item)\(item.replacingOccurrences(of: "/a<", with: "/b<"))</channel></rss>
            """
    }

    static func atom(title: String, body: String) -> String {
        """
        <?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Fuzz Herald</title>
        <entry><title>\(xml(title))</title><link href="https://fuzz.example/atom/1"/><id>urn:fuzz:1</id>
        <updated>2024-05-31T10:00:00Z</updated><content type="html">\(xml("<p>" + body + "</p>"))</content></entry></feed>
        """
    }

    static func jsonFeed(title: String, body: String) -> String {
        let item: [String: Any] = [
            "id": "1", "url": "https://fuzz.example/j/1", "title": title, "content_text": body,
            "date_published": "2024-05-31T10:00:00Z",
        ]
        let feed: [String: Any] = ["version": "https://jsonfeed.org/version/1.1", "title": "Fuzz Herald", "items": [item]]
        let data = (try? JSONSerialization.data(withJSONObject: feed, options: [.sortedKeys])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    static func warc(_ page: String) -> [UInt8] {
        let http = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + page
        let block = Array(http.utf8)
        let header = """
            WARC/1.0\r
            WARC-Type: response\r
            WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-000000000001>\r
            WARC-Target-URI: https://fuzz.example/w/1\r
            WARC-Date: 2024-05-31T10:00:00Z\r
            Content-Type: application/http; msgtype=response\r
            Content-Length: \(block.count)\r
            \r

            """
        return Array(header.utf8) + block + Array("\r\n\r\n".utf8)
    }
}
