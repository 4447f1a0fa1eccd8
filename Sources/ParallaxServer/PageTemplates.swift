import Foundation
import Hummingbird
import Mustache
import ParallaxReport

/// The web UI's mustache templates (`Templates/*.mustache`), read once into one `MustacheLibrary`.
///
/// Every template starts with `{{% CONTENT_TYPE: PARALLAX_HTML }}`, so `{{name}}` escapes with
/// ``HTMLEscaping/escape(_:)``, which works per Unicode scalar: swift-mustache's own HTML escaping looks at whole
/// characters, so a `"` or `<` followed by a combining mark would pass it unescaped. Triple mustaches appear only
/// where the value is HTML our own code made (see each template's comment).
struct PageTemplates: Sendable {
    /// The name templates give their content type.
    static let contentTypeName = "PARALLAX_HTML"

    /// The templates of the module's resources, loaded on first use (``ParallaxServer`` touches it at start).
    static let bundled = PageTemplates(directory: Bundle.module.resourceURL?.appendingPathComponent("Templates"))

    private let library: MustacheLibrary
    /// Why the templates could not be read or parsed, when they could not.
    let problem: String?

    struct ScalarHTML: MustacheContentType {
        func escapeText(_ text: String) -> String { HTMLEscaping.escape(text) }
    }

    /// Reads every `.mustache` file of `directory`, registered under its name without the extension.
    init(directory: URL?) {
        MustacheContentTypes.register(ScalarHTML(), named: Self.contentTypeName)
        var library = MustacheLibrary()
        var problem: String?
        do {
            guard let directory else { throw CocoaError(.fileNoSuchFile) }
            let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
                .filter { $0.hasSuffix(".mustache") }.sorted()
            for name in names {
                let text = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
                do {
                    try library.register(text, named: String(name.dropLast(".mustache".count)))
                } catch {
                    throw CocoaError(.fileReadCorruptFile, userInfo: [NSFilePathErrorKey: name, "error": "\(error)"])
                }
            }
            if names.isEmpty { problem = "no templates in \(directory.path)" }
        } catch {
            problem = "cannot load the page templates: \(error)"
        }
        self.library = library
        self.problem = problem
    }

    /// `object` rendered with the template `name`; an internal server error when the template is missing.
    func render(_ object: Any, _ name: String) throws -> String {
        guard let text = library.render(object, withTemplate: name) else {
            throw HTTPError(.internalServerError, message: problem ?? "no page template \(name)")
        }
        return text
    }

    /// A whole page: `main` (HTML made by one of our templates or by the report renderer) in the page shell.
    func page(title: String, main: String, report: Bool = false) throws -> String {
        try render(Shell(title: title, main: main, report: report), "page")
    }

    struct Shell {
        let title: String
        /// HTML made by our own code: rendered into the page unescaped.
        let main: String
        /// Whether the page links the report's stylesheet.
        let report: Bool
    }
}
