import Foundation
import Hummingbird
import ParallaxReport

/// The files under `/static/`: the module's `Static` resources and the report's stylesheet, read once at start
/// and served from memory by exact name. No request path ever reaches the file system, so `..` and encoded
/// variants cannot traverse: an unknown name is a 404.
struct StaticFiles: Sendable {
    struct File: Sendable {
        let body: ByteBuffer
        let type: String
    }

    static let bundled = StaticFiles(directory: Bundle.module.resourceURL?.appendingPathComponent("Static"))

    let files: [String: File]

    static let types = ["css": "text/css; charset=utf-8", "js": "text/javascript; charset=utf-8"]

    init(directory: URL?) {
        var files: [String: File] = [
            "report.css": File(body: ByteBuffer(string: HTMLRenderer.css), type: "text/css; charset=utf-8")
        ]
        let names = directory.flatMap { try? FileManager.default.contentsOfDirectory(atPath: $0.path) } ?? []
        for name in names {
            guard let directory, let type = Self.types[(name as NSString).pathExtension],
                let data = FileManager.default.contents(atPath: directory.appendingPathComponent(name).path)
            else { continue }
            files[name] = File(body: ByteBuffer(bytes: data), type: type)
        }
        self.files = files
    }

    func register(on router: Router<BasicRequestContext>) {
        router.get("static/:name") { _, context in
            guard let file = files[try context.parameters.require("name")] else {
                throw HTTPError(.notFound, message: "no such file")
            }
            var response = Response.bytes(file.body, type: file.type)
            response.headers[.cacheControl] = "public, max-age=3600"
            return response
        }
    }
}
