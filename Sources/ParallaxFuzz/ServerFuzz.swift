import Foundation

/// Fuzzes `parallax serve` over HTTP: one server over a fresh corpus (the seeds ingested through the CLI), then
/// request after request built from case `i` of seed `s` (`--server`): mutated paths and ids (traversal, percent
/// escapes of invalid UTF-8 and NUL, overlong segments), queries of every listing and export (dates, limits,
/// cursors, formats, hostile search words), headers (encodings, tokens, oversized values), methods, malformed
/// request lines, and uploads to `/api/ingest` whose bodies are the CLI fuzzer's mutated inputs (so later pages
/// render what hostile uploads stored).
///
/// A case fails when the server dies, answers a well-formed request with nothing or with a 5xx status, takes longer
/// than the time limit, grows past the memory limit, sends JSON that does not parse (or holds raw C1 controls) or an
/// HTML page in which stored article text became markup.
struct ServerFuzz: Sendable {
    let binary: String
    let workDirectory: String
    let timeout: TimeInterval
    let memoryLimitBytes: Int
    /// The bearer token the server is started with (cases sometimes send another).
    static let token = "fuzz-token"

    /// A running server and the ids its pages are fetched with.
    final class Session: @unchecked Sendable {
        let process: Process
        let port: Int
        var stories: [String] = []
        var articles: [String] = []

        init(process: Process, port: Int) {
            self.process = process
            self.port = port
        }

        deinit { if process.isRunning { process.terminate() } }
    }

    /// One request: its bytes on the wire, and whether it is well-formed HTTP (a malformed one may be answered with
    /// a closed connection).
    struct Request: Sendable {
        var bytes: [UInt8]
        var wellFormed: Bool
        var summary: String
    }

    struct Response: Sendable {
        var status: Int
        var headers: [String: String]
        var body: [UInt8]
    }

    // MARK: Server

    /// Ingests `seeds` (files) into a fresh database with the CLI, then starts the server on a free port.
    func start(seeds: [String]) throws -> Session {
        let fm = FileManager.default
        try? fm.removeItem(atPath: workDirectory)
        try fm.createDirectory(atPath: workDirectory, withIntermediateDirectories: true)
        let database = (workDirectory as NSString).appendingPathComponent("corpus.sqlite")
        let ingest = Process()
        ingest.executableURL = URL(fileURLWithPath: binary)
        ingest.arguments = ["ingest", "--quiet", "--db", database] + seeds
        ingest.standardOutput = FileHandle.nullDevice
        ingest.standardError = FileHandle.nullDevice
        try ingest.run()
        ingest.waitUntilExit()
        let port = try Self.freePort()
        let server = Process()
        server.executableURL = URL(fileURLWithPath: binary)
        server.arguments = [
            "serve", "--db", database, "--host", "127.0.0.1", "--port", "\(port)", "--token", Self.token,
        ]
        server.standardOutput = FileHandle.nullDevice
        server.standardError = FileHandle.nullDevice
        try server.run()
        let session = Session(process: server, port: port)
        for _ in 0..<200 {
            if let r = send(Self.get("/api/stats"), port: port), r.status == 200 {
                refreshIDs(session)
                return session
            }
            guard server.isRunning else { break }
            usleep(100_000)
        }
        server.terminate()
        throw FuzzError("parallax serve did not answer on port \(port)")
    }

    /// Reads the stories' and articles' ids the cases fetch pages of.
    func refreshIDs(_ session: Session) {
        func items(_ path: String, _ key: String) -> [[String: Any]] {
            guard let r = send(Self.get(path), port: session.port), r.status == 200,
                let object = try? JSONSerialization.jsonObject(with: Data(r.body)) as? [String: Any]
            else { return [] }
            return object[key] as? [[String: Any]] ?? []
        }
        let stories = items("/api/stories?limit=100", "stories").compactMap { $0["id"] as? String }
        if !stories.isEmpty { session.stories = stories }
        let articles = ["the", "said"].flatMap { word in
            items("/api/search?q=\(word)&limit=100", "hits").compactMap { ($0["article"] as? [String: Any])?["id"] as? String }
        }
        if !articles.isEmpty { session.articles = articles }
    }

    // MARK: Cases

