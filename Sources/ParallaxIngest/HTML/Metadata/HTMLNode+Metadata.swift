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

    /// The text a reader sees: text nodes joined by spaces, without scripts and styles; whitespace collapsed.
    func readableText(limit: Int = 400) -> String {
        var out = ""
        walk { node in
            if node.isElement { return !(node.hasName("script") || node.hasName("style") || node.hasName("noscript")) }
            if node.isText, out.utf8.count < limit * 4 {
                out += node.text
                out += " "
            }
            return false
        }
        return collapseWhitespace(out, limit: limit)
    }
}

/// Decodes the character references that survive in double-escaped attribute values (`&#039;`, `&amp;`).
func decodeCharacterReferences(_ s: String) -> String {
    guard s.contains("&") else { return s }
    var out = ""
    var rest = Substring(s)
    let named: [Substring: String] = ["amp": "&", "quot": "\"", "apos": "'", "lt": "<", "gt": ">", "nbsp": " "]
    while let amp = rest.firstIndex(of: "&") {
        out += rest[..<amp]
        let after = rest[rest.index(after: amp)...]
        if let semi = after.prefix(10).firstIndex(of: ";") {
            let name = after[..<semi]
            var decoded: String?
            if name.hasPrefix("#x") || name.hasPrefix("#X") {
                decoded = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String($0) }
            } else if name.hasPrefix("#") {
                decoded = UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init).map { String($0) }
            } else {
                decoded = named[name]
            }
            if let decoded {
                out += decoded
                rest = after[after.index(after: semi)...]
                continue
            }
        }
        out += "&"
        rest = after
    }
    return out + rest
}

/// Collapses runs of whitespace (including no-break spaces) to one space and trims; stops after `limit` scalars.
func collapseWhitespace(_ s: String, limit: Int = .max) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(min(s.utf8.count, limit))
    var space = false
    var n = 0
    for u in s.unicodeScalars {
        let v = u.value
        // ASCII White_Space is U+0009...U+000D and U+0020; other scalars ask Unicode.
        if v < 0x80 ? (v == 0x20 || (v >= 0x09 && v <= 0x0D)) : (v == 0xA0 || u.properties.isWhitespace) {
            space = !out.isEmpty
            continue
        }
        if space {
            out.append(0x20)
            n += 1
            space = false
        }
        if v < 0x80 {
            out.append(UInt8(v))
        } else {
            out.append(contentsOf: u.utf8)
        }
        n += 1
        if n >= limit { break }
    }
    return String(decoding: out, as: UTF8.self)
}

extension String {
    /// Whether one of `needles` occurs in the string, comparing UTF-8 bytes (no Foundation bridging). For the
    /// class-name hints tested on every element of a page; an empty needle never matches.
    func containsAny(of needles: [String]) -> Bool {
        guard !isEmpty else { return false }
        var haystack = self
        return haystack.withUTF8 { h in
            needles.contains { needle in
                guard !needle.isEmpty, needle.utf8.count <= h.count else { return false }
                var n = needle
                return n.withUTF8 { n in
                    let first = n[0]
                    var i = 0
                    while i + n.count <= h.count {
                        if h[i] == first {
                            var k = 1
                            while k < n.count, h[i + k] == n[k] { k += 1 }
                            if k == n.count { return true }
                        }
                        i += 1
                    }
                    return false
                }
            }
        }
    }
}
