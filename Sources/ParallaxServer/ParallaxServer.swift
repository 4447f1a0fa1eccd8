import Foundation
import Hummingbird
import Logging
import ParallaxAnalysis
import ParallaxCore
import ParallaxStorage

/// What `parallax serve` serves: a JSON API (`/api/...`, described by `/api/openapi.json`) and server-rendered web
/// pages over one corpus store. The router is built by ``makeRouter(_:)`` so tests run it without a socket.
public struct ServerSettings: Sendable {
    /// Bearer token that write endpoints require; writes are refused when nil.
    public var token: String?
    /// Largest request body accepted (bytes).
    public var maxBodyBytes = 32 << 20
    /// Largest page of a listing.
    public var maxPageSize = 500
    /// Default page of a listing.
    public var pageSize = 50
    /// Longest query string accepted (bytes).
    public var maxQueryBytes = 4_096
    /// Outlets known by name and domain (for ingest and comparisons).
    public var outlets: OutletRegistry
    /// How long the store's write generation, which says whether a cached page is still current, is trusted before
    /// it is read again: pages reflect another process's writes (a `parallax ingest` next to the server) within
    /// this time, this server's own writes at once. On PostgreSQL each read is three round trips, more than
    /// serving a cached page costs. Zero: read for every request.
    public var freshness: Duration = .milliseconds(500)

    public init(token: String? = nil, outlets: OutletRegistry) {
        self.token = token
        self.outlets = outlets
    }
}

/// The server's state: the store and the settings. Handlers are methods of ``API`` and ``WebPages``.
public struct ParallaxServer: Sendable {
    public let store: any CorpusStore
    public let settings: ServerSettings
    /// Rendered pages and JSON documents, valid while the store's write generation is unchanged.
    let cache = PageCache()
    /// The write generation last read, trusted for `settings.freshness`.
    let generation = GenerationMemo()
    /// The web UI's templates and static files, read once at start.
    let templates = PageTemplates.bundled
    let staticFiles = StaticFiles.bundled

    public init(store: any CorpusStore, settings: ServerSettings) {
        self.store = store
        self.settings = settings
    }

    /// The response for `key` from the cache when the store has not been written since it was made, else made by
    /// `make` (and kept when it is a page).
    func cached(_ key: String, request: Request, make: () async throws -> Rendered) async throws -> Response {
        let gzip = Self.acceptsGzip(request)
        let generation = try await currentGeneration()
        if let hit = await cache.get(key, generation: generation) { return .cached(hit, gzip: gzip) }
        switch try await make() {
        case .response(let response): return response
        case .page(let body, let type):
            // A comparison recomputed while making the page is a write: key the page by the generation after it.
            let after = try await store.read { try $0.writeGeneration() }
            if after != generation { self.generation.set(after, readAt: .now) }
            let entry = PageCache.Entry(generation: after, body: ByteBuffer(string: body), type: type)
            await cache.put(key, entry)
            return .cached(entry, gzip: gzip)
        }
    }

    /// The store's write generation, read again when the last read is older than `settings.freshness`.
    func currentGeneration() async throws -> Int {
        let now = ContinuousClock.now
        if let known = generation.value(readAfter: now - settings.freshness) { return known }
        let read = try await store.read { try $0.writeGeneration() }
        generation.set(read, readAt: now)
        return read
    }

    /// Whether the request's `Accept-Encoding` lists gzip (or `*`) without `q=0`.
    static func acceptsGzip(_ request: Request) -> Bool {
        guard let header = request.headers[.acceptEncoding] else { return false }
        for item in header.lowercased().split(separator: ",") {
            let parts = item.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let coding = parts.first, coding == "gzip" || coding == "*" else { continue }
            let q = parts.dropFirst().first { $0.hasPrefix("q=") }.flatMap { Double($0.dropFirst(2)) } ?? 1
            return q > 0
        }
        return false
    }

