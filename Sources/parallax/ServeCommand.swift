import ArgumentParser
import Foundation
import ParallaxServer

/// `parallax serve`: the JSON API and the web UI over a corpus database.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve", abstract: "Serve the corpus: a JSON API (/api) and web pages (/).",
        discussion: """
            Listens on loopback unless told otherwise; stops cleanly on Ctrl-C or SIGTERM. The API is described at
            /api/openapi.json. POST /api/ingest needs --token (or PARALLAX_TOKEN) and the header
            Authorization: Bearer <token>.
            Example: parallax serve --db news.sqlite --port 8080
            """)

    @OptionGroup var corpus: CorpusOptions
    @OptionGroup var input: InputOptions
    @Option(help: "Address to listen on.") var host = "127.0.0.1"
    @Option(help: "Port to listen on.") var port = 8080
    @Option(help: "Bearer token for POST /api/ingest (default: $PARALLAX_TOKEN; ingest is off without one).")
    var token: String?
    @Option(help: "Largest request body accepted, in MiB.") var maxBody = 32

    func run() async throws {
        let registry = try input.registry()
        let store = try await corpus.openForWriting()
        var settings = ServerSettings(token: token ?? ProcessInfo.processInfo.environment["PARALLAX_TOKEN"], outlets: registry)
        settings.maxBodyBytes = max(1, maxBody) << 20
        let server = ParallaxServer(store: store, settings: settings)
        FileHandle.standardError.write(Data("parallax: serving \(corpus.location) on http://\(host):\(port)/\n".utf8))
        try await server.makeApplication(host: host, port: port).runService()
    }
}