    /// Request `index` of `seed` against `session` (paths use its ids; uploads are `mutator`'s cases).
    func makeRequest(seed: UInt64, index: Int, session: Session, mutator: FuzzMutator) -> Request {
        var rng = FuzzRandom(seed: seed ^ 0x5EED_5E4E, index: index)
        let story = session.stories.isEmpty ? "s-0" : rng.pick(session.stories)
        let article = session.articles.isEmpty ? "a-0" : rng.pick(session.articles)
        switch rng.below(7) {
        case 0:
            // An upload: a mutated input of any format, usually with the right token.
            let upload = mutator.makeCase(seed: seed, index: index)
            let format = rng.chance(70) ? "?format=\(Self.uploadFormat(upload.kind))" : ""
            var headers = [("Content-Type", rng.pick(["application/octet-stream", "text/plain", "application/json", "text/html"]))]
            if rng.chance(90) { headers.append(("Authorization", rng.chance(90) ? "Bearer \(Self.token)" : "Bearer nope")) }
            return Self.request("POST", "/api/ingest" + format, headers: headers, body: upload.bytes,
                summary: "upload \(upload.fileName) (\(upload.families.joined(separator: "+")))")
        case 1:
            return Self.get(Self.mutatedPath(story: story, article: article, &rng))
        case 2:
            return Self.get(Self.listing(&rng))
        case 3:
            var headers: [(String, String)] = []
            for _ in 0..<(1 + rng.below(4)) { headers.append(Self.header(&rng)) }
            return Self.request("GET", rng.pick(Self.pages(story: story, article: article)), headers: headers, body: [],
                summary: "headers")
        case 4:
            let method = rng.pick(["HEAD", "PUT", "DELETE", "OPTIONS", "PATCH", "TRACE", "CONNECT", "POST", "BREW"])
            return Self.request(method, rng.pick(Self.pages(story: story, article: article)), headers: [],
                body: rng.chance(50) ? Array("x=1".utf8) : [], summary: method)
        case 5:
            // A malformed request: no answer is required, only that the server lives on.
            var bytes = Array("GET / HTTP/1.1\r\nHost: x\r\n\r\n".utf8)
            for _ in 0..<(1 + rng.below(8)) {
                let i = rng.below(bytes.count)
                bytes[i] = rng.chance(50) ? UInt8(truncatingIfNeeded: rng.below(256)) : rng.pick([0, 0x0A, 0x0D, 0x20, 0x3A, 0x80, 0xFF])
            }
            if rng.chance(30) { bytes = Array(repeating: UInt8(ascii: "A"), count: 1 + rng.below(70_000)) + [0x0D, 0x0A, 0x0D, 0x0A] }
            return Request(bytes: bytes, wellFormed: false, summary: "malformed")
        default:
            // A page of a story or article seen since the last uploads (hostile text rendered).
            return Self.get(rng.pick(Self.pages(story: story, article: article)))
        }
    }

    static func pages(story: String, article: String) -> [String] {
        [
            "/", "/stories/\(story)", "/stories/\(story)?all=1", "/articles/\(article)", "/api/stories/\(story)",
            "/api/stories/\(story)/citations", "/api/stories/\(story)/citations?format=gexf", "/api/articles/\(article)",
            "/api/stats", "/api/outlets", "/api/openapi.json", "/static/parallax.css", "/static/parallax.js",
            "/static/report.css",
        ]
    }

