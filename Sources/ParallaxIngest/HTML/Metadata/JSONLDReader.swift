import Foundation

/// Reads the JSON-LD blocks of a page (`<script type="application/ld+json">`) into a flat list of objects,
/// following `@graph`, arrays and nested objects. Broken JSON is repaired where cheap (comments, CDATA, raw
/// newlines); a block that still does not parse is kept as raw text for key look-ups.
struct JSONLDReader {
    /// Every JSON object found, outermost first, in page order.
    private(set) var objects: [[String: Any]] = []
    /// The raw text of blocks that did not parse.
    private(set) var unparsed: [String] = []

    init(document: HTMLDocument) {
        for script in document.elements(named: "script") {
            guard let type = script.attribute("type")?.lowercased(), type.contains("ld+json") else { continue }
            add(script.text)
        }
    }

    init(blocks: [String]) { for b in blocks { add(b) } }

    private mutating func add(_ raw: String) {
        // Each step is skipped when its bytes show it would change nothing (most blocks are clean JSON).
        var s = raw
        if Self.hasEdge(s, where: { $0 <= 0x20 || $0 >= 0x80 }) {
            s = s.trimmingWhitespace()
        }
        for junk in ["<!--", "-->", "//<![CDATA[", "//]]>", "<![CDATA[", "]]>"] where s.containsAny(of: [junk]) {
            s = s.replacingOccurrences(of: junk, with: "")
        }
        if s.utf8.contains(where: { $0 < 0x20 }) {
            s = String(String.UnicodeScalarView(s.unicodeScalars.map { $0.value < 0x20 ? " " : $0 }))
        }
        if Self.hasEdge(s, where: { $0 == 0x20 || $0 == 0x3B }) {
            s = s.trimmingCharacters(in: CharacterSet(charactersIn: " ;"))
        }
        guard !s.isEmpty else { return }
        let data = Data(s.utf8)
        if let value = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) {
            collect(value, depth: 0)
        } else if let value = try? JSONSerialization.jsonObject(with: Data(("[" + s + "]").utf8)) {
            collect(value, depth: 0)  // several objects one after another without a list
        } else {
            unparsed.append(s)
        }
    }

    /// Whether the first or last byte of `s` satisfies `test`.
    private static func hasEdge(_ s: String, where test: (UInt8) -> Bool) -> Bool {
        guard let first = s.utf8.first, let last = s.utf8.last else { return false }
        return test(first) || test(last)
    }

    private mutating func collect(_ value: Any, depth: Int) {
        guard depth < 12 else { return }
        if let dict = value as? [String: Any] {
            objects.append(dict)
            for (_, v) in dict where v is [String: Any] || v is [Any] { collect(v, depth: depth + 1) }
        } else if let list = value as? [Any] {
            for v in list { collect(v, depth: depth + 1) }
        }
    }

    /// The lowercased `@type` values of an object.
    static func types(of object: [String: Any]) -> [String] {
        if let t = object["@type"] as? String { return [t.lowercased()] }
        if let t = object["@type"] as? [Any] { return t.compactMap { ($0 as? String)?.lowercased() } }
        return []
    }

    /// A string value, or the first string of an array value.
    static func string(_ value: Any?) -> String? {
        if let s = value as? String { return s }
        if let n = value as? NSNumber { return n.stringValue }
        if let list = value as? [Any] { return list.lazy.compactMap { string($0) }.first }
        return nil
    }

    /// The `name` of an object value (or the string itself), for each element when the value is an array.
    static func names(_ value: Any?) -> [String] {
        if let s = value as? String { return [s] }
        if let d = value as? [String: Any] { return string(d["name"]).map { [$0] } ?? [] }
        if let list = value as? [Any] { return list.flatMap { names($0) } }
        return []
    }
}