    /// The router: API, web pages, security headers and access logs.
    public func makeRouter() -> Router<BasicRequestContext> {
        let router = Router()
        router.add(middleware: LogRequestsMiddleware(.info))
        router.add(middleware: SecurityHeadersMiddleware(maxQueryBytes: settings.maxQueryBytes, templates: templates))
        API(server: self).register(on: router)
        WebPages(server: self).register(on: router)
        staticFiles.register(on: router)
        return router
    }

    /// An application on `host`:`port` (loopback by default). Run it with `runService()`, which stops gracefully on
    /// SIGINT and SIGTERM.
    public func makeApplication(host: String = "127.0.0.1", port: Int = 8080, logger: Logger? = nil)
        -> some ApplicationProtocol
    {
        var log = logger ?? Logger(label: "parallax.serve")
        if logger == nil { log.logLevel = .info }
        return Application(
            router: makeRouter(),
            configuration: .init(address: .hostname(host, port: port), serverName: "parallax"),
            logger: log)
    }

    /// The comparison of a live story: stored when up to date, else recomputed from stored annotations and stored.
    func analysis(ofStory id: String) async throws -> StoryAnalysis? {
        try await CorpusIngester.analysis(ofStory: id, in: store) {
            CorpusIngester(pipeline: AnalysisPipeline(outlets: settings.outlets), outlets: settings.outlets)
        }
    }
}

/// What a cacheable handler makes: a page (kept by ``PageCache``) or another response (a redirect).
enum Rendered {
    case page(body: String, type: String)
    case response(Response)

    static func json(_ body: String) -> Rendered { .page(body: body, type: "application/json; charset=utf-8") }
    static func html(_ body: String) -> Rendered { .page(body: body, type: "text/html; charset=utf-8") }
}

/// A bounded cache of rendered responses (at most `maxEntries` and `maxBytes`; the least recently used go first),
/// each valid for one write generation of the store. A hit costs O(1); an eviction scans the entries once (it
/// follows a miss, which rendered a page).
/// The store's write generation as last read, and when (see ``ServerSettings/freshness``).
final class GenerationMemo: @unchecked Sendable {
    private let lock = NSLock()
    private var last: (value: Int, at: ContinuousClock.Instant)?
    /// Reads made before this instant are not kept (they may predate a write of this server).
    private var floor: ContinuousClock.Instant?

    /// The value, when it was read after `instant`.
    func value(readAfter instant: ContinuousClock.Instant) -> Int? {
        lock.withLock { last.flatMap { $0.at > instant ? $0.value : nil } }
    }

    /// Keeps `value` read at `instant` (a read older than the one kept, or than the last ``forget()``, is ignored).
    func set(_ value: Int, readAt instant: ContinuousClock.Instant) {
        lock.withLock {
            if let last, last.at > instant { return }
            if let floor, instant < floor { return }
            last = (value, instant)
        }
    }

    /// Forgets the value: the next request reads it (after a write of this server).
    func forget() {
        lock.withLock {
            last = nil
            floor = .now
        }
    }
}

actor PageCache {
    struct Entry {
        var generation: Int
        /// The encoded body, shared by every response that serves it (a ByteBuffer is copied on write only).
        var body: ByteBuffer
        /// The body gzipped, made once when stored (a body under 1 KiB, or one that does not shrink, has none).
        var gzipped: ByteBuffer?
        var type: String
        /// When it was last served or stored (a counter, not a clock).
        var lastUse: UInt64 = 0

        init(generation: Int, body: ByteBuffer, type: String) {
            self.generation = generation
            self.body = body
            self.type = type
            if body.readableBytes >= 1_024, let packed = Deflate.gzip(Array(body.readableBytesView)),
                packed.count < body.readableBytes
            {
                gzipped = ByteBuffer(bytes: packed)
            }
        }

        var size: Int { body.readableBytes + (gzipped?.readableBytes ?? 0) }
    }

    let maxEntries: Int
    let maxBytes: Int
    private var entries: [String: Entry] = [:]
    private var bytes = 0
    private var clock: UInt64 = 0

    init(maxEntries: Int = 1_024, maxBytes: Int = 128 << 20) {
        self.maxEntries = maxEntries
        self.maxBytes = maxBytes
    }

    func get(_ key: String, generation: Int) -> Entry? {
        guard var entry = entries[key], entry.generation == generation else { return nil }
        clock += 1
        entry.lastUse = clock
        entries[key] = entry
        return entry
    }

    func put(_ key: String, _ entry: Entry) {
        clock += 1
        if let old = entries[key] { bytes -= old.size }
        var entry = entry
        entry.lastUse = clock
        entries[key] = entry
        bytes += entry.size
        while entries.count > 1, entries.count > maxEntries || bytes > maxBytes,
            let oldest = entries.min(by: { $0.value.lastUse < $1.value.lastUse })?.key
        {
            if let gone = entries.removeValue(forKey: oldest) { bytes -= gone.size }
        }
    }

    /// Whether `key` is held (for tests).
    func contains(_ key: String) -> Bool { entries[key] != nil }
}

