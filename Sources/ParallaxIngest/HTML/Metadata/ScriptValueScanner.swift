import Foundation

/// Finds `"key": "value"` (or `"key": 1717...`) in script text without parsing it, for scripts that are not
/// JSON (JavaScript state objects) or JSON-LD that did not parse.
enum ScriptValueScanner {
    /// The values that follow each occurrence of `"key"` (or `key` unquoted in JavaScript) and a colon.
    static func values(for key: String, in text: String, limit: Int = 4) -> [String] {
        var out: [String] = []
        var search = text.startIndex..<text.endIndex
        while out.count < limit, let r = text.range(of: key, range: search) {
            search = r.upperBound..<text.endIndex
            // The key must stand alone: quoted, or preceded by a non-identifier character.
            if r.lowerBound > text.startIndex {
                let before = text.unicodeScalars[text.unicodeScalars.index(before: r.lowerBound)]
                if before.properties.isAlphabetic || before == "_" { continue }
            }
            var i = r.upperBound
            let scalars = text.unicodeScalars
            if i < text.endIndex, scalars[i] == "\"" || scalars[i] == "'" { i = scalars.index(after: i) }
            guard i < text.endIndex else { break }
            if scalars[i].properties.isAlphabetic || scalars[i] == "_" { continue }
            while i < text.endIndex, scalars[i] == " " || scalars[i] == "\\" { i = scalars.index(after: i) }
            guard i < text.endIndex, scalars[i] == ":" || scalars[i] == "=" else { continue }
            i = scalars.index(after: i)
            while i < text.endIndex, scalars[i] == " " || scalars[i] == "\\" { i = scalars.index(after: i) }
            guard i < text.endIndex else { break }
            let quote = scalars[i]
            var value = ""
            if quote == "\"" || quote == "'" {
                i = scalars.index(after: i)
                while i < text.endIndex, scalars[i] != quote, scalars[i] != "\\", value.unicodeScalars.count < 64 {
                    value.unicodeScalars.append(scalars[i])
                    i = scalars.index(after: i)
                }
            } else {
                while i < text.endIndex, scalars[i].value >= 48, scalars[i].value <= 57, value.count < 14 {
                    value.unicodeScalars.append(scalars[i])
                    i = scalars.index(after: i)
                }
            }
            if !value.isEmpty { out.append(value) }
        }
        return out
    }
}
