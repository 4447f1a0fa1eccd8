/// Escaping of untrusted text for HTML (and inline SVG): element content, attribute values and link targets.
public enum HTMLEscaping {
    /// `s` with `& < > " '` replaced by character references: safe in element content and in quoted attribute
    /// values. Control characters other than tab and line feed are dropped. O(n) over the UTF-8 bytes.
    public static func escape(_ s: some StringProtocol) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for u in s.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n": out.unicodeScalars.append(u)
            default:
                let v = u.value
                if v < 0x20 || v == 0x7F || (0x80...0x9F).contains(v) { continue }
                out.unicodeScalars.append(u)
            }
        }
        return out
    }

    /// `url` (trimmed) when it is an absolute `http:` or `https:` URL without whitespace or control characters;
    /// `nil` otherwise (`javascript:`, `data:`, relative and malformed URLs never become links).
    public static func safeURL(_ url: String) -> String? {
        let trimmed = url.trimmingSpaces
        guard !trimmed.unicodeScalars.contains(where: { $0.value <= 0x20 || $0.value == 0x7F }) else { return nil }
        let lower = trimmed.lowercased()
        guard lower.hasPrefix("http://") || lower.hasPrefix("https://") else { return nil }
        guard let host = StoryContext.host(of: trimmed), !host.isEmpty else { return nil }
        return trimmed
    }
}