    /// A known path with one part replaced by something hostile.
    static func mutatedPath(story: String, article: String, _ rng: inout FuzzRandom) -> String {
        let bad = [
            "..", "../../../../etc/passwd", "%2e%2e%2f%2e%2e%2fPackage.swift", "%00", "%FF%FE", "%C0%AE%C0%AE",
            "%", "%zz", String(repeating: "a", count: 1 + rng.below(9_000)), "s-" + String(repeating: "f", count: 64),
            "<script>parallaxFuzz()</script>", "%3Cscript%3EparallaxFuzz()%3C%2Fscript%3E", "\u{202E}x", "%E2%80%AE",
            "a%0D%0ASet-Cookie:%20x=1", "?", "#", ";", "%2F", "~", ".", "\u{00A0}",
        ]
        let piece = rng.pick(bad).addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.union(["%"])) ?? "x"
        let shapes = [
            "/stories/\(piece)", "/articles/\(piece)", "/api/stories/\(piece)", "/api/stories/\(piece)/citations",
            "/api/articles/\(piece)", "/static/\(piece)", "/api/export/\(piece)", "/\(piece)", "/stories/\(story)/\(piece)",
            "/api/\(piece)", "//\(piece)", "/stories/\(story)\(piece)", "/articles/\(article)\(piece)",
        ]
        return rng.pick(shapes)
    }

    /// A listing, search or export with mutated query values.
    static func listing(_ rng: inout FuzzRandom) -> String {
        let values = [
            "", "0", "-1", "1", "50", "500", "501", "99999999999999999999", "1e9", "NaN", "2024-05-31", "2024-13-45",
            "0000-00-00", "9999-12-31", "31/05/2024", "%FF", "%00", "parallaxFuzz", "\"><script>parallaxFuzz()</script>",
            String(repeating: "x", count: 1 + rng.below(5_000)), "AAAA", "eyJ4IjoxfQ", "!!!", "Kyiv", "RT", "US", "ru",
            "jsonl", "csv", "gexf", "json", "xml", "articles", "stories", "quotes", "citations", "claims", "timeline",
        ]
        let keys = ["q", "since", "until", "outlet", "country", "limit", "cursor", "format", "all", "what"]
        var query: [String] = []
        for _ in 0..<(rng.below(5)) {
            let value = rng.pick(values).addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed.union(["%"])) ?? ""
            query.append(rng.pick(keys) + "=" + value.replacingOccurrences(of: "&", with: "%26"))
        }
        let base = rng.pick([
            "/", "/api/stories", "/api/search", "/api/export/articles", "/api/export/stories", "/api/export/quotes",
            "/api/export/citations", "/api/export/claims", "/api/export/timeline",
        ])
        return base + (query.isEmpty ? "" : "?" + query.joined(separator: "&"))
    }

    static func header(_ rng: inout FuzzRandom) -> (String, String) {
        rng.pick([
            ("Accept-Encoding", rng.pick(["gzip", "gzip;q=0", "*;q=0.5", "br, deflate", "gzip;q=abc", ";;;", ""])),
            ("Authorization", rng.pick(["Bearer", "Bearer ", "Basic eA==", "Bearer \(token)x", String(repeating: "B", count: 6_000)])),
            ("Accept", rng.pick(["*/*", "text/html", "application/json", "\u{7F}"])),
            ("X-Long", String(repeating: "v", count: 1 + rng.below(12_000))),
            ("Range", "bytes=0-1,5-9"), ("If-None-Match", "\"x\""), ("Connection", "keep-alive, Upgrade"),
            ("Content-Length", "0"), ("Transfer-Encoding", "chunked"),
        ])
    }

    static func uploadFormat(_ kind: String) -> String {
        switch kind {
        case "html", "htm": "html"
        case "rss", "xml", "atom": "feed"
        case "json", "jsonl", "ndjson": "jsonl"
        case "warc": "warc"
        default: "text"
        }
    }

    static func get(_ target: String) -> Request { request("GET", target, headers: [], body: [], summary: "GET") }

    static func request(_ method: String, _ target: String, headers: [(String, String)], body: [UInt8], summary: String)
        -> Request
    {
        // Whether a header or the body makes the request not HTTP/1.1 as the fuzzer means it (a chunked body it did not
        // chunk, a Content-Length it did not count): the server may then close the connection without an answer.
        let framing = headers.contains { ["Content-Length", "Transfer-Encoding"].contains($0.0) }
        var head = "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        if !framing { head += "Content-Length: \(body.count)\r\n" }
        head += "\r\n"
        return Request(
            bytes: Array(head.utf8) + body, wellFormed: !framing && method != "CONNECT",
            summary: "\(summary) \(method) \(String(target.prefix(120)))")
    }

    // MARK: Judging

    /// Sends `request` and judges the answer: `nil` when the case passed, else the kind of failure and a detail.
    /// `status` is set to the answer's status (0: none).
    func judge(_ request: Request, session: Session, status: inout Int) -> (failure: String, detail: String)? {
        let started = Date()
        let response = send(request, port: session.port)
        status = response?.status ?? 0
        let seconds = Date().timeIntervalSince(started)
        if !session.process.isRunning {
            return ("crash", "the server died (status \(session.process.terminationStatus))")
        }
        let rss = FuzzRunner.residentBytes(of: session.process.processIdentifier)
        if rss > memoryLimitBytes { return ("memory", "server resident memory \(rss >> 20) MiB") }
        if seconds > timeout { return ("hang", String(format: "answered after %.1f s", seconds)) }
        guard let response else {
            return request.wellFormed ? ("no-answer", "no HTTP answer to a well-formed request") : nil
        }
        if response.status >= 500, request.wellFormed {
            return ("server-error", "status \(response.status): \(FuzzRunner.excerpt(Data(response.body)))")
        }
        let type = response.headers["content-type"] ?? ""
        let body = response.headers["content-encoding"] == nil ? response.body : []
        if type.hasPrefix("application/json"), !body.isEmpty {
            if (try? JSONSerialization.jsonObject(with: Data(body), options: [.fragmentsAllowed])) == nil {
                return ("json", "a JSON answer that does not parse")
            }
            if FuzzRunner.hasC1(Data(body)) { return ("json-c1", "raw C1 controls in JSON") }
        }
        if type.hasPrefix("text/html"), let found = HTMLInjection.find(in: String(decoding: body, as: UTF8.self), marker: FuzzMutator.marker) {
            return ("html-injection", found)
        }
        return nil
    }

    /// Writes `request` on a new connection and reads the answer until the server closes it (`nil`: no HTTP answer
    /// before the time limit or the connection closed).
    func send(_ request: Request, port: Int) -> Response? {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var tv = timeval(tv_sec: Int(timeout.rounded(.up)), tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { return nil }
        var sent = 0
        while sent < request.bytes.count {
            let n = request.bytes[sent...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if n <= 0 { break }  // the server may close early (a refused upload): read what it said
            sent += n
        }
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        let deadline = Date().addingTimeInterval(timeout)
        while received.count < 256 << 20, Date() < deadline {
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n <= 0 { break }
            received.append(contentsOf: buffer[..<n])
            // A whole answer read: done, even when a header kept the connection open.
            if Self.isComplete(received, head: request.bytes.starts(with: Array("HEAD ".utf8))) { break }
        }
        return Self.parse(received)
    }

    /// Whether `bytes` hold a whole answer: its head and the body its Content-Length or chunking announces. Reads
    /// the head and the last bytes only (it runs after every read of a large answer).
    static func isComplete(_ bytes: [UInt8], head isHead: Bool) -> Bool {
        guard let end = bytes.prefix(65_536).firstRange(of: [0x0D, 0x0A, 0x0D, 0x0A] as [UInt8])?.lowerBound,
            let response = parse(Array(bytes[..<(end + 4)]))
        else { return false }
        if isHead || response.status == 204 || response.status == 304 { return true }
        if let length = response.headers["content-length"].flatMap({ Int($0) }) { return bytes.count - end - 4 >= length }
        if response.headers["transfer-encoding"]?.lowercased().contains("chunked") == true {
            return bytes.count > end + 4 && bytes.suffix(5).elementsEqual([0x30, 0x0D, 0x0A, 0x0D, 0x0A])
        }
        return false
    }

    /// An HTTP/1.1 response: status, headers (lowercased names) and body (chunks joined); `nil` when not one.
    static func parse(_ bytes: [UInt8]) -> Response? {
        let separator: [UInt8] = [0x0D, 0x0A, 0x0D, 0x0A]
        guard let end = bytes.firstRange(of: separator)?.lowerBound else { return nil }
        let head = String(decoding: bytes[..<end], as: UTF8.self).components(separatedBy: "\r\n")
        let statusParts = head.first?.split(separator: " ") ?? []
        guard statusParts.count >= 2, statusParts[0].hasPrefix("HTTP/1."), let status = Int(statusParts[1]) else { return nil }
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        var body = Array(bytes[(end + 4)...])
        if headers["transfer-encoding"]?.lowercased().contains("chunked") == true {
            body = dechunk(body) ?? []
        }
        return Response(status: status, headers: headers, body: body)
    }

    /// The data of a chunked body (`nil` when the framing is broken).
    static func dechunk(_ bytes: [UInt8]) -> [UInt8]? {
        var out: [UInt8] = []
        var i = 0
        while i < bytes.count {
            guard let lineEnd = bytes[i...].firstRange(of: [0x0D, 0x0A] as [UInt8])?.lowerBound else { return nil }
            let sizeText = String(decoding: bytes[i..<lineEnd], as: UTF8.self).split(separator: ";").first ?? ""
            guard let size = Int(sizeText.trimmingCharacters(in: .whitespaces), radix: 16), size >= 0 else { return nil }
            if size == 0 { return out }
            let start = lineEnd + 2
            guard start + size <= bytes.count else { return nil }
            out.append(contentsOf: bytes[start..<(start + size)])
            i = start + size + 2
        }
        return nil
    }

    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw FuzzError("no socket") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer -> Int32 in
                guard bind(fd, pointer, length) == 0 else { return -1 }
                return getsockname(fd, pointer, &length)
            }
        }
        guard bound == 0 else { throw FuzzError("no free loopback port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

struct FuzzError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