/// Adds a Content-Security-Policy (scripts, styles and images from this server only: no inline script or style,
/// nothing remote), no sniffing and no framing to every response, errors included, and refuses overlong query
/// strings. Errors of web pages (paths outside `/api/`) become the HTML error page; the API's stay JSON.
struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    let maxQueryBytes: Int
    let templates: PageTemplates

    static var policy: String {
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
            + "base-uri 'none'; frame-ancestors 'none'"
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        var response: Response
        do {
            if (request.uri.query?.utf8.count ?? 0) > maxQueryBytes {
                throw HTTPError(.uriTooLong, message: "the query string is longer than \(maxQueryBytes) bytes")
            }
            response = try await next(request, context)
        } catch let error as HTTPError where !request.uri.path.hasPrefix("/api/") {
            let message = error.body ?? error.status.reasonPhrase
            let page = WebPages.errorPage(templates, heading: error.status.reasonPhrase, message: message)
            response = .html(page ?? WebPages.e(message), status: error.status)
            response.headers.append(contentsOf: error.headers)
        } catch let error as any HTTPResponseError {
            response = try error.response(from: request, context: context)
        } catch {
            // Anything else is our fault: logged here, answered with a plain 500 that still carries the headers.
            context.logger.error("request failed", metadata: ["error": "\(error)", "path": "\(request.uri.path)"])
            response = .json(#"{"error":{"message":"internal server error"}}"#, status: .internalServerError)
        }
        response.headers[.init("Content-Security-Policy")!] = Self.policy
        response.headers[.init("X-Content-Type-Options")!] = "nosniff"
        response.headers[.init("Referrer-Policy")!] = "no-referrer"
        return response
    }
}

extension Response {
    /// A response with `body` as UTF-8 and the content type.
    static func text(_ body: String, type: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status, headers: [.contentType: type],
            body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
    }

    /// A response with an encoded body.
    static func bytes(_ body: ByteBuffer, type: String) -> Response {
        Response(status: .ok, headers: [.contentType: type], body: ResponseBody(byteBuffer: body))
    }

    /// A cached page, gzipped when the client takes it and a gzipped body is held; either way varying on
    /// `Accept-Encoding`.
    static func cached(_ entry: PageCache.Entry, gzip: Bool) -> Response {
        if gzip, let packed = entry.gzipped {
            return Response(
                status: .ok,
                headers: [.contentType: entry.type, .contentEncoding: "gzip", .vary: "Accept-Encoding"],
                body: ResponseBody(byteBuffer: packed))
        }
        return Response(
            status: .ok, headers: [.contentType: entry.type, .vary: "Accept-Encoding"],
            body: ResponseBody(byteBuffer: entry.body))
    }

    static func json(_ body: String, status: HTTPResponse.Status = .ok) -> Response {
        text(body, type: "application/json; charset=utf-8", status: status)
    }

    static func html(_ body: String, status: HTTPResponse.Status = .ok) -> Response {
        text(body, type: "text/html; charset=utf-8", status: status)
    }
}
