import Foundation

/// Title, canonical URL and language from a page's `<html>` and `<head>`.
struct HeadFields {
    var title: String?
    var url: String?
    var language: String?

    init(_ document: HTMLDocument) {
        guard let root = document.root else { return }
        if let lang = root.attribute("lang") ?? root.attribute("xml:lang") {
            let primary = lang.split(separator: "-").first.map { $0.lowercased() } ?? ""
            if primary.count >= 2, primary.count <= 3, primary.allSatisfy(\.isLetter) { language = primary }
        }
        var ogTitle: String?
        var ogURL: String?
        var canonical: String?
        for head in root.elementChildren where head.hasName("head") {
            for node in head.elementChildren {
                if node.hasName("title"), title == nil {
                    title = node.text.trimmingCharacters(in: .whitespacesAndNewlines)
                } else if node.hasName("meta") {
                    switch node.attribute("property") ?? node.attribute("name") {
                    case "og:title": ogTitle = node.attribute("content")
                    case "og:url": ogURL = node.attribute("content")
                    default: break
                    }
                } else if node.hasName("link"), node.attribute("rel")?.lowercased() == "canonical" {
                    canonical = node.attribute("href")
                }
            }
        }
        let clean: (String?) -> String? = { value in
            guard let v = value?.trimmingCharacters(in: .whitespacesAndNewlines), !v.isEmpty else { return nil }
            return TextNormalizer().normalize(v)
        }
        title = clean(ogTitle) ?? clean(title)
        url = clean(canonical) ?? clean(ogURL)
    }
}
