import Foundation

/// A DOM that headless Chromium serialized (`--dump-dom`, or `outerHTML` over DevTools): its elements with their
/// attributes, its text and its document title. Chromium's serializer writes well-formed markup (quoted attribute
/// values, `&amp;` `&lt;` `&gt;` `&quot;` `&nbsp;` escapes, raw text only in `<script>` and `<style>`), which is
/// all this reader has to understand. Linear in the size of the page.
struct DumpedPage {
    struct Element {
        let tag: String
        let attributes: [String: String]
    }

    private(set) var elements: [Element] = []
    /// The text outside `<title>`, `<script>` and `<style>`, whitespace runs collapsed to one space.
    let text: String
    /// The text of the first `<title>` (inline SVG has `<title>` elements of its own).
    let title: String

    init(_ html: String) {
        let bytes = Array(html.utf8)
        var texts: [String] = []
        var titleText: String?
        var inTitle = false
        var index = 0
        var found: [Element] = []
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "<") else {
                let end = bytes[index...].firstIndex(of: UInt8(ascii: "<")) ?? bytes.count
                let piece = Self.decode(bytes[index..<end])
                if inTitle { titleText = (titleText ?? "") + piece } else { texts.append(piece) }
                index = end
                continue
            }
            if Self.starts(bytes, at: index, with: "<!--") {
                index = Self.find(bytes, "-->", from: index + 4).map { $0 + 3 } ?? bytes.count
            } else if Self.starts(bytes, at: index, with: "</") || Self.starts(bytes, at: index, with: "<!") {
                let close = bytes[index...].firstIndex(of: UInt8(ascii: ">")) ?? bytes.count
                if Self.starts(bytes, at: index, with: "</title") { inTitle = false }
                index = min(close + 1, bytes.count)
            } else if let (element, end) = Self.startTag(bytes, at: index) {
                found.append(element)
                index = end
                inTitle = element.tag == "title" && titleText == nil
                if inTitle { titleText = "" }
                if element.tag == "script" || element.tag == "style" {  // raw text: skipped to its end tag
                    index = Self.find(bytes, "</\(element.tag)", from: index) ?? bytes.count
                }
            } else {  // a lone "<" is text
                texts.append("<")
                index += 1
            }
        }
        elements = found
        title = titleText ?? ""
        text = texts.joined(separator: " ").split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Whether an element matches `selector`: a tag, then `.class` and `[attr]` / `[attr=value]` parts
    /// (`article[dir=auto][lang=ar]`, `table.matrix`). Nil when the selector cannot be read.
    static func matches(_ selector: String, _ element: Element) -> Bool? {
        var rest = Substring(selector)
        let tag = rest.prefix { $0.isLetter || $0.isNumber }
        guard !tag.isEmpty else { return nil }
        rest = rest.dropFirst(tag.count)
        var classes: [Substring] = []
        var conditions: [(name: Substring, value: Substring?)] = []
        while let first = rest.first {
            if first == "." {
                let name = rest.dropFirst().prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
                guard !name.isEmpty else { return nil }
                classes.append(name)
                rest = rest.dropFirst(name.count + 1)
            } else if first == "[", let close = rest.firstIndex(of: "]") {
                let inside = rest[rest.index(after: rest.startIndex)..<close]
                if let equals = inside.firstIndex(of: "=") {
                    conditions.append((name: inside[..<equals], value: inside[inside.index(after: equals)...]))
                } else {
                    conditions.append((name: inside, value: nil))
                }
                rest = rest[rest.index(after: close)...]
            } else {
                return nil
            }
        }
        guard element.tag == tag else { return false }
        let own = Set((element.attributes["class"] ?? "").split(separator: " "))
        guard classes.allSatisfy(own.contains) else { return false }
        return conditions.allSatisfy { condition in
            guard let value = element.attributes[String(condition.name)] else { return false }
            return condition.value.map { $0 == value } ?? true
        }
    }

    // MARK: - Reading

    /// The start tag at `index` and the index after it, or nil when `<` does not open a tag.
    private static func startTag(_ bytes: [UInt8], at start: Int) -> (Element, Int)? {
        var index = start + 1
        let name = word(bytes, &index)
        guard !name.isEmpty, bytes[start + 1].isASCIILetter else { return nil }
        var attributes: [String: String] = [:]
        while index < bytes.count {
            skipSpace(bytes, &index)
            guard index < bytes.count else { break }
            if bytes[index] == UInt8(ascii: ">") { return (Element(tag: name, attributes: attributes), index + 1) }
            if bytes[index] == UInt8(ascii: "/") {
                index += 1
                continue
            }
            let attribute = word(bytes, &index)
            if attribute.isEmpty {  // a character no name may hold: skip it
                index += 1
                continue
            }
            skipSpace(bytes, &index)
            var value = ""
            if index < bytes.count, bytes[index] == UInt8(ascii: "=") {
                index += 1
                skipSpace(bytes, &index)
                if index < bytes.count, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") {
                    let quote = bytes[index]
                    let end = bytes[(index + 1)...].firstIndex(of: quote) ?? bytes.count
                    value = decode(bytes[(index + 1)..<end])
                    index = min(end + 1, bytes.count)
                } else {
                    let end = bytes[index...].firstIndex { $0 == UInt8(ascii: ">") || isSpace($0) } ?? bytes.count
                    value = decode(bytes[index..<end])
                    index = end
                }
            }
            if attributes[attribute] == nil { attributes[attribute] = value }
        }
        return (Element(tag: name, attributes: attributes), bytes.count)
    }

    /// A tag or attribute name at `index` (lowercased), moving past it.
    private static func word(_ bytes: [UInt8], _ index: inout Int) -> String {
        let start = index
        while index < bytes.count, !isSpace(bytes[index]),
            ![UInt8(ascii: ">"), UInt8(ascii: "/"), UInt8(ascii: "="), UInt8(ascii: "\""), UInt8(ascii: "'")]
                .contains(bytes[index])
        {
            index += 1
        }
        return String(decoding: bytes[start..<index], as: UTF8.self).lowercased()
    }

    private static func skipSpace(_ bytes: [UInt8], _ index: inout Int) {
        while index < bytes.count, isSpace(bytes[index]) { index += 1 }
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D
    }

    private static func starts(_ bytes: [UInt8], at index: Int, with prefix: String) -> Bool {
        let wanted = Array(prefix.utf8)
        guard index + wanted.count <= bytes.count else { return false }
        return zip(bytes[index...], wanted).allSatisfy { $0.lowercasedASCII == $1 }
    }

    /// The first index at or after `from` where `needle` starts (ASCII, case-insensitive). Linear for the short
    /// needles used here.
    private static func find(_ bytes: [UInt8], _ needle: String, from: Int) -> Int? {
        var index = from
        while index < bytes.count {
            if starts(bytes, at: index, with: needle) { return index }
            index += 1
        }
        return nil
    }

    /// Text with character references replaced (`&amp;`, `&lt;`, `&#39;`, `&#x27;` ...).
    private static func decode(_ bytes: ArraySlice<UInt8>) -> String {
        let raw = String(decoding: bytes, as: UTF8.self)
        guard raw.contains("&") else { return raw }
        var out = ""
        var rest = Substring(raw)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            rest = rest[amp...]
            let reference = rest.dropFirst().prefix { $0 != ";" && ($0.isLetter || $0.isNumber || $0 == "#") }
            let next = rest.index(rest.startIndex, offsetBy: reference.count + 1)
            guard next < rest.endIndex, rest[next] == ";", let character = character(for: reference) else {
                out += "&"
                rest = rest.dropFirst()
                continue
            }
            out.unicodeScalars.append(character)
            rest = rest[rest.index(after: next)...]
        }
        return out + rest
    }

    private static let named: [Substring: Unicode.Scalar] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}",
    ]

    private static func character(for reference: Substring) -> Unicode.Scalar? {
        guard reference.first == "#" else { return named[reference] }
        let digits = reference.dropFirst()
        let value =
            digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
        return value.flatMap(Unicode.Scalar.init)
    }
}

extension UInt8 {
    fileprivate var isASCIILetter: Bool { (0x41...0x5A).contains(self) || (0x61...0x7A).contains(self) }
    fileprivate var lowercasedASCII: UInt8 { (0x41...0x5A).contains(self) ? self + 0x20 : self }
}
