/// Small read helpers over ``HTMLNode`` for metadata extraction.
extension HTMLNode {
    /// `class` and `id` together, lowercased (`""` when neither is set).
    var classAndID: String {
        let c = attribute("class") ?? ""
        let i = attribute("id") ?? ""
        return (c.isEmpty ? i : i.isEmpty ? c : c + " " + i).lowercased()
    }

    /// The element's text with runs of whitespace collapsed to one space, cut after `limit` characters.
    func collapsedText(limit: Int = 400) -> String {
        collapseWhitespace(text, limit: limit)
    }
}

/// Collapses runs of whitespace (including no-break spaces) to one space and trims; stops after `limit` scalars.
func collapseWhitespace(_ s: String, limit: Int = .max) -> String {
    var out = String.UnicodeScalarView()
    var space = false
    var n = 0
    for u in s.unicodeScalars {
        if u.properties.isWhitespace || u.value == 0xA0 {
            space = !out.isEmpty
            continue
        }
        if space {
            out.append(" ")
            n += 1
            space = false
        }
        out.append(u)
        n += 1
        if n >= limit { break }
    }
    return String(out)
}
