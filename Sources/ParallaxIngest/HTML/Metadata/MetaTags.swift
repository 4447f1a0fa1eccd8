/// The page's `<meta>` values by lowercased `property`, `name` or `itemprop`, in page order.
struct MetaTags {
    private var values: [String: [String]] = [:]

    init(document: HTMLDocument) {
        for meta in document.elements(named: "meta") {
            guard let content = meta.attribute("content") else { continue }
            let value = collapseWhitespace(decodeCharacterReferences(content))
            guard !value.isEmpty else { continue }
            for attr in ["property", "name", "itemprop", "http-equiv"] {
                if let key = meta.attribute(attr)?.lowercased() { values[key, default: []].append(value) }
            }
        }
    }

    func first(_ key: String) -> String? { values[key]?.first }
    func all(_ key: String) -> [String] { values[key] ?? [] }
}
